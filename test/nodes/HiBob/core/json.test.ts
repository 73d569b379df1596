import { isRecord, setAtPath } from '../../../../nodes/HiBob/core/json';

describe('isRecord', () => {
	it('accepts plain objects, empty or not', () => {
		expect(isRecord({})).toBe(true);
		expect(isRecord({ values: [] })).toBe(true);
	});

	it('rejects arrays, null and primitives', () => {
		for (const value of [[], [{ a: 1 }], null, undefined, 0, 'text', true])
			expect(isRecord(value)).toBe(false);
	});
});

describe('setAtPath', () => {
	it('builds the nested objects a dotted path needs, keeping siblings', () => {
		const target: Record<string, unknown> = { email: 'a@b.c', work: { title: 'CTO' } };
		setAtPath(target, 'work.site', 'Berlin');
		setAtPath(target, 'about.social.linkedin', 'x');
		setAtPath(target, 'id', '1');
		expect(target).toEqual({
			email: 'a@b.c',
			id: '1',
			work: { title: 'CTO', site: 'Berlin' },
			about: { social: { linkedin: 'x' } },
		});
	});

	it('replaces a value that is not an object on the way', () => {
		const target: Record<string, unknown> = { work: 'text', list: [1] };
		setAtPath(target, 'work.site', 'Berlin');
		setAtPath(target, 'list.first', 1);
		expect(target).toEqual({ work: { site: 'Berlin' }, list: { first: 1 } });
	});
});
