/**
 * HiBob's field metadata and named lists, fetched through the transport at most once per execution
 * (both nodes, list searches and load options share this loader).
 */
import type { FieldMetadata } from '../core/fields';
import { FieldIndex, parseFieldMetadata } from '../core/fields';
import { memoPerContext } from '../core/memo';
import type { HiBobContext } from '../transport';
import { hiBobRequest } from '../transport';

export interface NamedListItem {
	id: string;
	value: string;
	name: string;
	archived: boolean;
	children: NamedListItem[];
}

export interface NamedList {
	name: string;
	items: NamedListItem[];
}

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

function toItem(raw: unknown): NamedListItem | undefined {
	if (!raw || typeof raw !== 'object') return undefined;
	const item = raw as Record<string, unknown>;
	if (item.id === undefined || item.id === null) return undefined;
	const name = String(item.name ?? item.value ?? item.id);
	return {
		// List item IDs are numbers in HiBob's schema but employees carry them as strings.
		id: String(item.id),
		value: String(item.value ?? name),
		name,
		archived: item.archived === true,
		children: Array.isArray(item.children)
			? (item.children.map(toItem).filter(Boolean) as NamedListItem[])
			: [],
	};
}

/** One list's answer: items under `items` (documented) or `values` (what HiBob also sends). */
export function parseNamedList(body: unknown, fallbackName: string): NamedList {
	const raw = (body ?? {}) as Record<string, unknown>;
	const items = Array.isArray(raw.items) ? raw.items : Array.isArray(raw.values) ? raw.values : [];
	return {
		name: typeof raw.name === 'string' ? raw.name : fallbackName,
		items: items.map(toItem).filter(Boolean) as NamedListItem[],
	};
}

/** All lists: HiBob documents an array but answers an object keyed by list name; read both. */
export function parseNamedLists(body: unknown): NamedList[] {
	if (Array.isArray(body)) {
		return body.map((entry, position) => parseNamedList(entry, `list${position}`));
	}
	if (body && typeof body === 'object') {
		return Object.entries(body as Record<string, unknown>).map(([name, entry]) =>
			parseNamedList(entry, name),
		);
	}
	return [];
}

/** Every item of a list, children included, flattened. */
export function flattenItems(items: NamedListItem[]): NamedListItem[] {
	const all: NamedListItem[] = [];
	const visit = (list: NamedListItem[]) => {
		for (const item of list) {
			all.push(item);
			visit(item.children);
		}
	};
	visit(items);
	return all;
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
