/**
 * n8n-core's real PollContext / ExecuteContext for the benchmark, built once before timing starts by
 * the same harness the tests use (test/harness/n8n.ts, whose stubs load outside Jest too).
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';

import { buildWorkflow, executeContext, pollContext } from '../../test/harness/n8n';

export { credentialsFor } from '../../test/harness/n8n';

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
	const { workflow, node } = buildWorkflow({ nodeType, parameters, staticData });
	const context = pollContext({ workflow, node, credentials });
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
	const context = executeContext({ nodeType, parameters, credentials, items });
	const execute = nodeType.execute;
	if (!execute) throw new Error('node type has no execute()');
	return async () => (await execute.call(context)) as INodeExecutionData[][];
}
