import { isRecord } from '../../../../nodes/HiBob/core/json';

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
