/**
 * The per-item loop every non-batched operation uses: parameters read with the item's index, every
 * output item paired with its input, failures wrapped with the item index, and continue-on-fail turning
 * a failure into that item's error item.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeExecutionHint,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InputError } from '../core/errors';

/**
 * The one translation of a failure into what n8n shows: NodeApiError/NodeOperationError pass through
 * (given `itemIndex` if they have none), an InputError becomes a NodeOperationError with its hint as
 * the description, anything else is wrapped. Inside a `catch`, `throw asNodeError(...)` also satisfies
 * the community lint rule that forbids re-throwing the caught value as it is.
 */
export function asNodeError(
	context: Pick<IExecuteFunctions, 'getNode'>,
	failure: unknown,
	itemIndex?: number,
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
		let result: IDataObject | IDataObject[];
		try {
			result = await run(itemIndex);
		} catch (error) {
			const nodeError = asNodeError(context, error, itemIndex);
			if (!context.continueOnFail()) throw nodeError;
			output.push(errorItem(nodeError, itemIndex));
			continue;
		}
		for (const json of Array.isArray(result) ? result : [result]) {
			output.push({ json, pairedItem: { item: itemIndex } });
		}
	}
	return output;
}

/** Adds execution hints where n8n supports them (older n8n versions have no addExecutionHints). */
export function addHints(context: IExecuteFunctions, messages: Iterable<string>): void {
	const hints: NodeExecutionHint[] = [...new Set(messages)].map((message) => ({
		message,
		type: 'warning',
		location: 'outputPane',
	}));
	if (hints.length === 0) return;
	const add = (context as Partial<Pick<IExecuteFunctions, 'addExecutionHints'>>).addExecutionHints;
	if (typeof add === 'function') add.call(context, ...hints);
}
