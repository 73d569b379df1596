import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { cancelRequest } from './cancelRequest.operation';
import { createRequest } from './createRequest.operation';
import { getBalance } from './getBalance.operation';
import { getRequest } from './getRequest.operation';
import { getRequestChanges } from './getRequestChanges.operation';
import { outToday } from './outToday.operation';
import { RESOURCE } from './shared';
import { whosOut } from './whosOut.operation';

export const operations: ResourceOperations = {
	whosOut,
	outToday,
	getRequestChanges,
	createRequest,
	getRequest,
	cancelRequest,
	getBalance,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [RESOURCE] } },
	options: [
		{
			name: 'Cancel Request',
			value: 'cancelRequest',
			description: 'Cancel a time-off request',
			action: 'Cancel a time off request',
		},
		{
			name: 'Create Request',
			value: 'createRequest',
			description:
				'Request time off for an employee (days, half days or hours) and output the new request',
			action: 'Create a time off request',
		},
		{
			name: 'Get Balance',
			value: 'getBalance',
			description: "Get an employee's balance of a policy type on a date",
			action: 'Get a time off balance',
		},
		{
			name: 'Get Request',
			value: 'getRequest',
			description: 'Get one time-off request by its ID',
			action: 'Get a time off request',
		},
		{
			name: 'Get Request Changes',
			value: 'getRequestChanges',
			description:
				'Get time-off requests created, canceled or deleted since a moment (at most 6 months back): one item per change',
			action: 'Get time off request changes',
		},
		{
			name: 'Get Who Is Out',
			value: 'whosOut',
			description:
				'Get who is off (approved time off of active employees) between two dates: one item per absence',
			action: 'Get who is out in a date range',
		},
		{
			name: 'Get Who Is Out Today',
			value: 'outToday',
			description:
				'Get who is off today (or on a given day), optionally for one site: one item per absence',
			action: 'Get who is out today',
		},
	],
	default: 'whosOut',
};
