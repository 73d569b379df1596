/**
 * How a request's approval, decline, cancellation and deletion show up in `GET /timeoff/requests/changes`.
 * Evidence (HiBob's reference, apidocs.hibob.com): "Get time off requests changes" — changes are filtered
 * by when they happened (not the leave dates), each item is a snapshot of the request at that time,
 * change types are Created, Canceled, Deleted and Pending, and Pending ones are listed only with
 * `includePending`; the time-off webhook pages list approved, declined, cancelled and deleted as separate
 * events, and "Time off request declined" says reading a declined request shows status `disapproved`.
 * A decline has no change type in the feed, so the simulator lists none.
 */
import type { RunningSimulator } from '../index';
import { call, start } from './helpers';

describe('simulator: approving, declining and deleting time-off requests in the changes feed', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	beforeAll(async () => {
		sim = await start();
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[7];
	});
	afterAll(async () => await sim.stop());

	const now = () => new Date(sim.simulator.clock.now()).toISOString();
	const later = () => sim.control.advanceTime({ ms: 60_000 });
	const feed = async (since: string, includePending = true) =>
		((await call(sim, 'GET', `/v1/timeoff/requests/changes?since=${since}&includePending=${includePending}`)).json.changes as Array<Record<string, unknown>>)
			.filter((c) => c.employeeId === employee.id)
			.map((c) => [c.requestId, c.changeType]); // prettier-ignore
	const submit = async (startDate: string) => {
		const first = sim.simulator.company.nextRequestId;
		const body = { requestRangeType: 'days', policyType: 'Holiday', startDate, endDate: startDate, startDatePortion: 'all_day', endDatePortion: 'all_day' }; // prettier-ignore
		expect((await call(sim, 'POST', `/v1/timeoff/employees/${employee.id}/requests`, { body })).status).toBe(200);
		return first;
	};
	const read = async (id: number) =>
		await call(sim, 'GET', `/v1/timeoff/employees/${employee.id}/requests/${id}`);

	it('submitted → Pending (only with includePending); approved → Created at the approval time; canceled → Canceled', async () => {
		later();
		const t0 = now();
		const id = await submit('2026-12-14');
		expect(await feed(t0)).toEqual([[id, 'Pending']]);
		expect(await feed(t0, false)).toEqual([]);
		later();
		const t1 = now();
		expect(sim.control.approveTimeOff({ requestId: id })).toEqual(expect.objectContaining({ requestId: id, status: 'Approved' }));
		expect(await feed(t1)).toEqual([[id, 'Created']]);
		expect(await feed(t0)).toEqual([[id, 'Pending'], [id, 'Created']]);
		expect(await feed(t0, false)).toEqual([[id, 'Created']]);
		expect((await read(id)).json).toEqual(expect.objectContaining({ status: 'approved', approved: true }));
		later();
		const t2 = now();
		expect((await call(sim, 'DELETE', `/v1/timeoff/employees/${employee.id}/requests/${id}`)).status).toBe(200);
		expect(await feed(t2)).toEqual([[id, 'Canceled']]);
		expect(() => sim.control.approveTimeOff({ requestId: id })).toThrow(/waiting for approval/);
	}); // prettier-ignore

	it('declined → no change listed; the request reads as disapproved and can no longer be canceled', async () => {
		later();
		const t0 = now();
		const id = await submit('2026-12-15');
		later();
		const t1 = now();
		sim.control.declineTimeOff({ requestId: id });
		expect(await feed(t1)).toEqual([]);
		expect(await feed(t0)).toEqual([[id, 'Pending']]);
		expect((await read(id)).json).toEqual(expect.objectContaining({ status: 'disapproved', approved: false }));
		expect((await call(sim, 'DELETE', `/v1/timeoff/employees/${employee.id}/requests/${id}`)).status).toBe(400);
	}); // prettier-ignore

	it('deleted → Deleted listed; reading the request answers 404', async () => {
		later();
		const request = sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-12-16', endDate: '2026-12-16' });
		later();
		const t1 = now();
		expect(sim.control.deleteTimeOff({ requestId: request.requestId })).toEqual({ deleted: request.requestId });
		expect(await feed(t1)).toEqual([[request.requestId, 'Deleted']]);
		expect((await read(request.requestId)).status).toBe(404);
		expect(() => sim.control.deleteTimeOff({ requestId: request.requestId })).toThrow(/No time-off request/);
	}); // prettier-ignore
});
