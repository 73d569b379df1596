import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { secretProblem } from './core/webhook';
import { getEmployeeFields } from './methods/loadOptions';
import { webhookProperties, WEBHOOK_PATH } from './webhook/description';
import { emitEvents } from './webhook/emit';
import { receiveWebhook } from './webhook/receive';

/**
 * HiBob's v2 webhooks as a trigger: Bob pushes an event within seconds of a change. webhook() checks the
 * signature and answers at once (webhook/receive.ts); the execution then drops re-sent deliveries and
 * reads what the event names (webhook/emit.ts). Bob's webhooks are created by a Bob admin in Bob's
 * settings; there is no API to register them, so the node has no webhook methods.
 */
export class HiBobWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HiBob Webhook Trigger',
		name: 'hiBobWebhookTrigger',
		icon: { light: 'file:hibob.svg', dark: 'file:hibob.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow within seconds when Bob sends a webhook: employees, table rows, time off, tasks, eSign, positions, timesheets',
		defaults: { name: 'HiBob Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'hiBobWebhookApi',
				displayName: 'Webhook Secret (Required)',
				required: true,
				testedBy: 'hiBobWebhookSecret',
			},
			{ name: 'hiBobApi', displayName: 'HiBob Account for Enrichment (Optional)', required: false },
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Bob gives a listener about 10 seconds: answer first, enrich in the execution.
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
			},
		],
		properties: webhookProperties,
	};

	methods = {
		loadOptions: { getEmployeeFields },
		credentialTest: {
			async hiBobWebhookSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = secretProblem(credential.data?.secret);
				return problem
					? { status: 'Error', message: problem }
					: {
							status: 'OK',
							message:
								"The secret is well-formed. Bob cannot be asked whether it is the right one: the first signed delivery proves it (a wrong one is answered 401 and shown in Bob's webhook log).",
						};
			},
		},
	};

	/**
	 * Bob has no API for webhooks: a Bob admin creates the webhook in Bob's settings with this node's URL
	 * (see the notice). n8n serves the URL while the workflow is active, so there is nothing to create,
	 * check or delete in Bob; deactivating the workflow makes Bob's deliveries fail until the admin
	 * turns the webhook off in Bob.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await emitEvents(this);
	}
}
