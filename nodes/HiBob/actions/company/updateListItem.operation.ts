/**
 * Company → Update List Item: rename an item and/or move it (with its children) under another item,
 * `PUT /v1/company/named-lists/{listName}/{itemId}`. Setting values, so safe to repeat; the output is
 * the item as the list shows it afterwards.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import type { PlacedItem } from '../../core/listItems';
import {
	describeItem,
	findListItem,
	listItemOutput,
	parentIdValue,
	requireListItem,
} from '../../core/listItems';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	listNotFound,
	listParameter,
	listsForbidden,
	readList,
	readListName,
} from './listItemSupport';

const show = { resource: ['company'], operation: ['updateListItem'] };

export const description = updateDisplayOptions({ show }, [
	listParameter,
	{ displayName: 'Item', name: 'item', type: 'string', default: '', required: true, placeholder: 'e.g. Robotics', description: 'The item to change, by name or ID' },
	{ displayName: 'New Name', name: 'newName', type: 'string', default: '', description: 'Rename the item. Empty: keep its name.' },
	{ displayName: 'New Parent Item', name: 'newParent', type: 'string', default: '', description: 'For hierarchy lists: move the item (with its children) under this item, by name or ID. Empty: leave it where it is.' },
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const listName = readListName(this, itemIndex);
		const newName = String(this.getNodeParameter('newName', itemIndex, '')).trim();
		const newParentRef = String(this.getNodeParameter('newParent', itemIndex, '')).trim();
		if (newName === '' && newParentRef === '')
			throw new InputError('Nothing to update', 'Give a New Name, a New Parent Item, or both. Nothing was sent to HiBob.'); // prettier-ignore
		const placed = await readList(this, itemIndex, listName);
		const target = requireListItem(placed, String(this.getNodeParameter('item', itemIndex, '')), listName, 'Item'); // prettier-ignore
		let parent: PlacedItem | undefined;
		if (newParentRef !== '') {
			parent = requireListItem(placed, newParentRef, listName, 'New Parent Item');
			const below = (p: PlacedItem): boolean => p.item.id === target.item.id || (p.parentId !== null && below(placed.find((q) => q.item.id === p.parentId)!)); // prettier-ignore
			if (below(parent))
				throw new InputError(`Cannot move ${describeItem(target)} under ${describeItem(parent)}`, 'An item cannot move under itself or one of its own children. Nothing was sent to HiBob.'); // prettier-ignore
		}
		const siblingsParent = parent ? parent.item.id : target.parentId;
		const clash = newName === '' ? undefined : findListItem(placed.filter((p) => p.item.id !== target.item.id), newName, listName, siblingsParent); // prettier-ignore
		if (clash && clash.item.name === newName)
			throw new InputError(`List "${listName}" already has ${describeItem(clash)} there`, 'Two items of the same name under one parent would make the name ambiguous. Choose another name. Nothing was sent to HiBob.'); // prettier-ignore
		await explainStatus(
			this,
			itemIndex,
			{ 403: listsForbidden, 404: listNotFound(listName) },
			async () =>
				await hiBobWrite(this, {
					method: 'PUT',
					path: `/v1/company/named-lists/${encodeURIComponent(listName)}/${encodeURIComponent(target.item.id)}`,
					body: { ...(newName ? { name: newName } : {}), ...(parent ? { parentId: parentIdValue(parent.item.id) } : {}) },
					itemIndex,
					write: { idempotent: true, checkInBob: `the "${listName}" list in Bob's settings` },
				}),
		); // prettier-ignore
		const after = (await readList(this, itemIndex, listName)).find(
			(p) => p.item.id === target.item.id,
		);
		if (!after)
			throw new NodeOperationError(this.getNode(), `List "${listName}" no longer shows item ${target.item.id} after the update`, { itemIndex, description: 'Check the list in Bob.' }); // prettier-ignore
		return { ...listItemOutput(listName, after), updated: true };
	});
}

export const updateListItem: HiBobOperation = { description, execute };
