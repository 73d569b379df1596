/**
 * Custom Table → Delete Row: `DELETE /v1/people/custom-tables/{employeeId}/{tableId}/{rowId}` (200, no
 * body). Sending it again after an unknown outcome would answer 404 for a row already gone, so the
 * transport never repeats it and the item says what to check instead.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readEntryId } from '../../core/customTables';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import { targetEmployeeId } from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import { readTableParameter, RESOURCE, rowIdProperty, rowStatus, tableIdProperty } from './shared';

const show = { resource: [RESOURCE], operation: ['deleteRow'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose row to delete: pick from the list, or give their HiBob ID or work email', byEmail: true }),
	tableIdProperty,
	rowIdProperty,
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const tableId = readTableParameter(this, itemIndex);
		const entryId = readEntryId(this.getNodeParameter('entryId', itemIndex, ''));
		const employeeId = await targetEmployeeId(this, itemIndex);
		await explainStatus(this, itemIndex, rowStatus(employeeId, tableId), async () =>
			await hiBobWrite(this, {
				method: 'DELETE',
				path: `/v1/people/custom-tables/${employeeId}/${tableId}/${entryId}`,
				write: { idempotent: false, checkInBob: `whether row ${entryId} is still in the employee's custom table ${tableId}` },
				itemIndex,
			})); // prettier-ignore
		return {
			success: true,
			operation: 'deleteRow',
			employeeId,
			customTableId: tableId,
			deletedEntryId: entryId,
		};
	});
}

export const deleteRow: HiBobOperation = { description, execute };
