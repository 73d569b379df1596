/** The resource-mapper parameter of Create Row and Update Row: the chosen table's columns. */
import type { INodeProperties } from 'n8n-workflow';

export function columnsMapper(method: string, description: string): INodeProperties {
	return {
		displayName: 'Columns',
		name: 'columns',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description,
		typeOptions: {
			loadOptionsDependsOn: ['customTableId'],
			resourceMapper: {
				resourceMapperMethod: method,
				mode: 'add',
				fieldWords: { singular: 'column', plural: 'columns' },
				addAllFields: false,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
	};
}
