import { InputError } from '../../../../nodes/HiBob/core/errors';
import {
	balanceDate,
	buildTimeOffRequest,
	matchingRequestIds,
	newRequestId,
	parseRequestId,
} from '../../../../nodes/HiBob/core/timeOffRequests';

describe('core/timeOffRequests', () => {
	const days = {
		policyType: 'Holiday',
		duration: 'days',
		startDate: '2026-12-01',
		endDate: '2026-12-02',
	};

	it('builds each shape with calendar dates as written', () => {
		expect(buildTimeOffRequest({ ...days, startDate: '2026-12-01T23:30:00.000-05:00' })).toEqual({ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-02', startDatePortion: 'all_day', endDatePortion: 'all_day' });
		expect(buildTimeOffRequest({ ...days, duration: 'hours', endDate: '2027-01-01', hours: '3', minutes: 15 })).toEqual({ requestRangeType: 'hours', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', hours: 3, minutes: 15 });
		expect(buildTimeOffRequest({ ...days, duration: 'hoursOnRange', hours: 2 })).toMatchObject({ dailyHours: 2, dailyMinutes: 0 });
		expect(buildTimeOffRequest({ ...days, duration: 'portionOnRange', dayPortion: 'afternoon' })).toMatchObject({ dayPortion: 'afternoon' });
		expect(buildTimeOffRequest({ ...days, reasonCode: '1001', description: ' trip ', skipApproval: true, approver: ' 3332883884017713238 ' })).toMatchObject({ reasonCode: 1001, description: 'trip', skipManagerApproval: true, approver: '3332883884017713238' });
	}); // prettier-ignore

	it('refuses what HiBob would refuse, as InputErrors saying nothing was sent', () => {
		const bad = [
			{ ...days, policyType: ' ' },
			{ ...days, endDate: '2026-11-30' },
			{ ...days, endDate: '2026-12-01', startPortion: 'afternoon', endPortion: 'morning' },
			{ ...days, startPortion: 'morning' },
			{ ...days, endPortion: 'afternoon' },
			{ ...days, duration: 'portionOnRange', dayPortion: 'all_day' },
			{ ...days, duration: 'hours', hours: 0, minutes: 0 },
			{ ...days, duration: 'hours', hours: 24 },
			{ ...days, duration: 'hours', hours: 1.5 },
			{ ...days, duration: 'weeks' },
			{ ...days, reasonCode: 'Vacation' },
			{ ...days, approver: '3332883884017713238' },
			{ ...days, skipApproval: true, approver: 'amy@acme.com' },
			{ ...days, startDate: '2026-02-30' },
		];
		for (const input of bad) {
			let caught: unknown;
			try {
				buildTimeOffRequest(input);
			} catch (error) {
				caught = error;
			}
			expect({ input, isInputError: caught instanceof InputError }).toEqual({ input, isInputError: true });
			expect((caught as InputError).hint).toMatch(/Nothing was sent/);
		}
		expect(buildTimeOffRequest({ ...days, endDate: '2026-12-01', startPortion: 'afternoon' })).toMatchObject({ startDatePortion: 'afternoon' });
	}); // prettier-ignore

	it('identifies the created request only when exactly one new matching request appeared', () => {
		const body = buildTimeOffRequest(days);
		const change = (requestId: number, extra: Record<string, unknown> = {}) => ({ requestId, employeeId: 'e1', changeType: 'Pending', policyTypeDisplayName: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-02', ...extra });
		const ids = matchingRequestIds([change(1), change(2, { employeeId: 'e2' }), change(3, { changeType: 'Canceled' }), change(4, { endDate: '2026-12-03' }), change(5, { changeType: 'Created' }), change(5)], 'e1', body);
		expect(ids).toEqual(['1', '5']);
		expect(newRequestId(['1'], ['1', '5'])).toEqual({ id: '5', candidates: ['5'] });
		expect(newRequestId([], ['1', '5'])).toEqual({ candidates: ['1', '5'] });
		expect(newRequestId(['1'], ['1'])).toEqual({ candidates: [] });
	}); // prettier-ignore

	it('matches on what the changes carry: not the policy type name (a custom display name), the type, and `date` for hours', () => {
		const body = buildTimeOffRequest(days);
		const change = (requestId: number, extra: Record<string, unknown> = {}) => ({ requestId, employeeId: 'e1', changeType: 'Pending', policyTypeDisplayName: 'Annual leave (UK)', type: 'days', startDate: '2026-12-01', endDate: '2026-12-02', ...extra });
		expect(matchingRequestIds([change(1), change(2, { type: 'portionOnRange' }), change(3, { type: undefined })], 'e1', body)).toEqual(['1', '3']);
		const hours = buildTimeOffRequest({ policyType: 'Time in lieu', duration: 'hours', startDate: '2026-12-07', hours: 2 });
		const hourChange = (requestId: number, extra: Record<string, unknown> = {}) => ({ requestId, employeeId: 'e1', changeType: 'Created', policyTypeDisplayName: 'TOIL', type: 'hours', date: '2026-12-07', hoursOnDate: 2, ...extra });
		expect(matchingRequestIds([hourChange(7), hourChange(8, { date: '2026-12-08' }), hourChange(9, { type: 'days', startDate: '2026-12-07', endDate: '2026-12-07', date: undefined })], 'e1', hours)).toEqual(['7']);
	}); // prettier-ignore

	it("takes request IDs of digits and gives today's date in the workflow's time zone", () => {
		expect(parseRequestId(' 27500233 ')).toBe('27500233');
		expect(parseRequestId(27500233)).toBe('27500233');
		expect(() => parseRequestId('')).toThrow(/empty/);
		expect(() => parseRequestId('27-5')).toThrow(InputError);
		const noonUtc = Date.parse('2026-11-21T12:00:00Z');
		expect(balanceDate('', noonUtc, 'Pacific/Kiritimati')).toBe('2026-11-22');
		expect(balanceDate(undefined, noonUtc, 'America/Los_Angeles')).toBe('2026-11-21');
		expect(balanceDate('', noonUtc, 'Not/AZone')).toBe('2026-11-21');
		expect(balanceDate('2026-12-31T00:00:00', noonUtc, 'UTC')).toBe('2026-12-31');
		expect(() => balanceDate('31/12/2026', noonUtc, 'UTC')).toThrow(InputError);
	});
});
