import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { download } from './download.operation';
import { getAll } from './getAll.operation';

export const operations: ResourceOperations = { getAll, download };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['report'] } },
	options: [
		{
			name: 'Download',
			value: 'download',
			description:
				'Download a saved report: one item per row (JSON), or the CSV/XLSX file as binary. Large reports: choose Asynchronous generation.',
			action: 'Download a report',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List the saved reports the service user may see, with their IDs and folders',
			action: 'Get many reports',
		},
	],
	default: 'getAll',
};
