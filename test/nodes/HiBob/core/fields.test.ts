import {
	DEFAULT_FIELD_IDS,
	DEFAULT_SET,
	expandDefaultSet,
	readFieldList,
} from '../../../../nodes/HiBob/core/fields';

describe('expandDefaultSet', () => {
	it('replaces Default Set by its fields, in place, each field once', () => {
		expect(expandDefaultSet(['about.hobbies', DEFAULT_SET, 'root.email'])).toEqual([
			'about.hobbies',
			...DEFAULT_FIELD_IDS,
		]);
		expect(expandDefaultSet(['work.site', 'work.site'])).toEqual(['work.site']);
		expect(expandDefaultSet([])).toEqual([]);
	});
});

describe('readFieldList', () => {
	it('reads a picked list or comma-separated text and expands Default Set', () => {
		expect(readFieldList(['work.title', DEFAULT_SET])).toEqual([
			'work.title',
			...DEFAULT_FIELD_IDS.filter((id) => id !== 'work.title'),
		]);
		expect(readFieldList(' work.title , about.hobbies,,')).toEqual(['work.title', 'about.hobbies']);
		expect(readFieldList(['work.title', ' ', ''])).toEqual(['work.title']);
	});

	it('reads nothing from anything else', () => {
		for (const value of [undefined, null, '', '  ', 5, {}]) expect(readFieldList(value)).toEqual([]);
	});
});
