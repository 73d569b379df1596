/**
 * Company → Add List Item: `POST /v1/company/named-lists/{listName}` with `{name, parentId?}`. Not
 * idempotent (a repeat would add a second item), so never repeated after an unknown outcome. The
 * name is checked against the list first (HiBob refuses an existing item with 409), and the output is
 * the item as the list shows it after the write.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import { describeItem, findListItem, listItemOutput, requireItemName } from '../../core/listItems';
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

const show = { resource: ['company'], operation: ['addListItem'] };

export const description = updateDisplayOptions({ show }, [
	listParameter,
	itemNameParameter('The new item, e.g. a new department'),
	parentParameter,
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
		const existing = findListItem(placed, name, listName, parent?.item.id ?? null);
		if (existing)
			throw new InputError(`List "${listName}" already has ${describeItem(existing)}`, 'Use Get or Add List Item to reuse an existing item, or Update List Item to rename it. Nothing was sent to HiBob.'); // prettier-ignore
		const added = await addItem(this, itemIndex, listName, name, parent);
		return { ...listItemOutput(listName, added), added: true };
	});
}

export const addListItem: HiBobOperation = { description, execute };
