import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { checkAccess } from './checkAccess.operation';
import { getAllNamedLists } from './getAllNamedLists.operation';
import { getFields } from './getFields.operation';
import { getNamedList } from './getNamedList.operation';

export const operations: ResourceOperations = {
	checkAccess,
	getFields,
	getNamedList,
	getAllNamedLists,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['company'] } },
	options: [
		{
			name: 'Check Access',
			value: 'checkAccess',
			description:
				"Check what the service user may read in HiBob: one harmless read per capability, one item each (allowed or missing, and the permission to grant in HiBob's words). Reads only; never writes.",
			action: 'Check what the service user may read',
		},
		{
			name: 'Get All Named Lists',
			value: 'getAllNamedLists',
			description: 'Get every named list (departments, sites, titles, …) with its items',
			action: 'Get all named lists',
		},
		{
			name: 'Get Fields',
			value: 'getFields',
			description: 'Get the metadata of every employee field: ID, name, category, type, list',
			action: 'Get employee fields',
		},
		{
			name: 'Get Named List',
			value: 'getNamedList',
			description: 'Get the items of one named list, e.g. department',
			action: 'Get a named list',
		},
	],
	default: 'getFields',
};
