/**
 * Snapshot layout (schema SNAPSHOT_VERSION), stored by the trigger in n8n static data, so plain JSON only
 * (n8n-conventions.md §4.1). Columnar: one array per field aligned with the sorted employee IDs, each
 * column in whichever encoding is smallest for its data. Repeated values (departments, titles, sites,
 * managers, statuses) become small indexes into a dictionary sorted by frequency; per-person values
 * (names, emails) stay plain. Unreadable (undefined) values are kept distinct from null so the guard can
 * tell "permission removed" from "empty".
 */
import { dateToDayNumber, dayNumberToDate } from './dates';
import type { LifecycleSnapshot, SnapshotColumn } from './types';

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

const DECIMAL_ID = /^[1-9]\d{0,39}$/;
const BASE62_ID = /^[0-9A-Za-z]+$/;
/** Limbs of 10^7: a limb × 62 plus a carry stays far below 2^53, so plain numbers stay exact. */
const LIMB = 10_000_000;
const LIMB_DIGITS = 7;

/** A base-62 digit's value, -1 for any other character. */
function base62Digit(code: number): number {
	if (code >= 48 && code <= 57) return code - 48; // 0-9
	if (code >= 65 && code <= 90) return code - 55; // A-Z
	if (code >= 97 && code <= 122) return code - 61; // a-z
	return -1;
}

/**
 * HiBob IDs are 19-digit decimal strings: base 62 stores them in 11 characters instead of 19. Anything
 * else (leading zero, letters) is kept verbatim behind '~', which base 62 never produces, so every ID
 * round-trips exactly. The IDs exceed 2^53: the conversion runs on base-10^7 limbs (exact, and much
 * faster than BigInt, which showed up in profiles of 50,000-employee baselines).
 */
export function encodeEmployeeId(id: string): string {
	if (!DECIMAL_ID.test(id)) return RAW_ID_PREFIX + id;
	if (id.length <= 19) {
		// Up to 19 digits: high × 10^9 + low with high < 10^10, exact in two plain numbers.
		let high = id.length > 9 ? Number(id.slice(0, id.length - 9)) : 0;
		let low = Number(id.length > 9 ? id.slice(id.length - 9) : id);
		let encoded = '';
		while (high > 0 || low > 0) {
			const highQuotient = Math.floor(high / 62);
			const current = (high - highQuotient * 62) * 1e9 + low;
			const lowQuotient = Math.floor(current / 62);
			encoded = BASE62[current - lowQuotient * 62] + encoded;
			high = highQuotient;
			low = lowQuotient;
		}
		return encoded;
	}
	// Most significant limb first.
	const limbs: number[] = [];
	for (let end = id.length; end > 0; end -= LIMB_DIGITS) {
		limbs.unshift(Number(id.slice(Math.max(0, end - LIMB_DIGITS), end)));
	}
	let encoded = '';
	let first = 0;
	while (first < limbs.length) {
		let remainder = 0;
		for (let index = first; index < limbs.length; index++) {
			const current = remainder * LIMB + limbs[index];
			limbs[index] = Math.floor(current / 62);
			remainder = current - limbs[index] * 62;
		}
		encoded = BASE62[remainder] + encoded;
		while (first < limbs.length && limbs[first] === 0) first++;
	}
	return encoded;
}

export function decodeEmployeeId(encoded: string): string | undefined {
	if (encoded.startsWith(RAW_ID_PREFIX)) return encoded.slice(RAW_ID_PREFIX.length);
	if (encoded.length > 0 && encoded.length <= 11) {
		// Below 62^11 < 10^9 × 2^36: high × 10^9 + low, exact in two plain numbers.
		let high = 0;
		let low = 0;
		for (let at = 0; at < encoded.length; at++) {
			const digit = base62Digit(encoded.charCodeAt(at));
			if (digit < 0) return undefined;
			low = low * 62 + digit;
			const carry = Math.floor(low / 1e9);
			low -= carry * 1e9;
			high = high * 62 + carry;
		}
		return high > 0 ? String(high) + String(low).padStart(9, '0') : String(low);
	}
	if (!BASE62_ID.test(encoded)) return undefined;
	// Least significant limb first.
	const limbs = [0];
	for (let at = 0; at < encoded.length; at++) {
		let carry = base62Digit(encoded.charCodeAt(at));
		for (let index = 0; index < limbs.length; index++) {
			const current = limbs[index] * 62 + carry;
			carry = Math.floor(current / LIMB);
			limbs[index] = current - carry * LIMB;
		}
		if (carry > 0) limbs.push(carry);
	}
	let decimal = String(limbs[limbs.length - 1]);
	for (let index = limbs.length - 2; index >= 0; index--) {
		decimal += String(limbs[index]).padStart(LIMB_DIGITS, '0');
	}
	return decimal;
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

/** `canonicalJson(left) === canonicalJson(right)`, without building the JSON for the usual cases. */
export function canonicallyEqual(left: unknown, right: unknown): boolean {
	if (left === right) return true;
	if (typeof left === 'string' && typeof right === 'string') return false;
	return canonicalJson(left) === canonicalJson(right);
}

/**
 * True when both values are the same JSON, key order included: storing either gives the same snapshot,
 * and reporting either gives the same event. Stricter than canonicallyEqual on purpose.
 */
export function sameJson(left: unknown, right: unknown): boolean {
	if (left === right) return typeof left !== 'number' || !Number.isNaN(left);
	if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
		return false;
	return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * `JSON.stringify(left) === JSON.stringify(right)` for snapshots, without building either text: key order
 * included, and shared parts (the columns and ID list a quiet poll reuses) are equal by identity, so they
 * are not walked. Never true where the two JSON texts differ; may be false where they agree (an
 * `undefined` member, NaN), which only costs one needless write of the state.
 */
export function sameJsonTree(left: unknown, right: unknown): boolean {
	if (left === right) return typeof left !== 'number' || !Number.isNaN(left);
	if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
		return false;
	if (Array.isArray(left)) {
		if (!Array.isArray(right) || left.length !== right.length) return false;
		for (let index = 0; index < left.length; index++) {
			const a: unknown = left[index];
			const b: unknown = right[index];
			if (a !== b && !sameJsonTree(a, b)) return false;
		}
		return true;
	}
	if (Array.isArray(right)) return false;
	const leftKeys = Object.keys(left);
	const rightKeys = Object.keys(right);
	if (leftKeys.length !== rightKeys.length) return false;
	for (let index = 0; index < leftKeys.length; index++) {
		const key = leftKeys[index];
		if (key !== rightKeys[index]) return false;
		if (
			!sameJsonTree((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key])
		)
			return false;
	}
	return true;
}

/** JSON primitives a Map can key directly: distinct keys ⇔ distinct canonicalJson. */
function isPlainPrimitive(value: unknown): boolean {
	return (
		value === null ||
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value))
	);
}

function isStringOrNull(value: unknown): value is string | null | undefined {
	return value === undefined || value === null || typeof value === 'string';
}

interface DictionaryEntry {
	value: unknown;
	count: number;
	first: number;
}

function dictionaryColumn(field: string, values: unknown[]): SnapshotColumn {
	// Primitives (nearly every HiBob value) are keyed as themselves; anything else by canonical JSON.
	const primitives = values.every((value) => value === undefined || isPlainPrimitive(value));
	const keyOf = primitives ? (value: unknown) => value : canonicalJson;
	const counts = new Map<unknown, DictionaryEntry>();
	for (let row = 0; row < values.length; row++) {
		const value = values[row];
		if (value === undefined) continue;
		const key = keyOf(value);
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { value, count: 1, first: row });
	}
	// Most frequent first: the common values get one-digit indexes.
	const entries = [...counts.entries()].sort(
		([, left], [, right]) => right.count - left.count || left.first - right.first,
	);
	const indexes = new Map<unknown, number>();
	for (let index = 0; index < entries.length; index++) indexes.set(entries[index][0], index);
	const encoded: number[] = new Array(values.length);
	for (let row = 0; row < values.length; row++) {
		const value = values[row];
		encoded[row] = value === undefined ? -1 : (indexes.get(keyOf(value)) ?? -1);
	}
	return { f: field, k: 'd', d: entries.map(([, entry]) => entry.value), v: encoded };
}

/** The columns a joined candidate may read: only stored fields. */
interface ColumnSource {
	has(field: string): boolean;
	get(field: string): unknown[];
}

function candidateColumns(
	field: string,
	values: unknown[],
	columns: ColumnSource,
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

	const days: Array<number | null | false> = new Array(strings.length);
	let allDates = true;
	for (let row = 0; row < strings.length && allDates; row++) {
		const value = strings[row];
		if (value === undefined) days[row] = false;
		else if (value === null) days[row] = null;
		else {
			const day = dateToDayNumber(value);
			if (day === undefined) allDates = false;
			else days[row] = day;
		}
	}
	if (allDates) candidates.push({ f: field, k: 't', v: days });

	const sources = JOINED_FIELDS[field];
	if (sources?.every((source) => columns.has(source))) {
		const sourceValues = sources.map((source) => columns.get(source) as unknown[]);
		const joined: Array<string | null | 0 | 1> = new Array(strings.length);
		for (let row = 0; row < strings.length; row++) {
			const value = strings[row];
			if (value === undefined) {
				joined[row] = 0;
				continue;
			}
			let text = '';
			let joinable = true;
			for (let index = 0; index < sourceValues.length; index++) {
				const part = sourceValues[index][row];
				if (typeof part !== 'string') {
					joinable = false;
					break;
				}
				text = index === 0 ? part : `${text} ${part}`;
			}
			joined[row] = joinable && text === value ? 1 : value;
		}
		candidates.push({ f: field, k: 'j', s: sources, v: joined });
	}
	return candidates;
}

/** The smallest of the candidate encodings; the first of the smallest wins: deterministic. */
function encodeColumn(field: string, values: unknown[], columns: ColumnSource): SnapshotColumn {
	const candidates = candidateColumns(field, values, columns);
	let best = candidates[0];
	let bestSize = JSON.stringify(best).length;
	for (let index = 1; index < candidates.length; index++) {
		const size = JSON.stringify(candidates[index]).length;
		if (size < bestSize) {
			best = candidates[index];
			bestSize = size;
		}
	}
	return best;
}

/**
 * The snapshot from rows: `rows[n][field]` is the stored value of row n, aligned with `encodedIds`
 * (sorted by employee ID). `reuse` holds previous encoded columns whose decoded values are exactly
 * these (same rows, same JSON): they are taken as they are instead of being encoded again, which is
 * what makes a quiet poll cheap. A joined column is only reused with its sources. Columns are only
 * gathered for the fields that are encoded (and the sources a joined column compares with).
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
	const columns = {
		has: (field: string) => storedFields.includes(field),
		get: (field: string): unknown[] => {
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
		if (!column) return undefined;
		if (column.k !== 'j') return column;
		const sources = JOINED_FIELDS[field];
		return sources !== undefined &&
			column.s.length === sources.length &&
			sources.every((source, index) => column.s[index] === source && reuse?.get(source))
			? column
			: undefined;
	};
	return {
		v: SNAPSHOT_VERSION,
		c: fingerprint,
		t: today,
		i: encodedIds,
		x: fired,
		o: storedFields.map(
			(field) => reusable(field) ?? encodeColumn(field, columns.get(field), columns),
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

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One stored column, read in place: `get` decodes a row's value, `same` tells whether a value is the
 * same JSON as the row's decoded value without decoding it (no string is built for an unchanged email,
 * date or joined name, which is most of a quiet poll).
 */
export interface ColumnReader {
	get(row: number): unknown;
	same(row: number, value: unknown): boolean;
}

/** Decimal digits only, as an index; -1 otherwise (then the generic decode decides). */
function plainIndex(text: string, from: number): number {
	if (from >= text.length || text.length - from > 9) return -1;
	let index = 0;
	for (let at = from; at < text.length; at++) {
		const digit = text.charCodeAt(at) - 48;
		if (digit < 0 || digit > 9) return -1;
		index = index * 10 + digit;
	}
	return index;
}

function dictionaryReader(dictionary: unknown[], values: number[]): ColumnReader {
	const get = (row: number) => (values[row] === -1 ? undefined : dictionary[values[row]]);
	return {
		get,
		same: (row, value) => {
			const stored = get(row);
			return value === stored ? value === value : sameJson(value, stored);
		},
	};
}

function stringReader(values: unknown[]): ColumnReader {
	const get = (row: number) => (values[row] === 0 ? undefined : values[row]);
	return {
		get,
		same: (row, value) => {
			const stored = get(row);
			return value === stored ? value === value : sameJson(value, stored);
		},
	};
}

function emailReader(domains: unknown[], values: unknown[]): ColumnReader {
	const get = (row: number): unknown => {
		const value = values[row];
		if (value === 0) return undefined;
		if (typeof value !== 'string') return value;
		const at = value.lastIndexOf('@');
		return at < 0 ? value : `${value.slice(0, at)}@${String(domains[Number(value.slice(at + 1))])}`;
	};
	return {
		get,
		same: (row, value) => {
			const stored = values[row];
			if (typeof value === 'string' && typeof stored === 'string') {
				const at = stored.lastIndexOf('@');
				if (at < 0) return value === stored;
				const index = plainIndex(stored, at + 1);
				if (index >= 0) {
					const domain = String(domains[index]);
					if (value.length !== at + 1 + domain.length || !value.startsWith(domain, at + 1))
						return false;
					for (let position = 0; position <= at; position++) {
						if (value.charCodeAt(position) !== stored.charCodeAt(position)) return false;
					}
					return true;
				}
			}
			return sameJson(value, get(row));
		},
	};
}

function dateReader(values: unknown[]): ColumnReader {
	const get = (row: number) => {
		const value = values[row];
		return value === false ? undefined : typeof value === 'number' ? dayNumberToDate(value) : null;
	};
	return {
		get,
		same: (row, value) => {
			const stored = values[row];
			if (
				typeof value === 'string' &&
				typeof stored === 'number' &&
				dateToDayNumber(value) === stored
			)
				return true;
			if (value === null && stored !== false && typeof stored !== 'number') return true;
			return sameJson(value, get(row));
		},
	};
}

function joinedReader(sources: ColumnReader[], values: unknown[]): ColumnReader {
	const get = (row: number) => {
		const value = values[row];
		if (value === 0) return undefined;
		if (value === 1) return sources.map((source) => source.get(row)).join(' ');
		return value;
	};
	return {
		get,
		same: (row, value) => {
			if (values[row] === 1 && typeof value === 'string') {
				let position = 0;
				let plain = true;
				for (let index = 0; index < sources.length && plain; index++) {
					const part = sources[index].get(row);
					if (typeof part !== 'string') plain = false;
					else {
						if (index > 0) {
							if (value.charCodeAt(position) !== 32) return false;
							position++;
						}
						if (!value.startsWith(part, position)) return false;
						position += part.length;
					}
				}
				if (plain) return position === value.length;
			}
			const stored = get(row);
			return value === stored ? value === value : sameJson(value, stored);
		},
	};
}

/** A reader for one column; undefined when it is malformed. */
function readColumn(
	column: Record<string, unknown>,
	rowCount: number,
	decoded: Map<string, ColumnReader>,
): ColumnReader | undefined {
	const values = column.v;
	if (!Array.isArray(values) || values.length !== rowCount) return undefined;
	switch (column.k) {
		case 'd': {
			const dictionary = column.d;
			if (!Array.isArray(dictionary)) return undefined;
			for (const index of values) {
				if (!Number.isInteger(index) || index < -1 || index >= dictionary.length) return undefined;
			}
			return dictionaryReader(dictionary, values as number[]);
		}
		case 's':
			return stringReader(values);
		case 'e':
			return Array.isArray(column.d) ? emailReader(column.d, values) : undefined;
		case 't':
			return dateReader(values);
		case 'j': {
			const sources = column.s;
			if (!Array.isArray(sources)) return undefined;
			const readers = sources.map((source) => decoded.get(String(source)));
			if (readers.some((reader) => reader === undefined)) return undefined;
			return joinedReader(readers as ColumnReader[], values);
		}
		default:
			return undefined;
	}
}

/**
 * A snapshot decoded column by column, the form the diff works on: no object per employee. Rows are in
 * stored order; `ids` decoded, `encodedIds` as stored. `columns` and `raw` are keyed by field.
 */
export interface ColumnarSnapshot {
	fingerprint: string;
	today: string;
	ids: string[];
	encodedIds: string[];
	fired: number[];
	/** Readers per field (get: undefined = unreadable), in decode order (joined columns last). */
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

/**
 * Anything that is not a snapshot this version wrote (older schema, hand-edited static data) decodes to a
 * reason instead of throwing: the engine then re-baselines quietly.
 */
export function decodeSnapshotColumns(raw: unknown): ColumnarDecodeResult {
	if (!isRecord(raw)) return { ok: false, reason: 'snapshotUnreadable' };
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
		return { ok: false, reason: 'snapshotUnreadable' };
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
	const decoded = new Map<string, ColumnReader>();
	const rawColumns = new Map<string, SnapshotColumn>();
	// Joined columns read other columns, so they are decoded last.
	const ordered = [...columns].sort(
		(left, right) =>
			Number(isRecord(left) && left.k === 'j') - Number(isRecord(right) && right.k === 'j'),
	);
	for (const column of ordered) {
		if (!isRecord(column) || typeof column.f !== 'string')
			return { ok: false, reason: 'snapshotUnreadable' };
		const reader = readColumn(column, ids.length, decoded);
		if (!reader) return { ok: false, reason: 'snapshotUnreadable' };
		decoded.set(column.f, reader);
		rawColumns.set(column.f, column as unknown as SnapshotColumn);
	}
	const decodedIds: string[] = new Array(ids.length);
	for (let row = 0; row < ids.length; row++) {
		const id = typeof ids[row] === 'string' ? decodeEmployeeId(ids[row] as string) : undefined;
		if (id === undefined || typeof fired[row] !== 'number')
			return { ok: false, reason: 'snapshotUnreadable' };
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
			columns: decoded,
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

/** One row's stored values (defined ones only), keyed by field. */
export function rowValues(
	columns: Map<string, ColumnReader>,
	row: number,
): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const [field, column] of columns) {
		const value = column.get(row);
		if (value !== undefined) values[field] = value;
	}
	return values;
}

/** Row-wise form of decodeSnapshotColumns (tests and tools). */
export function decodeSnapshot(raw: unknown): DecodeResult {
	const result = decodeSnapshotColumns(raw);
	if (!result.ok) return result;
	const { fingerprint, today, ids, fired, columns } = result.snapshot;
	const employees = new Map<string, StoredEmployee>();
	for (let row = 0; row < ids.length; row++) {
		employees.set(ids[row], { values: rowValues(columns, row), fired: fired[row] });
	}
	return { ok: true, snapshot: { fingerprint, today, employees } };
}
