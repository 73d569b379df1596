/** What the custom-table operations share: the resource, the table and row parameters, metadata and row resolution. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { CustomTableMeta, RowPlan } from '../../core/customTables';
import { readTableId, readTableMeta } from '../../core/customTables';
import { InputError } from '../../core/errors';
import { resolveListItem } from '../../core/writes';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import { employeeIdByEmail, listItems } from '../employee/writeSupport';

export const RESOURCE = 'customTable';

export const tableIdProperty: INodeProperties = {
	displayName: 'Custom Table Name or ID',
	name: 'customTableId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomTables' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const rowIdProperty: INodeProperties = {
	displayName: 'Row ID',
	name: 'entryId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1021262',
	description: "The row's ID, as Custom Table → Get Many returns it",
};

export const CUSTOM_TABLE_PERMISSION =
	"A custom table lives in a category of Bob's People's data: the service user's permission group needs that category (view to read, edit to write) and must include this employee (Bob → Settings → Permission groups).";

export function readTableParameter(context: IExecuteFunctions, itemIndex: number): string {
	return readTableId(context.getNodeParameter('customTableId', itemIndex, ''));
}

const metaByContext = new WeakMap<object, Map<string, Promise<CustomTableMeta>>>();

/** One table's metadata (`GET /v1/people/custom-tables/metadata/{id}`), loaded once per execution. */
export async function loadTableMeta(context: IExecuteFunctions, tableId: string, itemIndex: number): Promise<CustomTableMeta> {
	let byId = metaByContext.get(context);
	if (!byId) metaByContext.set(context, (byId = new Map()));
	let pending = byId.get(tableId);
	if (!pending) {
		const path = `/v1/people/custom-tables/metadata/${tableId}`;
		pending = (async () => {
			const body = await explainStatus(context, itemIndex, {
				403: { message: `HiBob refused the custom table ${tableId} (403)`, description: CUSTOM_TABLE_PERMISSION },
				404: { message: `HiBob has no custom table with ID ${tableId}`, description: 'Pick the table from the list, or check the ID with Custom Table → Get Metadata.' },
			}, async () => await hiBobRequest(context, { method: 'GET', path, itemIndex }));
			const table = readTableMeta(body);
			if (!table) throw unexpectedAnswer(context, `GET ${path}`, 'was not a table with columns', { itemIndex });
			return table;
		})();
		byId.set(tableId, pending);
		pending.catch(() => byId?.delete(tableId));
	}
	return await pending;
} // prettier-ignore

/** The plan's labels turned into item IDs of each column's list, emails into employee IDs. */
export async function resolveRow(context: IExecuteFunctions, plan: RowPlan, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = { ...(plan.body as IDataObject) };
	for (const lookup of plan.lists) {
		const items = await listItems(context, lookup.listId, itemIndex);
		const ids = lookup.values.map((value) => resolveListItem(items, value, `an item of the "${lookup.column}" column`).id);
		if (!lookup.multi && ids.length !== 1)
			throw new InputError(`Column "${lookup.column}" takes one item`, 'Give one label or item ID. Nothing was sent to HiBob.');
		body[lookup.columnId] = lookup.multi ? ids : ids[0];
	}
	for (const { columnId, email } of plan.emails) body[columnId] = await employeeIdByEmail(context, email, itemIndex);
	return body;
} // prettier-ignore

/** The status explanations of a request on an employee's table. */
export function rowStatus(employeeId: string, tableId: string) {
	return {
		403: { message: `HiBob refused the custom table ${tableId} of employee ${employeeId} (403)`, description: CUSTOM_TABLE_PERMISSION },
		404: { message: `HiBob has no employee ${employeeId}, custom table ${tableId} or row like that`, description: `${unknownEmployee(employeeId).description} Check the table (Custom Table → Get Metadata) and the row ID (Custom Table → Get Many).` },
	};
} // prettier-ignore

/** An employee's rows of a custom table, as HiBob answers them. */
export async function readRows(context: IExecuteFunctions, employeeId: string, tableId: string, itemIndex: number, humanReadable = false): Promise<IDataObject[]> {
	const path = `/v1/people/custom-tables/${employeeId}/${tableId}`;
	const body = await explainStatus(context, itemIndex, rowStatus(employeeId, tableId), async () =>
		await hiBobRequest(context, { method: 'GET', path, itemIndex, ...(humanReadable ? { qs: { includeHumanReadable: true } } : {}) }));
	const values = body !== null && typeof body === 'object' ? (body as IDataObject).values : undefined;
	if (!Array.isArray(values)) throw unexpectedAnswer(context, `GET ${path}`, 'was not a table ({ values: [...] })', { itemIndex });
	return values.filter((row): row is IDataObject => row !== null && typeof row === 'object' && !Array.isArray(row));
} // prettier-ignore

/** One output row: employee and table first, the row's ID as text. */
export function rowOutput(employeeId: string, tableId: string, row: IDataObject): IDataObject {
	return {
		employeeId,
		customTableId: tableId,
		...row,
		id: row.id === undefined ? null : String(row.id),
	};
}
