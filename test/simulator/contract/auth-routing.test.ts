import type { RunningSimulator } from '../index';
import { call, search, start } from './helpers';

describe('simulator: authentication and routing', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('accepts Basic service-user credentials', async () => {
		const r = await search(sim, { fields: ['root.id'] });
		expect(r.status).toBe(200);
		expect(r.json.employees.length).toBeGreaterThan(0);
	});

	it('refuses the legacy raw token in Authorization with a JSON 401', async () => {
		const r = await search(sim, { fields: ['root.id'] }, sim.serviceUser.token);
		expect(r.status).toBe(401);
		expect(r.headers.get('content-type')).toMatch(/application\/json/);
		expect(r.json).toEqual({ key: 'unauthorized', error: expect.any(String) });
	});

	it('refuses a wrong token, an unknown service user and missing credentials', async () => {
		const wrong = sim.authHeader({ id: sim.serviceUser.id, token: 'not-the-token' });
		const unknown = sim.authHeader({ id: 'SERVICE-0', token: sim.serviceUser.token });
		for (const auth of [wrong, unknown, null]) {
			const r = await search(sim, { fields: ['root.id'] }, auth);
			expect(r.status).toBe(401);
			expect(r.json.key).toBe('unauthorized');
		}
	});

	it('answers unknown paths and the retired GET /v1/people with 200 text/html', async () => {
		for (const path of ['/v1/people', `/v1/people/${'3'.repeat(19)}/variables`, '/v1/nope', '/']) {
			const r = await call(sim, 'GET', path);
			expect(r.status).toBe(200);
			expect(r.headers.get('content-type')).toMatch(/text\/html/);
			expect(r.text).toMatch(/^<!DOCTYPE html>/);
			expect(r.json).toBeUndefined();
		}
	});

	it('answers a malformed JSON body with 400 {key, error}', async () => {
		const r = await call(sim, 'POST', '/v1/people/search', { body: '{"fields": [' });
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
	});

	it('serves field metadata to any valid credentials, even without permissions', async () => {
		const user = sim.control.addServiceUser({ permissions: null });
		const r = await call(sim, 'GET', '/v1/company/people/fields', { auth: sim.authHeader(user) });
		expect(r.status).toBe(200);
		expect(Array.isArray(r.json)).toBe(true);
		expect(r.json.length).toBeGreaterThan(20);
		const bad = await call(sim, 'GET', '/v1/company/people/fields', { auth: 'Basic Zm9vOmJhcg==' });
		expect(bad.status).toBe(401);
	});
});

describe('simulator: authorization-based blocking', () => {
	it('blocks a client after the configured number of 401s within the window', async () => {
		const sim = await start({ authBlock: { threshold: 3, windowMs: 10_000, blockMs: 60_000 } });
		try {
			const bad = sim.authHeader({ id: 'SERVICE-1', token: 'x' });
			for (let i = 0; i < 3; i++) expect((await search(sim, {}, bad)).status).toBe(401);
			// Now even good credentials from the same client are blocked.
			const blocked = await search(sim, { fields: ['root.id'] });
			expect(blocked.status).toBe(403);
			sim.control.advanceTime({ ms: 61_000 });
			expect((await search(sim, { fields: ['root.id'] })).status).toBe(200);
		} finally {
			await sim.stop();
		}
	});

	it('does not block when switched off', async () => {
		const sim = await start({ authBlock: false });
		try {
			const bad = sim.authHeader({ id: 'SERVICE-1', token: 'x' });
			for (let i = 0; i < 60; i++) await search(sim, {}, bad);
			expect((await search(sim, { fields: ['root.id'] })).status).toBe(200);
		} finally {
			await sim.stop();
		}
	});
});
