/**
 * Employee → Revoke Access: `POST /v1/employees/{id}/uninvite` (no body). It ends the person's login
 * to Bob only; accounts in Google, Okta or other tools are untouched. There is nothing to read back.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';

import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { targetEmployeeId } from './writeSupport';

const show = { resource: ['employee'], operation: ['revokeAccess'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName:
			"This revokes the person's login to Bob only. Their Google, Okta, Slack and other accounts are not touched: deactivate those with their own nodes.",
		name: 'revokeNotice',
		type: 'notice',
		default: '',
	},
	employeeLocator({
		description:
			'The employee whose Bob access to revoke: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = await targetEmployeeId(this, itemIndex);
		await hiBobWrite(this, {
			method: 'POST',
			path: `/v1/employees/${employeeId}/uninvite`,
			write: {
				idempotent: false,
				checkInBob: "whether the employee can still log in to Bob (their profile's access status)",
			},
			itemIndex,
		});
		return {
			success: true,
			operation: 'revokeAccess',
			employeeId,
			revoked: 'Bob login',
			note: "Only the person's access to Bob was revoked; HiBob's API has nothing to read back for it.",
		};
	});
}

export const revokeAccess: HiBobOperation = { description, execute };
