/**
 * Company → Get or Add List Item: the item with that name (under that parent) as the list holds it,
 * added only when missing — e.g. a new hire's department that does not exist yet. A name two items
 * share is refused, never guessed.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findListItem, listItemOutput, requireItemName } from '../../core/listItems';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import type { HiBobOperation } from '../types';
import { addItem, resolveParent } from './listItemWrite';
import {
	itemNameParameter,
	listParameter,
	parentParameter,
	readList,
	readListName,
} from './listItemSupport';

const show = { resource: ['company'], operation: ['getOrAddListItem'] };

export const description = updateDisplayOptions({ show }, [
	listParameter,
	itemNameParameter('The item to find, or to add when the list has none by that name'),
	{
		...parentParameter,
		description:
			'For hierarchy lists: look (and add) under this item, by name or ID. Empty: look in the whole list, add at the top level.',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const listName = readListName(this, itemIndex);
		const name = requireItemName(this.getNodeParameter('itemName', itemIndex, ''));
		const placed = await readList(this, itemIndex, listName);
		const parent = resolveParent(placed, String(this.getNodeParameter('parentItem', itemIndex, '')), listName); // prettier-ignore
		const found = findListItem(placed, name, listName, parent ? parent.item.id : undefined);
		if (found) return { ...listItemOutput(listName, found), added: false };
		const added = await addItem(this, itemIndex, listName, name, parent);
		return { ...listItemOutput(listName, added), added: true };
	});
}

export const getOrAddListItem: HiBobOperation = { description, execute };
