/**
 * The tables HiBob's API lets a service user add rows to and delete rows from: Work, Employment, and
 * the pay and training tables (Salary, Equity, Variable Pay, Training).
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import type { PayTable } from '../../core/payTables';
import { isPayTable, PAY_TABLE_LABEL } from '../../core/payTables';

export type WritableTable = 'work' | 'employment' | PayTable;

/** How messages name a writable table. */
export const WRITABLE_LABEL: Record<WritableTable, string> = {
	work: 'Work',
	employment: 'Employment',
	...PAY_TABLE_LABEL,
};

export function writableTableProperty(description: string): INodeProperties {
	return {
		displayName: 'Table',
		name: 'table',
		type: 'options',
		options: [
			{
				name: 'Employment',
				value: 'employment',
				description: 'Employment type, contract, weekly hours',
			},
			{ name: 'Equity', value: 'equities', description: 'An equity grant (sensitive)' },
			{ name: 'Salary', value: 'salaries', description: 'A salary row: amount, currency, pay period (sensitive)' }, // prettier-ignore
			{ name: 'Training', value: 'training', description: 'A training record' },
			{ name: 'Variable Pay', value: 'variable', description: 'A bonus or commission row (sensitive)' }, // prettier-ignore
			{ name: 'Work', value: 'work', description: 'Department, title, site, manager (reportsTo)' },
		],
		default: 'work',
		description,
	};
}

export function readWritableTable(context: IExecuteFunctions, itemIndex: number): WritableTable {
	const table = context.getNodeParameter('table', itemIndex, 'work');
	if (table !== 'work' && table !== 'employment' && !isPayTable(table))
		throw new InputError(
			`"${String(table)}" is not a history table HiBob's API can write`,
			'Table must be work, employment, salaries, equities, variable or training (Lifecycle rows are written by Terminate and Set Start Date). Nothing was sent to HiBob.',
		);
	return table;
}
