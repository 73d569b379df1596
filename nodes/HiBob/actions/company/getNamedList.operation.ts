import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegment } from '../../core/urlPath';
import { updateDisplayOptions } from '../../shared/displayOptions';

import { mapItems } from '../../shared/items';
import type { NamedListItem } from '../../shared/metadata';
import { parseNamedList } from '../../shared/metadata';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { includeArchivedProperty } from './shared';

const show = { resource: ['company'], operation: ['getNamedList'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'List Name or ID',
		name: 'listName',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getNamedListNames' },
		default: '',
		required: true,
		description:
			'The named list, e.g. department, site, title or terminationreason (names are case-sensitive). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	includeArchivedProperty,
]);

function flatten(listName: string, items: NamedListItem[], parentId: string | null): IDataObject[] {
	return items.flatMap((item) => [
		{
			listName,
			id: item.id,
			name: item.name,
			value: item.value,
			archived: item.archived,
			parentId,
		},
		...flatten(listName, item.children, item.id),
	]);
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const listName = String(this.getNodeParameter('listName', itemIndex, '')).trim();
		if (listName === '') {
			throw new NodeOperationError(this.getNode(), 'Choose a named list', {
				itemIndex,
				description: 'Pick a list from "List Name or ID", e.g. department.',
			});
		}
		const listPath = `/v1/company/named-lists/${pathSegment(listName, 'List Name')}`;
		const includeArchived = this.getNodeParameter('includeArchived', itemIndex, false) as boolean;
		const body = await explainStatus(
			this,
			itemIndex,
			{
				404: {
					message: `HiBob has no named list "${listName}"`,
					description:
						'List names are case-sensitive and are the list IDs from the field metadata (e.g. "terminationreason", not "terminationReason"). Use Company → Get Fields to see each field\'s listId.',
				},
			},
			async () =>
				await hiBobRequest(this, {
					method: 'GET',
					path: listPath,
					qs: { includeArchived },
					itemIndex,
				}),
		);
		const list = parseNamedList(body, listName);
		return flatten(list.name, list.items, null);
	});
}

export const getNamedList: HiBobOperation = { description, execute };
