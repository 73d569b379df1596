import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';

import { mapItems } from '../../shared/items';
import { loadFieldMetadata } from '../../shared/metadata';
import type { HiBobOperation } from '../types';

const show = { resource: ['company'], operation: ['getFields'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Category Names or IDs',
		name: 'categories',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getFieldCategories' },
		default: [],
		description:
			'Only fields of these categories (empty: all). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const categories = this.getNodeParameter('categories', itemIndex, []) as string[];
		const fields = await loadFieldMetadata(this, itemIndex);
		return fields
			.filter((field) => categories.length === 0 || categories.includes(field.categoryId))
			.map(
				(field): IDataObject => ({
					id: field.id,
					name: field.name,
					categoryId: field.categoryId,
					categoryDisplayName: field.categoryDisplayName,
					type: field.type,
					jsonPath: field.jsonPath,
					historical: field.historical,
					...(field.listId ? { listId: field.listId } : {}),
					...(field.description ? { description: field.description } : {}),
				}),
			);
	});
}

export const getFields: HiBobOperation = { description, execute };
