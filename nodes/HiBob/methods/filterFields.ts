import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadFieldMetadata } from '../shared/metadata';

/** Employee fields a filter can compare (custom fields included), by category; no "Default Set". */
export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await loadFieldMetadata(this);
	return [...fields]
		.sort(
			(a, b) =>
				a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name),
		)
		.map((field) => ({
			name: `${field.categoryDisplayName} › ${field.name}`,
			value: field.id,
			description: `${field.id} (${field.type}${field.listId ? `, list ${field.listId}: compare with labels such as "Engineering"` : ''})`,
		}));
}
