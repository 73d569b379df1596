/**
 * HiBob's named lists (departments, sites, …, `GET /v1/company/named-lists[/{name}]`): one reader for
 * their answers, one item type, one flattening. Pure: no n8n, no HTTP.
 */
import { isRecord } from './json';

/** One list item as read: IDs and labels as strings, children (hierarchy lists) always an array. */
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

/**
 * A list as HiBob sends it or a caller writes it: numeric IDs, missing labels or children. Whatever
 * reads lists takes this and reads it with `parseNamedList`, so a parsed `NamedList` passes too.
 */
export interface NamedListInput {
	name: string;
	items: readonly unknown[];
}

function toItem(raw: unknown): NamedListItem | undefined {
	if (!isRecord(raw)) return undefined;
	if (raw.id === undefined || raw.id === null) return undefined;
	const name = String(raw.name ?? raw.value ?? raw.id);
	return {
		// List item IDs are numbers in HiBob's schema but employees carry them as strings.
		id: String(raw.id),
		value: String(raw.value ?? name),
		name,
		archived: raw.archived === true,
		children: Array.isArray(raw.children) ? itemsOf(raw.children) : [],
	};
}

function itemsOf(raw: readonly unknown[]): NamedListItem[] {
	const items: NamedListItem[] = [];
	for (const entry of raw) {
		const item = toItem(entry);
		if (item) items.push(item);
	}
	return items;
}

/** One list's answer: items under `items` (documented) or `values` (what HiBob also sends). */
export function parseNamedList(body: unknown, fallbackName: string): NamedList {
	const raw = isRecord(body) ? body : {};
	const items = Array.isArray(raw.items) ? raw.items : Array.isArray(raw.values) ? raw.values : [];
	return {
		name: typeof raw.name === 'string' ? raw.name : fallbackName,
		items: itemsOf(items),
	};
}

/**
 * All lists: HiBob documents an array but answers an object keyed by list name; read both. In the keyed
 * form the key is the list's name (the one field metadata's `listId` and the one-list path use); an
 * entry's own `name` may be a display name, so the key wins.
 */
export function parseNamedLists(body: unknown): NamedList[] {
	if (Array.isArray(body)) {
		return body.map((entry, position) => parseNamedList(entry, `list${position}`));
	}
	if (body && typeof body === 'object') {
		return Object.entries(body as Record<string, unknown>).map(([name, entry]) => ({
			...parseNamedList(entry, name),
			name,
		}));
	}
	return [];
}

/** Every item of a list, children included (each after its parent), flattened. */
export function flattenItems(items: readonly NamedListItem[]): NamedListItem[] {
	const all: NamedListItem[] = [];
	const visit = (list: readonly NamedListItem[]) => {
		for (const item of list) {
			all.push(item);
			visit(item.children);
		}
	};
	visit(items);
	return all;
}
