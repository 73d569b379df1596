import {
	parseEmployeeId,
	parseEmployeeIds,
	stringifyIds,
} from '../../../../nodes/HiBob/core/employeeIds';
import { InputError } from '../../../../nodes/HiBob/core/errors';

const A = '3332883884017713238';
const B = '3332883911884669725';
const C = '3332883920000000042';

describe('core/employeeIds', () => {
	describe('parseEmployeeId', () => {
		it('accepts a 19-digit ID as text, trimmed, exactly', () => {
			expect(parseEmployeeId(` ${A}\n`)).toBe(A);
		});

		it('refuses any number: a 19-digit ID cannot pass through one intact', () => {
			// 3332883884017713238 as a JS number is 3332883884017713000: refused, never sent.
			expect(() => parseEmployeeId(Number(A))).toThrow(/arrived as a number/);
			expect(() => parseEmployeeId(123456)).toThrow(/arrived as a number/);
		});

		it.each([
			['', /empty/],
			['amy.miles@acme.com', /is not a HiBob employee ID/],
			['3332883884017713238x', /is not a HiBob employee ID/],
			['123 456', /is not a HiBob employee ID/],
			['123456789012345678901', /is not a HiBob employee ID/],
			['333288388401771323', /is not a HiBob employee ID/],
			['42', /is not a HiBob employee ID/],
		])('refuses %p', (value, message) => {
			expect(() => parseEmployeeId(value)).toThrow(InputError);
			expect(() => parseEmployeeId(value)).toThrow(message);
		});

		it('refuses objects, lists and null with what they are', () => {
			expect(() => parseEmployeeId({ id: A })).toThrow('must be text, got an object');
			expect(() => parseEmployeeId([A])).toThrow('must be text, got a list');
			expect(() => parseEmployeeId(null)).toThrow('must be text, got null');
		});
	});

	describe('parseEmployeeIds', () => {
		it('splits text on commas, semicolons, spaces and line breaks, dropping duplicates in order', () => {
			expect(parseEmployeeIds(`${A}, ${B};${A}\n ${C}`)).toEqual([A, B, C]);
		});

		it('accepts a list (from an expression), also with comma-separated entries', () => {
			expect(parseEmployeeIds([A, `${B},${C}`])).toEqual([A, B, C]);
			expect(() => parseEmployeeIds([A, 7])).toThrow(/arrived as a number/);
		});

		it('refuses an empty list and names the first bad entry', () => {
			expect(() => parseEmployeeIds(' , ')).toThrow('No employee IDs were given');
			expect(() => parseEmployeeIds([])).toThrow('No employee IDs were given');
			expect(() => parseEmployeeIds(`${A},bob@acme.com`)).toThrow('"bob@acme.com" is not');
		});
	});

	describe('stringifyIds', () => {
		it('turns numeric id and *Id values into strings at any depth, leaving other numbers', () => {
			expect(
				stringifyIds({
					id: 1000020260906,
					siteId: 2606110,
					weeklyHours: 40,
					change: { changedById: 55, reason: null },
					list: [{ requestId: 11, totalDuration: 5 }],
					employeeId: A,
				}),
			).toEqual({
				id: '1000020260906',
				siteId: '2606110',
				weeklyHours: 40,
				change: { changedById: '55', reason: null },
				list: [{ requestId: '11', totalDuration: 5 }],
				employeeId: A,
			});
		});
	});
});
