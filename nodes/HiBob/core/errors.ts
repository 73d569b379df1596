/**
 * Bad input, found before anything is sent to HiBob: what is wrong (`message`) and how to fix it
 * (`hint`). Pure core code throws it; the n8n glue (`asNodeError` in shared/items.ts) turns it into a
 * NodeOperationError carrying the item index, with the hint as its description.
 */
export class InputError extends Error {
	readonly hint?: string;

	constructor(message: string, hint?: string) {
		super(message);
		this.name = 'InputError';
		this.hint = hint;
	}
}
