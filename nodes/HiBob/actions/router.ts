import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RESOURCES } from './resources';

/** Runs the chosen operation over all input items (resource and operation cannot vary per item). */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const chosen = RESOURCES.find((candidate) => candidate.value === resource)?.operations[operation];
	if (!chosen) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" is not available for the resource "${resource}"`,
			{ description: 'Open the node and pick the resource and operation again.' },
		);
	}
	return [await chosen.execute.call(this, items)];
}
