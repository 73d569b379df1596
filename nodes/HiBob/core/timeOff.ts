/**
 * Time off: the date rules HiBob enforces, checked before a request is sent so the
 * user gets a message that says what to change instead of a bare 400. HR dates are calendar dates
 * (`YYYY-MM-DD`, no time zone); `since`/`to` are instants sent as UTC ISO strings. "Now" is passed
 * in, never read here. Pure: no n8n, no HTTP.
 */
import { isCalendarDate, toCalendarDate } from './dates';
import { InputError } from './errors';
import { isRecord } from './json';

/** Bad time-off input: what is wrong and what to change; nothing has been sent when it is thrown. */
function refused(message: string, hint: string): InputError {
	return new InputError(message, `${hint} Nothing was sent to HiBob.`);
}

/** HiBob's limit on `/timeoff/requests/changes`: `since` at most this many months back, and the window too. */
export const CHANGES_MAX_MONTHS = 6;

/** Luxon DateTime (what `{{ $now }}` gives) without importing Luxon: anything with toISO()/toMillis(). */
function luxonLike(value: unknown): { toISO(): string | null; toMillis(): number } | undefined {
	if (!isRecord(value)) return undefined;
	return typeof value.toISO === 'function' && typeof value.toMillis === 'function'
		? (value as unknown as { toISO(): string | null; toMillis(): number })
		: undefined;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Offset of `timeZone` from UTC at `ms`, in ms (positive east of Greenwich). */
function zoneOffsetMs(ms: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
	const asUtc = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * An instant from a dateTime parameter. With a zone (`Z`, `+01:00`) it is that instant; without one
 * (what n8n's date picker stores, `2026-11-21T09:00:00`) it is wall time in `timeZone`, the workflow's
 * time zone, as n8n's own nodes read it. Undefined when the value is not a date-time.
 */
export function toInstant(value: unknown, timeZone = 'UTC'): number | undefined {
	const luxon = luxonLike(value);
	if (luxon) return luxon.toMillis();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (HAS_ZONE.test(text)) {
		if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
		const ms = Date.parse(text);
		return Number.isNaN(ms) ? undefined : ms;
	}
	const match = WALL_TIME.exec(text);
	if (!match || !isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`)) return undefined;
	const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const millis = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
	const wall = Date.UTC(
		Number(match[1]),
		Number(match[2]) - 1,
		Number(match[3]),
		hour,
		minute,
		second,
		millis,
	);
	let zone: string;
	try {
		zone = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
	} catch {
		zone = 'UTC';
	}
	// The offset at the guessed instant, corrected once for a DST change between guess and result.
	const guess = wall - zoneOffsetMs(wall, zone);
	return wall - zoneOffsetMs(guess, zone);
}

/** `ms` moved by whole calendar months in UTC, the day clamped to the month's end (Aug 31 − 6 → Feb 28/29). */
export function addMonths(ms: number, months: number): number {
	const date = new Date(ms);
	const day = date.getUTCDate();
	date.setUTCDate(1);
	date.setUTCMonth(date.getUTCMonth() + months);
	const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
	date.setUTCDate(Math.min(day, last));
	return date.getTime();
}

export function isoUtc(ms: number): string {
	return new Date(ms).toISOString();
}

/** Who's out: both dates required, From on or before To (HiBob answers 400 otherwise). */
export function validateDateRange(
	fromValue: unknown,
	toValue: unknown,
): { from: string; to: string } {
	const from = toCalendarDate(fromValue);
	const to = toCalendarDate(toValue);
	if (!from)
		throw refused(
			`"From" must be a date, got ${shown(fromValue)}`,
			'Give a date such as 2026-11-21 (or pick one).',
		);
	if (!to)
		throw refused(
			`"To" must be a date, got ${shown(toValue)}`,
			'Give a date such as 2026-11-30 (or pick one).',
		);
	if (from > to)
		throw refused(
			`"From" (${from}) is after "To" (${to})`,
			'The range is inclusive: From must be on or before To. Swap the two dates.',
		);
	return { from, to };
}

/**
 * Out today's optional inputs: "Today" (a calendar date, or empty for HiBob's own UTC today) and the
 * site ID (the integer ID of an item of the "site" list, or empty for all sites). Returns only what is set.
 */
export function validateOutTodayQuery(input: { today: unknown; siteId: unknown }): {
	today?: string;
	siteId?: string;
} {
	const query: { today?: string; siteId?: string } = {};
	if (input.today !== undefined && input.today !== null && input.today !== '') {
		const today = toCalendarDate(input.today);
		if (!today)
			throw refused(
				`"Today" must be a date, got "${String(input.today)}"`,
				'Give a date such as 2026-11-21, or remove the option.',
			);
		query.today = today;
	}
	const site = input.siteId;
	const siteId = typeof site === 'number' ? String(site) : String(site ?? '').trim();
	if (siteId !== '') {
		// HiBob types `siteId` an integer: a site's name would be refused with a bare 400.
		if (!/^\d{1,18}$/.test(siteId))
			throw refused(
				`"${siteId.slice(0, 80)}" is not a site ID`,
				'Site takes the numeric ID of a site, not its name: pick a site from the list, or give the ID of an item of the "site" named list (Company → Get Named List), e.g. 2606110.',
			);
		query.siteId = siteId;
	}
	return query;
}

/**
 * The window of `/timeoff/requests/changes`: `since` no more than 6 months before now, `to`
 * (optional) after `since` and no more than 6 months after it. Returns both as UTC ISO strings.
 */
export function validateChangesWindow(input: {
	since: unknown;
	to?: unknown;
	nowMs: number;
	timeZone?: string;
}): { since: string; to?: string } {
	const since = toInstant(input.since, input.timeZone);
	if (since === undefined)
		throw refused(
			`"Since" must be a date and time, got ${shown(input.since)}`,
			'Give an ISO date-time such as 2026-11-01T00:00:00Z, or pick one.',
		);
	const earliest = addMonths(input.nowMs, -CHANGES_MAX_MONTHS);
	if (since < earliest)
		throw refused(
			`"Since" (${isoUtc(since)}) is more than ${CHANGES_MAX_MONTHS} months ago`,
			`HiBob only reports time-off changes from the last ${CHANGES_MAX_MONTHS} months: the earliest allowed "Since" is now ${isoUtc(earliest)}. Use a later moment.`,
		);
	const toMissing = input.to === undefined || input.to === null || input.to === '';
	if (toMissing) return { since: isoUtc(since) };
	const to = toInstant(input.to, input.timeZone);
	if (to === undefined)
		throw refused(
			`"To" must be a date and time, got ${shown(input.to)}`,
			'Give an ISO date-time such as 2026-11-21T00:00:00Z, pick one, or remove the option.',
		);
	if (to <= since)
		throw refused(
			`"To" (${isoUtc(to)}) must be after "Since" (${isoUtc(since)})`,
			'Pick a "To" later than "Since", or remove the option to read up to now.',
		);
	const latest = addMonths(since, CHANGES_MAX_MONTHS);
	if (to > latest)
		throw refused(
			`The window from "Since" to "To" is longer than ${CHANGES_MAX_MONTHS} months`,
			`HiBob allows at most ${CHANGES_MAX_MONTHS} months per request: with this "Since" the latest "To" is ${isoUtc(latest)}. Split the period into several runs.`,
		);
	return { since: isoUtc(since), to: isoUtc(to) };
}

function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	return typeof value;
}
