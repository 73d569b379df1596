/**
 * Runs our nodes through n8n-core's real execution contexts (ExecuteContext, PollContext,
 * LoadOptionsContext) on a real n8n-workflow Workflow, so parameters, defaults, expressions, resource
 * locators, static data and `httpRequestWithAuthentication` behave as in n8n. Only the credential store
 * is ours: it hands out the test credentials and applies the HiBob credential's own `authenticate`,
 * as n8n's CredentialsHelper does. HTTP leaves through n8n's real request stack, so nock and the
 * simulator see exactly what HiBob would.
 * The stubs are plain objects (no jest-mock-extended, which refuses to load outside Jest), so the
 * benchmark builds its contexts with this module too.
 */
import { ExecuteContext, LoadOptionsContext, PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsHelper,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { HiBobApi } from '../../credentials/HiBobApi.credentials';

export interface TestCredentials extends ICredentialDataDecryptedObject {
	serviceUserId: string;
	token: string;
	environment: 'production' | 'sandbox' | 'custom';
	baseUrl: string;
}

const credentialType: ICredentialType = new HiBobApi();

/**
 * `target`, with a no-op function for every other member (what a jest-mock-extended mock gives too);
 * `then` stays undefined so the stub is not mistaken for a promise.
 */
export function stub<T extends object>(target: Partial<T>): T {
	return new Proxy(target, {
		get: (object, key) => {
			if (key in object) return (object as Record<string | symbol, unknown>)[key];
			return key === 'then' || typeof key === 'symbol' ? undefined : () => undefined;
		},
	}) as T;
}

export function credentialsFor(url: string, serviceUserId: string, token: string): TestCredentials {
	return { serviceUserId, token, environment: 'custom', baseUrl: url };
}

/** n8n's credential store, reduced to one credential: decrypts to `credentials`, authenticates with `type`. */
export function credentialsHelper(
	credentials: ICredentialDataDecryptedObject,
	type: ICredentialType = credentialType,
): ICredentialsHelper {
	const authenticate = type.authenticate;
	return stub<ICredentialsHelper>({
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		getDecrypted: async () => ({ ...credentials }),
		// Present, as in n8n, so a 401 is retried once after "pre-authentication" like the real stack does.
		preAuthentication: async () => undefined,
		authenticate: async (
			data: ICredentialDataDecryptedObject,
			_type: unknown,
			options: IHttpRequestOptions,
		) => {
			if (typeof authenticate !== 'function')
				throw new Error(`${type.name} must authenticate with a function`);
			return await authenticate(data, options);
		},
	} as Partial<ICredentialsHelper>);
}

class SingleNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string): INodeType {
		return this.getByNameAndVersion(name);
	}

	getByNameAndVersion(name: string): INodeType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

export interface NodeSetup {
	nodeType: INodeType;
	parameters: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	staticData?: IDataObject;
	timezone?: string;
	name?: string;
	/** The node's "On Error: Continue" setting. */
	continueOnFail?: boolean;
}

export function buildWorkflow(setup: NodeSetup): { workflow: Workflow; node: INode } {
	const typeName = `n8n-nodes-hibob.${setup.nodeType.description.name}`;
	const version = setup.nodeType.description.version;
	const node: INode = {
		id: 'node-under-test',
		name: setup.name ?? setup.nodeType.description.defaults.name ?? 'HiBob',
		type: typeName,
		typeVersion: Array.isArray(version) ? version[version.length - 1] : version,
		position: [0, 0],
		parameters: setup.parameters as INode['parameters'],
		credentials: { hiBobApi: { id: 'cred-1', name: 'HiBob test' } },
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'workflow-under-test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new SingleNodeTypes({ [typeName]: setup.nodeType }),
		staticData: setup.staticData,
		settings: { timezone: setup.timezone ?? 'UTC' },
	});
	return { workflow, node: workflow.getNode(node.name) as INode };
}

/** n8n's additional data, reduced to the credential store for `credentials`. */
export function additionalDataFor(
	credentials: ICredentialDataDecryptedObject | undefined,
): IWorkflowExecuteAdditionalData {
	return stub<IWorkflowExecuteAdditionalData>({
		credentialsHelper: credentialsHelper(credentials ?? {}),
		currentNodeParameters: undefined,
		evalLlmMockHandler: undefined,
	} as Partial<IWorkflowExecuteAdditionalData>);
}

export interface ExecuteResult {
	output: INodeExecutionData[][];
	hints: Array<{ message: string }>;
}

export type ExecuteSetup = NodeSetup & { items?: INodeExecutionData[]; mode?: WorkflowExecuteMode };

/** An ExecuteContext for an action node's execute() over `setup.items`. */
export function executeContext(setup: ExecuteSetup): ExecuteContext {
	const { workflow, node } = buildWorkflow(setup);
	const items = setup.items ?? [{ json: {} }];
	const runExecutionData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	return new ExecuteContext(
		workflow,
		node,
		additionalDataFor(setup.credentials),
		setup.mode ?? 'manual',
		runExecutionData,
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
}

/** Runs an action node's execute() over `items` and returns its output and execution hints. */
export async function runExecute(setup: ExecuteSetup): Promise<ExecuteResult> {
	const context = executeContext(setup);
	if (!setup.nodeType.execute) throw new Error('node type has no execute()');
	const output = (await setup.nodeType.execute.call(context)) as INodeExecutionData[][];
	const hints = (context as unknown as { hints?: Array<{ message: string }> }).hints ?? [];
	return { output, hints };
}

/** A LoadOptionsContext for methods (listSearch, loadOptions) of `setup.nodeType`. */
export function loadOptionsContext(setup: NodeSetup): LoadOptionsContext {
	const { workflow, node } = buildWorkflow(setup);
	return new LoadOptionsContext(workflow, node, additionalDataFor(setup.credentials), 'parameters');
}

export interface PollSetup {
	/** The trigger's workflow, as n8n keeps it between polls (see buildWorkflow). */
	workflow: Workflow;
	node: INode;
	credentials: ICredentialDataDecryptedObject;
	mode?: 'trigger' | 'manual';
	/** What n8n's poll budget callback answers (ms left for this poll); none when undefined. */
	pollBudgetMs?: number;
}

/** A PollContext for a polling trigger's poll(), as n8n builds it when it activates the workflow. */
export function pollContext(setup: PollSetup): PollContext {
	const budget = setup.pollBudgetMs;
	return new PollContext(
		setup.workflow,
		setup.node,
		additionalDataFor(setup.credentials),
		setup.mode ?? 'trigger',
		'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		budget === undefined ? undefined : () => budget,
	);
}
