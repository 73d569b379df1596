import type { RunningSimulator } from '../index';
import { call, start, TODAY } from './helpers';

describe('simulator: time off', () => {
	let sim: RunningSimulator;
	let employee: { id: string; email: string };
	let request: number;
	beforeAll(async () => {
		sim = await start();
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2];
		request = sim.control.addTimeOff({ employeeId: employee.id, startDate: '2026-11-20', endDate: '2026-11-24' }).requestId;
	}); // prettier-ignore
	afterAll(async () => {
		await sim.stop();
	});

	describe('GET /v1/timeoff/whosout', () => {
		it('requires from and to', async () => {
			for (const q of ['', '?from=2026-11-01', '?to=2026-11-30', '?from=2026-13-01&to=2026-11-30', '?from=2026-11-30&to=2026-11-01']) {
				const r = await call(sim, 'GET', `/v1/timeoff/whosout${q}`);
				expect(r.status).toBe(400);
				expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
			}
		}); // prettier-ignore

		it('lists overlapping approved requests of active employees as {outs}', async () => {
			const r = await call(sim, 'GET', '/v1/timeoff/whosout?from=2026-11-22&to=2026-11-22');
			expect(r.status).toBe(200);
			const out = r.json.outs.find((o: { requestId: number }) => o.requestId === request);
			expect(out).toEqual(expect.objectContaining({ employeeId: employee.id, startDate: '2026-11-20', endDate: '2026-11-24', startPortion: 'all_day', endPortion: 'all_day', type: 'days', status: 'Approved' }));
			const before = await call(sim, 'GET', '/v1/timeoff/whosout?from=2026-11-01&to=2026-11-19');
			expect(before.json.outs.some((o: { requestId: number }) => o.requestId === request)).toBe(false);
		}); // prettier-ignore

		it('leaves out inactive employees and pending requests (unless includePending=true)', async () => {
			const t = sim.control.listEmployees({ status: 'Inactive' })[0];
			const inactive = sim.control.addTimeOff({ employeeId: t.id, startDate: TODAY, endDate: TODAY });
			const pending = sim.control.addTimeOff({ employeeId: employee.id, startDate: TODAY, endDate: TODAY, status: 'Pending' });
			const ids = async (q: string) => (await call(sim, 'GET', `/v1/timeoff/whosout?from=${TODAY}&to=${TODAY}${q}`)).json.outs.map((o: { requestId: number }) => o.requestId);
			const plain = await ids('');
			expect(plain).toContain(request);
			expect(plain).not.toContain(inactive.requestId);
			expect(plain).not.toContain(pending.requestId);
			expect(await ids('&includePending=true')).toContain(pending.requestId);
		}); // prettier-ignore
	});

	describe('GET /v1/timeoff/outtoday', () => {
		it('defaults to the simulator today and uses its own key names', async () => {
			const r = await call(sim, 'GET', '/v1/timeoff/outtoday');
			const out = r.json.outs.find((o: { employeeId: string; startDate: string }) => o.employeeId === employee.id && o.startDate === '2026-11-20');
			expect(out).toEqual(expect.objectContaining({ employeeEmail: employee.email, startDatePortion: 'all_day', endDatePortion: 'all_day', requestRangeType: 'days' }));
			expect(out.startPortion).toBeUndefined();
		}); // prettier-ignore

		it('accepts today and siteId', async () => {
			const none = await call(sim, 'GET', '/v1/timeoff/outtoday?today=2026-11-25');
			expect(none.json.outs.some((o: { employeeId: string }) => o.employeeId === employee.id)).toBe(
				false,
			);
			const site = sim.control.getEmployee({ employeeId: employee.id }).values['work.siteId'];
			const mine = await call(sim, 'GET', `/v1/timeoff/outtoday?siteId=${site}`);
			expect(mine.json.outs.some((o: { employeeId: string }) => o.employeeId === employee.id)).toBe(
				true,
			);
			const other = await call(sim, 'GET', '/v1/timeoff/outtoday?siteId=1');
			expect(other.json.outs).toEqual([]);
			expect((await call(sim, 'GET', '/v1/timeoff/outtoday?today=tomorrow')).status).toBe(400);
		});

		// HiBob's reference, GET /timeoff/outtoday: `siteId` is "the employee's site ID", an integer.
		it('refuses a siteId that is not an integer (a site name) with a 400', async () => {
			for (const site of ['London', 'London%2C%20UK', '12.5']) {
				const r = await call(sim, 'GET', `/v1/timeoff/outtoday?siteId=${site}`);
				expect({ site, status: r.status }).toEqual({ site, status: 400 });
				expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
			}
		});
	});

	describe('GET /v1/timeoff/requests/changes', () => {
		const changes = (q: string) => call(sim, 'GET', `/v1/timeoff/requests/changes${q}`);

		it('requires since as an ISO-8601 date-time', async () => {
			for (const q of ['', '?since=yesterday', '?since=2026-11-01'])
				expect((await changes(q)).status).toBe(400);
		});

		it('refuses since more than 6 months back, to not after since, and windows over 6 months', async () => {
			expect((await changes('?since=2026-05-20T00:00:00Z')).status).toBe(400);
			expect((await changes('?since=2026-05-22T00:00:00Z')).status).toBe(200);
			expect((await changes('?since=2026-10-01T00:00:00Z&to=2026-10-01T00:00:00Z')).status).toBe(
				400,
			);
			expect((await changes('?since=2026-10-01T00:00:00Z&to=2026-09-01T00:00:00Z')).status).toBe(
				400,
			);
			expect((await changes('?since=2026-06-01T00:00:00Z&to=2026-12-02T00:00:00Z')).status).toBe(
				400,
			);
			expect((await changes('?since=2026-06-01T00:00:00Z&to=2026-11-30T00:00:00Z')).status).toBe(
				200,
			);
		});

		it('lists changes in the window; an edit is a new requestId linked to the old one', async () => {
			sim.control.advanceTime({ ms: 60_000 });
			const since = new Date(Date.parse(`${TODAY}T12:00:30.000Z`)).toISOString();
			const edited = sim.control.editTimeOff({ requestId: request, startDate: '2026-11-21', endDate: '2026-11-25' });
			const r = await changes(`?since=${encodeURIComponent(since)}`);
			expect(r.status).toBe(200);
			expect(r.json.changes.map((c: { requestId: number; changeType: string }) => [c.requestId, c.changeType])).toEqual([[request, 'Canceled'], [edited.requestId, 'Created']]);
			const created = r.json.changes[1];
			expect(created).toEqual(expect.objectContaining({ previousRequestId: request, originalRequestId: request, employeeId: employee.id, startDate: '2026-11-21', totalDuration: 5, durationUnit: 'days' }));
			const window = await changes(`?since=${encodeURIComponent(since)}&to=${encodeURIComponent(since.replace('12:00:30', '12:00:31'))}`);
			expect(window.json.changes).toEqual([]);
		}); // prettier-ignore

		it('generated companies carry past changes, pending ones only with includePending=true', async () => {
			const all = (await changes('?since=2026-06-01T00:00:00Z&includePending=true')).json.changes;
			const approved = (await changes('?since=2026-06-01T00:00:00Z')).json.changes;
			expect(approved.length).toBeGreaterThan(0);
			expect(approved.some((c: { changeType: string }) => c.changeType === 'Pending')).toBe(false);
			expect(all.length).toBeGreaterThanOrEqual(approved.length);
		});
	});
});
