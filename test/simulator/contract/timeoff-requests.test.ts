import type { RunningSimulator } from '../index';
import { call, start, TODAY } from './helpers';

describe('simulator: time-off requests, balance, policy types and reason codes', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	beforeAll(async () => {
		sim = await start();
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[4];
	});
	afterAll(async () => await sim.stop());

	const submit = async (body: Record<string, unknown>) =>
		await call(sim, 'POST', `/v1/timeoff/employees/${employee.id}/requests`, { body });
	const since = `${TODAY}T00:00:00.000Z`;
	const changes = async () =>
		(await call(sim, 'GET', `/v1/timeoff/requests/changes?since=${since}&includePending=true`)).json.changes.filter((c: { employeeId: string }) => c.employeeId === employee.id); // prettier-ignore

	it('lists policy types, their details and reason codes (404 with no body for an unknown one)', async () => {
		const types = await call(sim, 'GET', '/v1/timeoff/policy-types');
		expect(types.json).toEqual({ policyTypes: expect.arrayContaining(['Holiday', 'Sick']) });
		expect((await call(sim, 'GET', '/v1/timeoff/policy-types/Holiday')).json).toEqual({ name: 'Holiday', activity: 'paidTimeoff', unit: 'days' });
		const codes = await call(sim, 'GET', '/v1/timeoff/policy-types/Holiday/reason-codes');
		expect(codes.json.reasonCodes).toEqual(expect.arrayContaining([{ id: expect.any(Number), displayName: 'Vacation' }]));
		const unknown = await call(sim, 'GET', '/v1/timeoff/policy-types/Nope/reason-codes');
		expect(unknown.status).toBe(404);
		expect(unknown.text).toBe('');
	}); // prettier-ignore

	it('accepts each of the six request shapes with 200 and no body (no request ID)', async () => {
		const common = { policyType: 'Time in lieu', startDate: '2026-12-07', endDate: '2026-12-08' };
		const shapes = [
			{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-03', startDatePortion: 'afternoon', endDatePortion: 'all_day', reasonCode: 1001, description: 'Trip' },
			{ requestRangeType: 'portionOnRange', policyType: 'Holiday', startDate: '2026-12-04', endDate: '2026-12-05', dayPortion: 'morning' },
			{ ...common, requestRangeType: 'hours', endDate: '2026-12-07', hours: 2, minutes: 30 },
			{ ...common, requestRangeType: 'hoursOnRange', dailyHours: 1, dailyMinutes: 0 },
			{ ...common, requestRangeType: 'differentDayDurations', durations: [{ date: '2026-12-07', hours: 1, minutes: 0 }, { date: '2026-12-08', hours: 3, minutes: 15 }] },
			{ ...common, requestRangeType: 'specificHoursDayDurations', localStartTime: '09:00', localEndTime: '11:30' },
		];
		const first = sim.simulator.company.nextRequestId;
		for (const body of shapes) {
			const r = await submit(body);
			expect({ type: body.requestRangeType, status: r.status, text: r.text }).toEqual({ type: body.requestRangeType, status: 200, text: '' });
		}
		const mine = (await changes()).filter((c: { requestId: number }) => c.requestId >= first);
		expect(mine.map((c: { type: string }) => c.type)).toEqual(shapes.map((s) => s.requestRangeType));
		expect(mine[0]).toEqual(expect.objectContaining({ changeType: 'Pending', policyTypeDisplayName: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-03', startPortion: 'afternoon', totalDuration: 2.5, requestId: expect.any(Number) }));
		const got = await call(sim, 'GET', `/v1/timeoff/employees/${employee.id}/requests/${mine[0].requestId}`);
		expect(got.json).toEqual(expect.objectContaining({ requestId: mine[0].requestId, employeeId: employee.id, type: 'days', status: 'pending', approved: false, description: 'Trip', reasonCode: '1001', startPortion: 'afternoon', endPortion: 'all_day' }));
	}); // prettier-ignore

	// HiBob's reference for GET /timeoff/requests/changes: each change has no policy type name, only
	// `policyTypeDisplayName` ("Display name of the policy type"; HiBob's changelog on policyTypeCustomName:
	// a policy with a custom name shows that label); `startDate`/`endDate` are "not relevant for requests
	// using the hours type", whose day is `date`.
	it('the changes feed names the policy type by its display name and gives hours requests a `date`, no start/end dates', async () => {
		const first = sim.simulator.company.nextRequestId;
		expect((await submit({ requestRangeType: 'hours', policyType: 'Time in lieu', startDate: '2026-12-10', endDate: '2026-12-10', hours: 3, minutes: 0 })).status).toBe(200);
		expect((await submit({ requestRangeType: 'hoursOnRange', policyType: 'Time in lieu', startDate: '2026-12-14', endDate: '2026-12-15', dailyHours: 2, dailyMinutes: 0 })).status).toBe(200);
		const [hours, range] = (await changes()).filter((c: { requestId: number }) => c.requestId >= first);
		expect(hours).toEqual(expect.objectContaining({ type: 'hours', policyTypeDisplayName: 'TOIL (overtime hours)', date: '2026-12-10', hoursOnDate: 3 }));
		expect(hours).not.toHaveProperty('policyType');
		for (const key of ['startDate', 'endDate', 'startPortion', 'endPortion']) expect(hours).not.toHaveProperty(key);
		expect(range).toEqual(expect.objectContaining({ type: 'hoursOnRange', policyTypeDisplayName: 'TOIL (overtime hours)', startDate: '2026-12-14', endDate: '2026-12-15' }));
		expect(range).not.toHaveProperty('date');
		// The policy type itself keeps its name; its details carry no display name.
		expect((await call(sim, 'GET', '/v1/timeoff/policy-types/Time%20in%20lieu')).json).toEqual({ name: 'Time in lieu', activity: 'paidTimeoff', unit: 'hours' });
	}); // prettier-ignore

	it('validates each shape: 400 {key, error} and nothing stored', async () => {
		const before = (await changes()).length;
		const bad = [
			{ requestRangeType: 'weeks', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01' },
			{ requestRangeType: 'days', policyType: 'Vacation', startDate: '2026-12-01', endDate: '2026-12-01', startDatePortion: 'all_day', endDatePortion: 'all_day' },
			{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-02', endDate: '2026-12-01', startDatePortion: 'all_day', endDatePortion: 'all_day' },
			{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', startDatePortion: 'morning', endDatePortion: 'all_day' },
			{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', startDatePortion: 'afternoon', endDatePortion: 'morning' },
			{ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', startDatePortion: 'all_day', endDatePortion: 'all_day', reasonCode: 2001 },
			{ requestRangeType: 'hours', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', hours: 2, minutes: 0 },
			{ requestRangeType: 'hours', policyType: 'Time in lieu', startDate: '2026-12-01', endDate: '2026-12-02', hours: 2, minutes: 0 },
			{ requestRangeType: 'hours', policyType: 'Time in lieu', startDate: '2026-12-01', endDate: '2026-12-01', minutes: 30 },
			{ requestRangeType: 'portionOnRange', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-02', dayPortion: 'all_day' },
			{ requestRangeType: 'hoursOnRange', policyType: 'Time in lieu', startDate: '2026-12-01', endDate: '2026-12-02', dailyHours: 2 },
			{ requestRangeType: 'differentDayDurations', policyType: 'Time in lieu', startDate: '2026-12-01', endDate: '2026-12-02', durations: [{ date: '2026-12-09', hours: 1, minutes: 0 }] },
			{ requestRangeType: 'specificHoursDayDurations', policyType: 'Time in lieu', startDate: '2026-12-01', endDate: '2026-12-01', localStartTime: '11:00', localEndTime: '10:00' },
		];
		for (const body of bad) {
			const r = await submit(body);
			expect({ body, status: r.status }).toEqual({ body, status: 400 });
			expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
		}
		expect((await changes()).length).toBe(before);
	}); // prettier-ignore

	it('skipManagerApproval creates an approved request; cancel answers 200, then 400; unknown 404', async () => {
		expect((await submit({ requestRangeType: 'days', policyType: 'Sick', startDate: '2026-11-23', endDate: '2026-11-24', startDatePortion: 'all_day', endDatePortion: 'all_day', skipManagerApproval: true })).status).toBe(200);
		const created = (await changes()).at(-1);
		expect(created).toEqual(expect.objectContaining({ changeType: 'Created', policyTypeDisplayName: 'Sick' }));
		const path = `/v1/timeoff/employees/${employee.id}/requests/${created.requestId}`;
		expect((await call(sim, 'GET', path)).json).toEqual(expect.objectContaining({ status: 'approved', approved: true, approvedBy: sim.serviceUser.id }));
		const cancel = await call(sim, 'DELETE', path);
		expect({ status: cancel.status, text: cancel.text }).toEqual({ status: 200, text: '' });
		expect((await call(sim, 'GET', path)).json.status).toBe('canceled');
		expect((await changes()).at(-1)).toEqual(expect.objectContaining({ requestId: created.requestId, changeType: 'Canceled' }));
		expect((await call(sim, 'DELETE', path)).status).toBe(400);
		expect((await call(sim, 'DELETE', `/v1/timeoff/employees/${employee.id}/requests/1`)).status).toBe(404);
		const other = sim.control.listEmployees({ lifecycleStatus: 'employed' })[5];
		expect((await call(sim, 'GET', `/v1/timeoff/employees/${other.id}/requests/${created.requestId}`)).status).toBe(404);
	}); // prettier-ignore

	it('balance: policyType and date required; approved requests of the cycle up to the date are taken', async () => {
		const base = `/v1/timeoff/employees/${employee.id}/balance`;
		expect((await call(sim, 'GET', `${base}?date=2026-12-31`)).status).toBe(400);
		expect((await call(sim, 'GET', `${base}?policyType=Holiday`)).status).toBe(400);
		const before = (await call(sim, 'GET', `${base}?policyType=Holiday&date=2026-12-31`)).json;
		expect(before).toEqual(expect.objectContaining({ employeeId: employee.id, pointInTime: '2026-12-31', annualAllowance: 25, startingBalanceAsOf: '2026-01-01', totalBalanceAsOfDate: expect.any(Number), totalTaken: expect.any(Number) }));
		sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-12-14', endDate: '2026-12-16', policyType: 'Holiday' });
		const after = (await call(sim, 'GET', `${base}?policyType=Holiday&date=2026-12-31`)).json;
		expect(after.totalTaken - before.totalTaken).toBe(3);
		expect(after.totalBalanceAsOfDate).toBe(before.totalBalanceAsOfDate - 3);
		const earlier = (await call(sim, 'GET', `${base}?policyType=Holiday&date=2026-12-13`)).json;
		expect(earlier.totalTaken).toBe(before.totalTaken);
	}); // prettier-ignore

	it('403 without the time-off grants', async () => {
		sim.control.denyWork({ deny: ['timeoff.requests', 'timeoff.balance'] });
		try {
			expect((await submit({ requestRangeType: 'days', policyType: 'Holiday', startDate: '2026-12-01', endDate: '2026-12-01', startDatePortion: 'all_day', endDatePortion: 'all_day' })).status).toBe(403);
			expect((await call(sim, 'GET', `/v1/timeoff/employees/${employee.id}/balance?policyType=Holiday&date=2026-12-01`)).status).toBe(403);
		} finally {
			sim.control.denyWork({ deny: [] });
		}
	}); // prettier-ignore
});
