import {
	CURSOR_REFRESH_MS,
	diffTimeOff,
	MAX_SEEN,
	OVERLAP_MS,
	planTimeOffPoll,
	readTimeOffState,
	TIME_OFF_EVENTS,
	toTimeOffEvent,
	wantsPending,
} from '../../../../nodes/HiBob/core/timeOffEvents';
import type { TimeOffChange, TimeOffState } from '../../../../nodes/HiBob/core/timeOffEvents';

const T0 = Date.parse('2026-11-21T12:00:00.000Z');
const ALL = { events: [...TIME_OFF_EVENTS] };
const change = (requestId: number, changeType: string, extra: TimeOffChange = {}): TimeOffChange => ({
	requestId, changeType, employeeId: '3332883884017713238', employeeEmail: 'amy@example.com',
	employeeDisplayName: 'Amy Miles', policyTypeDisplayName: 'Holiday', type: 'days',
	startDate: '2026-12-01', startPortion: 'all_day', endDate: '2026-12-02', endPortion: 'morning',
	totalDuration: 1.5, totalCost: 1.5, durationUnit: 'days', changeReason: null,
	createdOn: '2026-11-21T11:59:00.000', previousRequestId: null, originalRequestId: requestId, ...extra,
}); // prettier-ignore
const diff = (state: TimeOffState | undefined, changes: TimeOffChange[], at: number, config = ALL) =>
	diffTimeOff(state, changes, { config, sentAtMs: at, detectedAt: new Date(at).toISOString() });
const names = (result: ReturnType<typeof diff>) => result.events.map((e) => [e.event, e.requestId]);

describe('time-off events (core)', () => {
	it('maps each change type of the feed to an event', () => {
		const base = diff(undefined, [], T0).next;
		const result = diff(base, [change(1, 'Pending'), change(1, 'Created'), change(2, 'Canceled'), change(3, 'Deleted')], T0 + 1);
		expect(names(result)).toEqual([['timeOffRequested', '1'], ['timeOffApproved', '1'], ['timeOffCancelled', '2'], ['timeOffDeleted', '3']]);
	}); // prettier-ignore

	it('a baseline records every change and emits none; the same changes again emit nothing and need no write', () => {
		const changes = [change(1, 'Pending'), change(2, 'Created')];
		const baseline = diff(undefined, changes, T0);
		expect(baseline.events).toEqual([]);
		expect(baseline.changed).toBe(true);
		expect(Object.keys(baseline.next.seen).sort()).toEqual(['1:Pending', '2:Created']);
		const again = diff(baseline.next, changes, T0 + 60_000);
		expect(again.events).toEqual([]);
		expect(again.changed).toBe(false);
		expect(again.next.cursor).toBe(baseline.next.cursor);
	});

	it('a change is emitted once, even listed twice in one answer', () => {
		const base = diff(undefined, [], T0).next;
		const first = diff(base, [change(5, 'Pending'), change(5, 'Pending')], T0 + 1000);
		expect(names(first)).toEqual([['timeOffRequested', '5']]);
		expect(diff(first.next, [change(5, 'Pending')], T0 + 2000).events).toEqual([]);
	});

	it('unselected events are recorded, not emitted, and not emitted later either', () => {
		const config = { events: ['timeOffApproved' as const] };
		const base = diff(undefined, [], T0, config).next;
		const first = diff(base, [change(1, 'Canceled'), change(2, 'Created'), change(3, 'Unknown')], T0 + 1, config);
		expect(names(first)).toEqual([['timeOffApproved', '2']]);
		expect(Object.keys(first.next.seen)).toHaveLength(3);
		expect(diff(first.next, [change(1, 'Canceled')], T0 + 2, ALL).events).toEqual([]);
	}); // prettier-ignore

	it('the request as Bob listed it: IDs as strings, policy type display name, hours fields when given', () => {
		const hours = change(9, 'Created', { type: 'hours', date: '2026-12-03', hoursOnDate: 3, durationUnit: 'hours', totalDuration: 3, totalCost: 3, startDate: null, endDate: null, previousRequestId: 7, originalRequestId: 6, policyTypeDisplayName: 'Time in lieu (Berlin)' }); // prettier-ignore
		expect(toTimeOffEvent(hours, '2026-11-21T12:00:00.000Z')).toEqual({
			event: 'timeOffApproved', changeType: 'Created', detectedAt: '2026-11-21T12:00:00.000Z',
			requestId: '9', employeeId: '3332883884017713238', email: 'amy@example.com', displayName: 'Amy Miles',
			policyType: 'Time in lieu (Berlin)', requestType: 'hours', startDate: null, endDate: null,
			startPortion: 'all_day', endPortion: 'morning', date: '2026-12-03', hoursOnDate: 3,
			durationUnit: 'hours', totalDuration: 3, totalCost: 3, changeReason: null,
			createdOn: '2026-11-21T11:59:00.000', previousRequestId: '7', originalRequestId: '6',
		}); // prettier-ignore
		expect(toTimeOffEvent({ changeType: 'Created' }, '')).toBeUndefined();
	});

	it('plans: a baseline reads the last window; then from the cursor less the window; never past 6 months', () => {
		expect(planTimeOffPoll(undefined, T0)).toEqual({ since: new Date(T0 - OVERLAP_MS).toISOString(), baseline: true, clamped: false }); // prettier-ignore
		const state = diff(undefined, [], T0).next;
		expect(planTimeOffPoll(state, T0 + 60_000)).toEqual({ since: new Date(T0 - OVERLAP_MS).toISOString(), baseline: false, clamped: false }); // prettier-ignore
		const old = { ...state, cursor: '2026-01-01T00:00:00.000Z' };
		const plan = planTimeOffPoll(old, T0);
		expect(plan.clamped).toBe(true);
		expect(plan.since).toBe('2026-05-22T12:00:00.000Z');
	});

	it('a quiet poll moves the cursor only once it is old; keys that can no longer be listed are dropped', () => {
		const base = diff(undefined, [change(1, 'Created')], T0).next;
		expect(diff(base, [], T0 + CURSOR_REFRESH_MS - 1).changed).toBe(false);
		const moved = diff(base, [], T0 + CURSOR_REFRESH_MS);
		expect(moved.changed).toBe(true);
		expect(moved.next.cursor).toBe(new Date(T0 + CURSOR_REFRESH_MS).toISOString());
		expect(moved.next.seen).toEqual({ '1:Created': T0 });
		const later = diff(moved.next, [], T0 + 2 * OVERLAP_MS + 1);
		expect(later.next.seen).toEqual({});
	});

	it(`keeps at most ${MAX_SEEN} keys, the newest`, () => {
		const many = Array.from({ length: MAX_SEEN + 10 }, (_, i) => change(i, 'Created'));
		const base = diff(undefined, many, T0).next;
		expect(Object.keys(base.seen)).toHaveLength(MAX_SEEN);
	});

	it('stored state: another version, another pending choice or garbage is no state (a new baseline)', () => {
		const state = diff(undefined, [change(1, 'Created')], T0).next;
		const json = JSON.parse(JSON.stringify(state)) as unknown;
		expect(readTimeOffState(json, ALL)).toEqual(state);
		expect(readTimeOffState(json, { events: ['timeOffApproved'] })).toBeUndefined();
		expect(readTimeOffState({ ...state, v: 2 }, ALL)).toBeUndefined();
		expect(readTimeOffState({ ...state, cursor: 'soon' }, ALL)).toBeUndefined();
		expect(readTimeOffState('x', ALL)).toBeUndefined();
		expect(wantsPending({ events: ['timeOffCancelled'] })).toBe(false);
	});
});
