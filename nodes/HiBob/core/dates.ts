/**
 * Calendar dates, the one rule for every module: HR dates are `YYYY-MM-DD` with no time zone in HiBob
 * (the trigger passes `today` already computed in the workflow's time zone), a real proleptic Gregorian
 * date of years 0100–9999. `toCalendarDate` reads what a parameter or expression gives (text, Date,
 * Luxon DateTime); day numbers keep the lifecycle arithmetic exact. Pure: no n8n.
 *
 * Hot path: every poll converts two dates per employee, so the conversions are plain arithmetic on the
 * proleptic Gregorian calendar (the one `Date` uses; days_from_civil / civil_from_days, H. Hinnant)
 * instead of a RegExp and a `Date` per call. Results are identical to a `Date` round trip (tests compare
 * them over every day of years 0–10000).
 */
const DAY_MS = 86_400_000;
const ZERO = 48; // '0'
const DASH = 45; // '-'

function digit(text: string, at: number): number {
	const code = text.charCodeAt(at) - ZERO;
	return code >= 0 && code <= 9 ? code : -1;
}

function isLeapYear(year: number): boolean {
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a valid proleptic Gregorian date (year ≥ 0). */
function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01, or undefined when the value is not a real `YYYY-MM-DD` date. */
export function dateToDayNumber(value: unknown): number | undefined {
	if (typeof value !== 'string' || value.length !== 10) return undefined;
	if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
	const y0 = digit(value, 0);
	const y1 = digit(value, 1);
	const y2 = digit(value, 2);
	const y3 = digit(value, 3);
	const m0 = digit(value, 5);
	const m1 = digit(value, 6);
	const d0 = digit(value, 8);
	const d1 = digit(value, 9);
	if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
	const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
	const month = m0 * 10 + m1;
	const day = d0 * 10 + d1;
	// Years 0000–0099 are rejected: Date.UTC maps them to 1900–1999, so they cannot round-trip.
	if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
	const monthDays = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
	if (day > monthDays) return undefined;
	return daysFromCivil(year, month, day);
}

function twoDigits(value: number): string {
	return value < 10 ? `0${value}` : String(value);
}

export function dayNumberToDate(days: number): string {
	// Integers within years 0–9999 by arithmetic; anything else (fractions, far dates) through Date.
	if (Number.isInteger(days) && days >= -719528 && days <= 2932896) {
		const z = days + 719468;
		const era = Math.floor(z / 146097);
		const dayOfEra = z - era * 146097;
		const yearOfEra = Math.floor(
			(dayOfEra -
				Math.floor(dayOfEra / 1460) +
				Math.floor(dayOfEra / 36524) -
				Math.floor(dayOfEra / 146096)) /
				365,
		);
		const dayOfYear =
			dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
		const shifted = Math.floor((5 * dayOfYear + 2) / 153);
		const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
		const month = shifted < 10 ? shifted + 3 : shifted - 9;
		const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
		const yearText = year < 1000 ? String(year).padStart(4, '0') : String(year);
		return `${yearText}-${twoDigits(month)}-${twoDigits(day)}`;
	}
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real `YYYY-MM-DD` calendar date (the rule `dateToDayNumber` checks). */
export function isCalendarDate(value: unknown): value is string {
	return dateToDayNumber(value) !== undefined;
}

/**
 * A Date or a Luxon DateTime (what `{{ $now }}` and n8n's date parameters give, read without importing
 * Luxon) as ISO text: a Date as its UTC instant, a DateTime as its own date (`toISODate()`, else
 * `toISO()`). Undefined for anything else, or an invalid date.
 */
export function dateLikeText(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value !== 'object' || value === null) return undefined;
	const { toISODate, toISO } = value as { toISODate?: unknown; toISO?: unknown };
	const read = typeof toISODate === 'function' ? toISODate : toISO;
	if (typeof read !== 'function') return undefined;
	const text: unknown = (read as () => unknown).call(value);
	return typeof text === 'string' ? text : undefined;
}

const DATE_PREFIX = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/;

/**
 * A calendar date from a date or dateTime parameter or expression: the date part as written
 * (`2026-11-21`, `2026-11-21T00:00:00`, `2026-11-21T23:30:00.000-05:00` all give 2026-11-21: the date
 * the user sees, not the UTC date of that instant). Undefined when there is no real date.
 */
export function toCalendarDate(value: unknown): string | undefined {
	const text = dateLikeText(value) ?? value;
	if (typeof text !== 'string') return undefined;
	const match = DATE_PREFIX.exec(text);
	return match && isCalendarDate(match[1]) ? match[1] : undefined;
}
