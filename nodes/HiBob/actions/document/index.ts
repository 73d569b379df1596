import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { deleteDocument } from './delete.operation';
import { download } from './download.operation';
import { getAll } from './getAll.operation';
import { RESOURCE } from './shared';
import { upload } from './upload.operation';

export const operations: ResourceOperations = { upload, getAll, download, delete: deleteDocument };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Delete',
			value: 'delete',
			description: "Delete a document from an employee's folder",
			action: 'Delete a document',
		},
		{
			name: 'Download',
			value: 'download',
			description:
				"Download the file of one of an employee's documents (by its name) as binary data, up to a size limit",
			action: 'Download a document',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: "List an employee's documents with their download links",
			action: 'Get many documents',
		},
		{
			name: 'Upload',
			value: 'upload',
			description:
				"File a document (binary file or URL) in an employee's shared, confidential or custom folder",
			action: 'Upload a document',
		},
	],
	default: 'upload',
};
