import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { historyRow, parseEmployeeTable } from '../../core/history';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import { RESOURCE, readEmployeeId, readTable, TABLE_CATEGORY, tableProperty } from './shared';

const show = { resource: [RESOURCE], operation: ['get'] };

export const description = updateDisplayOptions({ show }, [
	tableProperty,
	employeeLocator({
		description:
			'The employee whose history to get: pick from the list, or give their HiBob ID (19 digits, as text: a number this long loses digits)',
	}),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const table = readTable(this, itemIndex);
		const employeeId = readEmployeeId(this, itemIndex);
		const path = `/v1/people/${employeeId}/${table}`;
		const body = await explainStatus(
			this,
			itemIndex,
			{
				403: {
					message: `HiBob refused the ${table} history of employee ${employeeId} (403)`,
					description: `The service user needs a permission group that grants the ${TABLE_CATEGORY[table]} category (with "view histories" for more than the current row) and includes this employee in its people scope (Bob → Settings → Permission groups).`,
				},
				404: {
					message: `HiBob has no employee with ID ${employeeId}`,
					description:
						'Check the ID: it is root.id from Employee → Get or Search (19 digits), not the email or display name. An employee deleted in Bob is gone from the API too.',
				},
			},
			async () => await hiBobRequest(this, { method: 'GET', path, itemIndex }),
		);
		const rows = parseEmployeeTable(body);
		if (rows === undefined) {
			throw unexpectedAnswer(this, `GET ${path}`, 'was not a table ({ values: [...] })', {
				itemIndex,
			});
		}
		return rows.map((row) => historyRow(employeeId, row) as IDataObject);
	});
}

export const get: HiBobOperation = { description, execute };
