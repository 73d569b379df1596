/**
 * HiBob's field metadata and named lists, fetched through the transport at most once per execution
 * (both nodes, list searches and load options share this loader).
 */
import type { FieldMetadata } from '../core/fields';
import { FieldIndex, parseFieldMetadata } from '../core/fields';
import { memoPerContext } from '../core/memo';
import type { NamedList } from '../core/namedLists';
import { parseNamedLists } from '../core/namedLists';
import type { HiBobContext } from '../transport';
import { hiBobRequest } from '../transport';

// The list types and readers live in core/namedLists.ts; they are re-exported for the callers of this loader.
export type { NamedList, NamedListItem } from '../core/namedLists';
export { flattenItems, parseNamedList, parseNamedLists } from '../core/namedLists';

const fieldsCache = new WeakMap<object, Promise<FieldIndex>>();

export async function loadFieldIndex(
	context: HiBobContext,
	itemIndex?: number,
): Promise<FieldIndex> {
	return await memoPerContext(fieldsCache, context, async () => {
		const body = await hiBobRequest(context, {
			method: 'GET',
			path: '/v1/company/people/fields',
			itemIndex,
		});
		return new FieldIndex(parseFieldMetadata(body));
	});
}

export async function loadFieldMetadata(
	context: HiBobContext,
	itemIndex?: number,
): Promise<FieldMetadata[]> {
	return (await loadFieldIndex(context, itemIndex)).fields;
}

const listsCache = new WeakMap<object, Promise<NamedList[]>>();

export async function loadNamedLists(
	context: HiBobContext,
	itemIndex?: number,
): Promise<NamedList[]> {
	return await memoPerContext(listsCache, context, async () => {
		const body = await hiBobRequest(context, {
			method: 'GET',
			path: '/v1/company/named-lists',
			// Archived items still label old values, so they are kept for resolving.
			qs: { includeArchived: true },
			itemIndex,
		});
		return parseNamedLists(body);
	});
}
