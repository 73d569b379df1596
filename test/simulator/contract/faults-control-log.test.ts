import type { RunningSimulator } from '../index';
import { call, ctl, search, start, TODAY } from './helpers';

// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- test tooling: a real pause while a slow answer is in flight
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('simulator: fault injection', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await start();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('429 with X-RateLimit-* headers, for the next N matching calls only', async () => {
		sim.control.injectFault({ kind: 'rate-limit', count: 2, path: '/v1/people/search' });
		expect((await call(sim, 'GET', '/v1/company/people/fields')).status).toBe(200);
		for (let i = 0; i < 2; i++) {
			const r = await search(sim, {});
			expect(r.status).toBe(429);
			expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(Number(r.headers.get('x-ratelimit-reset'))).toBe(Math.ceil(Date.parse(`${TODAY}T12:00:00Z`) / 1000) + 60);
			expect(r.headers.get('retry-after')).toBeNull();
		}
		expect((await search(sim, {})).status).toBe(200);
	}); // prettier-ignore

	it('429 without the reset header, optionally with Retry-After', async () => {
		sim.control.injectFault({ kind: 'rate-limit', resetHeader: false });
		const bare = await search(sim, {});
		expect(bare.status).toBe(429);
		expect(bare.headers.get('x-ratelimit-reset')).toBeNull();
		expect(bare.headers.get('retry-after')).toBeNull();
		sim.control.injectFault({ kind: 'rate-limit', resetHeader: false, retryAfterSeconds: 7 });
		expect((await search(sim, {})).headers.get('retry-after')).toBe('7');
	});

	it.each([500, 502, 503, 504])('answers %i', async (status) => {
		sim.control.injectFault({ kind: 'status', status, method: 'POST' });
		const r = await search(sim, {});
		expect(r.status).toBe(status);
		if (status === 500)
			expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
		else expect(r.headers.get('content-type')).toMatch(/text\/html/);
		expect((await search(sim, {})).status).toBe(200);
	});

	it('answers slowly, then normally', async () => {
		sim.control.injectFault({ kind: 'slow', delayMs: 300 });
		const t0 = Date.now();
		const r = await search(sim, { fields: ['root.id'] });
		expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
		expect(r.status).toBe(200);
		expect(r.json.employees.length).toBeGreaterThan(0);
	});

	it('slow with staleOnArrival: the answer is computed on arrival, delivered after the delay', async () => {
		const [target] = sim.control.listEmployees({ lifecycleStatus: 'employed' });
		const body = { fields: ['root.id', 'work.department'], filters: [{ fieldPath: 'root.id', operator: 'equals', values: [target.id] }] };
		const department = async (answer: Promise<{ json: any }>) => (await answer).json.employees[0].work.department as string; // eslint-disable-line @typescript-eslint/no-explicit-any -- a search answer
		const before = await department(search(sim, body));
		// delays wide enough that the request has surely arrived (and, below, not yet been answered) when
		// HiBob changes, on a loaded machine
		sim.control.injectFault({ kind: 'slow', delayMs: 1500, staleOnArrival: true });
		const t0 = Date.now();
		const slow = search(sim, body);
		// HiBob changes while the slow answer is on its way
		await pause(500);
		sim.control.changeFields({ employeeId: target.id, fields: { 'work.department': before === 'Legal' ? 'Security' : 'Legal' } });
		const fresh = await department(search(sim, body));
		expect(fresh).not.toBe(before);
		expect(await department(slow)).toBe(before);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(1480);
		// without the option the answer is computed after the delay: it carries the change
		sim.control.injectFault({ kind: 'slow', delayMs: 1500 });
		const late = search(sim, body);
		await pause(300);
		sim.control.changeFields({ employeeId: target.id, fields: { 'work.department': before } });
		expect(await department(late)).toBe(before);
		// the log is in delivery order
		expect(sim.control.getLog({ path: '/v1/people/search' }).map((e) => e.fault ?? null)).toEqual([null, null, 'slow', 'slow']);
	}); // prettier-ignore

	it('answers 200 text/html', async () => {
		sim.control.injectFault({ kind: 'html' });
		const r = await search(sim, {});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/text\/html/);
		expect(r.json).toBeUndefined();
	});

	it('answers truncated JSON with a JSON content type', async () => {
		sim.control.injectFault({ kind: 'truncated-json' });
		const r = await search(sim, { fields: ['root.id'] });
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/application\/json/);
		expect(r.text.startsWith('{"employees":[')).toBe(true);
		expect(() => JSON.parse(r.text)).toThrow();
	});

	it('resets the connection', async () => {
		sim.control.injectFault({ kind: 'reset' });
		await expect(search(sim, {})).rejects.toThrow();
		expect((await search(sim, {})).status).toBe(200);
		expect(sim.log.entries().map((l) => l.status)).toEqual([0, 200]);
	});

	it('lists and clears faults; rejects unknown kinds', async () => {
		sim.control.injectFault({ kind: 'html', count: 5 });
		expect(sim.control.listFaults()).toEqual([
			expect.objectContaining({ kind: 'html', remaining: 5 }),
		]);
		expect(sim.control.clearFaults()).toEqual({ cleared: 1 });
		expect((await search(sim, {})).status).toBe(200);
		expect(() => sim.control.injectFault({ kind: 'boom' as never })).toThrow(/Unknown fault/);
	});
});

describe('simulator: HTTP control API and request log', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start({ controlKey: undefined });
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('lists its methods and runs them over HTTP with JSON in and out', async () => {
		const index = await call(sim, 'GET', '/__control', { auth: null });
		expect(index.json.methods).toEqual(expect.arrayContaining(['hire', 'terminate', 'startLeave', 'endLeave', 'rehire', 'changeFields', 'changeStartDate', 'deleteEmployee', 'addServiceUser', 'updateServiceUser', 'setToday', 'advanceDays', 'advanceTime', 'injectFault', 'getLog', 'clearLog', 'executeScheduled']));
		const hired = await ctl(sim, 'hire', { firstName: 'Http', surname: 'Hire', startDate: '2026-11-23' });
		expect(hired.status).toBe(200);
		expect(hired.json).toEqual(expect.objectContaining({ lifecycleStatus: 'hired', id: expect.stringMatching(/^\d{19}$/) }));
		expect((await ctl(sim, 'advanceDays', { days: 2 })).json).toEqual(expect.objectContaining({ today: '2026-11-23' }));
		const snap = await call(sim, 'GET', `/__control/getEmployee`, { auth: null, body: undefined });
		expect(snap.status).toBe(400);
		const got = await ctl(sim, 'getEmployee', { employeeId: hired.json.id });
		expect(got.json.lifecycleStatus).toBe('employed');
		const user = await ctl(sim, 'addServiceUser', { permissions: { categories: ['root'], scope: 'employed-only' } });
		const r = await search(sim, { fields: ['root.id', 'work.title'] }, sim.authHeader(user.json));
		expect(Object.keys(r.json.employees[0]).sort()).toEqual(['/root/id', 'id']);
		const fault = await ctl(sim, 'injectFault', { kind: 'status', status: 503 });
		expect(fault.json).toEqual(expect.objectContaining({ id: expect.any(Number), remaining: 1 }));
		expect((await search(sim, {})).status).toBe(503);
	}); // prettier-ignore

	it('answers 400 for invalid arguments and 404 for unknown methods', async () => {
		const bad = await ctl(sim, 'terminate', { employeeId: 'nope' });
		expect(bad.status).toBe(400);
		expect(bad.json.error).toMatch(/Unknown employee/);
		expect((await ctl(sim, 'setToday', { today: 'soon' })).status).toBe(400);
		expect((await ctl(sim, 'noSuchMethod', {})).status).toBe(404);
		expect((await call(sim, 'POST', '/__control/hire', { body: '{oops', auth: null })).status).toBe(
			400,
		);
	});

	it('records requests (method, path, query, parsed body, service user, status, timestamp) and clears them', async () => {
		await ctl(sim, 'clearLog');
		const other = sim.control.addServiceUser();
		await search(sim, { fields: ['root.id'], showInactive: true }, sim.authHeader(other));
		await call(sim, 'GET', '/v1/bulk/people/work?limit=5');
		await search(sim, {}, 'raw-token');
		await call(sim, 'GET', '/v1/unknown/path');
		const log = (await call(sim, 'GET', '/__control/getLog', { auth: null })).json;
		expect(log).toEqual([
			{ method: 'POST', path: '/v1/people/search', query: {}, body: { fields: ['root.id'], showInactive: true }, serviceUserId: other.id, status: 200, timestamp: expect.stringMatching(/^2026-11-23T12:00:00/) },
			{ method: 'GET', path: '/v1/bulk/people/work', query: { limit: '5' }, body: null, serviceUserId: sim.serviceUser.id, status: 200, timestamp: expect.any(String) },
			{ method: 'POST', path: '/v1/people/search', query: {}, body: {}, serviceUserId: null, status: 401, timestamp: expect.any(String) },
			{ method: 'GET', path: '/v1/unknown/path', query: {}, body: null, serviceUserId: sim.serviceUser.id, status: 200, timestamp: expect.any(String) },
		]);
		expect(sim.log.entries({ path: '/v1/bulk' })).toHaveLength(1);
		expect((await ctl(sim, 'clearLog')).json).toEqual({ cleared: 4 });
		expect(sim.log.entries()).toEqual([]);
	}); // prettier-ignore

	it('reset regenerates the company and drops extra service users', async () => {
		const before = sim.control.state();
		sim.control.deleteEmployee({ employeeId: sim.control.listEmployees({ limit: 1 })[0].id });
		expect((await ctl(sim, 'reset')).status).toBe(200);
		const after = sim.control.state();
		expect(after.employees).toBe(60);
		expect(after.serviceUsers).toEqual([sim.serviceUser.id]);
		expect(before.serviceUsers.length).toBeGreaterThan(1);
	});
});

describe('simulator: control key', () => {
	it('requires X-Control-Key when configured', async () => {
		const sim = await start({ controlKey: 'secret' });
		try {
			expect((await ctl(sim, 'state')).status).toBe(401);
			const ok = await call(sim, 'POST', '/__control/state', {
				auth: null,
				headers: { 'X-Control-Key': 'secret' },
			});
			expect(ok.status).toBe(200);
			expect(ok.json.today).toBe(TODAY);
		} finally {
			await sim.stop();
		}
	});
});
