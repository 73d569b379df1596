/**
 * Optional enrichment: the lifecycle history of employees with lifecycle events, read through
 * `GET /v1/bulk/people/lifecycle?employeeIds=…` (hibob-api.md §5.2): at most 200 IDs per call, and with
 * `limit=200` all of them fit one page, so it is exactly one request per 200 changed employees and no
 * cursor walk. Employees HiBob reports under `errors` (out of scope) simply get no history.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { LifecycleEventName } from '../core/lifecycle';
import { classifyLifecycleStatus, LIFECYCLE_EVENTS } from '../core/lifecycle';
import { hiBobRequest } from '../transport';

export const HISTORY_BATCH_SIZE = 200;

/** Events about the lifecycle: all but field edits and people HiBob no longer returns. */
const HISTORY_EVENTS: ReadonlySet<LifecycleEventName> = new Set<LifecycleEventName>(
	LIFECYCLE_EVENTS.filter((event) => event !== 'employeeUpdated' && event !== 'employeeRemoved'),
);

/** Events whose engine effective date is "today" for lack of better: the history row knows the real one. */
const STATUS_DATED_EVENTS: ReadonlySet<string> = new Set([
	'lifecycleStatusChanged',
	'leaveStarted',
	'leaveEnded',
]);

export type LifecycleRow = IDataObject;

export function wantsHistory(event: string): boolean {
	return HISTORY_EVENTS.has(event as LifecycleEventName);
}

/** `values` holds rows, or (as the spec also allows) table wrappers `{values: [rows]}`: read both. */
function rowsOf(values: unknown): LifecycleRow[] {
	if (!Array.isArray(values)) return [];
	const rows: LifecycleRow[] = [];
	for (const entry of values) {
		if (!entry || typeof entry !== 'object') continue;
		const record = entry as IDataObject;
		if (Array.isArray(record.values) && record.effectiveDate === undefined) {
			rows.push(...rowsOf(record.values));
		} else {
			rows.push(record);
		}
	}
	return rows;
}

export async function loadLifecycleHistory(
	context: IPollFunctions,
	employeeIds: readonly string[],
	deadline: number | undefined,
): Promise<Map<string, LifecycleRow[]>> {
	const history = new Map<string, LifecycleRow[]>();
	for (let start = 0; start < employeeIds.length; start += HISTORY_BATCH_SIZE) {
		const batch = employeeIds.slice(start, start + HISTORY_BATCH_SIZE);
		const body = await hiBobRequest<unknown>(context, {
			method: 'GET',
			path: '/v1/bulk/people/lifecycle',
			qs: { employeeIds: batch.join(','), limit: HISTORY_BATCH_SIZE },
			deadline,
		});
		const results =
			body && typeof body === 'object' && Array.isArray((body as IDataObject).results)
				? ((body as IDataObject).results as unknown[])
				: [];
		for (const result of results) {
			if (!result || typeof result !== 'object') continue;
			const { employeeId, values } = result as IDataObject;
			if (employeeId === undefined || employeeId === null) continue;
			history.set(String(employeeId), rowsOf(values));
		}
	}
	return history;
}

/** The row in effect: HiBob's `isCurrent`, else the latest effective date. */
function currentRow(rows: LifecycleRow[]): LifecycleRow | undefined {
	const flagged = rows.filter((row) => row.isCurrent === true);
	const candidates = flagged.length > 0 ? flagged : rows;
	return [...candidates].sort((a, b) =>
		String(a.effectiveDate ?? '').localeCompare(String(b.effectiveDate ?? '')),
	)[candidates.length - 1];
}

function text(value: unknown): string | null {
	return value === undefined || value === null ? null : String(value);
}

/** Adds `lifecycleChange` (the row in effect, summarised) and `lifecycleHistory` (all rows). */
export function attachHistory(json: IDataObject, rows: LifecycleRow[] | undefined): void {
	if (rows === undefined) {
		json.lifecycleChange = null;
		json.lifecycleHistory = null;
		return;
	}
	const row = currentRow(rows);
	const change = (row?.change ?? {}) as IDataObject;
	json.lifecycleChange = row
		? {
				effectiveDate: text(row.effectiveDate),
				status: text(row.status),
				employeeStatus: text(row.employeeStatus),
				reason: text(change.reason ?? row.reason),
				reasonType: text(row.reasonType),
				changedBy: text(change.changedBy),
				changedById: text(change.changedById),
			}
		: null;
	json.lifecycleHistory = rows;
	// A status change's real effective date is the row's, when the row is that status.
	const current = (json.current ?? {}) as IDataObject;
	if (
		row &&
		STATUS_DATED_EVENTS.has(String(json.event)) &&
		typeof row.effectiveDate === 'string' &&
		classifyLifecycleStatus(row.status) === classifyLifecycleStatus(current.lifecycleStatus)
	) {
		json.effectiveDate = row.effectiveDate;
	}
}
