/**
 * Company → Update Field: rename a custom field or change its description, `PUT
 * /v1/company/people/fields/{fieldId}`. Built-in fields are refused before anything is sent. The
 * output is the field as the metadata shows it afterwards.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireCustomField } from '../../core/customFields';
import { InputError } from '../../core/errors';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { fieldOutput, fieldParameter, fieldsForbidden, readFields } from './fieldSupport';

const show = { resource: ['company'], operation: ['updateField'] };

export const description = updateDisplayOptions({ show }, [
	fieldParameter('The custom field to change'),
	{ displayName: 'New Name', name: 'newName', type: 'string', default: '', description: 'Empty: keep the name' },
	{ displayName: 'New Description', name: 'newDescription', type: 'string', default: '', description: 'Empty: keep the description' },
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const name = String(this.getNodeParameter('newName', itemIndex, '')).trim();
		const text = String(this.getNodeParameter('newDescription', itemIndex, '')).trim();
		const reference = String(this.getNodeParameter('field', itemIndex, ''));
		if (name === '' && text === '')
			throw new InputError('Nothing to update', 'Give a New Name, a New Description, or both. Nothing was sent to HiBob.'); // prettier-ignore
		const field = requireCustomField(await readFields(this, itemIndex), reference);
		await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused to change the field ${field.id}`, description: 'HiBob changes only custom fields, and needs a non-empty name.' },
				403: fieldsForbidden,
				404: { message: `HiBob has no field ${field.id} any more`, description: 'It was deleted since the fields were read.' },
			},
			async () =>
				await hiBobWrite(this, {
					method: 'PUT',
					path: `/v1/company/people/fields/${encodeURIComponent(field.id)}`,
					body: { ...(name ? { name } : {}), ...(text ? { description: text } : {}) },
					itemIndex,
					write: { idempotent: true, checkInBob: `the field "${field.name}" in Bob's settings` },
				}),
		); // prettier-ignore
		const stored = (await readFields(this, itemIndex)).find((f) => f.id === field.id);
		if (!stored)
			throw new NodeOperationError(this.getNode(), `The field ${field.id} is gone from HiBob's field list after the update`, { itemIndex, description: 'Check the employee fields in Bob.' }); // prettier-ignore
		return { ...fieldOutput(stored), updated: true };
	});
}

export const updateField: HiBobOperation = { description, execute };
