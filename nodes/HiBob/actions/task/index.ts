import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { complete } from './complete.operation';
import { getAll } from './getAll.operation';
import { RESOURCE } from './shared';

export const operations: ResourceOperations = { getAll, complete };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Complete',
			value: 'complete',
			description: 'Mark a general task as complete (an already complete task is not an error)',
			action: 'Complete a task',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: "Get the company's open tasks, or one employee's tasks, with filters",
			action: 'Get many tasks',
		},
	],
	default: 'getAll',
};
