/** The tables HiBob's API lets a service user add rows to and delete rows from: Work and Employment. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../core/errors';

export type WritableTable = 'work' | 'employment';

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
			{ name: 'Work', value: 'work', description: 'Department, title, site, manager (reportsTo)' },
		],
		default: 'work',
		description,
	};
}

export function readWritableTable(context: IExecuteFunctions, itemIndex: number): WritableTable {
	const table = context.getNodeParameter('table', itemIndex, 'work');
	if (table !== 'work' && table !== 'employment')
		throw new InputError(
			`"${String(table)}" is not a history table HiBob's API can write`,
			'Table must be work or employment (Lifecycle rows are written by Terminate and Set Start Date). Nothing was sent to HiBob.',
		);
	return table;
}
