/**
 * The bulk table walk, used by Employee History → Get Many and the trigger's lifecycle enrichment:
 * `GET /v1/bulk/people/{table}` page by page, the same filters on every page, the cursor passed back as
 * HiBob gave it (the request layer URL-encodes it), until the cursor is empty. HiBob's cursors are
 * opaque; a cursor seen twice would loop forever, so it stops the walk with an error instead, and so
 * does a walk longer than `BULK_MAX_PAGES` pages (a server that keeps handing out new cursors).
 *
 * `limit` counts table entries, not employees: one employee's rows can continue on the next page, so
 * an employee met again on a later page gets those rows added to the ones already read (a row whose
 * (employee, row ID) was already read is not added twice). Results keep the order employees first
 * appeared in.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkError, BulkResult, HistoryTable } from '../core/history';
import {
	BULK_MAX_IDS,
	BULK_MAX_PAGE,
	BULK_MAX_PAGES,
	CursorGuard,
	mergeBulkResults,
	parseBulkPage,
} from '../core/history';
import type { HiBobContext } from '../transport';
import { hiBobRequest, unexpectedAnswer } from '../transport';

/** The page bound of a walk; tests lower it to reach it in a few requests. */
export const bulkWalkSettings: { maxPages: number } = { maxPages: BULK_MAX_PAGES };

export interface BulkWalk {
	results: BulkResult[];
	errors: BulkError[];
	requests: number;
}

export interface BulkOptions {
	table: HistoryTable;
	/** At most 200; absent = every employee in the service user's scope. */
	employeeIds?: string[];
	/** Table entries (rows) per page, 1–200. */
	pageSize?: number;
	/** Stop requesting pages once this many rows have arrived (the caller trims). */
	maxRows?: number;
	itemIndex?: number;
	/** Absolute time (transport clock) after which no retry wait may end: the trigger's poll budget. */
	deadline?: number;
	/** What a failure means for the caller's output (default: nothing was output for this item). */
	consequence?: string;
}

export async function walkBulkTable(
	context: HiBobContext,
	options: BulkOptions,
): Promise<BulkWalk> {
	const path = `/v1/bulk/people/${options.table}`;
	if (options.employeeIds && options.employeeIds.length > BULK_MAX_IDS) {
		throw new NodeOperationError(
			context.getNode(),
			`At most ${BULK_MAX_IDS} employee IDs fit in one bulk request`,
			{
				itemIndex: options.itemIndex,
				description: 'This is a defect in the node: please report it.',
			},
		);
	}
	const limit = Math.min(BULK_MAX_PAGE, Math.max(1, Math.floor(options.pageSize ?? BULK_MAX_PAGE)));
	const guard = new CursorGuard();
	const walk: BulkWalk = { results: [], errors: [], requests: 0 };
	const merge = mergeBulkResults(walk.results);
	let cursor: string | null = null;
	for (;;) {
		const qs: IDataObject = { limit };
		if (options.employeeIds) qs.employeeIds = options.employeeIds.join(',');
		if (cursor !== null) qs.cursor = cursor;
		const body = await hiBobRequest(context, {
			method: 'GET',
			path,
			qs,
			itemIndex: options.itemIndex,
			deadline: options.deadline,
		});
		walk.requests++;
		const page = parseBulkPage(body);
		if (!page) {
			throw unexpectedAnswer(
				context,
				`GET ${path}`,
				'was not a bulk table page ({ results: [...] })',
				{
					itemIndex: options.itemIndex,
					consequence: options.consequence,
				},
			);
		}
		for (const result of page.results) merge.add(result);
		walk.errors.push(...page.errors);
		if (page.nextCursor === null) return walk;
		if (options.maxRows !== undefined && merge.rows >= options.maxRows) return walk;
		const { maxPages } = bulkWalkSettings;
		if (walk.requests >= maxPages) {
			throw new NodeOperationError(
				context.getNode(),
				`HiBob was still handing out page cursors after ${maxPages} pages of ${path}`,
				{
					itemIndex: options.itemIndex,
					description: `The node stops a walk at ${maxPages} pages (${maxPages * BULK_MAX_PAGE} table rows at most) rather than reading forever; the rows read so far were not output. Read fewer employees at a time (Employees: By ID), or turn off Return All and set a Limit.`,
				},
			);
		}
		if (!guard.accept(page.nextCursor)) {
			throw new NodeOperationError(
				context.getNode(),
				`HiBob returned the same page cursor twice while reading ${path}`,
				{
					itemIndex: options.itemIndex,
					description: `Stopped after ${walk.requests} pages instead of reading the same pages forever. Run the node again; if it persists, HiBob's paging is broken for this table: read it by employee IDs instead.`,
				},
			);
		}
		cursor = page.nextCursor;
	}
}
