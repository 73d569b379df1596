/**
 * Company → Create Field: a custom employee field, `POST /v1/company/people/fields` `{name, category,
 * type, description?, historical?}` → `{id}`. Not idempotent (a repeat would create a second field);
 * a field of that name in the category is refused first. The output is the field as the metadata
 * shows it afterwards.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CUSTOM_FIELD_TYPES, planNewField } from '../../core/customFields';
import { isRecord } from '../../core/json';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { fieldOutput, fieldsForbidden, readFields } from './fieldSupport';

const show = { resource: ['company'], operation: ['createField'] };

const TYPE_NAMES: Record<string, string> = { text: 'Text', 'text-area': 'Text Area', number: 'Number', date: 'Date', list: 'List', 'multi-list': 'Multi-List', 'hierarchy-list': 'Hierarchy List', currency: 'Currency', 'employee-reference': 'Employee Reference', document: 'Document' }; // prettier-ignore

export const description = updateDisplayOptions({ show }, [
	{ displayName: 'Field Name', name: 'fieldName', type: 'string', default: '', required: true, placeholder: 'e.g. Okta ID' },
	{ displayName: 'Category Name or ID', name: 'category', type: 'options', typeOptions: { loadOptionsMethod: 'getFieldCategories' }, default: '', required: true, description: 'The category the field belongs to; who may see it follows the category\'s permissions. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	{ displayName: 'Field Type', name: 'fieldType', type: 'options', options: CUSTOM_FIELD_TYPES.map((value) => ({ name: TYPE_NAMES[value], value })), default: 'text' },
	{ displayName: 'Description', name: 'fieldDescription', type: 'string', default: '' },
	{ displayName: 'Historical', name: 'historical', type: 'boolean', default: false, description: 'Whether the field keeps a history of values with effective dates (only some categories allow it)' },
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const before = await readFields(this, itemIndex);
		const field = planNewField(
			{
				name: this.getNodeParameter('fieldName', itemIndex, ''),
				category: this.getNodeParameter('category', itemIndex, ''),
				type: this.getNodeParameter('fieldType', itemIndex, 'text'),
				description: this.getNodeParameter('fieldDescription', itemIndex, ''),
				historical: this.getNodeParameter('historical', itemIndex, false),
			},
			before,
		);
		const { body } = await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused the new field "${field.name}"`, description: 'HiBob refuses fields in the Basic info (root) category, historical fields in categories without history, and unsupported types.' },
				403: fieldsForbidden,
				404: { message: `HiBob has no field category "${field.category}"`, description: 'Pick the category from the list (Company → Get Fields shows each field\'s categoryId).' },
			},
			async () =>
				await hiBobWrite(this, {
					method: 'POST',
					path: '/v1/company/people/fields',
					body: { ...field },
					itemIndex,
					write: { idempotent: false, checkInBob: `the employee fields in Bob's settings (whether "${field.name}" was created)` },
				}),
		); // prettier-ignore
		const id = isRecord(body) && typeof body.id === 'string' ? body.id : undefined;
		const after = await readFields(this, itemIndex);
		const stored = after.find((f) => f.id === id) ?? after.find((f) => !before.some((b) => b.id === f.id) && f.name === field.name); // prettier-ignore
		if (!stored)
			throw new NodeOperationError(this.getNode(), `HiBob accepted the field "${field.name}" but its field list does not show it`, { itemIndex, description: `Check the employee fields in Bob before running the node again${id ? ` (HiBob answered ID ${id})` : ''}.` }); // prettier-ignore
		return { ...fieldOutput(stored), created: true };
	});
}

export const createField: HiBobOperation = { description, execute };
