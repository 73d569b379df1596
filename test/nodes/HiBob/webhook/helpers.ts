/**
 * Runs the HiBob Webhook Trigger as n8n does: webhook() through n8n-core's real WebhookContext on the
 * request (raw bytes, headers) and a minimal Express-like response, then, when it started a run,
 * execute() through the real ExecuteContext on the items webhook() returned, on the same Workflow (so
 * the node's static data is shared as n8n shares it across a run).
 */
import { createHmac } from 'node:crypto';

import { mock } from 'jest-mock-extended';
import { ExecuteContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	IHttpRequestOptions,
	INodeExecutionData,
	IRunExecutionData,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { HiBobApi } from '../../../../credentials/HiBobApi.credentials';
import { HiBobWebhookTrigger } from '../../../../nodes/HiBob/HiBobWebhookTrigger.node';
import { buildWorkflow } from '../../../harness/n8n';

export const SIGNER = 'bob-webhook-secret-6f1c2a9e4b7d';

export const sign = (body: string | Buffer, secret = SIGNER) =>
	createHmac('sha512', secret).update(body).digest('base64');

function credentialsHelper(
	byType: Record<string, ICredentialDataDecryptedObject | undefined>,
): ICredentialsHelper {
	const api = new HiBobApi();
	return mock<ICredentialsHelper>({
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		getDecrypted: async (_data, _nodeCredentials, type: string) => {
			const credentials = byType[type];
			if (!credentials) throw new Error(`No ${type} credential`);
			return { ...credentials };
		},
		preAuthentication: async () => undefined,
		authenticate: async (
			data: ICredentialDataDecryptedObject,
			_type,
			options: IHttpRequestOptions,
		) => await api.authenticate(data, options),
	});
}

export interface Answer {
	status: number;
	body: unknown;
	/** What webhook() handed to the execution; undefined when it started none. */
	items?: INodeExecutionData[];
}

export interface WebhookHarness {
	deliver(
		body: string | Buffer,
		options?: { signature?: string | null; mode?: WorkflowExecuteMode; headers?: IDataObject },
	): Promise<Answer>;
	execute(items: INodeExecutionData[], mode?: WorkflowExecuteMode): Promise<INodeExecutionData[]>;
	/** deliver(), then execute() when a run started; the run's output ([] when none started). */
	receive(
		body: string | Buffer,
		options?: { signature?: string | null; mode?: WorkflowExecuteMode },
	): Promise<{ answer: Answer; output: INodeExecutionData[] | undefined }>;
	staticData(): IDataObject;
}

export function webhookHarness(setup: {
	parameters?: IDataObject;
	secret?: string;
	api?: ICredentialDataDecryptedObject;
	staticData?: IDataObject;
}): WebhookHarness {
	const nodeType = new HiBobWebhookTrigger();
	const { workflow, node } = buildWorkflow({
		nodeType,
		parameters: setup.parameters ?? {},
		staticData: setup.staticData,
	});
	node.id = 'webhook-node';
	node.credentials = {
		hiBobWebhookApi: { id: 'cred-w', name: 'Bob webhook' },
		...(setup.api ? { hiBobApi: { id: 'cred-a', name: 'HiBob' } } : {}),
	};
	const helper = credentialsHelper({
		hiBobWebhookApi: { secret: setup.secret ?? SIGNER },
		hiBobApi: setup.api,
	});
	const webhookDescription = nodeType.description.webhooks![0];

	const deliver: WebhookHarness['deliver'] = async (body, options = {}) => {
		const raw = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
		let parsed: unknown = raw.toString('utf8');
		try {
			parsed = JSON.parse(raw.toString('utf8'));
		} catch {
			// n8n leaves a body it cannot parse as JSON unparsed; rawBody always holds the bytes.
		}
		const signature =
			options.signature === undefined ? sign(raw) : (options.signature ?? undefined);
		const headers: IDataObject = {
			'content-type': 'application/json',
			...(signature === undefined ? {} : { 'bob-signature': signature }),
			...options.headers,
		};
		const response = {
			statusCode: 200,
			sent: undefined as unknown,
			status(code: number) {
				this.statusCode = code;
				return this;
			},
			json(value: unknown) {
				this.sent = value;
				return this;
			},
			send(value: unknown) {
				this.sent = value;
				return this;
			},
			end() {
				return this;
			},
		};
		const request = { body: parsed, rawBody: raw, headers, params: {}, query: {} };
		const additionalData = mock<IWorkflowExecuteAdditionalData>({
			credentialsHelper: helper,
			currentNodeParameters: undefined,
			evalLlmMockHandler: undefined,
		});
		// Assigned, not passed to mock(): mock() would wrap the Buffer in a proxy Node cannot read.
		additionalData.httpRequest = request as never;
		additionalData.httpResponse = response as never;
		const mode = options.mode ?? 'webhook';
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'hibob',
			webhookDescription,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			isTest: mode === 'manual',
		} as unknown as IWebhookData;
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		const result = await nodeType.webhook.call(context);
		if (result.noWebhookResponse) return { status: response.statusCode, body: response.sent };
		if (result.workflowData)
			return {
				status: 200,
				body: { message: 'Workflow was started' },
				items: result.workflowData[0],
			};
		return { status: 200, body: result.webhookResponse };
	};

	const execute: WebhookHarness['execute'] = async (items, mode = 'webhook') => {
		const additionalData = mock<IWorkflowExecuteAdditionalData>({
			credentialsHelper: helper,
			currentNodeParameters: undefined,
			evalLlmMockHandler: undefined,
		});
		const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			mode,
			runExecutionData,
			0,
			items,
			{ main: [items] },
			{ node, data: { main: [items] }, source: null },
			[],
		);
		const output = await nodeType.execute.call(context);
		return output[0];
	};

	return {
		deliver,
		execute,
		async receive(body, options = {}) {
			const answer = await deliver(body, options);
			const output = answer.items ? await execute(answer.items, options.mode) : undefined;
			return { answer, output };
		},
		staticData: () => workflow.getStaticData('node', node),
	};
}
