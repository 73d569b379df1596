import type { RunningSimulator } from '../index';
import { call, ctl, start, TODAY } from './helpers';

describe('simulator: tasks (GET /v1/tasks, GET /v1/tasks/people/{id}, POST /v1/tasks/{id}/complete)', () => {
	let sim: RunningSimulator;
	let hire: { id: string };
	let owner: { id: string };
	let general: number;
	let closed: number;
	let eSign: number;
	beforeAll(async () => {
		sim = await start();
		[hire, owner] = sim.control.listEmployees({ lifecycleStatus: 'employed' });
		general = sim.control.addTask({ requestedForId: hire.id, ownerId: owner.id, title: 'Create the Okta account', workflow: 'IT onboarding', due: '2026-11-25' }).id;
		closed = sim.control.addTask({ requestedForId: hire.id, ownerId: owner.id, title: 'Order the badge', status: 'closed' }).id;
		eSign = sim.control.addTask({ requestedForId: hire.id, ownerId: owner.id, title: 'Sign the NDA', kind: 'eSign' }).id;
	}); // prettier-ignore
	afterAll(async () => await sim.stop());

	const ids = (r: { json: { tasks: Array<{ id: number }> } }) => r.json.tasks.map((t) => t.id);

	it('GET /v1/tasks lists open general tasks with owner and requestedFor people', async () => {
		const r = await call(sim, 'GET', '/v1/tasks');
		expect(r.status).toBe(200);
		const mine = r.json.tasks.find((t: { id: number }) => t.id === general);
		expect(mine).toEqual(expect.objectContaining({ title: 'Create the Okta account', status: 'open', due: '2026-11-25', workflow: 'IT onboarding', completionDate: null, linkInBob: expect.any(String), companyId: expect.any(Number) }));
		expect(mine.owner).toEqual(expect.objectContaining({ id: owner.id, email: expect.any(String), displayName: expect.any(String) }));
		expect(mine.requestedFor.id).toBe(hire.id);
		expect(ids(r)).not.toContain(closed);
		// Only general tasks are reachable through the API.
		expect(ids(r)).not.toContain(eSign);
		expect(r.json.tasks.every((t: { status: string }) => t.status === 'open')).toBe(true);
	}); // prettier-ignore

	it('generates onboarding tasks of every kind for new hires, only general ones listed', async () => {
		const all = (await ctl(sim, 'listTasks')).json as Array<{ id: number; kind: string }>;
		expect(new Set(all.map((t) => t.kind))).toEqual(new Set(['general', 'eSign', 'form']));
		const listed = new Set(ids(await call(sim, 'GET', '/v1/tasks')));
		expect(all.filter((t) => t.kind !== 'general').some((t) => listed.has(t.id))).toBe(false);
	});

	it('GET /v1/tasks/people/{id} filters by task_status; without it lists all; 400 on another status', async () => {
		const open = await call(sim, 'GET', `/v1/tasks/people/${hire.id}?task_status=open`);
		expect(ids(open)).toContain(general);
		expect(ids(open)).not.toContain(closed);
		const done = await call(sim, 'GET', `/v1/tasks/people/${hire.id}?task_status=closed`);
		expect(ids(done)).toEqual(expect.arrayContaining([closed]));
		expect(ids(done)).not.toContain(general);
		const every = await call(sim, 'GET', `/v1/tasks/people/${owner.id}`);
		expect(ids(every)).toEqual(expect.arrayContaining([general, closed]));
		expect((await call(sim, 'GET', `/v1/tasks/people/${hire.id}?task_status=all`)).status).toBe(
			400,
		);
		expect((await call(sim, 'GET', '/v1/tasks/people/1234567890123456789')).status).toBe(404);
	});

	it('POST /v1/tasks/{id}/complete answers {toDosUpdated: 1}, then 0 when already complete', async () => {
		const id = sim.control.addTask({ requestedForId: hire.id, title: 'Ship the laptop' }).id;
		const first = await call(sim, 'POST', `/v1/tasks/${id}/complete`);
		expect(first.status).toBe(200);
		expect(first.json).toEqual({ toDosUpdated: 1 });
		const task = sim.control.listTasks({ employeeId: hire.id }).find((t) => t.id === id);
		expect(task).toEqual(expect.objectContaining({ status: 'closed', completionDate: TODAY }));
		expect((await call(sim, 'POST', `/v1/tasks/${id}/complete`)).json).toEqual({ toDosUpdated: 0 });
	});

	it('refuses to complete a task of another kind, and 404s an unknown task', async () => {
		const r = await call(sim, 'POST', `/v1/tasks/${eSign}/complete`);
		expect(r.status).toBe(400);
		expect(r.json).toEqual({
			key: 'task.not.general',
			error: expect.stringMatching(/general tasks/),
		});
		expect(sim.control.listTasks().find((t) => t.id === eSign)?.status).toBe('open');
		expect((await call(sim, 'POST', '/v1/tasks/999/complete')).status).toBe(404);
	});

	it('answers 403 without the tasks permission, and 401 without credentials', async () => {
		sim.control.denyWork({ deny: ['tasks'] });
		try {
			expect((await call(sim, 'GET', '/v1/tasks')).status).toBe(403);
			expect((await call(sim, 'POST', `/v1/tasks/${general}/complete`)).status).toBe(403);
		} finally {
			sim.control.denyWork({ deny: [] });
		}
		expect((await call(sim, 'GET', '/v1/tasks', { auth: null })).status).toBe(401);
	});
});
