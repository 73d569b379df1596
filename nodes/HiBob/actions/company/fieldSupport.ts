/** What the field-writing operations share: reading the fields fresh, and HiBob's refusals. */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { FieldMetadata } from '../../core/fields';
import { parseFieldMetadata } from '../../core/fields';
import type { StatusExplanations } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';

/** HiBob names no permission on its field-writing pages; this is what Bob's settings call the right. */
export const FIELDS_PERMISSION =
	"The service user's permission group needs the right to manage employee fields in Bob (Settings › People › Fields; HiBob's reference names no separate API permission).";

export const fieldsForbidden: StatusExplanations['403'] = {
	message: 'HiBob refused the service user access to change employee fields (403)',
	description: FIELDS_PERMISSION,
};

/** The field metadata as Bob holds it now (never the per-run memo: it may predate this write). */
export async function readFields(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<FieldMetadata[]> {
	const body = await hiBobRequest(context, {
		method: 'GET',
		path: '/v1/company/people/fields',
		itemIndex,
	});
	return parseFieldMetadata(body);
}

export function fieldOutput(field: FieldMetadata) {
	return {
		id: field.id,
		name: field.name,
		categoryId: field.categoryId,
		categoryDisplayName: field.categoryDisplayName,
		type: field.type,
		historical: field.historical,
		description: field.description ?? null,
	};
}

export const fieldParameter = (description: string) => ({
	displayName: 'Field Name or ID',
	name: 'field',
	type: 'options' as const,
	typeOptions: { loadOptionsMethod: 'getCustomFields' },
	default: '',
	required: true,
	description: `${description}. Only custom fields: Bob's built-in fields cannot be changed through the API. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});
