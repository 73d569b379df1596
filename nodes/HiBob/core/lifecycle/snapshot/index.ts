/**
 * Snapshot layout (schema SNAPSHOT_VERSION), stored by the trigger in n8n static data, so plain JSON only.
 * Columnar: the employee IDs sorted (ids.ts), the dated-event flags per row, and one column per stored
 * field aligned with the IDs, each in whichever kind is smallest for its data (columns.ts).
 */
import { isRecord } from '../../json';
import type { LifecycleSnapshot } from '../types';
import type { ColumnReader, ColumnSource, SnapshotColumn } from './columns';
import { codecOf, encodeColumn } from './columns';
import { compareEmployeeIds, decodeEmployeeId, encodeEmployeeId } from './ids';

export type { ColumnReader, SnapshotColumn } from './columns';
export { compareEmployeeIds, decodeEmployeeId, encodeEmployeeId } from './ids';

export const SNAPSHOT_VERSION = 1;

/** A snapshot row as the rules read it. */
export interface StoredEmployee {
	values: Record<string, unknown>;
	/** Dated-event flags, see FIRED_* in rules.ts. */
	fired: number;
}

/**
 * The snapshot from rows: `rows[n][field]` is the stored value of row n, aligned with `encodedIds`
 * (sorted by employee ID). `reuse` holds previous encoded columns whose decoded values are exactly
 * these (same rows, same JSON): they are taken as they are instead of being encoded again, which is
 * what makes a quiet poll cheap. A column that reads other fields is only reused with them. Columns are
 * only gathered for the fields that are encoded (and the fields a column refers to).
 */
export function encodeColumnar(
	fingerprint: string,
	today: string,
	storedFields: readonly string[],
	encodedIds: string[],
	fired: number[],
	rows: ReadonlyArray<Record<string, unknown>>,
	reuse?: ReadonlyMap<string, SnapshotColumn>,
): LifecycleSnapshot {
	const gathered = new Map<string, unknown[]>();
	const others: ColumnSource = {
		has: (field) => storedFields.includes(field),
		get: (field) => {
			let column = gathered.get(field);
			if (!column) {
				column = new Array<unknown>(rows.length);
				for (let row = 0; row < rows.length; row++) column[row] = rows[row][field];
				gathered.set(field, column);
			}
			return column;
		},
	};
	const reusable = (field: string): SnapshotColumn | undefined => {
		const column = reuse?.get(field);
		const codec = column && codecOf(column.k);
		if (!column || !codec) return undefined;
		if (!codec.sources) return column;
		return codec.sources(column)?.every((source) => reuse?.has(source)) ? column : undefined;
	};
	return {
		v: SNAPSHOT_VERSION,
		c: fingerprint,
		t: today,
		i: encodedIds,
		x: fired,
		o: storedFields.map(
			(field) => reusable(field) ?? encodeColumn(field, others.get(field), others),
		),
	};
}

/** `rows` must be sorted by employee ID (compareEmployeeIds). */
export function encodeSnapshot(
	fingerprint: string,
	today: string,
	storedFields: readonly string[],
	rows: ReadonlyArray<readonly [string, StoredEmployee]>,
): LifecycleSnapshot {
	return encodeColumnar(
		fingerprint,
		today,
		storedFields,
		rows.map(([id]) => encodeEmployeeId(id)),
		rows.map(([, row]) => row.fired),
		rows.map(([, row]) => row.values),
	);
}

/**
 * A snapshot decoded column by column, the form the diff works on: no object per employee. `ids` are
 * decoded and sorted, `encodedIds` as stored. `columns` and `raw` are keyed by field.
 */
export interface ColumnarSnapshot {
	fingerprint: string;
	today: string;
	ids: string[];
	encodedIds: string[];
	fired: number[];
	/** Readers per field, in decode order (columns that read other fields last). */
	columns: Map<string, ColumnReader>;
	/** The stored column each field's values came from. */
	raw: Map<string, SnapshotColumn>;
	/**
	 * The snapshot as stored, rebuilt from the plain copies above (same arrays and column objects): what
	 * the next snapshot is compared with to tell whether the state changed.
	 */
	stored: LifecycleSnapshot;
}

export type ColumnarDecodeResult =
	| { ok: true; snapshot: ColumnarSnapshot }
	| { ok: false; reason: 'snapshotVersionChanged' | 'snapshotUnreadable' };

const UNREADABLE = { ok: false, reason: 'snapshotUnreadable' } as const;

/**
 * Anything that is not a snapshot this version writes (older schema, hand-edited static data: unsorted
 * or repeated IDs, an ID not in its canonical form, a malformed column) decodes to a reason instead of
 * throwing: the engine then re-baselines quietly.
 */
export function decodeSnapshotColumns(raw: unknown): ColumnarDecodeResult {
	if (!isRecord(raw)) return UNREADABLE;
	if (raw.v !== SNAPSHOT_VERSION) return { ok: false, reason: 'snapshotVersionChanged' };
	const { c: fingerprint, t: today } = raw;
	if (
		typeof fingerprint !== 'string' ||
		typeof today !== 'string' ||
		!Array.isArray(raw.i) ||
		!Array.isArray(raw.x) ||
		!Array.isArray(raw.o) ||
		raw.x.length !== raw.i.length
	) {
		return UNREADABLE;
	}
	// Plain copies of the stored arrays, taken once: n8n hands static data over wrapped in change-tracking
	// Proxies after loading it, and reading 50,000 rows through a Proxy costs more than the whole diff.
	// Copying a plain array is a memcpy. Reused columns are these copies, so no Proxy is stored again.
	const ids = raw.i.slice() as unknown[];
	const fired = raw.x.slice() as unknown[];
	const columns = (raw.o.slice() as unknown[]).map((column) => {
		if (!isRecord(column)) return column;
		const copy: Record<string, unknown> = { ...column };
		for (const key of ['v', 'd', 's']) {
			if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).slice();
		}
		return copy;
	});
	const readers = new Map<string, ColumnReader>();
	const rawColumns = new Map<string, SnapshotColumn>();
	// Columns that read other columns are decoded last.
	const readsOthers = (column: unknown) =>
		isRecord(column) && codecOf(column.k)?.sources !== undefined ? 1 : 0;
	const ordered = [...columns].sort((left, right) => readsOthers(left) - readsOthers(right));
	for (const column of ordered) {
		if (!isRecord(column) || typeof column.f !== 'string' || rawColumns.has(column.f))
			return UNREADABLE;
		const reader = codecOf(column.k)?.read(column, ids.length, readers);
		if (!reader) return UNREADABLE;
		readers.set(column.f, reader);
		rawColumns.set(column.f, column as unknown as SnapshotColumn);
	}
	const decodedIds: string[] = new Array(ids.length);
	for (let row = 0; row < ids.length; row++) {
		const id = typeof ids[row] === 'string' ? decodeEmployeeId(ids[row] as string) : undefined;
		if (id === undefined || typeof fired[row] !== 'number') return UNREADABLE;
		// Sorted and distinct, as encoded: the merge walk relies on it.
		if (row > 0 && compareEmployeeIds(decodedIds[row - 1], id) >= 0) return UNREADABLE;
		decodedIds[row] = id;
	}
	return {
		ok: true,
		snapshot: {
			fingerprint,
			today,
			ids: decodedIds,
			encodedIds: ids as string[],
			fired: fired as number[],
			columns: readers,
			raw: rawColumns,
			stored: {
				v: SNAPSHOT_VERSION,
				c: fingerprint,
				t: today,
				i: ids as string[],
				x: fired as number[],
				o: columns as SnapshotColumn[],
			},
		},
	};
}

/** One row's stored values (readable ones only), keyed by field. */
export function rowValues(
	columns: ReadonlyMap<string, ColumnReader>,
	row: number,
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [field, column] of columns) {
		const value = column.get(row);
		if (value !== undefined) values[field] = value;
	}
	return values;
}
