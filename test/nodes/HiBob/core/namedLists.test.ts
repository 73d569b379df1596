import {
	flattenItems,
	parseNamedList,
	parseNamedLists,
} from '../../../../nodes/HiBob/core/namedLists';

describe('parseNamedList', () => {
	it('reads items (or values), IDs as strings, labels filled in, children kept', () => {
		const list = parseNamedList(
			{
				name: 'department',
				values: [
					{ id: 1, value: 'Engineering', name: 'Engineering', archived: false },
					{ id: 2, value: 'Old', archived: true, children: [{ id: 3, name: 'Child' }] },
					{ name: 'no id' },
					'junk',
				],
			},
			'fallback',
		);
		expect(list).toEqual({
			name: 'department',
			items: [
				{ id: '1', value: 'Engineering', name: 'Engineering', archived: false, children: [] },
				{
					id: '2',
					value: 'Old',
					name: 'Old',
					archived: true,
					children: [{ id: '3', value: 'Child', name: 'Child', archived: false, children: [] }],
				},
			],
		});
	});

	it('falls back to the given name and to no items', () => {
		expect(parseNamedList(null, 'site')).toEqual({ name: 'site', items: [] });
		expect(parseNamedList([{ id: 1 }], 'site')).toEqual({ name: 'site', items: [] });
	});

	it('reads a parsed list to the same list', () => {
		const once = parseNamedList({ items: [{ id: 7, name: 'Seven', children: [{ id: 8 }] }] }, 'x');
		expect(parseNamedList(once, 'x')).toEqual(once);
	});
});

describe('parseNamedLists', () => {
	it('in the keyed form, takes the list name from the key, not from an entry\'s (display) name', () => {
		const lists = parseNamedLists({ terminationreason: { name: 'Termination reason', values: [{ id: 7, value: 'Resigned' }] }, site: { name: 'Site', items: [] } });
		expect(lists.map((l) => l.name)).toEqual(['terminationreason', 'site']);
		expect(lists[0].items.map((i) => i.id)).toEqual(['7']);
	}); // prettier-ignore

	it('reads the documented array and the object keyed by list name', () => {
		expect(parseNamedLists([{ name: 'a', items: [] }, { items: [] }]).map((l) => l.name)).toEqual([
			'a',
			'list1',
		]);
		expect(parseNamedLists({ site: { values: [{ id: 1, value: 'Berlin' }] } })).toEqual([
			{
				name: 'site',
				items: [{ id: '1', value: 'Berlin', name: 'Berlin', archived: false, children: [] }],
			},
		]);
		expect(parseNamedLists('nothing')).toEqual([]);
	});
});

describe('flattenItems', () => {
	it('lists every item, each child right after its parent', () => {
		const { items } = parseNamedList(
			{ items: [{ id: 1, children: [{ id: 2, children: [{ id: 3 }] }] }, { id: 4 }] },
			'tree',
		);
		expect(flattenItems(items).map((item) => item.id)).toEqual(['1', '2', '3', '4']);
	});
});
