import {
	addMonths,
	toInstant,
	validateChangesWindow,
	validateDateRange,
	validateOutTodayQuery,
} from '../../../../nodes/HiBob/core/timeOff';
import { InputError } from '../../../../nodes/HiBob/core/errors';

const NOW = Date.parse('2026-11-21T09:00:00Z');

function failure(run: () => unknown): InputError {
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

describe('core/timeOff', () => {
	describe('toInstant', () => {
		it('keeps an explicit zone', () => {
			expect(toInstant('2026-11-01T10:00:00Z')).toBe(Date.parse('2026-11-01T10:00:00Z'));
			expect(toInstant('2026-11-01T10:00:00+02:00', 'America/New_York')).toBe(
				Date.parse('2026-11-01T08:00:00Z'),
			);
		});

		it("reads a zone-less value in the workflow's time zone (DST included)", () => {
			expect(toInstant('2026-11-01T10:00:00', 'UTC')).toBe(Date.parse('2026-11-01T10:00:00Z'));
			// Berlin: UTC+1 in November, UTC+2 in July.
			expect(toInstant('2026-11-01T10:00:00', 'Europe/Berlin')).toBe(
				Date.parse('2026-11-01T09:00:00Z'),
			);
			expect(toInstant('2026-07-01T10:00:00', 'Europe/Berlin')).toBe(
				Date.parse('2026-07-01T08:00:00Z'),
			);
			expect(toInstant('2026-11-01', 'America/New_York')).toBe(Date.parse('2026-11-01T04:00:00Z'));
		});

		it('refuses what is not a date-time', () => {
			for (const value of ['yesterday', '2026-11-01T25:00:00', '2026-02-30T10:00:00', '', 5])
				expect(toInstant(value)).toBeUndefined();
		});
	});

	it('addMonths moves calendar months in UTC and clamps the day', () => {
		expect(new Date(addMonths(NOW, -6)).toISOString()).toBe('2026-05-21T09:00:00.000Z');
		expect(new Date(addMonths(Date.parse('2026-08-31T00:00:00Z'), -6)).toISOString()).toBe(
			'2026-02-28T00:00:00.000Z',
		);
	});

	describe('validateDateRange', () => {
		it('returns calendar dates, From equal to To allowed', () => {
			expect(validateDateRange('2026-11-21T00:00:00', '2026-11-21')).toEqual({
				from: '2026-11-21',
				to: '2026-11-21',
			});
		});

		it('refuses an inverted range, naming both dates', () => {
			const error = failure(() => validateDateRange('2026-11-30', '2026-11-01'));
			expect(error.message).toBe('"From" (2026-11-30) is after "To" (2026-11-01)');
			expect(error.hint).toMatch(/Swap/);
		});

		it('refuses a missing or invalid date', () => {
			expect(failure(() => validateDateRange('', '2026-11-01')).message).toBe(
				'"From" must be a date, got nothing',
			);
			expect(failure(() => validateDateRange('2026-11-01', 'soon')).message).toBe(
				'"To" must be a date, got "soon"',
			);
		});
	});

	describe('validateChangesWindow', () => {
		it('sends since (and to) as UTC ISO strings', () => {
			expect(
				validateChangesWindow({
					since: '2026-11-01T10:00:00',
					to: '2026-11-02T10:00:00',
					nowMs: NOW,
					timeZone: 'Europe/Berlin',
				}),
			).toEqual({ since: '2026-11-01T09:00:00.000Z', to: '2026-11-02T09:00:00.000Z' });
			expect(validateChangesWindow({ since: '2026-11-01T10:00:00Z', to: '', nowMs: NOW })).toEqual({
				since: '2026-11-01T10:00:00.000Z',
			});
		});

		it('allows exactly 6 months back and names the earliest moment when older', () => {
			expect(validateChangesWindow({ since: '2026-05-21T09:00:00Z', nowMs: NOW }).since).toBe(
				'2026-05-21T09:00:00.000Z',
			);
			const error = failure(() =>
				validateChangesWindow({ since: '2026-05-21T08:59:59Z', nowMs: NOW }),
			);
			expect(error.message).toBe('"Since" (2026-05-21T08:59:59.000Z) is more than 6 months ago');
			expect(error.hint).toContain(
				'the earliest allowed "Since" is now 2026-05-21T09:00:00.000Z',
			);
		});

		it('refuses To not after Since', () => {
			for (const to of ['2026-11-01T00:00:00Z', '2026-10-01T00:00:00Z'])
				expect(
					failure(() => validateChangesWindow({ since: '2026-11-01T00:00:00Z', to, nowMs: NOW }))
						.message,
				).toMatch(/must be after "Since"/);
		});

		it('refuses a window over 6 months, naming the latest To', () => {
			const error = failure(() =>
				validateChangesWindow({
					since: '2026-06-01T00:00:00Z',
					to: '2026-12-01T00:00:01Z',
					nowMs: NOW,
				}),
			);
			expect(error.message).toMatch(/longer than 6 months/);
			expect(error.hint).toContain('2026-12-01T00:00:00.000Z');
			expect(
				validateChangesWindow({
					since: '2026-06-01T00:00:00Z',
					to: '2026-12-01T00:00:00Z',
					nowMs: NOW,
				}).to,
			).toBe('2026-12-01T00:00:00.000Z');
		});

		it('refuses a since that is not a date-time', () => {
			expect(failure(() => validateChangesWindow({ since: '', nowMs: NOW })).message).toBe(
				'"Since" must be a date and time, got nothing',
			);
		});
	});

	describe('validateOutTodayQuery', () => {
		it('returns only what is set: a calendar date and a trimmed site ID', () => {
			expect(validateOutTodayQuery({ today: '', siteId: '' })).toEqual({});
			expect(validateOutTodayQuery({ today: null, siteId: undefined })).toEqual({});
			expect(validateOutTodayQuery({ today: '2026-11-21T18:00:00+02:00', siteId: ' 2606110 ' })).toEqual({ today: '2026-11-21', siteId: '2606110' });
			expect(validateOutTodayQuery({ today: undefined, siteId: 2606110 })).toEqual({ siteId: '2606110' });
		}); // prettier-ignore

		it('refuses a day that is not a date and a site that is not an ID', () => {
			expect(failure(() => validateOutTodayQuery({ today: 'tomorrow', siteId: '' })).message).toBe('"Today" must be a date, got "tomorrow"');
			const site = failure(() => validateOutTodayQuery({ today: '', siteId: 'London, UK' }));
			expect(site.message).toBe('"London, UK" is not a site ID');
			expect(site.hint).toMatch(/Company → Get Named List/);
			for (const name of ['London', 'site-1', '12.5', 'x'.repeat(300)]) expect(() => validateOutTodayQuery({ today: '', siteId: name })).toThrow(/is not a site ID/);
		}); // prettier-ignore
	});
});
