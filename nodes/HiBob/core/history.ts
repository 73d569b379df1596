/**
 * HiBob's employee history tables: lifecycle, work and employment, read per employee
 * (`GET /v1/people/{id}/{table}` → `{values: [rows]}`) or in bulk (`GET /v1/bulk/people/{table}`,
 * cursor-paged). Every shape quirk of those answers is read here, once. Pure: no n8n, no HTTP.
 */
import { stringifyIds } from './employeeIds';
import { isRecord } from './json';

export const HISTORY_TABLES = ['lifecycle', 'work', 'employment'] as const;
export type HistoryTable = (typeof HISTORY_TABLES)[number];

export function isHistoryTable(value: unknown): value is HistoryTable {
	return typeof value === 'string' && (HISTORY_TABLES as readonly string[]).includes(value);
}

/** HiBob's bulk page size bounds: `limit` 1–200, `employeeIds` at most 200. */
export const BULK_MAX_PAGE = 200;
export const BULK_MAX_IDS = 200;
/**
 * Our bound on the pages of one bulk walk: 2,000 pages of 200 rows (400,000 rows, e.g. 10,000 people
 * with 40 rows each). HiBob documents none; it stops a server that keeps handing out new cursors.
 */
export const BULK_MAX_PAGES = 2000;

export type HistoryRow = Record<string, unknown>;

/**
 * The rows of a table answer. HiBob's schema models each entry as a row or as a table wrapper
 * `{values: [rows], restricted_columns?}` (both occur in practice), so wrappers are unwrapped at any
 * depth; anything that is not an object is dropped.
 */
export function tableRows(values: unknown): HistoryRow[] {
	const list = Array.isArray(values)
		? values
		: isRecord(values) && Array.isArray(values.values)
			? values.values
			: [];
	const rows: HistoryRow[] = [];
	for (const entry of list) {
		if (!isRecord(entry)) continue;
		if (Array.isArray(entry.values) && !('id' in entry) && !('effectiveDate' in entry)) {
			rows.push(...tableRows(entry.values));
		} else {
			rows.push(entry);
		}
	}
	return rows;
}

/** One output row: the employee it belongs to first (row IDs are unique only per employee), IDs as strings. */
export function historyRow(employeeId: string, row: HistoryRow): HistoryRow {
	const output: HistoryRow = { employeeId, ...stringifyIds(row) };
	output.employeeId = employeeId;
	return output;
}

export interface BulkResult {
	employeeId: string;
	rows: HistoryRow[];
}

export interface BulkError {
	employeeId: string;
	error: string;
	message: string;
}

export interface BulkPage {
	results: BulkResult[];
	errors: BulkError[];
	/** The next page's cursor, or null when this was the last page. */
	nextCursor: string | null;
}

function idText(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/**
 * The cursor of the next page: `response_metadata.next_cursor` (HiBob's prose, newer endpoints) or
 * `response_metadata.cursor` (the spec). Empty or absent means the walk is over.
 */
export function nextCursorOf(body: unknown): string | null {
	if (!isRecord(body) || !isRecord(body.response_metadata)) return null;
	const metadata = body.response_metadata;
	for (const key of ['next_cursor', 'cursor']) {
		const cursor = metadata[key];
		if (typeof cursor === 'string' && cursor !== '') return cursor;
	}
	return null;
}

/**
 * `errors[]` of a bulk answer: employees asked for but outside the service user's access scope
 * (`MISSING_PERMISSION`). Documented as a list of `{employeeId, error, message}`; the schema also
 * nests `{<employeeId>: {error, message}}` (not seen in practice yet), so both are read.
 */
export function bulkErrorsOf(body: unknown): BulkError[] {
	if (!isRecord(body)) return [];
	const raw = body.errors;
	const errors: BulkError[] = [];
	const add = (employeeId: string | undefined, detail: unknown) => {
		if (!employeeId) return;
		const record = isRecord(detail) ? detail : {};
		errors.push({
			employeeId,
			error: typeof record.error === 'string' ? record.error : 'ERROR',
			message:
				typeof record.message === 'string'
					? record.message
					: typeof detail === 'string'
						? detail
						: '',
		});
	};
	if (Array.isArray(raw)) {
		for (const entry of raw) {
			if (!isRecord(entry)) continue;
			const employeeId = idText(entry.employeeId);
			if (employeeId) add(employeeId, entry);
			else for (const [key, detail] of Object.entries(entry)) add(idText(key), detail);
		}
	} else if (isRecord(raw)) {
		for (const [key, detail] of Object.entries(raw)) add(idText(key), detail);
	}
	return errors;
}

/** One bulk answer read into results, errors and the next cursor; undefined when it is not one. */
export function parseBulkPage(body: unknown): BulkPage | undefined {
	if (!isRecord(body) || !Array.isArray(body.results)) return undefined;
	const results: BulkResult[] = [];
	for (const entry of body.results) {
		if (!isRecord(entry)) continue;
		const employeeId = idText(entry.employeeId);
		if (!employeeId) continue;
		results.push({ employeeId, rows: tableRows(entry.values) });
	}
	return { results, errors: bulkErrorsOf(body), nextCursor: nextCursorOf(body) };
}

/**
 * Collects bulk results page after page into `results` (one entry per employee, in the order employees
 * first appeared). HiBob's `limit` counts table entries, so an employee's rows can continue on the next
 * page: they are added to that employee's entry. A row whose ID was already read for that employee is
 * skipped (a page read twice loses nothing and doubles nothing); rows without an ID are always kept.
 */
export function mergeBulkResults(results: BulkResult[]): {
	add(result: BulkResult): void;
	/** Rows collected so far. */
	readonly rows: number;
} {
	const byEmployee = new Map<string, { result: BulkResult; ids: Set<string> }>();
	let rows = 0;
	return {
		add(result: BulkResult): void {
			let entry = byEmployee.get(result.employeeId);
			if (!entry) {
				entry = { result: { employeeId: result.employeeId, rows: [] }, ids: new Set() };
				byEmployee.set(result.employeeId, entry);
				results.push(entry.result);
			}
			for (const row of result.rows) {
				const id = idText(row.id);
				if (id !== undefined) {
					if (entry.ids.has(id)) continue;
					entry.ids.add(id);
				}
				entry.result.rows.push(row);
				rows++;
			}
		},
		get rows(): number {
			return rows;
		},
	};
}

/** A per-employee table answer (`{values: [rows]}`); undefined when it is not one. */
export function parseEmployeeTable(body: unknown): HistoryRow[] | undefined {
	if (Array.isArray(body)) return tableRows(body);
	if (!isRecord(body) || !Array.isArray(body.values)) return undefined;
	return tableRows(body.values);
}

/**
 * Remembers the cursors of a walk. HiBob's cursors are opaque; a cursor seen before means the walk
 * would loop forever, so the caller stops with an error.
 */
export class CursorGuard {
	private readonly seen = new Set<string>();

	/** True when `cursor` is new (and now remembered), false when it was seen before. */
	accept(cursor: string): boolean {
		if (this.seen.has(cursor)) return false;
		this.seen.add(cursor);
		return true;
	}

	get pages(): number {
		return this.seen.size;
	}
}
