import {
	dateLikeText,
	dateToDayNumber,
	dayNumberToDate,
	isCalendarDate,
	toCalendarDate,
} from '../../../../nodes/HiBob/core/dates';

/** The original Date-based implementations: the arithmetic versions must agree with them exactly. */
const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
function referenceToDate(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}
function referenceToDays(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = PATTERN.exec(value);
	if (!match) return undefined;
	const days = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
	return referenceToDate(days) === value ? days : undefined;
}

describe('calendar dates', () => {
	it('agree with Date on every day of 1890–2210 and on a 13-day stride over years 0000–9999 and beyond', () => {
		const first = Date.UTC(0, 0, 1) / DAY_MS - 400; // Date.UTC(0,…) is 1900: start far earlier
		const from = -719528 - 400;
		const to = 2932896 + 400;
		expect(first).toBeGreaterThan(from);
		const mismatches: string[] = [];
		const near = Date.UTC(1890, 0, 1) / DAY_MS;
		const far = Date.UTC(2210, 0, 1) / DAY_MS;
		for (let days = from; days <= to; days += days >= near && days <= far ? 1 : 13) {
			const text = referenceToDate(days);
			if (dayNumberToDate(days) !== text) mismatches.push(`${days} → ${dayNumberToDate(days)}`);
			if (dateToDayNumber(text) !== referenceToDays(text)) mismatches.push(`${text} → days`);
		}
		expect(mismatches.slice(0, 5)).toEqual([]);
	});

	it.each([
		'2026-02-29',
		'2024-02-29',
		'2100-02-29',
		'2000-02-29',
		'2026-13-01',
		'2026-00-10',
		'2026-04-31',
		'2026-04-00',
		'0099-01-01',
		'0100-01-01',
		'2026-1-01',
		'2026-01-01\n',
		' 2026-01-01',
		'2026/01/01',
		'２０２６-01-01',
		'2026-01-0a',
		'',
	])('%p is read exactly as before', (text) => {
		expect(dateToDayNumber(text)).toBe(referenceToDays(text));
	});

	it.each([[null], [undefined], [20260101], [{}], [['2026-01-01']]])(
		'%p is not a date',
		(value) => {
			expect(dateToDayNumber(value)).toBeUndefined();
		},
	);

	it.each([[0.5], [-1.25], [3e6], [-8e5], [8.64e6 / 1.0001]])(
		'%p days still format as Date does',
		(days) => {
			expect(dayNumberToDate(days)).toBe(referenceToDate(days));
		},
	);
});

describe('toCalendarDate', () => {
	it('takes the date part as written, whatever the time or zone', () => {
		expect(toCalendarDate('2026-11-21')).toBe('2026-11-21');
		expect(toCalendarDate('2026-11-21T00:00:00')).toBe('2026-11-21');
		expect(toCalendarDate('2026-11-21T23:00:00.000Z')).toBe('2026-11-21');
		expect(toCalendarDate('2026-11-21T23:30:00.000-05:00')).toBe('2026-11-21');
		expect(toCalendarDate('  2026-11-21 09:00 ')).toBe('2026-11-21');
	});

	it('reads Luxon-like values through toISODate() or toISO(), and Dates in UTC', () => {
		const luxon = { toISO: () => '2026-12-01T00:30:00.000+01:00', toMillis: () => 0 };
		expect(toCalendarDate(luxon)).toBe('2026-12-01');
		expect(toCalendarDate({ toISODate: () => '2026-12-03', toISO: () => 'ignored' })).toBe(
			'2026-12-03',
		);
		expect(toCalendarDate(new Date('2026-12-02T10:00:00Z'))).toBe('2026-12-02');
	});

	it('refuses impossible or missing dates', () => {
		for (const value of [
			'2026-02-30',
			'2026-02-29',
			'2026-13-01',
			'0099-01-01',
			'21/11/2026',
			'2026-11-21x',
			'tomorrow',
			'',
			20261121,
			null,
			undefined,
			['2026-11-21'],
			new Date(Number.NaN),
			{ toISODate: () => null },
		])
			expect(toCalendarDate(value)).toBeUndefined();
	});

	it('shares the validation rule with the day numbers', () => {
		for (const text of ['2024-02-29', '2100-02-29', '0100-01-01', '9999-12-31'])
			expect(toCalendarDate(text) !== undefined).toBe(isCalendarDate(text));
	});
});

describe('dateLikeText', () => {
	it('gives a Date as its UTC instant and a DateTime as its own date', () => {
		expect(dateLikeText(new Date('2026-12-02T10:00:00Z'))).toBe('2026-12-02T10:00:00.000Z');
		expect(dateLikeText({ toISODate: () => '2026-01-01' })).toBe('2026-01-01');
	});

	it('leaves everything else alone', () => {
		for (const value of ['2026-01-01', 5, null, {}, [], { toISODate: 'no' }])
			expect(dateLikeText(value)).toBeUndefined();
	});
});
