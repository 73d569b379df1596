import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { create } from './create.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { invite } from './invite.operation';
import { revokeAccess } from './revokeAccess.operation';
import { setStartDate } from './setStartDate.operation';
import { terminate } from './terminate.operation';
import { update } from './update.operation';
import { updateEmail } from './updateEmail.operation';

export const operations: ResourceOperations = {
	get,
	getAll,
	update,
	updateEmail,
	terminate,
	revokeAccess,
	setStartDate,
	invite,
	create,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['employee'] } },
	options: [
		{
			name: 'Create',
			value: 'create',
			description:
				'Writes to Bob: create a new employee from first name, surname, work email, site and start date, and return them as read back',
			action: 'Create an employee',
		},
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
		{
			name: 'Invite',
			value: 'invite',
			description:
				'Writes to Bob: invite the employee to log in to Bob (HiBob emails them) and start the chosen onboarding wizard',
			action: 'Invite an employee to sign in',
		},
		{
			name: 'Revoke Access',
			value: 'revokeAccess',
			description:
				"Writes to Bob: revoke the employee's login to Bob (only Bob; other accounts are untouched)",
			action: 'Revoke access for an employee',
		},
		{
			name: 'Set Start Date',
			value: 'setStartDate',
			description:
				"Writes to Bob: change the employee's start date (with a reason); the old date is replaced",
			action: 'Set the start date of an employee',
		},
		{
			name: 'Terminate',
			value: 'terminate',
			description:
				"Writes to Bob: add a termination (date, reason) to the employee's lifecycle. Cannot be undone through the API.",
			action: 'Terminate an employee',
		},
		{
			name: 'Update',
			value: 'update',
			description:
				"Writes to Bob: change any of the employee's fields (custom fields too); job title, department, site and manager as a Work history entry from an effective date",
			action: 'Update an employee',
		},
		{
			name: 'Update Work Email',
			value: 'updateEmail',
			description:
				"Writes to Bob: change the employee's work email, which is their Bob login (may send a verification mail)",
			action: 'Update the work email of an employee',
		},
	],
	default: 'get',
};
