/**
 * Company → Delete Field: `DELETE /v1/company/people/fields/{fieldId}`. Destructive: the custom field
 * and every employee's value in it are removed from Bob. Built-in fields are refused before anything
 * is sent; not repeated after an unknown outcome. The output says whether the field list still shows it.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requireCustomField } from '../../core/customFields';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { fieldOutput, fieldParameter, fieldsForbidden, readFields } from './fieldSupport';

const show = { resource: ['company'], operation: ['deleteField'] };

export const description = updateDisplayOptions({ show }, [
	fieldParameter("The custom field to delete, with every employee's value in it"),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const field = requireCustomField(
			await readFields(this, itemIndex),
			String(this.getNodeParameter('field', itemIndex, '')),
		);
		await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused to delete the field ${field.id}`, description: 'HiBob deletes only custom fields.' },
				403: fieldsForbidden,
				404: { message: `HiBob has no field ${field.id} any more`, description: 'It was deleted since the fields were read.' },
			},
			async () =>
				await hiBobWrite(this, {
					method: 'DELETE',
					path: `/v1/company/people/fields/${encodeURIComponent(field.id)}`,
					itemIndex,
					write: { idempotent: false, checkInBob: `the employee fields in Bob's settings (whether "${field.name}" is still there)` },
				}),
		); // prettier-ignore
		const still = (await readFields(this, itemIndex)).some((f) => f.id === field.id);
		return { ...fieldOutput(field), deleted: !still };
	});
}

export const deleteField: HiBobOperation = { description, execute };
