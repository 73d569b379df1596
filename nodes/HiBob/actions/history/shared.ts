/** What the history operations share: the resource name, the Table parameter and the parameter readers. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseEmployeeId, parseEmployeeIds } from '../../core/employeeIds';
import type { EmployeeTable, HistoryTable } from '../../core/history';
import {
	EMPLOYEE_TABLES,
	HISTORY_TABLES,
	isEmployeeTable,
	isHistoryTable,
} from '../../core/history';
import { readLocator } from '../../shared/employeeLocator';

export const RESOURCE = 'employeeHistory';

const TABLE_OPTIONS: Record<EmployeeTable, { name: string; description: string }> = {
	employment: { name: 'Employment', description: 'Employment contract rows: type, contract, weekly hours, working pattern' },
	equities: { name: 'Equity', description: 'Equity grants: quantity, type, grant and vesting dates, exercise price (sensitive)' },
	lifecycle: { name: 'Lifecycle', description: 'Lifecycle status rows: Hired, Employed, Leave, Garden leave, Terminated, with active/inactive status and reasons' },
	salaries: { name: 'Salary', description: 'Salary rows: base {value, currency}, pay period and frequency (sensitive)' },
	training: { name: 'Training', description: 'Training records: name, status, frequency, start and end dates, cost' },
	variable: { name: 'Variable Pay', description: 'Variable pay rows: amount {value, currency}, type (bonus, commission), payment period (sensitive)' },
	work: { name: 'Work', description: 'Work rows: department, title, site, manager (reportsTo), change type' },
}; // prettier-ignore

function tableOptions(tables: readonly EmployeeTable[]) {
	return [...tables]
		.map((value) => ({ ...TABLE_OPTIONS[value], value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The table picker of History → Get: every table HiBob reads per employee. */
export const tableProperty: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	type: 'options',
	options: tableOptions(EMPLOYEE_TABLES),
	default: 'lifecycle',
	description:
		'Which table to read. Dated rows have effectiveDate, endEffectiveDate and isCurrent. Without the "histories" permission of the table\'s category HiBob returns only the current row.',
};

/** The table picker of History → Get Many: the tables HiBob reads in bulk. */
export const bulkTableProperty: INodeProperties = {
	...tableProperty,
	options: tableOptions(HISTORY_TABLES),
	description:
		'Which table to read (HiBob reads these for many employees at once; equity, variable pay and training only per employee, with Get). Without the "histories" permission HiBob returns only the current row.',
};

/** The permission category behind each table, as Bob's permission screens name it. */
export const TABLE_CATEGORY: Record<EmployeeTable, string> = {
	lifecycle: 'Lifecycle',
	work: 'Work',
	employment: 'Employment',
	salaries: 'Payroll',
	variable: 'Payroll',
	equities: 'Equity',
	training: 'Training',
};

/** The table of History → Get. */
export function readTable(context: IExecuteFunctions, itemIndex: number): EmployeeTable {
	const table = context.getNodeParameter('table', itemIndex, 'lifecycle');
	if (!isEmployeeTable(table)) {
		throw new NodeOperationError(context.getNode(), `"${String(table)}" is not an employee table`, {
			itemIndex,
			description: `Table must be one of ${EMPLOYEE_TABLES.join(', ')}.`,
		});
	}
	return table;
}

/** The table of History → Get Many (one HiBob reads in bulk). */
export function readBulkTable(context: IExecuteFunctions, itemIndex: number): HistoryTable {
	const table = readTable(context, itemIndex);
	if (!isHistoryTable(table)) {
		throw new NodeOperationError(
			context.getNode(),
			`HiBob has no bulk read of the ${table} table`,
			{
				itemIndex,
				description: `Use Employee History → Get for ${table}, one employee per item; Get Many reads ${HISTORY_TABLES.join(', ')}.`,
			},
		);
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
