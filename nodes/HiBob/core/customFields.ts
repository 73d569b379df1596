/**
 * Creating and changing custom employee fields (`/v1/company/people/fields`): which fields are
 * custom (only those may be changed or deleted), the field types HiBob creates, and the checks made
 * before anything is sent. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import type { FieldMetadata } from './fields';
import { onlyOne, sameName } from './listItems';

const NOT_SENT = 'Nothing was sent to HiBob.';

/** The types HiBob's reference lists for a new field. */
export const CUSTOM_FIELD_TYPES = ['text', 'text-area', 'number', 'date', 'list', 'multi-list', 'hierarchy-list', 'currency', 'employee-reference', 'document'] as const; // prettier-ignore

/**
 * Whether a field ID is a custom field's: HiBob gives them IDs like `work.custom.field_1711886937296`
 * (`<category>.custom.<name>`); Bob's built-in fields (`work.department`, `root.email`) have none.
 */
export function isCustomFieldId(id: string): boolean {
	return /^[A-Za-z0-9_]+\.custom\.[A-Za-z0-9_]+$/.test(id.trim());
}

/** The custom field a reference (ID or name) names; built-in fields and unknown ones are InputErrors. */
export function requireCustomField(
	fields: readonly FieldMetadata[],
	reference: string,
): FieldMetadata {
	const ref = reference.trim();
	if (ref === '') throw new InputError('Field is required', `Pick a custom field, or give its ID (e.g. work.custom.field_1711886937296). ${NOT_SENT}`); // prettier-ignore
	const field =
		fields.find((f) => f.id === ref) ??
		onlyOne(
			sameName(fields, ref, (f) => f.name),
			ref,
			'an employee field',
			(f) => `${f.name} (${f.id}, ${f.categoryDisplayName})`,
		);
	if (!field)
		throw new InputError(`HiBob has no employee field "${ref}"`, `Pick the field from the list, or use an ID from Company → Get Fields. ${NOT_SENT}`); // prettier-ignore
	if (!isCustomFieldId(field.id))
		throw new InputError(`"${field.name}" (${field.id}) is one of Bob's built-in fields`, `Only custom fields (IDs like work.custom.field_1711886937296) can be changed or deleted through HiBob's API. ${NOT_SENT}`); // prettier-ignore
	return field;
}

export interface NewField {
	name: string;
	category: string;
	type: string;
	description?: string;
	historical: boolean;
}

/** A new field's body, checked: name, a category other than Basic info (root), a supported type, no duplicate name in the category. */
export function planNewField(
	input: {
		name: unknown;
		category: unknown;
		type: unknown;
		description: unknown;
		historical: unknown;
	},
	fields: readonly FieldMetadata[],
): NewField {
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (name === '') throw new InputError('Field Name is required', `Give the new field's name, e.g. "Okta ID". ${NOT_SENT}`); // prettier-ignore
	const category = typeof input.category === 'string' ? input.category.trim() : '';
	if (category === '') throw new InputError('Category is required', `Pick the category the field belongs to (its permissions follow the category). ${NOT_SENT}`); // prettier-ignore
	if (category === 'root') throw new InputError('HiBob adds no fields to the Basic info (root) category', `Pick another category, e.g. Work. ${NOT_SENT}`); // prettier-ignore
	const type = typeof input.type === 'string' ? input.type.trim() : '';
	if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type))
		throw new InputError(`"${type}" is not a field type HiBob creates`, `Choose one of ${CUSTOM_FIELD_TYPES.join(', ')}. ${NOT_SENT}`); // prettier-ignore
	const clash = fields.find(
		(f) => f.categoryId === category && f.name.trim().toLowerCase() === name.toLowerCase(),
	);
	if (clash)
		throw new InputError(`Category "${clash.categoryDisplayName}" already has a field "${clash.name}" (${clash.id})`, `Use Update Field to change it, or choose another name: two fields of one name make labels ambiguous. ${NOT_SENT}`); // prettier-ignore
	const description = typeof input.description === 'string' && input.description.trim() !== '' ? input.description.trim() : undefined; // prettier-ignore
	return {
		name,
		category,
		type,
		...(description ? { description } : {}),
		historical: input.historical === true,
	};
}
