import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/resources';
import { route } from './actions/router';
import { methods } from './methods';

/**
 * Programmatic rather than declarative: HiBob's people search is a POST with a field list and no
 * pagination, answers need normalising (nested + slash keys), and Get batches identifiers across input
 * items, none of which declarative routing expresses.
 */
export class HiBob implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HiBob',
		name: 'hiBob',
		icon: { light: 'file:hibob.svg', dark: 'file:hibob.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Read and write HiBob (Bob): employees and their history, time off, tasks, documents and company data',
		defaults: { name: 'HiBob' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hiBobApi', required: true }],
		properties: nodeProperties(),
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
