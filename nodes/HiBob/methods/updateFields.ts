/**
 * The resource mappers' fields for Employee → Update and Create: every field in HiBob's metadata that
 * the operation can write (custom fields included), in the n8n type its HiBob type calls for
 * (`core/fieldTypes.ts`). Fields holding one list item (list, list_id, hierarchy-list) are dropdowns
 * of the list's items (a tree's items as "Parent › Item"), whose values are item IDs; an expression
 * may still give a label, which the operation resolves. Multi-list and employee fields are text so
 * that labels, IDs, employee IDs and emails all pass.
 */
import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { notCreatableReason } from '../core/create';
import type { FieldMetadata } from '../core/fields';
import { typeTreatment } from '../core/fieldTypes';
import type { NamedList } from '../core/namedLists';
import type { FieldRules } from '../core/update';
import { mapperKey, UPDATE_RULES } from '../core/update';
import { itemPath, listChoices } from '../core/writes';
import { loadFieldMetadata, loadNamedLists } from '../shared/metadata';

/** A list's choosable items as dropdown options: live leaves, labelled with their parents. */
function listOptions(list: NamedList | undefined): INodePropertyOptions[] {
	return listChoices(list?.items ?? [])
		.filter((item) => !item.archived && !item.branch)
		.map((item) => ({ name: itemPath(item), value: item.id }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** One mapper column for a writable field. */
function mapperField(field: FieldMetadata, lists: NamedList[]): ResourceMapperField {
	const treatment = typeTreatment(field);
	const hint = treatment.write ? treatment.hint : '';
	const column: ResourceMapperField = {
		id: mapperKey(field.id),
		displayName: `${field.categoryDisplayName} › ${field.name}${hint}`,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		type: treatment.write && treatment.mapperType !== 'options' ? treatment.mapperType : 'string',
	};
	if (treatment.write && treatment.mapperType === 'options') {
		const options = listOptions(lists.find((list) => list.name === field.listId));
		// A list the service user cannot read stays free text: a label or ID still works.
		if (options.length > 0) {
			column.type = 'options';
			column.options = options;
		}
	}
	return column;
}

async function mapperFields(
	context: ILoadOptionsFunctions,
	writable: FieldRules['refusal'],
	emptyFieldsNotice: string,
): Promise<ResourceMapperFields> {
	const fields = (await loadFieldMetadata(context))
		.filter((field) => writable(field) === undefined)
		// Site is offered once, as work.siteId (the list item); work.site is its name as text, and
		// work.reportsTo is the same person as work.manager.
		.filter((field) => field.id !== 'work.site' && field.id !== 'work.reportsTo')
		.sort(
			(a, b) =>
				a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name),
		);
	// Without the right to read lists the list fields stay free text (labels and IDs still work).
	const lists = fields.some((field) => field.listId)
		? await loadNamedLists(context).catch(() => [])
		: [];
	return {
		fields: fields.map((field) => mapperField(field, lists)),
		emptyFieldsNotice,
	};
}

export async function getEmployeeUpdateFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	return await mapperFields(
		this,
		UPDATE_RULES.refusal,
		'HiBob returned no fields this service user can update',
	);
}

/** Create's Other Fields: what creation can set besides its five parameters. */
export async function getEmployeeCreateFields(
	this: ILoadOptionsFunctions,
): Promise<ResourceMapperFields> {
	return await mapperFields(
		this,
		notCreatableReason,
		'HiBob returned no other fields this service user can set',
	);
}
