/**
 * Time-off events for the HiBob Trigger, from HiBob's feed `GET /timeoff/requests/changes`. Pure: no n8n,
 * no HTTP; "now" and the poll's send time are passed in.
 *
 * The feed filters changes by when they happened (`since`, at most 6 months back) and lists each as a
 * snapshot of the request then, with a change type. Mapping (see docs/hibob-trigger.md):
 * - `Pending`  → `timeOffRequested`: submitted and waiting for approval (listed only with `includePending`);
 * - `Created`  → `timeOffApproved`: the request is in effect (approved, auto-approved, or added by an admin);
 * - `Canceled` → `timeOffCancelled`; `Deleted` → `timeOffDeleted`.
 * A decline has no change type of its own; editing a request's dates cancels it and creates a new one
 * (new request ID, `previousRequestId` naming the old one).
 *
 * The feed's items carry no time of the change (only `createdOn`, the request's creation), so the
 * cursor is the poll's own send time and every poll re-reads `OVERLAP_MS` behind it: a change that
 * reaches HiBob's read side late (its reads lag its writes), or whose time differs from our clock a
 * little, is still inside the window. What was already seen near the cursor is remembered by key
 * (request ID + change type: a request is pending, created, canceled or deleted at most once), so
 * re-reading the window emits nothing twice. Keys older than the window can no longer come back and are
 * dropped, which bounds the stored set.
 */
import { addMonths, CHANGES_MAX_MONTHS, isoUtc } from './timeOff';
import { isRecord } from './json';

/** Event names are a public contract (workflows switch on them): never rename. */
export const TIME_OFF_EVENTS = [
	'timeOffRequested',
	'timeOffApproved',
	'timeOffCancelled',
	'timeOffDeleted',
] as const;

export type TimeOffEventName = (typeof TIME_OFF_EVENTS)[number];

const EVENT_OF_CHANGE: Record<string, TimeOffEventName> = {
	Pending: 'timeOffRequested',
	Created: 'timeOffApproved',
	Canceled: 'timeOffCancelled',
	Deleted: 'timeOffDeleted',
};

/** How far behind the cursor each poll re-reads. HiBob's reads lag its writes by seconds. */
export const OVERLAP_MS = 15 * 60_000;

/** At most this many keys are kept (the oldest go first); far more than a company changes in 30 minutes. */
export const MAX_SEEN = 5_000;

/** A quiet poll moves the cursor (one state write) only once it is this old, so polls rarely write. */
export const CURSOR_REFRESH_MS = OVERLAP_MS / 3;

/** Margin kept from HiBob's 6-month limit on `since`, for a clock that differs from HiBob's. */
const LIMIT_MARGIN_MS = 24 * 3_600_000;

const STATE_VERSION = 1;

/** What the trigger stores for time off (plain JSON in the workflow's static data). */
export interface TimeOffState {
	v: number;
	/** UTC ISO: when the request behind this state was sent (our clock). */
	cursor: string;
	/** Change keys already seen (emitted, or part of the baseline), with when each was first seen (ms). */
	seen: Record<string, number>;
	/** The configuration the keys were gathered for: another one starts from a new, silent baseline. */
	config: string;
}

export interface TimeOffConfig {
	events: readonly TimeOffEventName[];
}

/** Whether the feed must be asked for pending requests. */
export function wantsPending(config: TimeOffConfig): boolean {
	return config.events.includes('timeOffRequested');
}

function configKey(config: TimeOffConfig): string {
	return JSON.stringify({ pending: wantsPending(config) });
}

/** The stored state when it is one this version wrote for `config`; otherwise undefined (a baseline follows). */
export function readTimeOffState(value: unknown, config: TimeOffConfig): TimeOffState | undefined {
	if (!isRecord(value) || value.v !== STATE_VERSION) return undefined;
	const { cursor, seen } = value;
	if (typeof cursor !== 'string' || !Number.isFinite(Date.parse(cursor))) return undefined;
	if (!isRecord(seen) || value.config !== configKey(config)) return undefined;
	const keys: Record<string, number> = {};
	for (const [key, at] of Object.entries(seen))
		if (typeof at === 'number' && Number.isFinite(at)) keys[key] = at;
	return { v: STATE_VERSION, cursor, seen: keys, config: value.config };
}

export interface TimeOffPlan {
	/** UTC ISO `since` of the one request. */
	since: string;
	/** No usable state: this poll records what is there and emits nothing. */
	baseline: boolean;
	/** The cursor was older than HiBob lets us read: changes before `since` could not be read. */
	clamped: boolean;
}

/** What to ask HiBob for in a poll sent at `nowMs`. */
export function planTimeOffPoll(state: TimeOffState | undefined, nowMs: number): TimeOffPlan {
	if (!state) return { since: isoUtc(nowMs - OVERLAP_MS), baseline: true, clamped: false };
	const wanted = Math.min(Date.parse(state.cursor), nowMs) - OVERLAP_MS;
	const earliest = addMonths(nowMs, -CHANGES_MAX_MONTHS) + LIMIT_MARGIN_MS;
	return {
		since: isoUtc(Math.max(wanted, earliest)),
		baseline: false,
		clamped: wanted < earliest,
	};
}

/** One item of the feed, as HiBob lists it. */
export type TimeOffChange = Record<string, unknown>;

/** The changes list of the feed's answer, or undefined when the answer has none. */
export function changesOf(body: unknown): TimeOffChange[] | undefined {
	if (!isRecord(body) || !Array.isArray(body.changes)) return undefined;
	return body.changes.filter(isRecord);
}

export function changeKey(change: TimeOffChange): string | undefined {
	const id = requestIdOf(change.requestId);
	const type = change.changeType;
	return id !== null && typeof type === 'string' && type !== '' ? `${id}:${type}` : undefined;
}

function requestIdOf(value: unknown): string | null {
	if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return null;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : null;
}

function num(value: unknown): number | null {
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** One time-off event: the request as the feed showed it at the change, under names a builder reads. */
export interface TimeOffEvent {
	event: TimeOffEventName;
	/** HiBob's change type, as listed: Pending, Created, Canceled or Deleted. */
	changeType: string;
	/** UTC ISO: the poll that found the change (the feed does not say when it happened). */
	detectedAt: string;
	requestId: string;
	employeeId: string;
	email: string | null;
	displayName: string | null;
	/** The policy type's display name, as Bob shows it. */
	policyType: string | null;
	/** days, hours, portionOnRange, hoursOnRange, … */
	requestType: string | null;
	startDate: string | null;
	endDate: string | null;
	startPortion: string | null;
	endPortion: string | null;
	/** Hours requests, when HiBob gives them. */
	date?: string | null;
	hoursOnDate?: number | null;
	dailyHours?: number | null;
	dayPortion?: string | null;
	durationUnit: string | null;
	totalDuration: number | null;
	totalCost: number | null;
	changeReason: string | null;
	/** UTC as HiBob gives it: when the request was created. */
	createdOn: string | null;
	previousRequestId: string | null;
	originalRequestId: string | null;
}

export function toTimeOffEvent(change: TimeOffChange, detectedAt: string): TimeOffEvent | undefined {
	const event = EVENT_OF_CHANGE[String(change.changeType)];
	const requestId = requestIdOf(change.requestId);
	const employeeId = requestIdOf(change.employeeId);
	if (!event || requestId === null || employeeId === null) return undefined;
	const optional: Partial<TimeOffEvent> = {};
	if ('date' in change) optional.date = text(change.date);
	if ('hoursOnDate' in change) optional.hoursOnDate = num(change.hoursOnDate);
	if ('dailyHours' in change) optional.dailyHours = num(change.dailyHours);
	if ('dayPortion' in change) optional.dayPortion = text(change.dayPortion);
	return {
		event,
		changeType: String(change.changeType),
		detectedAt,
		requestId,
		employeeId,
		email: text(change.employeeEmail),
		displayName: text(change.employeeDisplayName),
		policyType: text(change.policyTypeDisplayName),
		requestType: text(change.type),
		startDate: text(change.startDate),
		endDate: text(change.endDate),
		startPortion: text(change.startPortion),
		endPortion: text(change.endPortion),
		...optional,
		durationUnit: text(change.durationUnit),
		totalDuration: num(change.totalDuration),
		totalCost: num(change.totalCost),
		changeReason: text(change.changeReason),
		createdOn: text(change.createdOn),
		previousRequestId: requestIdOf(change.previousRequestId),
		originalRequestId: requestIdOf(change.originalRequestId),
	};
}

export interface TimeOffDiff {
	events: TimeOffEvent[];
	next: TimeOffState;
	/** Whether `next` differs from the stored state in a way that must be written. */
	changed: boolean;
}

/**
 * The events of one answer and the state to store after it. `sentAtMs` is when the request was sent;
 * on a baseline every change is recorded and none emitted. Unknown change types are recorded, never
 * emitted; items without a request ID or change type are skipped.
 */
export function diffTimeOff(
	state: TimeOffState | undefined,
	changes: readonly TimeOffChange[],
	options: { config: TimeOffConfig; sentAtMs: number; detectedAt: string },
): TimeOffDiff {
	const { config, sentAtMs, detectedAt } = options;
	const baseline = state === undefined;
	const seen: Record<string, number> = { ...(state?.seen ?? {}) };
	const events: TimeOffEvent[] = [];
	let added = false;
	for (const change of changes) {
		const key = changeKey(change);
		if (key === undefined || key in seen) continue;
		seen[key] = sentAtMs;
		added = true;
		if (baseline) continue;
		const event = toTimeOffEvent(change, detectedAt);
		if (event && config.events.includes(event.event)) events.push(event);
	}
	const storedCursor = state ? Date.parse(state.cursor) : Number.NEGATIVE_INFINITY;
	// A key first seen before this can no longer be listed once the cursor is at `sentAtMs` or later:
	// the next `since` is then at least OVERLAP_MS after it, and a change is seen no earlier than it happened.
	const keepFrom = sentAtMs - 2 * OVERLAP_MS;
	let entries = Object.entries(seen).filter(([, at]) => at >= keepFrom);
	let pruned = entries.length < Object.keys(seen).length;
	if (entries.length > MAX_SEEN) {
		entries = entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_SEEN);
		pruned = true;
	}
	// Every write moves the cursor to this poll's send time, so an older answer is recognised as older.
	const changed = baseline || added || pruned || sentAtMs - storedCursor >= CURSOR_REFRESH_MS;
	const cursorMs = changed ? Math.max(sentAtMs, storedCursor) : storedCursor;
	return {
		events,
		next: {
			v: STATE_VERSION,
			cursor: isoUtc(cursorMs),
			seen: Object.fromEntries(entries),
			config: configKey(config),
		},
		changed,
	};
}
