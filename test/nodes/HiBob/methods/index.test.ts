/**
 * Every dynamic method a node's description names must be registered on that node: n8n answers
 * "Node type does not have method defined" the moment someone opens such a field in the editor.
 * The walk covers collections, fixed collections, nested options and resource-locator modes, so new
 * operations are guarded without touching this test.
 */
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import { HiBobTrigger } from '../../../../nodes/HiBob/HiBobTrigger.node';
import { methods } from '../../../../nodes/HiBob/methods';
import {
	namedMethods,
	unregisteredMethods,
	visibleParameters,
} from '../../../harness/dynamicMethods';

const nodes: Array<[string, INodeType]> = [
	['HiBob', new HiBob()],
	['HiBob Trigger', new HiBobTrigger()],
];

describe('node methods', () => {
	it.each(nodes)('%s registers every method its description names', (_name, node) => {
		expect(namedMethods(node.description).length).toBeGreaterThan(0);
		expect(unregisteredMethods(node)).toEqual([]);
	});

	it('both nodes take their methods from the one methods module', () => {
		expect(new HiBob().methods).toBe(methods);
		expect(new HiBobTrigger().methods).toBe(methods);
	});

	it('finds the Filters field list in both nodes (inside a fixed collection)', () => {
		for (const [, node] of nodes)
			expect(namedMethods(node.description)).toContainEqual(
				expect.objectContaining({
					kind: 'loadOptions',
					method: 'getFilterFields',
					path: 'filters.conditions.field',
					editorPath: 'parameters.filters.conditions[0].field',
				}),
			);
		expect(namedMethods(new HiBob().description)).toContainEqual(
			expect.objectContaining({ kind: 'listSearch', method: 'searchEmployees' }),
		);
	});

	describe('the walk itself', () => {
		const property = (extra: Partial<INodeProperties>): INodeProperties => ({
			displayName: 'X',
			name: 'x',
			type: 'string',
			default: '',
			...extra,
		});
		const nodeWith = (properties: INodeProperties[], methods?: INodeType['methods']): INodeType =>
			({
				description: { ...new HiBob().description, properties, credentials: [] },
				methods,
			}) as INodeType;

		it('reports a method named deep inside a collection, a fixed collection and a locator', () => {
			const node = nodeWith([
				property({
					name: 'options',
					type: 'collection',
					displayOptions: { show: { resource: ['employee'], operation: ['update'] } },
					options: [
						property({
							name: 'groups',
							type: 'fixedCollection',
							options: [
								{
									displayName: 'Group',
									name: 'group',
									values: [property({ name: 'field', type: 'options', typeOptions: { loadOptionsMethod: 'getDeep' } })],
								},
							],
						}),
					],
				}),
				property({
					name: 'who',
					type: 'resourceLocator',
					modes: [{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchWho' } }],
				}),
				property({
					name: 'columns',
					type: 'resourceMapper',
					typeOptions: { resourceMapper: { resourceMapperMethod: 'getColumns', mode: 'update' } },
				}),
			]); // prettier-ignore
			expect(unregisteredMethods(node)).toEqual([
				'loadOptions.getDeep (named by "options.groups.group.field")',
				'listSearch.searchWho (named by "who")',
				'resourceMapping.getColumns (named by "columns")',
			]);
			const deep = namedMethods(node.description)[0];
			expect(visibleParameters(deep)).toEqual({ resource: 'employee', operation: 'update' });
			const registered = nodeWith(node.description.properties, {
				loadOptions: { getDeep: async () => [] },
				listSearch: { searchWho: async () => ({ results: [] }) },
				resourceMapping: { getColumns: async () => ({ fields: [] }) },
			});
			expect(unregisteredMethods(registered)).toEqual([]);
		});
	});
});
