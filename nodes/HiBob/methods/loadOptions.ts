import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_FIELD_IDS, DEFAULT_SET } from '../core/fields';
import { flattenItems, loadFieldMetadata, loadNamedLists } from '../shared/metadata';

/** Employee fields for "Fields" pickers, grouped by category (custom fields included), Default Set first. */
export async function getEmployeeFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await loadFieldMetadata(this);
	const sorted = [...fields].sort(
		(a, b) =>
			a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name),
	);
	return [
		{
			name: 'Default Set',
			value: DEFAULT_SET,
			description: `The fields most workflows need: ${DEFAULT_FIELD_IDS.join(', ')}`,
		},
		...sorted.map((field) => ({
			name: `${field.categoryDisplayName} › ${field.name}`,
			value: field.id,
			description: `${field.id} (${field.type}${field.listId ? `, list ${field.listId}` : ''})`,
		})),
	];
}

export async function getFieldCategories(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const categories = new Map<string, string>();
	for (const field of await loadFieldMetadata(this)) {
		categories.set(field.categoryId, field.categoryDisplayName);
	}
	return [...categories.entries()]
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Items of the "site" named list, for Time Off → Get Who Is Out Today (archived sites left out). */
export async function getSites(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const site = (await loadNamedLists(this)).find((list) => list.name === 'site');
	return [
		{ name: 'All Sites', value: '' },
		...flattenItems(site?.items ?? [])
			.filter((item) => !item.archived)
			.map((item) => ({ name: item.name, value: item.id }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

export async function getNamedListNames(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const lists = await loadNamedLists(this);
	return lists
		.map((list) => ({ name: list.name, value: list.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
export { getTimeOffPolicyTypes, getTimeOffReasonCodes } from './timeOffOptions';
export { getDocumentFolders } from './documentOptions';
