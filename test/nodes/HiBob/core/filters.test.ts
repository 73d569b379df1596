import type { FieldMetadata } from '../../../../nodes/HiBob/core/fields';
import { FieldIndex } from '../../../../nodes/HiBob/core/fields';
import type { FilterCondition } from '../../../../nodes/HiBob/core/filters';
import type { NamedListInput as FilterList } from '../../../../nodes/HiBob/core/namedLists';
import { InputError } from '../../../../nodes/HiBob/core/errors';
import {
	checkFilterSyntax,
	compileFilters,
	listsNeeded,
	unknownFilterFields,
} from '../../../../nodes/HiBob/core/filters';

function field(id: string, type: string, extra: Partial<FieldMetadata> = {}): FieldMetadata {
	return {
		id,
		name: extra.name ?? id,
		categoryId: id.split('.')[0],
		categoryDisplayName: id.split('.')[0],
		jsonPath: id,
		type,
		historical: false,
		...extra,
	};
}

const index = new FieldIndex([
	field('root.email', 'text', { name: 'Email', jsonPath: 'email' }),
	field('root.displayName', 'text', { name: 'Display name', jsonPath: 'displayName' }),
	field('work.department', 'list', { name: 'Department', listId: 'department' }),
	field('about.hobbies', 'multi-list', { name: 'Hobbies', listId: 'hobbies' }),
	field('work.startDate', 'date', { name: 'Start date' }),
	field('root.creationDateTime', 'time', { name: 'Created', jsonPath: 'creationDateTime' }),
	field('work.isManager', 'boolean', { name: 'Is manager' }),
	field('work.custom.field_1711887012345', 'number', { name: 'Desk number' }),
	field('work.reportsTo', 'employee', { name: 'Reports to' }),
	field('internal.lifecycleStatus', 'list', {
		name: 'Lifecycle status',
		listId: 'lifecycleStatus',
	}),
	field('work.manager', 'employee-reference', { name: 'Manager' }),
]);

const lists: FilterList[] = [
	{
		name: 'department',
		items: [
			{ id: 265590516, name: 'Engineering', value: 'Engineering' },
			{ id: 265590517, name: 'Sales', value: 'Sales' },
			{
				id: 265590518,
				name: 'Product',
				value: 'Product',
				children: [{ id: 265590519, name: 'Product Design', value: 'Product Design' }],
			},
		],
	},
	{
		name: 'hobbies',
		items: [
			{ id: 'Animals', name: 'Animals' },
			{ id: 'Music', name: 'Music' },
		],
	},
	{
		name: 'lifecycleStatus',
		items: [
			{ id: 'employed', name: 'Employed' },
			{ id: 'terminated', name: 'Terminated' },
		],
	},
];

function matcher(conditions: FilterCondition[]) {
	return compileFilters(conditions, index, lists);
}

function errorOf(run: () => unknown): InputError {
	let caught: unknown;
	try {
		run();
	} catch (error) {
		caught = error;
	}
	if (!(caught instanceof InputError))
		throw new Error(`expected an InputError, got ${String(caught)}`);
	return caught;
}

describe('core/filters', () => {
	it('no conditions: everything matches, no fields, empty fingerprint', () => {
		const filter = matcher([]);
		expect(filter.fieldIds).toEqual([]);
		expect(filter.fingerprint).toBe('');
		expect(filter.matches({})).toBe(true);
	});

	describe('equals / not equals', () => {
		it('resolves a list label (case-insensitive) to its item ID', () => {
			const filter = matcher([
				{ field: 'work.department', operator: 'equals', value: 'engineering' },
			]);
			expect(filter.fieldIds).toEqual(['work.department']);
			expect(filter.matches({ 'work.department': '265590516' })).toBe(true);
			expect(filter.matches({ 'work.department': '265590517' })).toBe(false);
			expect(filter.matches({ 'work.department': null })).toBe(false);
		});

		it('accepts an item ID and labels of nested items', () => {
			expect(
				matcher([{ field: 'work.department', operator: 'equals', value: '265590517' }]).matches({
					'work.department': '265590517',
				}),
			).toBe(true);
			expect(
				matcher([
					{ field: 'work.department', operator: 'equals', value: 'Product Design' },
				]).matches({
					'work.department': '265590519',
				}),
			).toBe(true);
		});

		it('matches textual list IDs case-insensitively (lifecycle status)', () => {
			const filter = matcher([
				{ field: 'internal.lifecycleStatus', operator: 'equals', value: 'Employed' },
			]);
			expect(filter.matches({ 'internal.lifecycleStatus': 'employed' })).toBe(true);
			expect(filter.matches({ 'internal.lifecycleStatus': 'Employed' })).toBe(true);
			expect(filter.matches({ 'internal.lifecycleStatus': 'terminated' })).toBe(false);
		});

		it('matches a multi-list when any selected item matches', () => {
			const filter = matcher([{ field: 'about.hobbies', operator: 'equals', value: 'music' }]);
			expect(filter.matches({ 'about.hobbies': ['Animals', 'Music'] })).toBe(true);
			expect(filter.matches({ 'about.hobbies': ['Animals'] })).toBe(false);
			expect(filter.matches({ 'about.hobbies': [] })).toBe(false);
		});

		it('compares text case-insensitively and trimmed', () => {
			const filter = matcher([
				{ field: 'root.email', operator: 'equals', value: ' Amy.Miles@Acme.com ' },
			]);
			expect(filter.matches({ 'root.email': 'amy.miles@acme.com' })).toBe(true);
			expect(filter.matches({ 'root.email': 'amy.miles@acme.co' })).toBe(false);
		});

		it('compares numbers numerically, booleans by meaning, dates as calendar dates', () => {
			expect(
				matcher([
					{ field: 'work.custom.field_1711887012345', operator: 'equals', value: '42.0' },
				]).matches({
					'work.custom.field_1711887012345': 42,
				}),
			).toBe(true);
			const manager = matcher([{ field: 'work.isManager', operator: 'equals', value: 'yes' }]);
			expect(manager.matches({ 'work.isManager': true })).toBe(true);
			expect(manager.matches({ 'work.isManager': false })).toBe(false);
			const created = matcher([
				{ field: 'root.creationDateTime', operator: 'equals', value: '2024-03-27' },
			]);
			expect(created.matches({ 'root.creationDateTime': '2024-03-27T09:12:25.002884' })).toBe(true);
			expect(created.matches({ 'root.creationDateTime': '2024-03-28T00:00:00' })).toBe(false);
		});

		it('compares employee objects by id, email or name', () => {
			const filter = matcher([
				{ field: 'work.reportsTo', operator: 'equals', value: 'boss@acme.com' },
			]);
			expect(
				filter.matches({ 'work.reportsTo': { id: '3332883884017713238', email: 'boss@acme.com' } }),
			).toBe(true);
			expect(filter.matches({ 'work.reportsTo': null })).toBe(false);
		});

		it('not equals is true for other and empty values', () => {
			const filter = matcher([
				{ field: 'work.department', operator: 'notEquals', value: 'Engineering' },
			]);
			expect(filter.matches({ 'work.department': '265590516' })).toBe(false);
			expect(filter.matches({ 'work.department': '265590517' })).toBe(true);
			expect(filter.matches({ 'work.department': null })).toBe(true);
			expect(filter.matches({})).toBe(true);
		});
	});

	it('contains: substring of text, and of list labels', () => {
		const name = matcher([{ field: 'root.displayName', operator: 'contains', value: 'MIL' }]);
		expect(name.matches({ 'root.displayName': 'Amy Miles' })).toBe(true);
		expect(name.matches({ 'root.displayName': 'Bob Smith' })).toBe(false);
		expect(name.matches({ 'root.displayName': undefined })).toBe(false);
		const department = matcher([
			{ field: 'work.department', operator: 'contains', value: 'engin' },
		]);
		expect(department.matches({ 'work.department': '265590516' })).toBe(true);
		expect(department.matches({ 'work.department': '265590517' })).toBe(false);
	});

	it('is one of: comma-separated labels or an array', () => {
		const filter = matcher([
			{ field: 'work.department', operator: 'isOneOf', value: 'Engineering, sales' },
		]);
		expect(filter.matches({ 'work.department': '265590516' })).toBe(true);
		expect(filter.matches({ 'work.department': '265590517' })).toBe(true);
		expect(filter.matches({ 'work.department': '265590518' })).toBe(false);
		const emails = matcher([
			{ field: 'root.email', operator: 'isOneOf', value: ['a@x.com', 'b@x.com'] },
		]);
		expect(emails.matches({ 'root.email': 'B@x.com' })).toBe(true);
		expect(emails.matches({ 'root.email': 'c@x.com' })).toBe(false);
	});

	it('is empty / is not empty: null, absent, blank and [] are empty', () => {
		const empty = matcher([{ field: 'work.department', operator: 'isEmpty' }]);
		const notEmpty = matcher([{ field: 'work.department', operator: 'isNotEmpty' }]);
		for (const value of [null, undefined, '', '  ', []]) {
			expect(empty.matches({ 'work.department': value })).toBe(true);
			expect(notEmpty.matches({ 'work.department': value })).toBe(false);
		}
		expect(empty.matches({ 'work.department': '265590516' })).toBe(false);
		expect(notEmpty.matches({ 'work.department': '265590516' })).toBe(true);
	});

	it('date before / after compare calendar dates, strictly; empty dates never match', () => {
		const before = matcher([
			{ field: 'work.startDate', operator: 'dateBefore', value: '2026-01-01' },
		]);
		const after = matcher([
			{ field: 'work.startDate', operator: 'dateAfter', value: '2026-01-01T23:59:00Z' },
		]);
		expect(before.matches({ 'work.startDate': '2025-12-31' })).toBe(true);
		expect(before.matches({ 'work.startDate': '2026-01-01' })).toBe(false);
		expect(after.matches({ 'work.startDate': '2026-01-01' })).toBe(false);
		expect(after.matches({ 'work.startDate': '2026-01-02' })).toBe(true);
		expect(before.matches({ 'work.startDate': null })).toBe(false);
		expect(after.matches({})).toBe(false);
		const luxonLike = { toISODate: () => '2026-01-01' };
		expect(
			compileFilters(
				[{ field: 'work.startDate', operator: 'dateBefore', value: luxonLike }],
				index,
			).matches({
				'work.startDate': '2025-06-01',
			}),
		).toBe(true);
	});

	it('all conditions must hold', () => {
		const filter = matcher([
			{ field: 'work.department', operator: 'equals', value: 'Engineering' },
			{ field: 'work.startDate', operator: 'dateAfter', value: '2020-01-01' },
		]);
		expect(filter.fieldIds).toEqual(['work.department', 'work.startDate']);
		expect(filter.matches({ 'work.department': '265590516', 'work.startDate': '2021-01-01' })).toBe(
			true,
		);
		expect(filter.matches({ 'work.department': '265590516', 'work.startDate': '2019-01-01' })).toBe(
			false,
		);
		expect(filter.matches({ 'work.department': '265590517', 'work.startDate': '2021-01-01' })).toBe(
			false,
		);
	});

	it('fingerprints resolved conditions: same meaning, same fingerprint', () => {
		const a = matcher([{ field: 'work.department', operator: 'equals', value: 'Engineering' }]);
		const b = matcher([{ field: 'work.department', operator: 'equals', value: '265590516' }]);
		const c = matcher([{ field: 'work.department', operator: 'equals', value: 'Sales' }]);
		expect(a.fingerprint).toBe(b.fingerprint);
		expect(a.fingerprint).not.toBe(c.fingerprint);
		expect(a.fingerprint).toMatch(/^f1:/);
	});

	describe('validation', () => {
		it('an unknown label names the list and some valid labels', () => {
			const error = errorOf(() =>
				matcher([{ field: 'work.department', operator: 'equals', value: 'Enginering' }]),
			);
			expect(error.message).toBe(
				'Filter 1 (Department equals): "Enginering" is not an item of the HiBob list "department"',
			);
			expect(error.hint).toContain('Engineering, Sales, Product');
		});

		it('names every unknown field at once', () => {
			const error = errorOf(() =>
				matcher([
					{ field: 'work.departmnt', operator: 'equals', value: 'x' },
					{ field: 'work.custom.field_1', operator: 'isEmpty' },
				]),
			);
			expect(error.message).toBe(
				'The filters use fields HiBob does not have: work.departmnt, work.custom.field_1',
			);
			expect(unknownFilterFields([{ field: 'root.email', operator: 'equals' }], index)).toEqual([]);
		});

		it.each([
			[{ field: '', operator: 'equals', value: 'x' }, 'Filter 1 has no field'],
			[
				{ field: 'Department', operator: 'equals', value: 'x' },
				'Filter 1: "Department" is not a HiBob field ID',
			],
			[
				{ field: 'work.department', operator: 'like', value: 'x' },
				'Filter 1: unknown operator "like"',
			],
			[
				{ field: 'work.department', operator: 'equals', value: '  ' },
				'Filter 1 (work.department equals) needs a value',
			],
		])('checks syntax before metadata: %j', (condition, message) => {
			expect(errorOf(() => checkFilterSyntax([condition])).message).toBe(message);
		});

		it('rejects date operators on non-date fields and malformed dates', () => {
			expect(
				errorOf(() =>
					matcher([{ field: 'work.department', operator: 'dateBefore', value: '2026-01-01' }]),
				).message,
			).toBe(
				'Filter 1 (Department date before): Department (work.department) is a list field, not a date',
			);
			expect(
				errorOf(() =>
					matcher([{ field: 'work.startDate', operator: 'dateAfter', value: '2026-02-30' }]),
				).message,
			).toBe('Filter 1 (Start date date after): "2026-02-30" is not a date');
			expect(
				errorOf(() => matcher([{ field: 'work.isManager', operator: 'equals', value: 'maybe' }]))
					.message,
			).toBe('Filter 1 (Is manager equals): "maybe" is not true or false');
		});

		it('without the list, list values compare as raw IDs', () => {
			const filter = compileFilters(
				[{ field: 'work.department', operator: 'equals', value: '265590516' }],
				index,
				() => undefined,
			);
			expect(filter.matches({ 'work.department': '265590516' })).toBe(true);
		});
	});

	it('listsNeeded names the lists whose labels get resolved', () => {
		expect(
			listsNeeded(
				[
					{ field: 'work.department', operator: 'equals', value: 'Engineering' },
					{ field: 'about.hobbies', operator: 'isEmpty' },
					{ field: 'root.email', operator: 'equals', value: 'x' },
				],
				index,
			),
		).toEqual(['department']);
	});
});
