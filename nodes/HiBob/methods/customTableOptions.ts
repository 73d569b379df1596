/**
 * Custom tables in the editor: the table picker (load options) and the columns of the chosen table for
 * Create Row and Update Row (resource mappers), from HiBob's custom-table metadata. List columns are
 * text so that a label as Bob shows it or an item ID both pass n8n's type check.
 */
import type {
	FieldType,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { CustomColumn } from '../core/customTables';
import { readTableId, readTableMeta, readTablesMeta } from '../core/customTables';
import { hiBobRequest } from '../transport';

export async function getCustomTables(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await hiBobRequest(this, { method: 'GET', path: '/v1/people/custom-tables/metadata' });
	return (readTablesMeta(body) ?? [])
		.map((table) => ({ name: table.name, value: table.id, description: table.description || undefined }))
		.sort((a, b) => a.name.localeCompare(b.name));
} // prettier-ignore

const TYPES: Record<string, FieldType> = { number: 'number', date: 'dateTime' };

function hint(column: CustomColumn): string {
	if (column.type === 'list' || column.type === 'hierarchy-list') return ' (label or item ID)';
	if (column.type === 'multi-list') return ' (labels or item IDs, comma-separated)';
	if (column.type === 'employee-reference') return ' (employee ID or work email)';
	if (column.type === 'currency') return ' (e.g. 700 EUR)';
	return '';
}

async function columns(context: ILoadOptionsFunctions, creating: boolean): Promise<ResourceMapperFields> {
	const raw = context.getNodeParameter('customTableId', '') as unknown;
	const id = typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
	let tableId: string;
	try {
		tableId = readTableId(id);
	} catch {
		return { fields: [], emptyFieldsNotice: 'Choose a custom table first' };
	}
	const table = readTableMeta(await hiBobRequest(context, { method: 'GET', path: `/v1/people/custom-tables/metadata/${tableId}` }));
	return {
		fields: (table?.columns ?? [])
			.filter((column) => column.type !== 'document')
			.map((column) => ({
				id: column.id,
				displayName: `${column.name}${hint(column)}`,
				required: creating && column.mandatory,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: TYPES[column.type] ?? 'string',
			})),
		emptyFieldsNotice: 'HiBob returned no columns this service user can write in this table',
	};
} // prettier-ignore

export async function getCustomTableCreateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, true);
} // prettier-ignore

export async function getCustomTableUpdateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, false);
} // prettier-ignore
