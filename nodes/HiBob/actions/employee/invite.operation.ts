/**
 * Employee → Invite: `POST /v1/employees/{id}/invitations` with `{welcomeWizardId}` (200, no body).
 * HiBob mails the person an invitation to Bob and starts the onboarding wizard; a repeated POST after
 * an unknown outcome could send a second invitation, so the transport never repeats it. HiBob takes
 * the wizard as its integer ID; a name given by expression is resolved against the wizard list.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import { resolveListItem } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobRequest, hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { targetEmployeeId } from './writeSupport';

const show = { resource: ['employee'], operation: ['invite'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName:
			'HiBob emails the person an invitation to log in to Bob and starts the onboarding wizard you pick. An invitation cannot be taken back through the API (Revoke Access ends the login).',
		name: 'inviteNotice',
		type: 'notice',
		default: '',
	},
	employeeLocator({
		description:
			'The employee to invite to Bob: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Onboarding Wizard Name or ID',
		name: 'welcomeWizardId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOnboardingWizards' },
		required: true,
		default: '',
		description:
			'The onboarding wizard the invitation starts. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
]);

async function wizardId(
	context: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): Promise<number> {
	const text = String(value ?? '').trim();
	if (text === '')
		throw new InputError(
			'Onboarding Wizard is required',
			'Pick the onboarding wizard from the list, or give its ID or name. Nothing was sent to HiBob.',
		);
	if (/^\d+$/.test(text)) return Number(text);
	const body = (await hiBobRequest(context, {
		method: 'GET',
		path: '/v1/onboarding/wizards',
		itemIndex,
	})) as { wizards?: Array<{ id?: unknown; name?: unknown }> } | null;
	const wizards = (body?.wizards ?? []).map((wizard) => ({
		id: String(wizard.id),
		name: String(wizard.name ?? wizard.id),
	}));
	return Number(resolveListItem(wizards, text, 'an onboarding wizard').id);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const welcomeWizardId = await wizardId(
			this,
			this.getNodeParameter('welcomeWizardId', itemIndex, ''),
			itemIndex,
		);
		const employeeId = await targetEmployeeId(this, itemIndex);
		const body = { welcomeWizardId };
		await hiBobWrite(this, {
			method: 'POST',
			path: `/v1/employees/${employeeId}/invitations`,
			body,
			write: {
				idempotent: false,
				checkInBob: "whether the employee was invited (their profile's Bob access status)",
			},
			itemIndex,
		});
		return {
			success: true,
			operation: 'invite',
			employeeId,
			written: body,
			note: 'HiBob sent the invitation; its API has nothing to read back for it.',
		};
	});
}

export const invite: HiBobOperation = { description, execute };
