import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * The secret (token) of one webhook in Bob. Bob signs every delivery with it (Bob-Signature: Base64
 * HMAC-SHA512 of the body); the HiBob Webhook Trigger refuses what it did not sign. Kept as a
 * credential so it is stored encrypted and never lands in workflow JSON.
 */
export class HiBobWebhookApi implements ICredentialType {
	name = 'hiBobWebhookApi';

	displayName = 'HiBob Webhook API';

	icon: Icon = {
		light: 'file:../nodes/HiBob/hibob.svg',
		dark: 'file:../nodes/HiBob/hibob.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-hibob/n8n-nodes-hibob/blob/main/docs/hibob-webhook-trigger.md#setup-in-bob';

	properties: INodeProperties[] = [
		{
			displayName:
				'The HiBob Webhook API credential holds one Bob webhook\'s secret, which the HiBob Webhook Trigger requires. In Bob: Settings → Integrations → Webhooks, open the webhook whose URL is this trigger\'s, and copy its secret (token). After "Refresh token" in Bob, paste the new one here.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Webhook Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret Bob shows for the webhook; Bob signs every delivery with it',
		},
	];
}
