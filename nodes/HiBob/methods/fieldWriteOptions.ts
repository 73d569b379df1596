import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isCustomFieldId } from '../core/customFields';
import { loadFieldMetadata } from '../shared/metadata';

/** Custom employee fields only (the ones HiBob lets the API change or delete), by category then name. */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await loadFieldMetadata(this))
		.filter((field) => isCustomFieldId(field.id))
		.sort((a, b) => a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name))
		.map((field) => ({ name: `${field.categoryDisplayName} › ${field.name}`, value: field.id, description: `${field.id} (${field.type})` })); // prettier-ignore
}
