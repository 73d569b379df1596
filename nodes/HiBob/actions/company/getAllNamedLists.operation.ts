import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';

import { mapItems } from '../../shared/items';
import { parseNamedLists } from '../../shared/metadata';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { includeArchivedProperty } from './shared';

const show = { resource: ['company'], operation: ['getAllNamedLists'] };

export const description = updateDisplayOptions({ show }, [includeArchivedProperty]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const includeArchived = this.getNodeParameter('includeArchived', itemIndex, false) as boolean;
		const body = await hiBobRequest(this, {
			method: 'GET',
			path: '/v1/company/named-lists',
			qs: { includeArchived },
			itemIndex,
		});
		return parseNamedLists(body).map((list) => ({
			name: list.name,
			items: list.items as unknown as never,
		}));
	});
}

export const getAllNamedLists: HiBobOperation = { description, execute };
