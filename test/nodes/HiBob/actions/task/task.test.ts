/**
 * Task → Get Many and Complete through n8n-core's real ExecuteContext against the HiBob simulator.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';

const clock = useFastClock(Date.parse('2026-11-21T12:00:00.000Z'));

describe('HiBob → Task', () => {
	let sim: RunningSimulator;
	let hire: { id: string };
	let itPerson: { id: string };
	let okta: number;
	let laptop: number;
	let badge: number;
	let nda: number;
	useSimulator((started) => (sim = started), {
		employees: 60,
		seed: 9,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});
	beforeAll(() => {
		// Not the admin: the generated onboarding tasks of new hires are assigned to them.
		[hire, itPerson] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).filter((e) => e.id !== sim.simulator.company.adminId && !sim.control.listTasks({ employeeId: e.id }).length);
		const task = (title: string, extra: IDataObject = {}) => sim.control.addTask({ requestedForId: hire.id, ownerId: itPerson.id, title, ...extra }).id;
		okta = task('Create the Okta account', { workflow: 'IT onboarding', due: '2026-11-24' });
		laptop = task('Ship the laptop', { workflow: 'IT onboarding', due: '2026-11-28' });
		badge = task('Order the badge', { workflow: 'Facilities', due: '2026-11-20', status: 'closed' });
		nda = task('Sign the NDA', { kind: 'eSign' });
		sim.control.addTask({ requestedForId: itPerson.id, ownerId: hire.id, title: 'Meet your buddy', due: '2026-11-22' });
	}); // prettier-ignore

	const run = async (parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'task', ...parameters },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			items,
			continueOnFail,
		}); // prettier-ignore
	const sent = () =>
		sim.log
			.entries()
			.map(
				(e) =>
					`${e.method} ${e.path}${Object.keys(e.query).length ? `?${new URLSearchParams(e.query).toString()}` : ''}`,
			);
	const byId = { mode: 'id', value: '' };
	const employee = (id: string) => ({ ...byId, value: id });
	describe('Get Many (getAll)', () => {
		it("lists the company's open tasks with ID (as text), title, status, due date, requested-for person and owner", async () => {
			const { output } = await run({ operation: 'getAll', returnAll: true });
			const mine = output[0].find((item) => item.json.id === String(okta));
			expect(mine?.json).toMatchObject({ id: String(okta), title: 'Create the Okta account', status: 'open', due: '2026-11-24', workflow: 'IT onboarding', requestedFor: { id: hire.id }, owner: { id: itPerson.id } });
			const ids = output[0].map((item) => item.json.id);
			expect(ids).not.toContain(String(badge));
			expect(ids).not.toContain(String(nda));
			expect(output[0].every((item) => typeof item.json.id === 'string' && item.json.status === 'open')).toBe(true);
			expect(sent()).toEqual(['GET /v1/tasks']);
		}); // prettier-ignore

		it("gets one employee's tasks by status (Open / Closed / All) and role", async () => {
			const ids = async (extra: IDataObject) => (await run({ operation: 'getAll', scope: 'employee', employee: employee(hire.id), returnAll: true, ...extra })).output[0].map((item) => item.json.title);
			expect(await ids({})).toEqual(expect.arrayContaining(['Create the Okta account', 'Ship the laptop', 'Meet your buddy']));
			expect(await ids({})).not.toContain('Order the badge');
			expect(await ids({ status: 'closed' })).toEqual(['Order the badge']);
			expect(await ids({ status: 'all', relation: 'requestedFor' })).toEqual(['Create the Okta account', 'Ship the laptop', 'Order the badge']);
			expect(await ids({ status: 'all', relation: 'owner' })).toEqual(['Meet your buddy']);
			expect(sent()).toEqual([`GET /v1/tasks/people/${hire.id}?task_status=open`, `GET /v1/tasks/people/${hire.id}?task_status=open`, `GET /v1/tasks/people/${hire.id}?task_status=closed`, `GET /v1/tasks/people/${hire.id}`, `GET /v1/tasks/people/${hire.id}`]);
		}); // prettier-ignore

		it('filters by title, list and due date (calendar dates, inclusive) and applies the limit', async () => {
			const titles = async (filters: IDataObject, extra: IDataObject = { returnAll: true }) => (await run({ operation: 'getAll', scope: 'employee', employee: employee(hire.id), relation: 'requestedFor', filters, ...extra })).output[0].map((item) => item.json.title);
			expect(await titles({ titleContains: 'okta' })).toEqual(['Create the Okta account']);
			expect(await titles({ workflowContains: 'it ONBOARD' })).toEqual(['Create the Okta account', 'Ship the laptop']);
			expect(await titles({ dueFrom: '2026-11-25T00:00:00', dueTo: '2026-11-28' })).toEqual(['Ship the laptop']);
			expect(await titles({ dueTo: '2026-11-24T23:59:00' })).toEqual(['Create the Okta account']);
			expect(await titles({}, { returnAll: false, limit: 1 })).toEqual(['Create the Okta account']);
		}); // prettier-ignore

		it('refuses a bad employee ID or due date before sending anything; continue-on-fail keeps the item index', async () => {
			const bad = await failureOf(run({ operation: 'getAll', scope: 'employee', employee: employee('amy@acme.com') }));
			expect(bad.message).toMatch(/not a HiBob employee ID/);
			expect(bad.description).toMatch(/Nothing was sent/);
			const date = await failureOf(run({ operation: 'getAll', filters: { dueFrom: 'next week' } }));
			expect(date.message).toMatch(/Due On or After "next week" is not a date/);
			const swapped = await failureOf(run({ operation: 'getAll', filters: { dueFrom: '2026-12-01', dueTo: '2026-11-01' } }));
			expect(swapped.message).toMatch(/earlier than/);
			expect(sent()).toEqual([]);
			const { output } = await run({ operation: 'getAll', scope: 'employee', employee: '={{ $json.id }}', status: 'closed' }, [{ json: { id: 'nope' } }, { json: { id: hire.id } }], true);
			expect(output[0][0]).toEqual({ json: expect.objectContaining({ error: expect.stringMatching(/not a HiBob employee ID/) }), pairedItem: { item: 0 } });
			expect(output[0][1]).toEqual({ json: expect.objectContaining({ title: 'Order the badge' }), pairedItem: { item: 1 } });
		}); // prettier-ignore

		it('explains a 403 with the permission to grant, without the token', async () => {
			sim.control.denyWork({ deny: ['tasks'] });
			try {
				const failure = await failureOf(run({ operation: 'getAll' }));
				expect(failure.message).toMatch(/refused/);
				expect(failure.description).toMatch(/People's tasks/);
				expect(JSON.stringify({ m: failure.message, d: failure.description })).not.toContain(
					sim.serviceUser.token,
				);
			} finally {
				sim.control.denyWork({ deny: [] });
			}
		});
	});

	describe('Complete (complete)', () => {
		it('completes a general task; completing it again is not an error (already complete)', async () => {
			const { output } = await run({ operation: 'complete', taskId: String(laptop) });
			expect(output[0]).toEqual([{ json: { id: String(laptop), completed: true, alreadyComplete: false, toDosUpdated: 1 }, pairedItem: { item: 0 } }]);
			expect(sim.control.listTasks().find((t) => t.id === laptop)?.status).toBe('closed');
			const again = await run({ operation: 'complete', taskId: ` ${laptop} ` });
			expect(again.output[0][0].json).toEqual({ id: String(laptop), completed: true, alreadyComplete: true, toDosUpdated: 0 });
			expect(sent()).toEqual([`POST /v1/tasks/${laptop}/complete`, `POST /v1/tasks/${laptop}/complete`]);
		}); // prettier-ignore

		it('says plainly that only general tasks can be completed; continue-on-fail goes on with the next item', async () => {
			const failure = await failureOf(run({ operation: 'complete', taskId: String(nda) }));
			expect(failure.message).toBe(`Task ${nda} cannot be completed through HiBob's API: only general tasks can`);
			expect(failure.description).toMatch(/E-signature, form/);
			expect(failure.context?.itemIndex).toBe(0);
			const id = sim.control.addTask({ requestedForId: hire.id, title: 'Add to Slack' }).id;
			const { output } = await run({ operation: 'complete', taskId: '={{ $json.id }}' }, [{ json: { id: nda } }, { json: { id: 'abc' } }, { json: { id } }], true);
			expect(output[0].map((item) => [item.pairedItem, item.json.error ?? item.json.completed])).toEqual([[{ item: 0 }, expect.stringMatching(/only general tasks/)], [{ item: 1 }, expect.stringMatching(/not a HiBob task ID/)], [{ item: 2 }, true]]);
			expect(sim.control.listTasks().find((t) => t.id === nda)?.status).toBe('open');
		}); // prettier-ignore

		it('refuses an empty or non-numeric task ID before sending anything; an unknown one is a clear 404', async () => {
			for (const taskId of ['', '12a', '48210003; DROP']) {
				const failure = await failureOf(run({ operation: 'complete', taskId }));
				expect(failure.message).toMatch(/task ID/);
			}
			expect(sent()).toEqual([]);
			const unknown = await failureOf(run({ operation: 'complete', taskId: '999' }));
			expect(unknown.message).toBe('HiBob has no task with ID 999');
		});

		it('repeats the completion after a 5xx (completing twice is harmless) and waits out a 429', async () => {
			const id = sim.control.addTask({ requestedForId: hire.id, title: 'Create the GitHub account' }).id;
			sim.control.injectFault({ kind: 'status', status: 502, method: 'POST', path: `/v1/tasks/${id}/complete` });
			sim.control.injectFault({ kind: 'rate-limit', method: 'POST', path: `/v1/tasks/${id}/complete` });
			const { output } = await run({ operation: 'complete', taskId: String(id) });
			expect(output[0][0].json).toMatchObject({ completed: true, alreadyComplete: false });
			expect(sim.log.entries().map((e) => e.status)).toEqual([502, 429, 200]);
			expect(clock.current.sleeps.length).toBe(2);
		}); // prettier-ignore
	});
});
