/**
 * Snapshot layout (schema SNAPSHOT_VERSION), stored by the trigger in n8n static data, so plain JSON only
 * (n8n-conventions.md §4.1). Columnar: one array per field aligned with the sorted employee IDs, each
 * column in whichever encoding is smallest for its data. Repeated values (departments, titles, sites,
 * managers, statuses) become small indexes into a dictionary sorted by frequency; per-person values
 * (names, emails) stay plain. Unreadable (undefined) values are kept distinct from null so the guard can
 * tell "permission removed" from "empty".
 */
import { dateToDayNumber, dayNumberToDate } from './dates';
import type {
	LifecycleSnapshot,
	SnapshotColumn,
} from '../../../../../../nodes/HiBob/core/lifecycle/types';

export const SNAPSHOT_VERSION = 1;

/** A decoded snapshot row. */
export interface StoredEmployee {
	values: Record<string, unknown>;
	/** Dated-event flags, see FIRED_* in diff.ts. */
	fired: number;
}

export interface DecodedSnapshot {
	fingerprint: string;
	today: string;
	employees: Map<string, StoredEmployee>;
}

export type DecodeResult =
	| { ok: true; snapshot: DecodedSnapshot }
	| { ok: false; reason: 'snapshotVersionChanged' | 'snapshotUnreadable' };

/** Display name is usually "first surname": stored as 1 instead of repeating both names. */
const JOINED_FIELDS: Record<string, string[]> = {
	'root.displayName': ['root.firstName', 'root.surname'],
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RAW_ID_PREFIX = '~';

/**
 * HiBob IDs are 19-digit decimal strings: base 62 stores them in 11 characters instead of 19. Anything
 * else (leading zero, letters) is kept verbatim behind '~', which base 62 never produces, so every ID
 * round-trips exactly. BigInt: the IDs exceed 2^53.
 */
export function encodeEmployeeId(id: string): string {
	if (!/^[1-9]\d{0,39}$/.test(id)) return RAW_ID_PREFIX + id;
	let number = BigInt(id);
	let encoded = '';
	while (number > 0n) {
		encoded = BASE62[Number(number % 62n)] + encoded;
		number /= 62n;
	}
	return encoded;
}

export function decodeEmployeeId(encoded: string): string | undefined {
	if (encoded.startsWith(RAW_ID_PREFIX)) return encoded.slice(RAW_ID_PREFIX.length);
	if (!/^[0-9A-Za-z]+$/.test(encoded)) return undefined;
	let number = 0n;
	for (const character of encoded) number = number * 62n + BigInt(BASE62.indexOf(character));
	return number.toString();
}

/** Numeric order for decimal IDs (shorter first), so snapshots and events are deterministic. */
export function compareEmployeeIds(left: string, right: string): number {
	if (left.length !== right.length) return left.length - right.length;
	return left < right ? -1 : left > right ? 1 : 0;
}

/** JSON text with sorted object keys: equal values give equal keys. */
export function canonicalJson(value: unknown): string {
	if (value === undefined) return 'undefined';
	// Almost every HiBob value is a primitive: skip the replacer, it dominates a 10k-employee diff.
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	return JSON.stringify(value, (_key, inner: unknown) => {
		if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(inner).sort())
			sorted[key] = (inner as Record<string, unknown>)[key];
		return sorted;
	});
}

function isStringOrNull(value: unknown): value is string | null | undefined {
	return value === undefined || value === null || typeof value === 'string';
}

function dictionaryColumn(field: string, values: unknown[]): SnapshotColumn {
	const counts = new Map<string, { value: unknown; count: number; first: number }>();
	values.forEach((value, row) => {
		if (value === undefined) return;
		const key = canonicalJson(value);
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { value, count: 1, first: row });
	});
	// Most frequent first: the common values get one-digit indexes.
	const entries = [...counts.entries()].sort(
		([, left], [, right]) => right.count - left.count || left.first - right.first,
	);
	const indexes = new Map(entries.map(([key], index) => [key, index]));
	return {
		f: field,
		k: 'd',
		d: entries.map(([, entry]) => entry.value),
		v: values.map((value) =>
			value === undefined ? -1 : (indexes.get(canonicalJson(value)) ?? -1),
		),
	};
}

function candidateColumns(
	field: string,
	values: unknown[],
	columns: Map<string, unknown[]>,
): SnapshotColumn[] {
	const candidates: SnapshotColumn[] = [dictionaryColumn(field, values)];
	if (!values.every(isStringOrNull)) return candidates;
	const strings = values as Array<string | null | undefined>;
	candidates.push({
		f: field,
		k: 's',
		v: strings.map((value) => (value === undefined ? 0 : value)),
	});

	if (strings.some((value) => typeof value === 'string' && value.includes('@'))) {
		const domains: string[] = [];
		const domainIndexes = new Map<string, number>();
		const encoded = strings.map((value) => {
			if (value === undefined) return 0;
			if (value === null) return null;
			const at = value.lastIndexOf('@');
			if (at < 0) return value;
			const domain = value.slice(at + 1);
			let index = domainIndexes.get(domain);
			if (index === undefined) {
				index = domains.push(domain) - 1;
				domainIndexes.set(domain, index);
			}
			return `${value.slice(0, at)}@${index}`;
		});
		candidates.push({ f: field, k: 'e', d: domains, v: encoded });
	}

	if (
		strings.every(
			(value) => value === undefined || value === null || dateToDayNumber(value) !== undefined,
		)
	) {
		candidates.push({
			f: field,
			k: 't',
			v: strings.map((value) =>
				value === undefined ? false : value === null ? null : (dateToDayNumber(value) as number),
			),
		});
	}

	const sources = JOINED_FIELDS[field];
	if (sources?.every((source) => columns.has(source))) {
		const sourceValues = sources.map((source) => columns.get(source) as unknown[]);
		candidates.push({
			f: field,
			k: 'j',
			s: sources,
			v: strings.map((value, row) => {
				if (value === undefined) return 0;
				const parts = sourceValues.map((source) => source[row]);
				const joinable = parts.every((part) => typeof part === 'string');
				return joinable && parts.join(' ') === value ? 1 : value;
			}),
		});
	}
	return candidates;
}

/** `rows` must be sorted by employee ID (compareEmployeeIds). */
export function encodeSnapshot(
	fingerprint: string,
	today: string,
	storedFields: readonly string[],
	rows: ReadonlyArray<readonly [string, StoredEmployee]>,
): LifecycleSnapshot {
	const columns = new Map<string, unknown[]>(
		storedFields.map((field) => [field, rows.map(([, row]) => row.values[field])]),
	);
	const encodedColumns = storedFields.map((field) => {
		const candidates = candidateColumns(field, columns.get(field) as unknown[], columns);
		// First of the smallest wins: deterministic.
		let best = candidates[0];
		let bestSize = JSON.stringify(best).length;
		for (const candidate of candidates.slice(1)) {
			const size = JSON.stringify(candidate).length;
			if (size < bestSize) {
				best = candidate;
				bestSize = size;
			}
		}
		return best;
	});
	return {
		v: SNAPSHOT_VERSION,
		c: fingerprint,
		t: today,
		i: rows.map(([id]) => encodeEmployeeId(id)),
		x: rows.map(([, row]) => row.fired),
		o: encodedColumns,
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes one column; undefined when it is malformed. */
function decodeColumn(
	column: Record<string, unknown>,
	rowCount: number,
	decoded: Map<string, unknown[]>,
): unknown[] | undefined {
	const values = column.v;
	if (!Array.isArray(values) || values.length !== rowCount) return undefined;
	switch (column.k) {
		case 'd': {
			const dictionary = column.d;
			if (!Array.isArray(dictionary)) return undefined;
			if (
				!values.every(
					(index) => Number.isInteger(index) && index >= -1 && index < dictionary.length,
				)
			) {
				return undefined;
			}
			return values.map((index: number) => (index === -1 ? undefined : dictionary[index]));
		}
		case 's':
			return values.map((value: unknown) => (value === 0 ? undefined : value));
		case 'e': {
			const domains = column.d;
			if (!Array.isArray(domains)) return undefined;
			return values.map((value: unknown) => {
				if (value === 0) return undefined;
				if (typeof value !== 'string') return value;
				const at = value.lastIndexOf('@');
				return at < 0
					? value
					: `${value.slice(0, at)}@${String(domains[Number(value.slice(at + 1))])}`;
			});
		}
		case 't':
			return values.map((value: unknown) =>
				value === false ? undefined : typeof value === 'number' ? dayNumberToDate(value) : null,
			);
		case 'j': {
			const sources = column.s;
			if (!Array.isArray(sources)) return undefined;
			const sourceValues = sources.map((source) => decoded.get(String(source)));
			if (sourceValues.some((source) => source === undefined)) return undefined;
			return values.map((value: unknown, row) => {
				if (value === 0) return undefined;
				if (value === 1) return sourceValues.map((source) => (source as unknown[])[row]).join(' ');
				return value;
			});
		}
		default:
			return undefined;
	}
}

/**
 * Anything that is not a snapshot this version wrote (older schema, hand-edited static data) decodes to a
 * reason instead of throwing: the engine then re-baselines quietly.
 */
export function decodeSnapshot(raw: unknown): DecodeResult {
	if (!isRecord(raw)) return { ok: false, reason: 'snapshotUnreadable' };
	if (raw.v !== SNAPSHOT_VERSION) return { ok: false, reason: 'snapshotVersionChanged' };
	const { c: fingerprint, t: today, i: ids, x: fired, o: columns } = raw;
	if (
		typeof fingerprint !== 'string' ||
		typeof today !== 'string' ||
		!Array.isArray(ids) ||
		!Array.isArray(fired) ||
		!Array.isArray(columns) ||
		fired.length !== ids.length
	) {
		return { ok: false, reason: 'snapshotUnreadable' };
	}
	const decoded = new Map<string, unknown[]>();
	// Joined columns read other columns, so they are decoded last.
	const ordered = [...columns].sort(
		(left, right) =>
			Number(isRecord(left) && left.k === 'j') - Number(isRecord(right) && right.k === 'j'),
	);
	for (const column of ordered) {
		if (!isRecord(column) || typeof column.f !== 'string')
			return { ok: false, reason: 'snapshotUnreadable' };
		const values = decodeColumn(column, ids.length, decoded);
		if (!values) return { ok: false, reason: 'snapshotUnreadable' };
		decoded.set(column.f, values);
	}
	const employees = new Map<string, StoredEmployee>();
	for (let row = 0; row < ids.length; row++) {
		const id = typeof ids[row] === 'string' ? decodeEmployeeId(ids[row] as string) : undefined;
		const flags = fired[row];
		if (id === undefined || typeof flags !== 'number')
			return { ok: false, reason: 'snapshotUnreadable' };
		const values: Record<string, unknown> = {};
		for (const [field, column] of decoded) {
			if (column[row] !== undefined) values[field] = column[row];
		}
		employees.set(id, { values, fired: flags });
	}
	return { ok: true, snapshot: { fingerprint, today, employees } };
}
