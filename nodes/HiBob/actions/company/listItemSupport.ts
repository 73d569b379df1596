/** What the List Items operations share: the list and item parameters, reading a list fresh, HiBob's refusals. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import type { PlacedItem } from '../../core/listItems';
import { placeItems } from '../../core/listItems';
import { parseNamedList } from '../../core/namedLists';
import { explainStatus, type StatusExplanations } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';

/** HiBob names no permission on its list-item pages; this is what Bob's settings call the right. */
export const LISTS_PERMISSION =
	"The service user's permission group needs the right to manage company lists in Bob (Settings › Lists; HiBob's reference names no separate API permission).";

export const listParameter: INodeProperties = {
	displayName: 'List Name or ID',
	name: 'listName',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getNamedListNames' },
	default: '',
	required: true,
	description:
		'The named list, e.g. department or site (names are case-sensitive). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const itemNameParameter = (description: string): INodeProperties => ({
	displayName: 'Item Name',
	name: 'itemName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. Robotics',
	description,
});

export const parentParameter: INodeProperties = {
	displayName: 'Parent Item',
	name: 'parentItem',
	type: 'string',
	default: '',
	placeholder: 'e.g. Engineering',
	description:
		'For hierarchy lists: the name or ID of the item to place it under. Empty: the top level.',
};

export const listNotFound = (listName: string): StatusExplanations['404'] => ({
	message: `HiBob has no named list "${listName}"`,
	description:
		'List names are case-sensitive and are the list IDs from the field metadata (e.g. "department"). Use Company → Get All Named Lists to see them.',
});

export const listsForbidden: StatusExplanations['403'] = {
	message: 'HiBob refused the service user access to change company lists (403)',
	description: LISTS_PERMISSION,
};

export function readListName(context: IExecuteFunctions, itemIndex: number): string {
	const listName = String(context.getNodeParameter('listName', itemIndex, '')).trim();
	if (listName === '')
		throw new InputError('Choose a named list', 'Pick a list from "List Name or ID", e.g. department. Nothing was sent to HiBob.'); // prettier-ignore
	return listName;
}

/** The list as Bob holds it now (archived items included), read fresh, never from the per-run memo. */
export async function readList(
	context: IExecuteFunctions,
	itemIndex: number,
	listName: string,
): Promise<PlacedItem[]> {
	const body = await explainStatus(context, itemIndex, { 404: listNotFound(listName) }, async () =>
		hiBobRequest(context, {
			method: 'GET',
			path: `/v1/company/named-lists/${encodeURIComponent(listName)}`,
			qs: { includeArchived: true },
			itemIndex,
		}),
	);
	return placeItems(parseNamedList(body, listName).items);
}
