/**
 * History of many employees through HiBob's bulk endpoints.
 *
 * "All in Scope" walks every employee the service user may see, per input item. "By ID" batches: the
 * IDs of all input items are collected first, fetched at most 200 per request (one request per table
 * and batch, not one per item), and every row goes back to each item that asked for its employee,
 * paired with it. An ID HiBob refuses (`errors[]`, MISSING_PERMISSION) fails the item that asked for
 * it, like a Get of one employee would; with continue-on-fail that item gets an error item naming the
 * IDs and the others carry on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BulkError, HistoryRow, HistoryTable } from '../../core/history';
import { BULK_MAX_IDS, BULK_MAX_PAGE, historyRow } from '../../core/history';
import { chunk } from '../../core/lists';
import { EMPLOYEE_ID_EXAMPLE } from '../../core/employeeIds';
import { ItemBatch } from '../../shared/batch';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { addHints } from '../../shared/items';
import type { HiBobOperation } from '../types';
import { walkBulkTable } from '../../shared/bulkTable';
import { RESOURCE, readEmployeeIds, readTable, TABLE_CATEGORY, tableProperty } from './shared';
import { returnAllProperties } from '../../shared/returnAll';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	tableProperty,
	{
		displayName: 'Employees',
		name: 'employees',
		type: 'options',
		options: [
			{
				name: 'All in Scope',
				value: 'all',
				description: 'Every employee the service user may see, page by page',
			},
			{
				name: 'By ID',
				value: 'byId',
				description:
					'The employees whose IDs you give; IDs from all input items are fetched together, up to 200 per request',
			},
		],
		default: 'all',
		description: 'Whose history to read',
	},
	{
		displayName: 'Employee IDs',
		name: 'employeeIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: `e.g. ${EMPLOYEE_ID_EXAMPLE}, 3332883911884669725`,
		description:
			'HiBob employee IDs (19 digits each), separated by commas, or an expression returning a list. Usually one per input item: the node reads the IDs of all items in few requests (up to 200 per request) and pairs each row with the item that asked for it.',
		displayOptions: { show: { employees: ['byId'] } },
	},
	...updateDisplayOptions({ show: { employees: ['all'] } }, returnAllProperties),
]);

interface AllPlan {
	kind: 'all';
	table: HistoryTable;
	returnAll: boolean;
	limit: number;
}

interface ByIdPlan {
	kind: 'byId';
	table: HistoryTable;
	employeeIds: string[];
}

type Plan = AllPlan | ByIdPlan;

/** What the bulk requests learnt about one (table, employee): its rows, or HiBob's refusal. */
type EmployeeAnswer = { rows: HistoryRow[] } | { refused: BulkError };

function readPlan(context: IExecuteFunctions, itemIndex: number): AllPlan | ByIdPlan {
	const table = readTable(context, itemIndex);
	const employees = context.getNodeParameter('employees', itemIndex, 'all') as string;
	if (employees === 'byId') {
		return { kind: 'byId', table, employeeIds: readEmployeeIds(context, itemIndex) };
	}
	if (employees !== 'all') {
		throw new NodeOperationError(
			context.getNode(),
			`"${employees}" is not a choice for Employees`,
			{
				itemIndex,
				description: 'Employees must be "all" (All in Scope) or "byId" (By ID).',
			},
		);
	}
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? 0 : Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!returnAll && (!Number.isInteger(limit) || limit < 1)) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1`, {
			itemIndex,
			description: `Got ${String(limit)}. Turn on Return All to read every row.`,
		});
	}
	return { kind: 'all', table, returnAll, limit };
}

/**
 * Fetches every By ID item's employees in as few bulk requests as possible; answers keyed `table|id`.
 * A failed request fails every item that asked for one of its employees.
 */
async function fetchByIds(
	context: IExecuteFunctions,
	batch: ItemBatch<Plan>,
): Promise<Map<string, EmployeeAnswer>> {
	const askers = new Map<HistoryTable, Map<string, number[]>>();
	for (const { input: plan, itemIndex } of batch.pending()) {
		if (plan.kind !== 'byId') continue;
		const ids = askers.get(plan.table) ?? new Map<string, number[]>();
		askers.set(plan.table, ids);
		for (const id of plan.employeeIds) ids.set(id, [...(ids.get(id) ?? []), itemIndex]);
	}
	const answers = new Map<string, EmployeeAnswer>();
	for (const [table, ids] of askers) {
		for (const idChunk of chunk([...ids.keys()], BULK_MAX_IDS)) {
			const chunkItems = idChunk.flatMap((id) => ids.get(id) ?? []);
			// The first item asking for the chunk's first employee carries a failure's item index.
			const walk = await batch.attempt(
				chunkItems,
				async () =>
					await walkBulkTable(context, {
						table,
						employeeIds: idChunk,
						pageSize: BULK_MAX_PAGE,
						itemIndex: chunkItems[0],
					}),
			);
			if (!walk) continue;
			for (const result of walk.results)
				answers.set(`${table}|${result.employeeId}`, { rows: result.rows });
			for (const refused of walk.errors) answers.set(`${table}|${refused.employeeId}`, { refused });
		}
	}
	return answers;
}

/** Rows per page (HiBob's `limit` counts table entries): as many as are wanted, within 1–200. */
function pageSizeFor(wanted: number): number {
	return Math.min(BULK_MAX_PAGE, Math.max(1, wanted));
}

function refusedFailure(
	context: IExecuteFunctions,
	itemIndex: number,
	table: HistoryTable,
	refused: Array<{ employeeId: string; detail?: BulkError }>,
): NodeOperationError {
	const ids = refused.map((entry) => entry.employeeId);
	const shownIds =
		ids.length > 10 ? `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more` : ids.join(', ');
	const said = refused.find((entry) => entry.detail?.message)?.detail;
	const noun = ids.length === 1 ? 'employee' : 'employees';
	return new NodeOperationError(
		context.getNode(),
		`HiBob did not return the ${table} history of ${ids.length} ${noun}: ${shownIds}`,
		{
			itemIndex,
			description: `${said ? `HiBob said: ${said.error}: "${said.message}". ` : ''}Either the IDs are wrong, or these employees are outside the service user's people scope: in Bob → Settings → Permission groups, make the group include them (a condition such as "Lifecycle status equals Employed" hides hired and terminated people) and grant the ${TABLE_CATEGORY[table]} category.`,
		},
	);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// Bad parameters fail before anything is sent to HiBob.
	const batch = new ItemBatch<Plan>(this, items, (itemIndex) => readPlan(this, itemIndex));
	const answers = await fetchByIds(this, batch);
	return await batch.output(async (plan, itemIndex) => {
		if (plan.kind === 'byId') {
			const rows: IDataObject[] = [];
			const refused: Array<{ employeeId: string; detail?: BulkError }> = [];
			for (const employeeId of plan.employeeIds) {
				const answer = answers.get(`${plan.table}|${employeeId}`);
				if (answer === undefined) refused.push({ employeeId });
				else if ('refused' in answer) refused.push({ employeeId, detail: answer.refused });
				else rows.push(...answer.rows.map((row) => historyRow(employeeId, row) as IDataObject));
			}
			if (refused.length > 0) throw refusedFailure(this, itemIndex, plan.table, refused);
			return rows;
		}
		const walk = await walkBulkTable(this, {
			table: plan.table,
			pageSize: plan.returnAll ? BULK_MAX_PAGE : pageSizeFor(plan.limit),
			maxRows: plan.returnAll ? undefined : plan.limit,
			itemIndex,
		});
		const rows = walk.results.flatMap((result) =>
			result.rows.map((row) => historyRow(result.employeeId, row) as IDataObject),
		);
		if (walk.errors.length > 0) {
			const shown = walk.errors
				.slice(0, 5)
				.map((error) => `${error.employeeId}: ${error.error}`)
				.join(', ');
			addHints(this, [
				`HiBob did not return the ${plan.table} history of ${walk.errors.length} employee(s) (${shown}${walk.errors.length > 5 ? ', …' : ''}). Check the service user's people scope.`,
			]);
		}
		return plan.returnAll ? rows : rows.slice(0, plan.limit);
	});
}

export const getAll: HiBobOperation = { description, execute };
