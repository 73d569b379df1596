/** Parameters the time-off request operations share: the policy type picker and the request ID. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseRequestId } from '../../core/timeOffRequests';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';

export function policyTypeProperty(description: string): INodeProperties {
	return {
		displayName: 'Policy Type Name or ID',
		name: 'policyType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimeOffPolicyTypes' },
		default: '',
		required: true,
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const requestIdProperty: INodeProperties = {
	displayName: 'Request ID',
	name: 'requestId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 27500233',
	description:
		'The time-off request, e.g. the requestId output by Create Request or Get Request Changes',
};

/** The parameters of an operation on one existing request: its employee and its ID. */
export const existingRequestProperties: INodeProperties[] = [
	employeeLocator({ description: 'The employee the request belongs to' }),
	requestIdProperty,
];

export function readExistingRequest(
	context: IExecuteFunctions,
	itemIndex: number,
): { employeeId: string; requestId: string } {
	return {
		employeeId: readEmployeeParameter(context, itemIndex),
		requestId: parseRequestId(context.getNodeParameter('requestId', itemIndex, '')),
	};
}

/** What to look at in Bob when a time-off write's outcome is unknown. */
export const checkRequestsOf = (employeeId: string) =>
	`the time off requests of employee ${employeeId} in Bob (their Time off tab)`;

export const TIME_OFF_PERMISSION =
	'The service user needs time-off permissions for this employee (Bob → Settings → Permission groups → Time off): see people\'s requests, and to create or cancel them "Requests › Create, edit all fields, and cancel people\'s requests".';
