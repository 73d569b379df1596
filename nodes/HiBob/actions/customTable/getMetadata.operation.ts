/**
 * Custom Table → Get Metadata: the custom tables defined in Bob with their columns
 * (`GET /v1/people/custom-tables/metadata`, one item per table), or one table's
 * (`GET /v1/people/custom-tables/metadata/{id}`, one item per column).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readTableId, readTablesMeta } from '../../core/customTables';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import { CUSTOM_TABLE_PERMISSION, loadTableMeta, RESOURCE, tableIdProperty } from './shared';

const show = { resource: [RESOURCE], operation: ['getMetadata'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Tables',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'All Tables', value: 'all', description: 'One item per custom table, with its columns' },
			{ name: 'One Table', value: 'one', description: 'One item per column of the chosen table' },
		],
		default: 'all',
	},
	{ ...tableIdProperty, displayOptions: { show: { scope: ['one'] } } },
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		if (this.getNodeParameter('scope', itemIndex, 'all') === 'one') {
			const tableId = readTableId(this.getNodeParameter('customTableId', itemIndex, ''));
			const table = await loadTableMeta(this, tableId, itemIndex);
			return table.columns.map((column) => ({ customTableId: table.id, customTableName: table.name, ...column }) as IDataObject); // prettier-ignore
		}
		const path = '/v1/people/custom-tables/metadata';
		const body = await explainStatus(this, itemIndex, { 403: { message: 'HiBob refused the custom tables metadata (403)', description: CUSTOM_TABLE_PERMISSION } }, async () => await hiBobRequest(this, { method: 'GET', path, itemIndex })); // prettier-ignore
		const tables = readTablesMeta(body);
		if (!tables) throw unexpectedAnswer(this, `GET ${path}`, 'has no "tables" list', { itemIndex });
		return tables as unknown as IDataObject[];
	});
}

export const getMetadata: HiBobOperation = { description, execute };
