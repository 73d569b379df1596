/**
 * The resource mappers' fields for Employee → Update and Create: every field in HiBob's metadata that
 * the operation can write (custom fields included), in its own type. List and employee fields are
 * text so that a label ("Engineering"), an item ID, an employee ID or an email all pass n8n's type
 * check.
 */
import type { FieldType, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { notCreatableReason } from '../core/create';
import type { FieldMetadata } from '../core/fields';
import type { FieldRules } from '../core/update';
import { mapperKey, UPDATE_RULES } from '../core/update';
import { loadFieldMetadata } from '../shared/metadata';

const TYPES: Record<string, FieldType> = {
	number: 'number',
	boolean: 'boolean',
	date: 'dateTime',
	currency: 'object',
};

function hint(type: string, listId: string | undefined): string {
	if (type === 'list') return ` (label or ID from ${listId ?? 'its list'})`;
	if (type === 'multi-list') return ' (labels or IDs, comma-separated)';
	if (type === 'employee-reference' || type === 'employee') return ' (employee ID or email)';
	return '';
}

async function mapperFields(
	context: ILoadOptionsFunctions,
	writable: FieldRules['refusal'],
	emptyFieldsNotice: string,
): Promise<ResourceMapperFields> {
	const fields = (await loadFieldMetadata(context))
		.filter((field) => writable(field) === undefined)
		// work.site is the site's name as text; the list item behind it is work.siteId.
		.filter((field) => field.id !== 'work.site' && field.id !== 'work.reportsTo')
		.sort(
			(a, b) =>
				a.categoryDisplayName.localeCompare(b.categoryDisplayName) || a.name.localeCompare(b.name),
		);
	return {
		fields: fields.map((field: FieldMetadata) => ({
			id: mapperKey(field.id),
			displayName: `${field.categoryDisplayName} › ${field.name}${hint(field.type, field.listId)}`,
			required: false,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: TYPES[field.type] ?? 'string',
		})),
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
