/**
 * A minimal node that declares the HiBob credential and runs whatever the test hands it, so the
 * transport can be exercised through n8n-core's real ExecuteContext without any operation around it.
 */
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export type ProbeBody = (context: IExecuteFunctions) => Promise<unknown>;

export function probeNode(body: ProbeBody): INodeType {
	const description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Runs a test body',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hiBobApi', required: true }],
		properties: [],
	};
	return {
		description,
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const result = await body(this);
			return [[{ json: { result } as never, pairedItem: { item: 0 } }]];
		},
	};
}
