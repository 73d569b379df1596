/**
 * The batched per-item loop (Employee → Get, Employee History → Get Many): every item's input is read
 * and checked first, the requests are made for many items at once, and the answers go back to their
 * items in input order, each paired with its input. Continue-on-fail is handled here once: without
 * it, the first failure stops the run (a bad input stops it before anything is sent); with it, a
 * failed item becomes its error item and the others carry on.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError, errorItem } from './items';

export interface PendingItem<T> {
	input: T;
	itemIndex: number;
}

export class ItemBatch<T> {
	private readonly inputs: Array<T | undefined>;
	private readonly failures: Array<NodeApiError | NodeOperationError | undefined>;

	constructor(
		private readonly context: IExecuteFunctions,
		items: readonly INodeExecutionData[],
		read: (itemIndex: number) => T,
	) {
		this.inputs = items.map(() => undefined);
		this.failures = items.map(() => undefined);
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				this.inputs[itemIndex] = read(itemIndex);
			} catch (error) {
				this.fail([itemIndex], error);
			}
		}
	}

	/** The items that have not failed, in input order. */
	pending(): Array<PendingItem<T>> {
		const pending: Array<PendingItem<T>> = [];
		this.inputs.forEach((input, itemIndex) => {
			if (!this.failures[itemIndex]) pending.push({ input: input as T, itemIndex });
		});
		return pending;
	}

	/** Runs a check on every pending item; a failure is that item's. */
	check(checkOne: (input: T, itemIndex: number) => void): void {
		for (const { input, itemIndex } of this.pending()) {
			try {
				checkOne(input, itemIndex);
			} catch (error) {
				this.fail([itemIndex], error);
			}
		}
	}

	/**
	 * Runs one request made on behalf of `itemIndexes`. Its failure becomes each of theirs that has
	 * not failed yet (and stops the run without continue-on-fail); the result is then undefined.
	 */
	async attempt<R>(itemIndexes: readonly number[], run: () => Promise<R>): Promise<R | undefined> {
		try {
			return await run();
		} catch (error) {
			this.fail(itemIndexes, error);
			return undefined;
		}
	}

	/** Records `error` for the items (the first failure of an item wins). */
	fail(itemIndexes: readonly number[], error: unknown): void {
		const open = [...new Set(itemIndexes)]
			.filter((itemIndex) => !this.failures[itemIndex])
			.sort((a, b) => a - b);
		if (open.length === 0) return;
		const first = asNodeError(this.context, error, open[0]);
		if (!this.context.continueOnFail()) throw first;
		for (const itemIndex of open) {
			this.failures[itemIndex] =
				itemIndex === open[0] ? first : asNodeError(this.context, error, itemIndex);
		}
	}

	/** The output in input order: `build` gives a pending item's output (or throws its failure). */
	async output(
		build: (
			input: T,
			itemIndex: number,
		) => Promise<IDataObject | IDataObject[]> | IDataObject | IDataObject[],
	): Promise<INodeExecutionData[]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.inputs.length; itemIndex++) {
			if (!this.failures[itemIndex]) {
				try {
					const result = await build(this.inputs[itemIndex] as T, itemIndex);
					for (const json of Array.isArray(result) ? result : [result])
						output.push({ json, pairedItem: { item: itemIndex } });
					continue;
				} catch (error) {
					this.fail([itemIndex], error);
				}
			}
			output.push(
				errorItem(this.failures[itemIndex] as NodeApiError | NodeOperationError, itemIndex),
			);
		}
		return output;
	}
}
