/** The list-item writes Add and Get or Add share: the parent, and the POST with its read-back. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PlacedItem } from '../../core/listItems';
import { findListItem, parentIdValue, requireListItem } from '../../core/listItems';
import { isRecord } from '../../core/json';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import { listNotFound, listsForbidden, readList } from './listItemSupport';

/** The parent named by the user (name or ID), or null for the top level. */
export function resolveParent(
	placed: PlacedItem[],
	reference: string,
	listName: string,
): PlacedItem | null {
	return reference.trim() === ''
		? null
		: requireListItem(placed, reference, listName, 'Parent Item');
}

/** Adds `name` under `parent` and returns it as the list shows it afterwards. */
export async function addItem(
	context: IExecuteFunctions,
	itemIndex: number,
	listName: string,
	name: string,
	parent: PlacedItem | null,
): Promise<PlacedItem> {
	const { body } = await explainStatus(
		context,
		itemIndex,
		{
			403: listsForbidden,
			404: listNotFound(listName),
			409: { message: `List "${listName}" already has an item "${name}"`, description: 'Someone added it since the list was read. Run the node again (Get or Add List Item returns the existing item).' },
		},
		async () =>
			await hiBobWrite(context, {
				method: 'POST',
				path: `/v1/company/named-lists/${encodeURIComponent(listName)}`,
				body: { name, ...(parent ? { parentId: parentIdValue(parent.item.id) } : {}) },
				itemIndex,
				write: { idempotent: false, checkInBob: `the "${listName}" list in Bob's settings (whether "${name}" was added)` },
			}),
	); // prettier-ignore
	const id =
		isRecord(body) && body.id !== undefined && body.id !== null ? String(body.id) : undefined;
	const after = await readList(context, itemIndex, listName);
	const stored =
		(id === undefined ? undefined : after.find((p) => p.item.id === id)) ??
		findListItem(after, name, listName, parent?.item.id ?? null);
	if (!stored)
		throw new NodeOperationError(context.getNode(), `HiBob accepted "${name}" but list "${listName}" does not show it`, {
			itemIndex,
			description: `HiBob answered the add${id ? ` with ID ${id}` : ''}, yet reading the list back does not show the item. Check the list in Bob before running the node again.`,
		}); // prettier-ignore
	return stored;
}
