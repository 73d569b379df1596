/**
 * Employee → Update Work Email: `PUT /v1/people/{id}/email` with `{email}` (200, no body). It is the
 * person's Bob login: for someone invited or active HiBob sends a verification mail to the new address.
 * Setting an address is idempotent, so the transport may repeat it after a dropped connection.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requireEmail } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { targetEmployeeId, writeOutput } from './writeSupport';

const show = { resource: ['employee'], operation: ['updateEmail'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName:
			"The work email is the person's Bob login (and the key HiBob's SSO integrations match on). If they are invited or active, HiBob sends a verification mail to the new address.",
		name: 'updateEmailNotice',
		type: 'notice',
		default: '',
	},
	employeeLocator({
		description:
			'The employee whose work email to change: pick from the list, or give their HiBob ID or current work email',
		byEmail: true,
	}),
	{
		displayName: 'New Work Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. amy.miles@acme.com',
		required: true,
		default: '',
		description: 'The address to store in Bob, e.g. the Google Workspace address just created',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const email = requireEmail(this.getNodeParameter('email', itemIndex, ''), 'New Work Email');
		const employeeId = await targetEmployeeId(this, itemIndex);
		const result = await hiBobWrite(this, {
			method: 'PUT',
			path: `/v1/people/${employeeId}/email`,
			body: { email },
			// Not repeated after an unknown outcome: HiBob sends a verification invitation to the new
			// address on each accepted change of an invited or active employee.
			write: { idempotent: false, checkInBob: "the employee's work email" },
			itemIndex,
		});
		return await writeOutput(this, itemIndex, {
			employeeId,
			operation: 'updateEmail',
			written: { email },
			expected: { 'root.email': email },
			extra: result.unchanged ? { unchanged: ['email'] } : {},
		});
	});
}

export const updateEmail: HiBobOperation = { description, execute };
