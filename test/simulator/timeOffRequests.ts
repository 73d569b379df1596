/**
 * Time-off requests (`/v1/timeoff/…`): policy types and their reason codes, submitting a request in one
 * of HiBob's six shapes (`requestRangeType`), reading and canceling one, and the balance of a policy type
 * on a date. Submitting answers 200 with no body, so no request ID: clients find the new request through
 * `GET /timeoff/requests/changes`. Without `skipManagerApproval` a request waits for approval (Pending).
 */
import type { ServiceUser } from './access';
import { inScope } from './access';
import { apiError, empty, forbidden, json } from './answers';
import { type Company, ControlError, type TimeOffRequest } from './company';
import type { Handler, RouteContext } from './routes';
import { hibobTime, isIsoDate, toDayNumber } from './util';
import {
	allowed,
	policyDisplayName,
	POLICY_TYPES,
	type PolicyType,
	type RequestShape,
	workOf,
} from './work';

const RANGE_TYPES = [
	'days',
	'hours',
	'differentDayDurations',
	'portionOnRange',
	'hoursOnRange',
	'specificHoursDayDurations',
];

const isInt = (v: unknown, min: number, max: number): v is number =>
	typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isTime = (v: unknown): v is string =>
	typeof v === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/** Checks a submission against its shape; returns the stored shape or the 400 message. */
export function validateSubmission(body: Record<string, unknown>, policy: PolicyType): RequestShape | string {
	const { requestRangeType: type, startDate, endDate } = body;
	if (typeof type !== 'string' || !RANGE_TYPES.includes(type))
		return `requestRangeType must be one of ${RANGE_TYPES.join(', ')}`;
	if (!isIsoDate(startDate) || !isIsoDate(endDate)) return 'startDate and endDate are required dates (YYYY-MM-DD)';
	if (endDate < startDate) return 'endDate must be on or after startDate';
	if (body.reasonCode !== undefined && !policy.reasonCodes.some((r) => r.id === body.reasonCode))
		return `reasonCode ${String(body.reasonCode)} is not a reason code of policy type ${policy.name}`;
	if (body.description !== undefined && typeof body.description !== 'string') return 'description must be a string';
	const days = toDayNumber(endDate) - toDayNumber(startDate) + 1;
	const base = {
		type,
		startPortion: 'all_day',
		endPortion: 'all_day',
		description: (body.description as string | undefined) ?? null,
		reasonCode: (body.reasonCode as number | undefined) ?? null,
		approvedBy: null,
	};
	const hoursOnly = ['hours', 'hoursOnRange', 'differentDayDurations', 'specificHoursDayDurations'];
	if (hoursOnly.includes(type) && policy.unit !== 'hours')
		return `Policy type ${policy.name} is measured in days: requestRangeType ${type} needs a policy type measured in hours`;
	if ((type === 'days' || type === 'portionOnRange') && policy.unit !== 'days')
		return `Policy type ${policy.name} is measured in hours: use an hours request type`;
	switch (type) {
		case 'days': {
			const { startDatePortion: sp, endDatePortion: ep } = body;
			if (sp !== 'all_day' && sp !== 'afternoon') return "startDatePortion must be 'all_day' or 'afternoon'";
			if (ep !== 'all_day' && ep !== 'morning') return "endDatePortion must be 'all_day' or 'morning'";
			if (days === 1 && sp === 'afternoon' && ep === 'morning') return 'A one-day request cannot start in the afternoon and end in the morning';
			const total = days - (sp === 'afternoon' ? 0.5 : 0) - (ep === 'morning' && !(days === 1 && sp === 'afternoon') ? 0.5 : 0);
			return { ...base, startPortion: sp, endPortion: ep, durationUnit: 'days', totalDuration: days === 1 && sp !== 'all_day' ? 0.5 : total };
		}
		case 'portionOnRange': {
			if (body.dayPortion !== 'morning' && body.dayPortion !== 'afternoon') return "dayPortion must be 'morning' or 'afternoon'";
			return { ...base, dayPortion: body.dayPortion, startPortion: body.dayPortion, endPortion: body.dayPortion, durationUnit: 'days', totalDuration: days / 2 };
		}
		case 'hours': {
			if (startDate !== endDate) return 'An hours request must start and end on the same day';
			if (!isInt(body.hours, 0, 23)) return 'hours is required: a whole number from 0 to 23';
			const minutes = body.minutes ?? 0;
			if (!isInt(minutes, 0, 59)) return 'minutes must be a whole number from 0 to 59';
			if (body.hours === 0 && minutes === 0) return 'An hours request must last more than 0 minutes';
			return { ...base, hours: body.hours, minutes, durationUnit: 'hours', totalDuration: body.hours + minutes / 60 };
		}
		case 'hoursOnRange': {
			if (!isInt(body.dailyHours, 0, 23) || !isInt(body.dailyMinutes, 0, 59)) return 'dailyHours (0–23) and dailyMinutes (0–59) are required whole numbers';
			return { ...base, dailyHours: body.dailyHours, dailyMinutes: body.dailyMinutes, durationUnit: 'hours', totalDuration: days * (body.dailyHours + body.dailyMinutes / 60) };
		}
		case 'differentDayDurations': {
			const list = body.durations;
			if (!Array.isArray(list) || list.length === 0) return 'durations is required: one {date, hours, minutes} per day';
			const durations: Array<{ date: string; hours: number; minutes: number }> = [];
			for (const d of list as Array<Record<string, unknown>>) {
				if (!isIsoDate(d?.date) || d.date < startDate || d.date > endDate) return 'Each duration needs a date between startDate and endDate';
				if (!isInt(d.hours, 0, 23) || !isInt(d.minutes, 0, 59)) return 'Each duration needs hours (0–23) and minutes (0–59)';
				durations.push({ date: d.date, hours: d.hours, minutes: d.minutes });
			}
			return { ...base, durations, durationUnit: 'hours', totalDuration: durations.reduce((s, d) => s + d.hours + d.minutes / 60, 0) };
		}
		default: {
			const { localStartTime: from, localEndTime: to } = body;
			if (!isTime(from) || !isTime(to) || to <= from) return 'localStartTime and localEndTime are required times (HH:mm), the end after the start';
			const hours = (Number(to.slice(0, 2)) * 60 + Number(to.slice(3)) - Number(from.slice(0, 2)) * 60 - Number(from.slice(3))) / 60;
			return { ...base, localStartTime: from, localEndTime: to, durationUnit: 'hours', totalDuration: days * hours };
		}
	}
} // prettier-ignore

/** The fields of `GET /timeoff/requests/changes` that depend on the request's shape. */
export function requestShapeFields(company: Company, requestId: number): Record<string, unknown> {
	const s = workOf(company).shapes.get(requestId);
	if (!s) return {};
	return { type: s.type, startPortion: s.startPortion, endPortion: s.endPortion, totalDuration: s.totalDuration, totalCost: s.totalDuration, durationUnit: s.durationUnit }; // prettier-ignore
}

/** An hours request (one day): its hours on that day; undefined for every other shape. */
export function hoursOnDate(company: Company, requestId: number): number | undefined {
	const s = workOf(company).shapes.get(requestId);
	return s?.type === 'hours' ? (s.hours ?? 0) : undefined;
}

/** HiBob's reads can lag its writes (up to ~20 s): changes younger than the set lag are not listed yet. */
export function hiddenByLag(company: Company, atMs: number, nowMs: number): boolean {
	return nowMs - atMs < workOf(company).readLagMs;
}

function daysOf(r: TimeOffRequest): number {
	return toDayNumber(r.endDate) - toDayNumber(r.startDate) + 1;
}

function renderRequest(company: Company, r: TimeOffRequest) {
	const s = workOf(company).shapes.get(r.requestId);
	const status = { Approved: 'approved', Pending: 'pending', Declined: 'disapproved', Canceled: 'canceled', Deleted: 'deleted' }[r.status]; // prettier-ignore
	return {
		employeeId: r.employeeId,
		requestId: r.requestId,
		policyTypeDisplayName: policyDisplayName(r.policyType),
		type: s?.type ?? 'days',
		createdOn: hibobTime(r.createdOnMs),
		startDate: r.startDate,
		startPortion: s?.startPortion ?? 'all_day',
		endDate: r.endDate,
		endPortion: s?.endPortion ?? 'all_day',
		...(s?.dayPortion ? { dayPortion: s.dayPortion } : {}),
		...(s?.type === 'hours' ? { date: r.startDate, hoursOnDate: s.hours } : {}),
		...(s?.dailyHours !== undefined ? { dailyHours: s.dailyHours } : {}),
		approved: r.status === 'Approved',
		description: s?.description ?? null,
		durationUnit: s?.durationUnit ?? 'days',
		totalDuration: s?.totalDuration ?? daysOf(r),
		totalCost: s?.totalDuration ?? daysOf(r),
		status,
		hasAttachment: false,
		reasonCode: s?.reasonCode === null || s?.reasonCode === undefined ? null : String(s.reasonCode),
		attachmentLinks: [],
		previousRequestId: r.previousRequestId,
		originalRequestId: r.originalRequestId,
		approvedBy: s?.approvedBy ?? null,
		visibility: 'Public',
	};
}

export function timeOffRequestsRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, query } = ctx;
	if (rest[0] !== 'timeoff') return undefined;
	const state = workOf(company);
	const policy = (name: string) => POLICY_TYPES.find((p) => p.name === name);
	if (method === 'GET' && rest[1] === 'policy-types') {
		if (rest.length === 2) return { name: 'policy-types', run: () => json(200, { policyTypes: POLICY_TYPES.map((p) => p.name) }) };
		const p = policy(rest[2]);
		if (rest.length === 3)
			return { name: 'policy-type', run: () => (p ? json(200, { name: p.name, activity: p.activity, unit: p.unit }) : empty(404)) };
		if (rest.length === 4 && rest[3] === 'reason-codes')
			return { name: 'reason-codes', run: () => (p ? json(200, { reasonCodes: p.reasonCodes }) : empty(404)) };
		return undefined;
	} // prettier-ignore
	if (rest[1] !== 'employees' || rest.length < 4) return undefined;
	const employeeId = rest[2];
	const check = (user: ServiceUser, grant: string, what: string) => {
		const e = company.employees.get(employeeId);
		if (!e || !inScope(company, user, e)) return apiError(404, 'employee.not.found', `Employee ${employeeId} not found`);
		return allowed(state, user.id, grant) ? undefined : forbidden(what);
	}; // prettier-ignore
	if (rest.length === 4 && rest[3] === 'balance' && method === 'GET')
		return {
			name: 'balance',
			run: (user) => {
				const refused = check(user, 'timeoff.balance', "see people's time off balances");
				if (refused) return refused;
				const p = policy(query.get('policyType') ?? '');
				const date = query.get('date');
				if (!p) return apiError(400, 'bad.request', 'policyType is required: the name of a policy type');
				if (!isIsoDate(date)) return apiError(400, 'bad.request', 'date is required: a date (YYYY-MM-DD)');
				const cycleStart = `${date.slice(0, 4)}-01-01`;
				let taken = 0;
				for (const r of company.timeOff.values())
					if (r.employeeId === employeeId && r.policyType === p.name && r.status === 'Approved' && r.startDate >= cycleStart && r.startDate <= date)
						taken += state.shapes.get(r.requestId)?.totalDuration ?? daysOf(r);
				return json(200, {
					employeeId,
					policy: `${p.name} policy`,
					pointInTime: date,
					startingBalance: p.annualAllowance,
					startingBalanceAsOf: cycleStart,
					annualAllowance: p.annualAllowance,
					totalTaken: taken,
					totalAdminAdjustments: 0,
					totalSystemAdjustments: 0,
					totalBalanceAsOfDate: p.annualAllowance - taken,
					totalRoundedBalanceAsOfDate: Math.floor(p.annualAllowance - taken),
				});
			},
		}; // prettier-ignore
	if (rest[3] !== 'requests') return undefined;
	if (rest.length === 4 && method === 'POST')
		return {
			name: 'timeoff-submit',
			run: (user, body) => {
				const refused = check(user, 'timeoff.requests', "create people's time off requests");
				if (refused) return refused;
				if (body === null || typeof body !== 'object' || Array.isArray(body)) return apiError(400, 'bad.request', 'A JSON body is required');
				const b = body as Record<string, unknown>;
				const p = policy(typeof b.policyType === 'string' ? b.policyType : '');
				if (!p) return apiError(400, 'bad.request', `policyType must be one of ${POLICY_TYPES.map((x) => x.name).join(', ')}`);
				const shape = validateSubmission(b, p);
				if (typeof shape === 'string') return apiError(400, 'bad.request', shape);
				const skip = b.skipManagerApproval === true;
				const r = company.addTimeOff({ employeeId, startDate: b.startDate as string, endDate: b.endDate as string, policyType: p.name, status: skip ? 'Approved' : 'Pending' });
				state.shapes.set(r.requestId, { ...shape, approvedBy: skip ? (typeof b.approver === 'string' ? b.approver : user.id) : null });
				return empty();
			},
		}; // prettier-ignore
	if (rest.length !== 5) return undefined;
	const found = () => {
		const r = /^\d+$/.test(rest[4]) ? company.timeOff.get(Number(rest[4])) : undefined;
		return r && r.employeeId === employeeId ? r : undefined;
	};
	if (method === 'GET')
		return {
			name: 'timeoff-request',
			run: (user) => {
				const refused = check(user, 'timeoff.requests', "see people's time off requests");
				if (refused) return refused;
				const r = found();
				return r && r.status !== 'Deleted' ? json(200, renderRequest(company, r)) : empty(404);
			},
		};
	if (method === 'DELETE')
		return {
			name: 'timeoff-cancel',
			run: (user) => {
				const refused = check(user, 'timeoff.requests', "cancel people's time off requests");
				if (refused) return refused;
				const r = found();
				if (!r || r.status === 'Deleted') return empty(404);
				if (r.status === 'Canceled' || r.status === 'Declined')
					return apiError(400, 'bad.request', `Request ${r.requestId} is already canceled`);
				company.cancelTimeOff(r.requestId);
				return empty();
			},
		};
	return undefined;
}

// ---------- approval (what a manager or an admin does in Bob; the control API drives it) ----------

function pendingRequest(company: Company, requestId: unknown): TimeOffRequest {
	const r = typeof requestId === 'number' ? company.timeOff.get(requestId) : undefined;
	if (!r || r.status !== 'Pending')
		throw new ControlError(`No time-off request ${String(requestId)} waiting for approval`);
	return r;
}

/**
 * A manager approves a pending request: it takes effect, so the changes feed lists a `Created` change
 * at the approval time (the `Pending` change of the submission stays where it was). HiBob's reference
 * for the feed: filtered by when each change happened, each item a snapshot of the request then.
 */
export function approveTimeOff(
	company: Company,
	requestId: unknown,
	approverId?: string,
): TimeOffRequest {
	const r = pendingRequest(company, requestId);
	r.status = 'Approved';
	const shape = workOf(company).shapes.get(r.requestId);
	if (shape) shape.approvedBy = approverId ?? company.adminId;
	company.timeOffChanges.push({
		requestId: r.requestId,
		changeType: 'Created',
		atMs: company.now(),
	});
	return { ...r };
}

/**
 * A manager declines a pending request. The feed's change types (Pending, Created, Canceled, Deleted)
 * have none for a decline, so no change is listed; reading the request shows status `disapproved`
 * (HiBob's reference, the timeoff.request.declined webhook page).
 */
export function declineTimeOff(company: Company, requestId: unknown): TimeOffRequest {
	const r = pendingRequest(company, requestId);
	r.status = 'Declined';
	return { ...r };
}

/** An admin deletes a request (any status but deleted): the feed lists a `Deleted` change; reading it answers 404. */
export function deleteTimeOff(company: Company, requestId: unknown): { deleted: number } {
	const r = typeof requestId === 'number' ? company.timeOff.get(requestId) : undefined;
	if (!r || r.status === 'Deleted') throw new ControlError(`No time-off request ${String(requestId)}`);
	r.status = 'Deleted';
	company.timeOffChanges.push({ requestId: r.requestId, changeType: 'Deleted', atMs: company.now() });
	return { deleted: r.requestId };
} // prettier-ignore
