/**
 * Time-off requests: the submission body in HiBob's shapes (`requestRangeType`), checked before it is
 * sent; finding the request a submission created (HiBob answers it with no ID) among request changes;
 * request IDs; the balance date. HR dates are calendar dates as the user wrote them (the workflow's
 * time zone). Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { toCalendarDate } from './dates';

/** The request shapes the node offers (HiBob also has per-day durations and specific hours). */
export type RequestDuration = 'days' | 'portionOnRange' | 'hours' | 'hoursOnRange';

export interface RequestInput {
	policyType: unknown;
	duration: unknown;
	startDate: unknown;
	endDate?: unknown;
	/** days: `all_day` or `afternoon` (the first day starts at noon). */
	startPortion?: unknown;
	/** days: `all_day` or `morning` (the last day ends at noon). */
	endPortion?: unknown;
	/** portionOnRange: `morning` or `afternoon` of every day. */
	dayPortion?: unknown;
	hours?: unknown;
	minutes?: unknown;
	description?: unknown;
	reasonCode?: unknown;
	skipApproval?: unknown;
	approver?: unknown;
}

export type RequestBody = Record<string, string | number | boolean>;

const NOT_SENT = 'Nothing was sent to HiBob.';

function date(value: unknown, name: string): string {
	const day = toCalendarDate(value);
	if (!day)
		throw new InputError(
			`${name} must be a date, got ${value === '' || value === undefined ? 'nothing' : JSON.stringify(value)}`,
			`Give a date such as 2026-12-01 (or pick one). ${NOT_SENT}`,
		);
	return day;
}

function whole(value: unknown, name: string, max: number): number {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > max)
		throw new InputError(`${name} must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`, NOT_SENT);
	return n;
} // prettier-ignore

/** The JSON body of `POST /v1/timeoff/employees/{id}/requests`, or an InputError saying what to change. */
export function buildTimeOffRequest(input: RequestInput): RequestBody {
	const policyType = typeof input.policyType === 'string' ? input.policyType.trim() : '';
	if (policyType === '')
		throw new InputError('Policy Type is empty', `Pick a policy type (e.g. Holiday) from the list. ${NOT_SENT}`);
	const startDate = date(input.startDate, 'Start Date');
	const duration = input.duration as RequestDuration;
	const endDate = duration === 'hours' ? startDate : date(input.endDate, 'End Date');
	if (endDate < startDate)
		throw new InputError(`End Date (${endDate}) is before Start Date (${startDate})`, `The range is inclusive: the end is on or after the start. ${NOT_SENT}`);
	const body: RequestBody = { requestRangeType: duration, policyType, startDate, endDate };
	switch (duration) {
		case 'days': {
			const sp = input.startPortion ?? 'all_day';
			const ep = input.endPortion ?? 'all_day';
			if (sp !== 'all_day' && sp !== 'afternoon') throw new InputError(`First Day must be all_day or afternoon, got ${JSON.stringify(sp)}`, NOT_SENT);
			if (ep !== 'all_day' && ep !== 'morning') throw new InputError(`Last Day must be all_day or morning, got ${JSON.stringify(ep)}`, NOT_SENT);
			if (startDate === endDate && sp === 'afternoon' && ep === 'morning')
				throw new InputError('A one-day request cannot start in the afternoon and end in the morning', `For half a day set First Day to Afternoon Only or Last Day to Morning Only, not both. ${NOT_SENT}`);
			Object.assign(body, { startDatePortion: sp, endDatePortion: ep });
			break;
		}
		case 'portionOnRange': {
			const portion = input.dayPortion ?? 'morning';
			if (portion !== 'morning' && portion !== 'afternoon') throw new InputError(`Part of Each Day must be morning or afternoon, got ${JSON.stringify(portion)}`, NOT_SENT);
			body.dayPortion = portion;
			break;
		}
		case 'hours':
		case 'hoursOnRange': {
			const hours = whole(input.hours, 'Hours', 23);
			const minutes = whole(input.minutes ?? 0, 'Minutes', 59);
			if (hours === 0 && minutes === 0) throw new InputError('The request lasts 0 hours and 0 minutes', `Set Hours or Minutes. ${NOT_SENT}`);
			Object.assign(body, duration === 'hours' ? { hours, minutes } : { dailyHours: hours, dailyMinutes: minutes });
			break;
		}
		default:
			throw new InputError(`"${String(input.duration)}" is not a request duration`, `Duration must be days, portionOnRange, hours or hoursOnRange. ${NOT_SENT}`);
	}
	if (typeof input.description === 'string' && input.description.trim() !== '') body.description = input.description.trim();
	if (input.reasonCode !== undefined && input.reasonCode !== '' && input.reasonCode !== null) {
		const code = Number(input.reasonCode);
		if (!Number.isInteger(code)) throw new InputError(`Reason Code must be a reason code ID (a number), got ${JSON.stringify(input.reasonCode)}`, `Pick a reason code of the policy type from the list. ${NOT_SENT}`);
		body.reasonCode = code;
	}
	if (input.skipApproval === true) body.skipManagerApproval = true;
	if (typeof input.approver === 'string' && input.approver.trim() !== '') {
		if (input.skipApproval !== true) throw new InputError('Approver is set but Skip Approval is off', `HiBob uses the approver only for requests that skip approval: turn Skip Approval on or clear Approver. ${NOT_SENT}`);
		if (!/^\d{1,20}$/.test(input.approver.trim())) throw new InputError(`Approver "${input.approver.trim()}" is not a HiBob employee ID`, `Give the approver's employee ID (root.id, 19 digits). ${NOT_SENT}`);
		body.approver = input.approver.trim();
	}
	return body;
} // prettier-ignore

/** A time-off request ID: digits (HiBob's request IDs are integers). */
export function parseRequestId(value: unknown): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	const id = typeof text === 'string' ? text.trim() : '';
	if (!/^\d{1,20}$/.test(id))
		throw new InputError(
			id === ''
				? 'The request ID is empty'
				: `"${id.slice(0, 40)}" is not a HiBob time-off request ID`,
			`A request ID is a number such as 27500233: the requestId of Time Off → Create Request, Get Request Changes or Who Is Out. ${NOT_SENT}`,
		);
	return id;
}

type Change = Record<string, unknown>;

/**
 * The request IDs among `changes` that look like the submission: same employee, same duration type
 * (when the change names one) and same days. The policy type is not compared: the changes carry only
 * `policyTypeDisplayName`, which is the policy's custom or translated name when it has one, never
 * reliably the name a request is submitted with. An hours request's day is `date` (its start and end
 * dates are not given for that type); every other type has `startDate` and `endDate`.
 */
export function matchingRequestIds(changes: Change[], employeeId: string, body: RequestBody): string[] {
	const ids = changes
		.filter((c) => {
			if (String(c.employeeId) !== employeeId) return false;
			if (c.changeType !== 'Created' && c.changeType !== 'Pending') return false;
			if (typeof c.type === 'string' && c.type !== body.requestRangeType) return false;
			if (body.requestRangeType === 'hours')
				return (c.date ?? c.startDate) === body.startDate;
			return c.startDate === body.startDate && c.endDate === body.endDate;
		})
		.map((c) => String(c.requestId));
	return [...new Set(ids)];
} // prettier-ignore

/** The requests that appeared between two reads of the changes: the one a submission created, if it is one. */
export function newRequestId(
	before: string[],
	after: string[],
): { id?: string; candidates: string[] } {
	const known = new Set(before);
	const candidates = after.filter((id) => !known.has(id));
	return candidates.length === 1 ? { id: candidates[0], candidates } : { candidates };
}

/** The calendar date for a balance: the one given, or today in `timeZone` when empty. */
export function balanceDate(value: unknown, nowMs: number, timeZone: string): string {
	if (value === undefined || value === null || value === '') {
		let zone = timeZone;
		try {
			new Intl.DateTimeFormat('en-CA', { timeZone: zone });
		} catch {
			zone = 'UTC';
		}
		return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(nowMs));
	} // prettier-ignore
	return date(value, 'Date');
}
