import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { RESOURCE } from './shared';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const operations: ResourceOperations = { get, getAll };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				"Get one employee's lifecycle, work or employment history: one item per history row",
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
