/**
 * n8n-core's real PollContext / ExecuteContext for the benchmark, outside Jest. test/harness/n8n.ts does
 * the same for the tests but builds its stubs with jest-mock-extended, which refuses to load outside a
 * Jest environment; here the stubs are plain objects whose unknown members are no-op functions (what a
 * jest-mock-extended mock gives too). Credentials are applied by the HiBob credential's own
 * `authenticate`, as n8n's CredentialsHelper does, so requests leave through n8n's real HTTP stack.
 */
import { ExecuteContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HiBobApi } from '../../credentials/HiBobApi.credentials';

/** `target`, with a no-op function for every member it does not define. */
function stub<T extends object>(target: Partial<T>): T {
	return new Proxy(target, {
		get: (object, key) =>
			key in object ? (object as Record<string | symbol, unknown>)[key] : () => undefined,
	}) as T;
}

function additionalData(
	credentials: ICredentialDataDecryptedObject,
): IWorkflowExecuteAdditionalData {
	const authenticate = new HiBobApi().authenticate;
	const helper = stub<ICredentialsHelper>({
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		getDecrypted: async () => ({ ...credentials }),
		preAuthentication: async () => undefined,
		authenticate: async (
			data: ICredentialDataDecryptedObject,
			_type: unknown,
			options: IHttpRequestOptions,
		) => {
			if (typeof authenticate !== 'function') throw new Error('HiBob credential must authenticate');
			return await authenticate(data, options);
		},
	} as Partial<ICredentialsHelper>);
	return stub<IWorkflowExecuteAdditionalData>({
		credentialsHelper: helper,
		currentNodeParameters: undefined,
		evalLlmMockHandler: undefined,
	} as Partial<IWorkflowExecuteAdditionalData>);
}

export function credentialsFor(url: string, serviceUserId: string, token: string) {
	return { serviceUserId, token, environment: 'custom', baseUrl: url };
}

function workflowFor(
	nodeType: INodeType,
	parameters: IDataObject,
	staticData: IDataObject,
): { workflow: Workflow; node: INode } {
	const typeName = `n8n-nodes-hibob.${nodeType.description.name}`;
	const version = nodeType.description.version;
	const node: INode = {
		id: 'node-under-benchmark',
		name: nodeType.description.defaults.name ?? 'HiBob',
		type: typeName,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { hiBobApi: { id: 'cred-1', name: 'HiBob benchmark' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'workflow-under-benchmark',
		name: 'bench',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData,
		settings: { timezone: 'UTC' },
	});
	return { workflow, node: workflow.getNode(node.name) as INode };
}

export interface PreparedPoll {
	run(): Promise<INodeExecutionData[][] | null>;
	/** The workflow's static data (the trigger writes its snapshot here). */
	staticData(): IDataObject;
}

/** Everything a poll needs, built before timing starts. */
export function preparePoll(
	nodeType: INodeType,
	parameters: IDataObject,
	credentials: ICredentialDataDecryptedObject,
	staticData: IDataObject,
): PreparedPoll {
	const { workflow, node } = workflowFor(nodeType, parameters, staticData);
	const context = new PollContext(
		workflow,
		node,
		additionalData(credentials),
		'trigger',
		'activate',
	);
	const poll = nodeType.poll;
	if (!poll) throw new Error('node type has no poll()');
	return {
		run: async () => await poll.call(context),
		staticData: () => workflow.staticData as IDataObject,
	};
}

/** Everything an execute() run needs, built before timing starts. */
export function prepareExecute(
	nodeType: INodeType,
	parameters: IDataObject,
	credentials: ICredentialDataDecryptedObject,
	items: INodeExecutionData[],
): () => Promise<INodeExecutionData[][]> {
	const { workflow, node } = workflowFor(nodeType, parameters, {});
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(credentials),
		'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
	const execute = nodeType.execute;
	if (!execute) throw new Error('node type has no execute()');
	return async () => (await execute.call(context)) as INodeExecutionData[][];
}
