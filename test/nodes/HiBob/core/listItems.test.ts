import {
	isCustomFieldId,
	planNewField,
	requireCustomField,
} from '../../../../nodes/HiBob/core/customFields';
import type { FieldMetadata } from '../../../../nodes/HiBob/core/fields';
import {
	findListItem,
	placeItems,
	onlyOne,
	requireListItem,
	sameName,
} from '../../../../nodes/HiBob/core/listItems';
import type { NamedListItem } from '../../../../nodes/HiBob/core/namedLists';
import { listChoices, resolveListItem } from '../../../../nodes/HiBob/core/writes';

const item = (id: string, name: string, children: NamedListItem[] = [], archived = false): NamedListItem => ({ id, value: name, name, archived, children }); // prettier-ignore

describe('core/listItems', () => {
	const placed = placeItems([item('1', 'Engineering', [item('11', 'Team'), item('12', 'QA')]), item('2', 'Sales', [item('21', 'Team')]), item('3', 'Old', [], true), item('4', 'old')]); // prettier-ignore

	it('places every item under its parent, with its path', () => {
		expect(placed.map((p) => [p.item.id, p.parentId, p.path.join('/')])).toEqual([['1', null, 'Engineering'], ['11', '1', 'Engineering/Team'], ['12', '1', 'Engineering/QA'], ['2', null, 'Sales'], ['21', '2', 'Sales/Team'], ['3', null, 'Old'], ['4', null, 'old']]); // prettier-ignore
	});

	it('finds by ID, then by exact name, then ignoring case; active items before archived ones', () => {
		expect(findListItem(placed, '12', 'department')?.item.name).toBe('QA');
		expect(findListItem(placed, ' qa ', 'department')?.item.id).toBe('12');
		expect(findListItem(placed, 'Old', 'department')?.item.id).toBe('4');
		expect(findListItem(placed, 'Team', 'department', '2')?.item.id).toBe('21');
		expect(findListItem(placed, 'Team', 'department', null)).toBeUndefined();
	});

	it('refuses a name two items share, naming both', () => {
		expect(() => findListItem(placed, 'team', 'department')).toThrow('"team" is ambiguous for an item of list "department": 2 items have that name');
		const letters = (name: string) => onlyOne(sameName(['a', 'A', 'b'], name, (s) => s), name, 'a letter', (s) => `"${s}"`);
		expect(letters('x')).toBeUndefined();
		expect(letters('á')).toBeUndefined();
		expect(letters('A')).toBe('A');
		expect(letters(' b ')).toBe('b');
		expect(() => letters('a ')).toThrow('"a " is ambiguous for a letter: 2 items have that name');
		expect(() => letters('a ')).toThrow(expect.objectContaining({ hint: expect.stringContaining('They are "a", "A". The node will not guess: give the one you mean by its ID') }));
	}); // prettier-ignore

	it('is the one rule for employee writes too: an exact name wins, a name equal only ignoring case is refused when two share it', () => {
		const items = listChoices([item('1', 'Sales'), item('2', 'sales'), item('3', 'EMEA', [item('31', 'Sales')])]);
		expect(resolveListItem(items, 'sales', 'a department').id).toBe('2');
		expect(() => resolveListItem(items, 'Sales', 'a department')).toThrow('"Sales" is ambiguous for a department: 2 items have that name');
		expect(() => resolveListItem(items, 'SALES', 'a department')).toThrow('"SALES" is ambiguous for a department: 3 items have that name');
		expect(resolveListItem(items, 'EMEA › Sales', 'a department').id).toBe('31');
	}); // prettier-ignore

	it('says what is missing, with similar items', () => {
		expect(() => requireListItem(placed, 'Engineerin', 'department', 'Item')).toThrow('List "department" has no item "Engineerin" (Item)');
		expect(() => requireListItem(placed, ' ', 'department', 'Parent Item')).toThrow('Parent Item is required');
	}); // prettier-ignore
});

describe('core/customFields', () => {
	const field = (id: string, name: string, categoryId = 'work'): FieldMetadata => ({ id, name, categoryId, categoryDisplayName: categoryId === 'work' ? 'Work' : categoryId, jsonPath: id, type: 'text', historical: false }); // prettier-ignore
	const fields = [field('work.department', 'Department'), field('work.custom.field_1', 'Okta ID'), field('about.custom.field_2', 'Okta ID', 'about')]; // prettier-ignore

	it('tells custom fields from built-in ones by their ID', () => {
		expect(['work.custom.field_1711886937296', 'category_1720508362305.custom.field_1'].map(isCustomFieldId)).toEqual([true, true]);
		expect(['work.department', 'root.email', 'work.customColumns.column_55', 'custom.field_1', 'work.custom.field_1.x'].map(isCustomFieldId)).toEqual([false, false, false, false, false]);
	}); // prettier-ignore

	it('finds a custom field by ID or unique name; refuses built-in, unknown and ambiguous ones', () => {
		expect(requireCustomField(fields, 'work.custom.field_1').name).toBe('Okta ID');
		expect(() => requireCustomField(fields, 'Department')).toThrow('"Department" (work.department) is one of Bob\'s built-in fields');
		expect(() => requireCustomField(fields, 'Okta ID')).toThrow('"Okta ID" is ambiguous for an employee field: 2 items have that name');
		expect(() => requireCustomField(fields, 'nope')).toThrow('HiBob has no employee field "nope"');
	}); // prettier-ignore

	it('plans a new field: name, category other than root, a supported type, no duplicate name in the category', () => {
		expect(planNewField({ name: ' Badge ', category: 'work', type: 'number', description: '', historical: false }, fields)).toEqual({ name: 'Badge', category: 'work', type: 'number', historical: false });
		expect(() => planNewField({ name: 'okta id', category: 'work', type: 'text', description: '', historical: false }, fields)).toThrow('Category "Work" already has a field "Okta ID"');
		expect(() => planNewField({ name: 'X', category: 'root', type: 'text', description: '', historical: false }, fields)).toThrow('Basic info (root)');
		expect(() => planNewField({ name: 'X', category: 'work', type: 'boolean', description: '', historical: false }, fields)).toThrow('"boolean" is not a field type HiBob creates');
	}); // prettier-ignore
});
