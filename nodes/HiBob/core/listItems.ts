/**
 * Writing named-list items (departments, sites, …): finding an item by ID or by name (under a
 * parent), refusing a name two items share, and the bodies HiBob takes. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import type { NamedListItem } from './namedLists';

const NOT_SENT = 'Nothing was sent to HiBob.';

/** What joins a tree item's parents and name: "EMEA › Sales" (">" is read too). */
export const PATH_SEPARATOR = ' › ';

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
	`"${placed.path.join(PATH_SEPARATOR)}" (ID ${placed.item.id})`;

/** The candidates `name` names: those with exactly that name, else those equal ignoring case and surrounding spaces. */
export function sameName<T>(
	candidates: readonly T[],
	name: string,
	nameOf: (candidate: T) => string | undefined,
): T[] {
	const exact = candidates.filter((candidate) => nameOf(candidate) === name);
	if (exact.length > 0) return exact;
	return candidates.filter((candidate) => {
		const own = nameOf(candidate);
		return own !== undefined && normal(own) === normal(name);
	});
}

/**
 * The one rule for a label several items answer to, shared by every lookup that turns a label into
 * one item (employee writes, list items, custom fields): one match is the item, none is undefined,
 * two or more an InputError naming each with its place (never a guess). `what` says what was looked
 * for ("a site", `an item of list "department"`).
 */
export function onlyOne<T>(
	matches: readonly T[],
	text: string,
	what: string,
	describe: (match: T) => string,
): T | undefined {
	if (matches.length <= 1) return matches[0];
	throw new InputError(
		`"${text}" is ambiguous for ${what}: ${matches.length} items have that name`,
		`They are ${matches.map(describe).join(', ')}. The node will not guess: give the one you mean by its ID, or by its parent ("Parent › Item"; Parent Item in Company → List Items). ${NOT_SENT}`,
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
	const what = `an item of list "${listName}"`;
	const named = (archived: boolean) =>
		onlyOne(sameName(scope.filter((p) => Boolean(p.item.archived) === archived), ref, (p) => p.item.name), ref, what, describeItem); // prettier-ignore
	return named(false) ?? named(true);
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
		path: placed.path.join(PATH_SEPARATOR),
	};
}
