/**
 * Custom Table → Get Many: an employee's rows of one custom table
 * (`GET /v1/people/custom-tables/{employeeId}/{tableId}`), one item per row; with Human-Readable, each
 * row also carries HiBob's `humanReadable` copy (list labels, formatted dates and money).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { returnAllProperties } from '../../shared/returnAll';
import { targetEmployeeId } from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import { readRows, readTableParameter, RESOURCE, rowOutput, tableIdProperty } from './shared';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose rows to read: pick from the list, or give their HiBob ID or work email', byEmail: true }),
	tableIdProperty,
	{
		displayName: 'Human-Readable Values',
		name: 'humanReadable',
		type: 'boolean',
		default: false,
		description: 'Whether each row also carries HiBob\'s humanReadable copy (list labels instead of item IDs, formatted dates and money)',
	},
	...returnAllProperties,
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const tableId = readTableParameter(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const humanReadable = this.getNodeParameter('humanReadable', itemIndex, false) === true;
		const employeeId = await targetEmployeeId(this, itemIndex);
		const rows = await readRows(this, employeeId, tableId, itemIndex, humanReadable);
		return rows.slice(0, limit).map((row) => rowOutput(employeeId, tableId, row));
	});
}

export const getAll: HiBobOperation = { description, execute };
