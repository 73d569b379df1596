/**
 * Writing named-list items (departments, sites, …): finding an item by ID or by name (under a
 * parent), refusing a name two items share, and the bodies HiBob takes. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import type { NamedListItem } from './namedLists';

const NOT_SENT = 'Nothing was sent to HiBob.';

/** An item with where it sits: its parent's ID (null at the top) and its path of names. */
export interface PlacedItem {
	item: NamedListItem;
	parentId: string | null;
	path: string[];
}

/** Every item of a list with its parent, children after their parent. */
export function placeItems(items: readonly NamedListItem[]): PlacedItem[] {
	const placed: PlacedItem[] = [];
	const visit = (list: readonly NamedListItem[], parent: PlacedItem | null) => {
		for (const item of list) {
			const entry = { item, parentId: parent?.item.id ?? null, path: [...(parent?.path ?? []), item.name] }; // prettier-ignore
			placed.push(entry);
			visit(item.children, entry);
		}
	};
	visit(items, null);
	return placed;
}

const normal = (text: string) => text.trim().toLowerCase();

/** How an item is named in a message: its path for nested items, with its ID. */
export const describeItem = (placed: PlacedItem): string =>
	`"${placed.path.join(' › ')}" (ID ${placed.item.id})`;

/**
 * The one item among `candidates` that `name` names: an exact match first, else one ignoring case
 * and surrounding spaces. Undefined when none does; an InputError when two or more do equally (an
 * ambiguous name is never guessed). `what` names the thing in the message, e.g. `list "department"`.
 * Shared rule: any write that turns a label into one item goes through here.
 */
export function uniqueByName<T>(
	candidates: readonly T[],
	name: string,
	nameOf: (candidate: T) => string,
	describe: (candidate: T) => string,
	what: string,
): T | undefined {
	const exact = candidates.filter((candidate) => nameOf(candidate) === name);
	const matches =
		exact.length > 0
			? exact
			: candidates.filter((candidate) => normal(nameOf(candidate)) === normal(name));
	if (matches.length <= 1) return matches[0];
	throw new InputError(
		`"${name}" is ambiguous in ${what}: ${matches.length} items have that name`,
		`They are ${matches.map(describe).join(', ')}. Give the item's ID instead, or a parent that tells them apart. ${NOT_SENT}`,
	);
}

/**
 * The item `reference` names in a list: by ID, else by name (unique, active items before archived
 * ones). `within` limits the search to the children of one parent (null: the top level; undefined:
 * the whole list).
 */
export function findListItem(
	placed: readonly PlacedItem[],
	reference: string,
	listName: string,
	within?: string | null,
): PlacedItem | undefined {
	const ref = reference.trim();
	const scope = within === undefined ? placed : placed.filter((p) => p.parentId === within);
	const byId = scope.find((p) => p.item.id === ref);
	if (byId) return byId;
	const what = `list "${listName}"`;
	return (
		uniqueByName(scope.filter((p) => !p.item.archived), ref, (p) => p.item.name, describeItem, what) ??
		uniqueByName(scope.filter((p) => p.item.archived), ref, (p) => p.item.name, describeItem, what)
	); // prettier-ignore
}

/** Like findListItem, but a missing item is an InputError naming close alternatives. */
export function requireListItem(
	placed: readonly PlacedItem[],
	reference: string,
	listName: string,
	label: string,
): PlacedItem {
	const ref = reference.trim();
	if (ref === '') throw new InputError(`${label} is required`, `Give the item's name or ID. ${NOT_SENT}`); // prettier-ignore
	const found = findListItem(placed, ref, listName);
	if (found) return found;
	const near = placed
		.filter((p) => normal(p.item.name).includes(normal(ref).slice(0, 3)))
		.slice(0, 5)
		.map((p) => `"${p.item.name}"`);
	throw new InputError(
		`List "${listName}" has no item "${ref}" (${label})`,
		`${near.length ? `Similar items: ${near.join(', ')}. ` : ''}Use Company → Get Named List to see its items and IDs. ${NOT_SENT}`,
	);
}

/** An item name to write: trimmed, not empty. */
export function requireItemName(value: unknown, label = 'Item Name'): string {
	const name = typeof value === 'string' ? value.trim() : '';
	if (name === '') throw new InputError(`${label} is required`, `Give the item's name, e.g. "Robotics". ${NOT_SENT}`); // prettier-ignore
	return name;
}

/** HiBob's `parentId` is an integer in its reference; numeric IDs are sent as numbers. */
export function parentIdValue(id: string): number | string {
	return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** The output item for a list item as Bob holds it. */
export function listItemOutput(listName: string, placed: PlacedItem) {
	return {
		listName,
		id: placed.item.id,
		name: placed.item.name,
		value: placed.item.value,
		archived: placed.item.archived,
		parentId: placed.parentId,
		path: placed.path.join(' › '),
	};
}
