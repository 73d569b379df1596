import type { IDataObject } from 'n8n-workflow';

/** The error a node run must throw (NodeOperationError / NodeApiError fields included); fails the test when it does not throw. */
export async function failureOf(promise: Promise<unknown>) {
	let caught: unknown;
	try {
		await promise;
	} catch (error) {
		caught = error;
	}
	if (!caught) throw new Error('expected the node to fail');
	return caught as Error & { description?: string; httpCode?: string; context: IDataObject };
}
