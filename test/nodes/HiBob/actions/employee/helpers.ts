/**
 * Shared setup for the Employee tests: the node run through n8n-core's ExecuteContext against an
 * in-process HiBob simulator.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import type { ExecuteResult } from '../../../../harness/n8n';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import type { LogEntry, RunningSimulator } from '../../../../simulator';

export interface RunOptions {
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	user?: { id: string; token: string };
}

export async function runEmployee(
	sim: RunningSimulator,
	parameters: IDataObject,
	options: RunOptions = {},
): Promise<ExecuteResult> {
	const user = options.user ?? sim.serviceUser;
	return await runExecute({
		nodeType: new HiBob(),
		parameters: { resource: 'employee', ...parameters },
		credentials: credentialsFor(sim.url, user.id, user.token),
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

export { failureOf } from '../../../../harness/failure';
export { searches } from '../../../../harness/simulator';

export interface SearchBody {
	fields: string[];
	filters?: Array<{ fieldPath: string; operator: string; values: string[] }>;
	showInactive?: boolean;
	humanReadable?: string;
}

export const bodyOf = (entry: LogEntry) => entry.body as SearchBody;

export const jsonOf = (result: ExecuteResult) => result.output[0].map((item) => item.json);

export const pairedOf = (result: ExecuteResult) =>
	result.output[0].map((item) => (item.pairedItem as { item: number }).item);

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });
export const byEmail = (email: string) => ({ __rl: true, mode: 'email', value: email });
export const fromList = (id: string) => ({ __rl: true, mode: 'list', value: id });
