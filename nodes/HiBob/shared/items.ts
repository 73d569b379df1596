/**
 * The per-item loop every non-batched operation uses: parameters read with the item's index, every
 * output item paired with its input, failures wrapped with the item index, and continue-on-fail turning
 * a failure into that item's error item.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError } from '../core/errors';

/** A NodeApiError/NodeOperationError for `failure`, carrying `itemIndex`. */
export function asNodeError(
	context: IExecuteFunctions,
	failure: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) {
		failure.context.itemIndex ??= itemIndex;
		return failure;
	}
	if (failure instanceof InputError) {
		return new NodeOperationError(context.getNode(), failure.message, {
			itemIndex,
			...(failure.hint ? { description: failure.hint } : {}),
		});
	}
	return new NodeOperationError(context.getNode(), failure as Error, { itemIndex });
}

/** The error item continue-on-fail emits for a failed input item. */
export function errorItem(
	failure: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	return {
		json: {
			error: failure.message,
			...(failure.description ? { description: failure.description } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

export async function mapItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let result: IDataObject | IDataObject[] | undefined;
		let failure: unknown;
		try {
			result = await run(itemIndex);
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) {
			const nodeError = asNodeError(context, failure, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
			continue;
		}
		for (const json of Array.isArray(result) ? result : [result ?? {}]) {
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}
