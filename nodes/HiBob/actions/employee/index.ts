import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { get } from './get.operation';
import { getAll } from './getAll.operation';

export const operations: ResourceOperations = { get, getAll };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['employee'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description:
				'Get one employee per input item by HiBob ID or work email (many items are looked up together in a few calls)',
			action: 'Get an employee',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description:
				'Get the employees the service user can see, optionally filtered by any field (e.g. department is Engineering)',
			action: 'Get many employees',
		},
	],
	default: 'get',
};
