/**
 * Custom Table → Update Row: `PUT /v1/people/custom-tables/{employeeId}/{tableId}/{rowId}` with the
 * columns to change (200, no body); columns not given keep their values, a column given empty is
 * cleared (a mandatory one may not be). Setting values is idempotent, so the transport may repeat it
 * after a dropped connection. The row is read back, so the output shows what Bob holds.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { planRow, readEntryId } from '../../core/customTables';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import { mappedValues, targetEmployeeId } from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import { columnsMapper } from './columns';
import {
	loadTableMeta,
	readRows,
	readTableParameter,
	resolveRow,
	RESOURCE,
	rowIdProperty,
	rowOutput,
	rowStatus,
	tableIdProperty,
} from './shared';
import { InputError } from '../../core/errors';

const show = { resource: [RESOURCE], operation: ['updateRow'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose row to change: pick from the list, or give their HiBob ID or work email', byEmail: true }),
	tableIdProperty,
	rowIdProperty,
	columnsMapper('getCustomTableUpdateColumns', 'The columns to change; the others keep their values. List columns take the label as Bob shows it or the item ID; employee columns an employee ID or work email.'),
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const tableId = readTableParameter(this, itemIndex);
		const entryId = readEntryId(this.getNodeParameter('entryId', itemIndex, ''));
		const values = mappedValues(this, 'columns', items, itemIndex);
		if (Object.keys(values).length === 0)
			throw new InputError('No column to change', 'Add at least one column to Columns. Nothing was sent to HiBob.'); // prettier-ignore
		const table = await loadTableMeta(this, tableId, itemIndex);
		const plan = planRow(table, values, false);
		const employeeId = await targetEmployeeId(this, itemIndex);
		const row = await resolveRow(this, plan, itemIndex);
		const result = await explainStatus(this, itemIndex, { ...rowStatus(employeeId, tableId), 400: { message: `HiBob refused the change to row ${entryId} of "${table.name}" (400)`, description: 'HiBob said what it refused below; check the column values against the table in Bob.' } }, async () =>
			await hiBobWrite(this, {
				method: 'PUT',
				path: `/v1/people/custom-tables/${employeeId}/${tableId}/${entryId}`,
				body: row,
				write: { idempotent: true, checkInBob: `row ${entryId} of the employee's "${table.name}" table` },
				itemIndex,
			})); // prettier-ignore
		const output: IDataObject = { success: true, operation: 'updateRow', employeeId, customTableId: tableId, entryId, written: row, ...(result.unchanged ? { unchanged: true } : {}) }; // prettier-ignore
		try {
			const held = (await readRows(this, employeeId, tableId, itemIndex)).find((r) => String(r.id) === entryId);
			return held ? { ...output, row: rowOutput(employeeId, tableId, held) } : { ...output, readBackShowsWrite: false, note: `Row ${entryId} is not in "${table.name}" when read back.` };
		} catch (error) {
			return { ...output, readBackShowsWrite: false, note: `HiBob accepted the change; reading "${table.name}" back failed: ${(error as Error).message}` };
		} // prettier-ignore
	});
}

export const updateRow: HiBobOperation = { description, execute };
