/**
 * Company → Delete List Item: `DELETE /v1/company/named-lists/{listName}/{itemId}`. Destructive: the
 * item and the items under it leave the list. Not repeated after an unknown outcome; the output says
 * whether the list still shows the item afterwards.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { listItemOutput, requireListItem } from '../../core/listItems';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { listParameter, listsForbidden, readList, readListName } from './listItemSupport';

const show = { resource: ['company'], operation: ['deleteListItem'] };

export const description = updateDisplayOptions({ show }, [
	listParameter,
	{ displayName: 'Item', name: 'item', type: 'string', default: '', required: true, placeholder: 'e.g. Robotics', description: 'The item to delete, by name or ID. Items under it are deleted too.' },
]); // prettier-ignore

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const listName = readListName(this, itemIndex);
		const placed = await readList(this, itemIndex, listName);
		const target = requireListItem(placed, String(this.getNodeParameter('item', itemIndex, '')), listName, 'Item'); // prettier-ignore
		await explainStatus(
			this,
			itemIndex,
			{ 403: listsForbidden, 404: { message: `List "${listName}" has no item ${target.item.id} any more`, description: 'It was deleted or the list changed since it was read.' } },
			async () =>
				await hiBobWrite(this, {
					method: 'DELETE',
					path: `/v1/company/named-lists/${encodeURIComponent(listName)}/${encodeURIComponent(target.item.id)}`,
					itemIndex,
					write: { idempotent: false, checkInBob: `the "${listName}" list in Bob's settings (whether "${target.item.name}" is still there)` },
				}),
		); // prettier-ignore
		const still = (await readList(this, itemIndex, listName)).some(
			(p) => p.item.id === target.item.id,
		);
		return { ...listItemOutput(listName, target), deleted: !still };
	});
}

export const deleteListItem: HiBobOperation = { description, execute };
