import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { createEntry } from './createEntry.operation';
import { deleteEntry } from './deleteEntry.operation';
import { RESOURCE } from './shared';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const operations: ResourceOperations = { get, getAll, createEntry, deleteEntry };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Create Entry',
			value: 'createEntry',
			description:
				"Writes to Bob: add a row to an employee's Work (department, title, site, manager), Employment (type, contract, weekly hours), Salary, Equity, Variable Pay or Training table; the output shows the row as Bob holds it",
			action: 'Create an employee history entry',
		},
		{
			name: 'Delete Entry',
			value: 'deleteEntry',
			description:
				"Writes to Bob, destructive: delete one row of an employee's Work, Employment, Salary, Equity, Variable Pay or Training table by its ID; HiBob recomputes their current values from the rows left. Cannot be undone.",
			action: 'Delete an employee history entry',
		},
		{
			name: 'Get',
			value: 'get',
			description:
				"Get one employee's lifecycle, work, employment, salary, equity, variable pay or training table: one item per row",
			action: 'Get the history of an employee',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description:
				'Get the lifecycle, work or employment history of many employees (all, or by ID, batched across input items): one item per history row',
			action: 'Get the history of many employees',
		},
	],
	default: 'get',
};
