/**
 * Custom Table → Create Row: `POST /v1/people/custom-tables/{employeeId}/{tableId}` with
 * `{values: [{columnId: value}]}` (200, no body). The columns come from the table's metadata; list
 * columns take labels (resolved to item IDs), employee columns an ID or work email; mandatory columns
 * must be given. A repeated POST would add a second row, so it is never repeated after an unknown
 * outcome. The table is then read back, so the output shows the row as Bob holds it, with its ID.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { planRow, rowHoldsValues } from '../../core/customTables';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import { mappedValues, targetEmployeeId } from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import {
	loadTableMeta,
	readRows,
	readTableParameter,
	resolveRow,
	RESOURCE,
	rowOutput,
	rowStatus,
	tableIdProperty,
} from './shared';
import { columnsMapper } from './columns';

const show = { resource: [RESOURCE], operation: ['createRow'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee to add the row to: pick from the list, or give their HiBob ID or work email', byEmail: true }),
	tableIdProperty,
	columnsMapper('getCustomTableCreateColumns', 'The values of the new row, one per column of the table. List columns take the label as Bob shows it (e.g. Laptop) or the item ID; employee columns an employee ID or work email; currency columns e.g. 700 EUR.'),
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const tableId = readTableParameter(this, itemIndex);
		const values = mappedValues(this, 'columns', items, itemIndex);
		const table = await loadTableMeta(this, tableId, itemIndex);
		const plan = planRow(table, values, true);
		const employeeId = await targetEmployeeId(this, itemIndex);
		const row = await resolveRow(this, plan, itemIndex);
		await explainStatus(this, itemIndex, { ...rowStatus(employeeId, tableId), 400: { message: `HiBob refused the row for "${table.name}" (400)`, description: 'HiBob said what it refused below; check the column values against the table in Bob.' } }, async () =>
			await hiBobWrite(this, {
				method: 'POST',
				path: `/v1/people/custom-tables/${employeeId}/${tableId}`,
				body: { values: [row] },
				write: { idempotent: false, checkInBob: `the employee's "${table.name}" table for the new row` },
				itemIndex,
			})); // prettier-ignore
		const output: IDataObject = {
			success: true,
			operation: 'createRow',
			employeeId,
			customTableId: tableId,
			written: row,
		};
		try {
			const rows = await readRows(this, employeeId, tableId, itemIndex);
			const held = rows.filter((r) => rowHoldsValues(r, row)).sort((a, b) => Number(b.id) - Number(a.id))[0];
			if (held) return { ...output, entryId: String(held.id), row: rowOutput(employeeId, tableId, held) };
			return { ...output, readBackShowsWrite: false, note: `HiBob accepted the row, but "${table.name}" read back does not show it yet (HiBob can take up to 20 seconds). "written" is what was sent.` };
		} catch (error) {
			return { ...output, readBackShowsWrite: false, note: `HiBob accepted the row; reading "${table.name}" back failed: ${(error as Error).message}` };
		} // prettier-ignore
	});
}

export const createRow: HiBobOperation = { description, execute };
