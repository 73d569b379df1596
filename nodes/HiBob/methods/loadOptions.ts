import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_FIELD_IDS, DEFAULT_SET } from '../core/fields';
import { flattenItems, loadFieldMetadata, loadNamedLists } from '../shared/metadata';

/** Employee fields (custom ones included) as options, by category then name. */
async function fieldOptions(
	context: ILoadOptionsFunctions,
	listNote: (listId: string) => string,
): Promise<INodePropertyOptions[]> {
	const fields = await loadFieldMetadata(context);
	return [...fields]
		.sort(
			(a, b) =>
				a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name),
		)
		.map((field) => ({
			name: `${field.categoryDisplayName} › ${field.name}`,
			value: field.id,
			description: `${field.id} (${field.type}${field.listId ? `, ${listNote(field.listId)}` : ''})`,
		}));
}

/** Employee fields for "Fields" pickers, grouped by category, Default Set first. */
export async function getEmployeeFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return [
		{
			name: 'Default Set',
			value: DEFAULT_SET,
			description: `The fields most workflows need: ${DEFAULT_FIELD_IDS.join(', ')}`,
		},
		...(await fieldOptions(this, (listId) => `list ${listId}`)),
	];
}

/** Employee fields a filter can compare, by category; no "Default Set". */
export async function getFilterFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await fieldOptions(
		this,
		(listId) => `list ${listId}: compare with labels such as "Engineering"`,
	);
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
