import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation: its parameters and how it runs over all input items (batching is its own choice). */
export interface HiBobOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type ResourceOperations = Record<string, HiBobOperation>;
