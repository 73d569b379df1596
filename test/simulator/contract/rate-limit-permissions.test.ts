import type { RunningSimulator } from '../index';
import { call, search, start } from './helpers';

describe('simulator: rate limit', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await start({ rateLimit: { perMinute: 5 } });
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('sends X-RateLimit-* headers on successful searches, counting down', async () => {
		const nowSec = Math.ceil(Date.parse(sim.control.getClock().now) / 1000);
		for (let i = 1; i <= 5; i++) {
			const r = await search(sim, { fields: ['root.id'] });
			expect(r.status).toBe(200);
			expect(r.headers.get('x-ratelimit-limit')).toBe('5');
			expect(r.headers.get('x-ratelimit-remaining')).toBe(String(5 - i));
			// Epoch seconds, one window (60 s) from the first call.
			expect(Number(r.headers.get('x-ratelimit-reset'))).toBe(nowSec + 60);
		}
	});

	it('answers 429 with the headers (no Retry-After by default), per service user, and resets after the window on the injectable clock', async () => {
		for (let i = 0; i < 5; i++) await search(sim, { fields: ['root.id'] });
		const limited = await search(sim, { fields: ['root.id'] });
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.parse(sim.control.getClock().now) / 1000);
		expect(limited.headers.get('retry-after')).toBeNull();
		// Other service users have their own budget; other endpoints are not limited by default.
		const other = sim.control.addServiceUser();
		expect((await search(sim, { fields: ['root.id'] }, sim.authHeader(other))).status).toBe(200);
		expect((await call(sim, 'GET', '/v1/company/people/fields')).status).toBe(200);
		sim.control.advanceTime({ ms: 59_000 });
		expect((await search(sim, { fields: ['root.id'] })).status).toBe(429);
		sim.control.advanceTime({ ms: 1_000 });
		const again = await search(sim, { fields: ['root.id'] });
		expect(again.status).toBe(200);
		expect(again.headers.get('x-ratelimit-remaining')).toBe('4');
	}); // prettier-ignore

	it('can add Retry-After and limit other endpoints', async () => {
		sim.control.configure({ rateLimit: { perMinute: 1, retryAfter: true, otherPerMinute: 2 } });
		await search(sim, {});
		sim.control.advanceTime({ ms: 20_000 });
		const limited = await search(sim, {});
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('40');
		expect(
			(await call(sim, 'GET', '/v1/company/people/fields')).headers.get('x-ratelimit-limit'),
		).toBe('2');
		await call(sim, 'GET', '/v1/company/named-lists');
		expect((await call(sim, 'GET', '/v1/company/people/fields')).status).toBe(429);
	});

	it('can be switched off', async () => {
		sim.control.configure({ rateLimit: false });
		for (let i = 0; i < 12; i++) {
			const r = await search(sim, { fields: ['root.id'] });
			expect(r.status).toBe(200);
			expect(r.headers.get('x-ratelimit-limit')).toBeNull();
		}
	});
});

describe('simulator: service-user permissions', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('a service user in no permission group sees nobody (200, empty list) but its credentials work', async () => {
		const user = sim.control.addServiceUser({ permissions: null });
		const r = await search(sim, { fields: ['root.id'], showInactive: true }, sim.authHeader(user));
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ employees: [] });
		const bulk = await call(sim, 'GET', '/v1/bulk/people/lifecycle', {
			auth: sim.authHeader(user),
		});
		expect(bulk.status).toBe(403);
	});

	it('the Employed-only scope hides hired, terminated and leave people even with showInactive: true', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'employed-only' } });
		const r = await search(sim, { fields: ['root.id', 'internal.lifecycleStatus'], showInactive: true }, sim.authHeader(user));
		const statuses = new Set(r.json.employees.map((p: { internal: { lifecycleStatus: string } }) => p.internal.lifecycleStatus));
		expect([...statuses]).toEqual(['employed']);
		expect(r.json.employees).toHaveLength(sim.control.listEmployees({ lifecycleStatus: 'employed' }).length);
	}); // prettier-ignore

	it('scopes by a list of lifecycle statuses or of employee IDs', async () => {
		const byStatus = sim.control.addServiceUser({ permissions: { categories: '*', scope: { lifecycleStatuses: ['Employed', 'Hired'] } } });
		const r = await search(sim, { fields: ['internal.lifecycleStatus'], showInactive: true }, sim.authHeader(byStatus));
		expect(new Set(r.json.employees.map((p: { internal: { lifecycleStatus: string } }) => p.internal.lifecycleStatus))).toEqual(new Set(['employed', 'hired']));
		const [a] = sim.control.listEmployees({ limit: 1 });
		const byId = sim.control.addServiceUser({ permissions: { categories: '*', scope: { employeeIds: [a.id] } } });
		const one = await search(sim, { fields: ['root.id'], showInactive: true }, sim.authHeader(byId));
		expect(one.json.employees).toEqual([{ id: a.id, '/root/id': { value: a.id } }]);
	}); // prettier-ignore

	it('removing the Lifecycle category drops internal.* silently; changing permissions applies at once', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'all' } });
		const fields = ['root.id', 'internal.lifecycleStatus', 'employee.lastDayOfWork'];
		const before = await search(sim, { fields }, sim.authHeader(user));
		expect(before.json.employees[0].internal).toBeDefined();
		sim.control.updateServiceUser({ id: user.id, permissions: { categories: ['root', 'work', 'about', 'employment'], scope: 'all' } });
		const after = await search(sim, { fields }, sim.authHeader(user));
		expect(after.status).toBe(200);
		for (const p of after.json.employees) expect(Object.keys(p).sort()).toEqual(['/root/id', 'id']);
	}); // prettier-ignore

	it('token rotation and removal take effect immediately', async () => {
		const user = sim.control.addServiceUser({ id: 'SERVICE-ROT', token: 'old' });
		sim.control.updateServiceUser({ id: user.id, token: 'new' });
		expect((await search(sim, {}, sim.authHeader({ id: user.id, token: 'old' }))).status).toBe(401);
		expect((await search(sim, {}, sim.authHeader({ id: user.id, token: 'new' }))).status).toBe(200);
		sim.control.removeServiceUser({ id: user.id });
		expect((await search(sim, {}, sim.authHeader({ id: user.id, token: 'new' }))).status).toBe(401);
	});
});
