/**
 * Optional enrichment: the lifecycle history of employees with lifecycle events, read with the same
 * bulk walk as Employee History (`GET /v1/bulk/people/lifecycle?employeeIds=…`): HiBob takes at most
 * 200 IDs per call, and its page size (200) counts table rows, not employees, so 200 employees usually
 * take a few pages; the walk follows the cursor and joins an employee's rows that continue on the next
 * page. Employees HiBob reports under `errors` (out of scope) simply get no history.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { LifecycleEventName } from '../core/lifecycle';
import { classifyLifecycleStatus, LIFECYCLE_EVENTS } from '../core/lifecycle';
import { BULK_MAX_IDS, BULK_MAX_PAGE } from '../core/history';
import { chunk } from '../core/lists';
import { walkBulkTable } from '../shared/bulkTable';

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

export async function loadLifecycleHistory(
	context: IPollFunctions,
	employeeIds: readonly string[],
	deadline: number | undefined,
	consequence: string,
): Promise<Map<string, LifecycleRow[]>> {
	const history = new Map<string, LifecycleRow[]>();
	for (const ids of chunk(employeeIds, BULK_MAX_IDS)) {
		const walk = await walkBulkTable(context, {
			table: 'lifecycle',
			employeeIds: ids,
			pageSize: BULK_MAX_PAGE,
			deadline,
			consequence,
		});
		for (const result of walk.results)
			history.set(result.employeeId, result.rows as LifecycleRow[]);
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
