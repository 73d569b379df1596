import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { methods } from './methods';
import { triggerProperties } from './trigger/description';
import { pollLifecycle } from './trigger/poll';
import { pollTimeOff } from './trigger/timeOffPoll';

/**
 * Polling trigger for HiBob lifecycle events or time-off requests ("Watch"). Lifecycle: each poll makes
 * one people search, hands the people to the lifecycle engine (core/lifecycle) and stores its snapshot
 * in the workflow's static data; see trigger/poll.ts. Time off: one read of HiBob's time-off changes
 * (core/timeOffEvents), see trigger/timeOffPoll.ts. n8n adds the "Poll Times" parameter itself.
 */
export class HiBobTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HiBob Trigger',
		name: 'hiBobTrigger',
		icon: { light: 'file:hibob.svg', dark: 'file:hibob.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{($parameter["watch"] === "timeOff" ? ($parameter["timeOffEvents"] || []) : ($parameter["events"] || [])).join(", ")}}',
		// n8n's node panel shows this under the HiBob entry, which also holds the action node's operations
		description:
			'Read and write HiBob (Bob) employees, time off, tasks, documents and company data, or start a workflow on lifecycle events (new hires, leavers, changes) and time-off requests',
		defaults: { name: 'HiBob Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hiBobApi', required: true }],
		properties: triggerProperties,
	};

	methods = methods;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return this.getNodeParameter('watch', 'employeeLifecycle') === 'timeOff'
			? await pollTimeOff(this)
			: await pollLifecycle(this);
	}
}
