/**
 * Employee History → Delete Entry: `DELETE /v1/people/{id}/{table}/{entryId}` for Work, Employment,
 * Salary, Equity, Variable Pay or Training (200, no body). HiBob then recomputes the employee's current values from the rows left; it refuses to delete
 * a table's only row. Sending it again after an unknown outcome would answer 404 for a row already
 * gone, so the transport never repeats it and the item says what to check instead.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import { targetEmployeeId } from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import { RESOURCE } from './shared';
import { readWritableTable, WRITABLE_LABEL, writableTableProperty } from './writableTable';

const show = { resource: [RESOURCE], operation: ['deleteEntry'] };

export const description = updateDisplayOptions({ show }, [
	writableTableProperty('Which history table the entry is in'),
	employeeLocator({
		description:
			'The employee whose history entry to delete: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Entry ID',
		name: 'entryId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 401',
		description: "The row's ID, as Employee History → Get returns it",
	},
]);

/** A history row's ID (HiBob's are whole numbers), or an InputError. */
export function entryIdOf(value: unknown): string {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text))
		throw new InputError(
			text === '' ? 'Entry ID is required' : `Entry ID "${text}" is not a history entry ID`,
			'Give the `id` of the row from Employee History → Get (a whole number). Nothing was sent to HiBob.',
		);
	return text;
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const table = readWritableTable(this, itemIndex);
		const entryId = entryIdOf(this.getNodeParameter('entryId', itemIndex, ''));
		const employeeId = await targetEmployeeId(this, itemIndex);
		await hiBobWrite(this, {
			method: 'DELETE',
			path: `/v1/people/${employeeId}/${table}/${entryId}`,
			write: {
				idempotent: false,
				checkInBob: `whether entry ${entryId} is still in the employee's ${WRITABLE_LABEL[table]} history`,
			},
			itemIndex,
		});
		return { success: true, operation: 'deleteEntry', employeeId, table, deletedEntryId: entryId };
	});
}

export const deleteEntry: HiBobOperation = { description, execute };
