/**
 * How one field's values are stored: one codec per column kind, its encoder and its reader side by side.
 * The encoder proposes a column for a field's values (or declines), the smallest proposal is stored; the
 * reader reads a stored column in place. Unreadable (undefined) values are kept distinct from null in
 * every kind, so the guard can tell "permission removed" from "empty".
 *
 * Bytes per employee each kind saves (the snapshot without it against with it, on the generated
 * 50,000-person company; columns.test.ts prints them) are in each codec's comment. The budget is 96.
 */
import { dateToDayNumber, dayNumberToDate } from '../../dates';
import { canonicalJson, sameJson } from '../json';

/** Values a snapshot column may hold. */
export type SnapshotColumn =
	/** Dictionary: `d` sorted by frequency, `v` indexes into it, -1 = unreadable. */
	| { f: string; k: 'd'; d: unknown[]; v: number[] }
	/** Plain strings: `v` holds the string, null, or 0 = unreadable. */
	| { f: string; k: 's'; v: Array<string | null | 0> }
	/** Email: like 's', but the part after the last '@' is an index into the domain list `d`. */
	| { f: string; k: 'e'; d: string[]; v: Array<string | null | 0> }
	/** Calendar date: days since 1970-01-01, null, or false = unreadable. */
	| { f: string; k: 't'; v: Array<number | null | false> }
	/** Join: 1 = the `s` fields' values joined by a space (display name = first + surname), else like 's'. */
	| { f: string; k: 'j'; s: string[]; v: Array<string | null | 0 | 1> };

/**
 * One stored column, read in place: `get` decodes a row's value (undefined = unreadable), `same` tells
 * whether a value is the same JSON as the row's decoded value without decoding it (no string is built
 * for an unchanged email, date or joined name, which is most of a quiet poll).
 */
export interface ColumnReader {
	get(row: number): unknown;
	same(row: number, value: unknown): boolean;
}

/** The values of the other stored fields, for a kind that refers to them. */
export interface ColumnSource {
	has(field: string): boolean;
	get(field: string): unknown[];
}

export interface ColumnCodec {
	kind: SnapshotColumn['k'];
	/** This field's values in this kind, or undefined when the kind cannot hold them. */
	encode(field: string, values: unknown[], others: ColumnSource): SnapshotColumn | undefined;
	/** A reader for a stored column of this kind; undefined when it is malformed. */
	read(
		column: Record<string, unknown>,
		rowCount: number,
		others: ReadonlyMap<string, ColumnReader>,
	): ColumnReader | undefined;
	/** The other fields a stored column reads: it is decoded after them, and reused only with them. */
	sources?(column: SnapshotColumn): readonly string[] | undefined;
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

function allStringsOrNull(values: unknown[]): values is Array<string | null | undefined> {
	return values.every(
		(value) => value === undefined || value === null || typeof value === 'string',
	);
}

/** `same` for kinds without a shortcut: compare with the decoded value. */
function sameAsDecoded(get: (row: number) => unknown) {
	return (row: number, value: unknown) => {
		const stored = get(row);
		return value === stored ? value === value : sameJson(value, stored);
	};
}

/** Decimal digits only, as an index; -1 otherwise (then the generic comparison decides). */
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

interface DictionaryEntry {
	value: unknown;
	count: number;
	first: number;
}

/**
 * Dictionary: repeated values (departments, titles, sites, managers, statuses, dates, first names) become
 * small indexes into a list sorted by frequency. Holds any JSON value: every other kind is measured
 * against it.
 */
const dictionary: ColumnCodec = {
	kind: 'd',
	encode(field, values) {
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
	},
	read(column, rowCount) {
		const { d: list, v: values } = column;
		if (!Array.isArray(list) || !Array.isArray(values) || values.length !== rowCount)
			return undefined;
		for (const index of values) {
			if (!Number.isInteger(index) || index < -1 || index >= list.length) return undefined;
		}
		const get = (row: number) => (values[row] === -1 ? undefined : list[values[row] as number]);
		return { get, same: sameAsDecoded(get) };
	},
};

/**
 * Plain strings, for values that differ per person: saves 6 B/employee on such a field (a personnel
 * number) over the dictionary, which pays an index per row on top of every value.
 */
const plain: ColumnCodec = {
	kind: 's',
	encode(field, values) {
		if (!allStringsOrNull(values)) return undefined;
		return { f: field, k: 's', v: values.map((value) => (value === undefined ? 0 : value)) };
	},
	read(column, rowCount) {
		const values = column.v;
		if (!Array.isArray(values) || values.length !== rowCount) return undefined;
		const get = (row: number): unknown => (values[row] === 0 ? undefined : values[row]);
		return { get, same: sameAsDecoded(get) };
	},
};

/** Emails: the domain after the last '@' becomes an index into a domain list. Saves 12 B/employee. */
const email: ColumnCodec = {
	kind: 'e',
	encode(field, values) {
		if (!allStringsOrNull(values)) return undefined;
		if (!values.some((value) => typeof value === 'string' && value.includes('@'))) return undefined;
		const domains: string[] = [];
		const domainIndexes = new Map<string, number>();
		const encoded = values.map((value) => {
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
		return { f: field, k: 'e', d: domains, v: encoded };
	},
	read(column, rowCount) {
		const { d: domains, v: values } = column;
		if (!Array.isArray(domains) || !Array.isArray(values) || values.length !== rowCount)
			return undefined;
		const get = (row: number): unknown => {
			const value = values[row];
			if (value === 0) return undefined;
			if (typeof value !== 'string') return value;
			const at = value.lastIndexOf('@');
			return at < 0
				? value
				: `${value.slice(0, at)}@${String(domains[Number(value.slice(at + 1))])}`;
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
	},
};

/**
 * Calendar dates as day numbers. Saves 7 B/employee at 1,000 people (start dates barely repeat), 0 at
 * 50,000 (they repeat enough for the dictionary).
 */
const date: ColumnCodec = {
	kind: 't',
	encode(field, values) {
		const days: Array<number | null | false> = new Array(values.length);
		for (let row = 0; row < values.length; row++) {
			const value = values[row];
			if (value === undefined) days[row] = false;
			else if (value === null) days[row] = null;
			else {
				const day = dateToDayNumber(value);
				if (day === undefined) return undefined;
				days[row] = day;
			}
		}
		return { f: field, k: 't', v: days };
	},
	read(column, rowCount) {
		const values = column.v;
		if (!Array.isArray(values) || values.length !== rowCount) return undefined;
		const get = (row: number) => {
			const value: unknown = values[row];
			return value === false
				? undefined
				: typeof value === 'number'
					? dayNumberToDate(value)
					: null;
		};
		return {
			get,
			same: (row, value) => {
				const stored: unknown = values[row];
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
	},
};

/** Display name is usually "first surname": stored as 1 instead of repeating both names. */
const JOINED_FIELDS: Record<string, string[]> = {
	'root.displayName': ['root.firstName', 'root.surname'],
};

/** A value made of other fields' values joined by a space. Saves 13 B/employee (the display name). */
const joined: ColumnCodec = {
	kind: 'j',
	encode(field, values, others) {
		const sources = JOINED_FIELDS[field];
		if (!sources?.every((source) => others.has(source)) || !allStringsOrNull(values))
			return undefined;
		const sourceValues = sources.map((source) => others.get(source));
		const encoded: Array<string | null | 0 | 1> = new Array(values.length);
		for (let row = 0; row < values.length; row++) {
			const value = values[row];
			if (value === undefined) {
				encoded[row] = 0;
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
			encoded[row] = joinable && text === value ? 1 : value;
		}
		return { f: field, k: 'j', s: sources, v: encoded };
	},
	read(column, rowCount, others) {
		const { s: sourceFields, v: values } = column;
		if (!Array.isArray(sourceFields) || !Array.isArray(values) || values.length !== rowCount)
			return undefined;
		const sources = sourceFields.map((source) => others.get(String(source)));
		if (sources.some((reader) => reader === undefined)) return undefined;
		const readers = sources as ColumnReader[];
		const get = (row: number): unknown => {
			const value: unknown = values[row];
			if (value === 0) return undefined;
			if (value === 1) return readers.map((source) => source.get(row)).join(' ');
			return value;
		};
		const generic = sameAsDecoded(get);
		return {
			get,
			same: (row, value) => {
				if (values[row] === 1 && typeof value === 'string') {
					let position = 0;
					let plainParts = true;
					for (let index = 0; index < readers.length && plainParts; index++) {
						const part = readers[index].get(row);
						if (typeof part !== 'string') plainParts = false;
						else {
							if (index > 0) {
								if (value.charCodeAt(position) !== 32) return false;
								position++;
							}
							if (!value.startsWith(part, position)) return false;
							position += part.length;
						}
					}
					if (plainParts) return position === value.length;
				}
				return generic(row, value);
			},
		};
	},
	sources(column) {
		if (column.k !== 'j') return undefined;
		const expected = JOINED_FIELDS[column.f];
		return expected !== undefined &&
			column.s.length === expected.length &&
			expected.every((source, index) => column.s[index] === source)
			? expected
			: undefined;
	},
};

/** In order of preference: of equally small proposals the first wins, so encoding is deterministic. */
export const CODECS: readonly ColumnCodec[] = [dictionary, plain, email, date, joined];

const BY_KIND = new Map<unknown, ColumnCodec>(CODECS.map((codec) => [codec.kind, codec]));

export function codecOf(kind: unknown): ColumnCodec | undefined {
	return BY_KIND.get(kind);
}

/** The smallest proposal of `codecs` for this field's values. */
export function encodeColumn(
	field: string,
	values: unknown[],
	others: ColumnSource,
	codecs: readonly ColumnCodec[] = CODECS,
): SnapshotColumn {
	let best: SnapshotColumn | undefined;
	let bestSize = Infinity;
	for (const codec of codecs) {
		const candidate = codec.encode(field, values, others);
		if (!candidate) continue;
		const size = JSON.stringify(candidate).length;
		if (size < bestSize) {
			best = candidate;
			bestSize = size;
		}
	}
	// The dictionary holds any JSON value, so there is always a proposal.
	return best as SnapshotColumn;
}
