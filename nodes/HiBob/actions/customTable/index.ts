import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { createRow } from './createRow.operation';
import { deleteRow } from './deleteRow.operation';
import { getAll } from './getAll.operation';
import { getMetadata } from './getMetadata.operation';
import { RESOURCE } from './shared';
import { updateRow } from './updateRow.operation';

export const operations: ResourceOperations = {
	getMetadata,
	getAll,
	createRow,
	updateRow,
	deleteRow,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Create Row',
			value: 'createRow',
			description: "Writes to Bob: add a row to one of an employee's custom tables (e.g. Equipment, Certifications); list columns take labels; the output shows the row as Bob holds it",
			action: 'Create a custom table row',
		},
		{
			name: 'Delete Row',
			value: 'deleteRow',
			description: "Writes to Bob, destructive: delete one row of an employee's custom table by its ID. Cannot be undone.",
			action: 'Delete a custom table row',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: "Get the rows of one of an employee's custom tables: one item per row (column IDs as keys, optionally human-readable values)",
			action: 'Get many custom table rows',
		},
		{
			name: 'Get Metadata',
			value: 'getMetadata',
			description: 'Get the custom tables defined in Bob with their columns (IDs, names, types, lists), or the columns of one table',
			action: 'Get custom table metadata',
		},
		{
			name: 'Update Row',
			value: 'updateRow',
			description: "Writes to Bob: change columns of one row of an employee's custom table; other columns keep their values",
			action: 'Update a custom table row',
		},
	],
	default: 'getAll',
}; // prettier-ignore
