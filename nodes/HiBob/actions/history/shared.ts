/** What the history operations share: the resource name, the Table parameter and the parameter readers. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseEmployeeId, parseEmployeeIds } from '../../core/employeeIds';
import type { HistoryTable } from '../../core/history';
import { isHistoryTable } from '../../core/history';
import { readLocator } from '../../shared/employeeLocator';

export const RESOURCE = 'employeeHistory';

/** The table picker of the history reads. */
export const tableProperty: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'options',
	options: [
		{
			name: 'Employment',
			value: 'employment',
			description: 'Employment contract rows: type, contract, weekly hours, working pattern',
		},
		{
			name: 'Lifecycle',
			value: 'lifecycle',
			description:
				'Lifecycle status rows: Hired, Employed, Leave, Garden leave, Terminated, with active/inactive status and reasons',
		},
		{
			name: 'Work',
			value: 'work',
			description: 'Work rows: department, title, site, manager (reportsTo), change type',
		},
	],
	default: 'lifecycle',
	description:
		'Which history table to read. Each row has effectiveDate, endEffectiveDate and isCurrent. Without the "history" permission HiBob returns only the current row.',
};

/** The permission category behind each table, as Bob's permission screens name it. */
export const TABLE_CATEGORY: Record<HistoryTable, string> = {
	lifecycle: 'Lifecycle',
	work: 'Work',
	employment: 'Employment',
};

export function readTable(context: IExecuteFunctions, itemIndex: number): HistoryTable {
	const table = context.getNodeParameter('table', itemIndex, 'lifecycle');
	if (!isHistoryTable(table)) {
		throw new NodeOperationError(context.getNode(), `"${String(table)}" is not a history table`, {
			itemIndex,
			description: 'Table must be lifecycle, work or employment.',
		});
	}
	return table;
}

/** The Employee locator of History → Get (a plain ID string is accepted too). */
export function readEmployeeId(context: IExecuteFunctions, itemIndex: number): string {
	return parseEmployeeId(readLocator(context.getNodeParameter('employee', itemIndex, '')).value);
}

export function readEmployeeIds(context: IExecuteFunctions, itemIndex: number): string[] {
	return parseEmployeeIds(context.getNodeParameter('employeeIds', itemIndex, ''));
}
