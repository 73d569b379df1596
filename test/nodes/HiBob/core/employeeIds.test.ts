import {
	EmployeeIdError,
	parseEmployeeId,
	parseEmployeeIds,
	stringifyIds,
} from '../../../../nodes/HiBob/core/employeeIds';

const A = '3332883884017713238';
const B = '3332883911884669725';

describe('core/employeeIds', () => {
	describe('parseEmployeeId', () => {
		it('accepts a 19-digit ID as text, trimmed, exactly', () => {
			expect(parseEmployeeId(` ${A}\n`)).toBe(A);
		});

		it('accepts a safe integer and refuses one that has lost digits', () => {
			expect(parseEmployeeId(123456)).toBe('123456');
			// 3332883884017713238 as a JS number is 3332883884017713000: refused, never sent.
			expect(() => parseEmployeeId(Number(A))).toThrow(/arrived as a number and has lost digits/);
		});

		it.each([
			['', /empty/],
			['amy.miles@acme.com', /is not a HiBob employee ID/],
			['3332883884017713238x', /is not a HiBob employee ID/],
			['123 456', /is not a HiBob employee ID/],
			['123456789012345678901', /is not a HiBob employee ID/],
		])('refuses %p', (value, message) => {
			expect(() => parseEmployeeId(value)).toThrow(EmployeeIdError);
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
			expect(parseEmployeeIds(`${A}, ${B};${A}\n 42`)).toEqual([A, B, '42']);
		});

		it('accepts a list (from an expression), also with comma-separated entries', () => {
			expect(parseEmployeeIds([A, `${B},42`, 7])).toEqual([A, B, '42', '7']);
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
