/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/**
 * The HiBob Trigger in n8n's queue mode, deployed the way n8n's docs say: Postgres and Redis (started by
 * the suite itself, test/e2e/services.sh), one main (`n8n start`: it polls and enqueues) and one worker
 * (`n8n worker`: it runs the executions), each with its own user folder and our package installed in it
 * as users install it. The trigger's workflow continues into a HiBob node (Employee → Get on the event's
 * employee), so the worker must load the package and decrypt the credential.
 *
 * The same scenario runs twice: on n8n's default (legacy, in-memory) poll scheduler, and with n8n's
 * durable scheduler and durable poll cursors switched on (shorter poll budget, a lease per tick). Each
 * time: the baseline is silent; a change gives exactly one execution, which the worker ran (n8n's logs
 * say so); with the worker stopped a change waits in the queue and runs once when the worker is back;
 * the main killed with SIGKILL, changes made while it is down, restarted: each reported once, nothing
 * repeated. A second workflow watches time off (Watch: Time Off, its own service user): a request
 * submitted while the main is down is reported once after the restart, and run by the worker. Only on
 * the n8n 2.x line (the 1.x line skips this file).
 */
import { credentialRef, hiBobCredential, locator } from './harness/fixtures';
import { selectedLine } from './harness/host';
import { nodeOutput, nodeType } from './harness/n8n';
import { delay } from './harness/processes';
import { QueueDeployment } from './harness/queue';
import { TestServices } from './harness/services';
import { type SimEmployee, SimulatorProcess } from './harness/simulator';
import {
	type Expected,
	eventKeys,
	moveDepartment,
	quietCompany,
	readTimeOffRuns,
	TIME_OFF_CHANGES,
	timeOffTriggerNode,
	triggerNode,
	TriggerWatch,
	waitFor,
} from './harness/watch';

const TRIGGER_USER = { id: 'SERVICE-QUEUE-TRIGGER', token: 'e2e-queue-trigger-token-0123456789' };
const ACTION_USER = { id: 'SERVICE-QUEUE-ACTION', token: 'e2e-queue-action-token-0123456789' };
const TIME_OFF_USER = { id: 'SERVICE-QUEUE-TIMEOFF', token: 'e2e-queue-timeoff-token-0123456789' };
const WORKFLOW = 'hbQueueScenari01';
const TIME_OFF_WORKFLOW = 'hbQueueTimeOff01';
const TRIGGER = 'HiBob Trigger';
const LOOKUP = 'Look Up Employee';
/** One poll (10 s apart) plus queueing and a worker run, on a loaded 2-core machine. */
const STEP_TIMEOUT_MS = 150000;

const MODES: Array<{
	name: string;
	label: string;
	env: Record<string, string>;
	/** Where n8n keeps the trigger's state: static data (default) or a durable poll cursor. */
	durableCursor: boolean;
}> = [
	{ name: "n8n's default poll scheduler", label: 'queue-legacy', env: {}, durableCursor: false },
	{
		name: "n8n's durable scheduler with durable poll cursors",
		label: 'queue-durable',
		durableCursor: true,
		env: {
			N8N_SCHEDULER_ENABLED: 'true',
			N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
			N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
		},
	},
];

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86400000).toISOString().slice(0, 10);
}

const describeOn2x = selectedLine() === 2 ? describe : describe.skip;

describeOn2x('HiBob Trigger in n8n queue mode (Postgres + Redis, one main + one worker)', () => {
	const today = new Date().toISOString().slice(0, 10);
	let services: TestServices;
	let sim: SimulatorProcess;
	let people: SimEmployee[];
	/** Employees no scenario has touched yet (each step takes its own). */
	const fresh = () => people.shift()!;

	beforeAll(async () => {
		services = await TestServices.start('queue');
		sim = await SimulatorProcess.start({
			employees: 40,
			seed: 12,
			today,
			freezeClock: true,
			// with a frozen clock HiBob's per-minute window would never reset
			noRateLimit: true,
			serviceUser: TRIGGER_USER,
		});
		await sim.control('addServiceUser', ACTION_USER);
		await sim.control('addServiceUser', TIME_OFF_USER);
		await quietCompany(sim);
		people = await sim.employees({ lifecycleStatus: 'employed' });
		expect(people.length).toBeGreaterThanOrEqual(10);
	}, 900000);

	afterAll(async () => {
		await sim?.stop();
		await services?.stop();
	});

	describe.each(MODES)('$name', ({ label, env, durableCursor }) => {
		let q: QueueDeployment;
		let watch: TriggerWatch;
		const expectedAll: Expected = [];
		const context = () =>
			`--- main log (tail) ---\n${q.main.serverLog().split('\n').slice(-30).join('\n')}\n--- worker log (tail) ---\n${q.workerLog().split('\n').slice(-30).join('\n')}`;

		/** Waits for `wanted` in executions that are new since `seenBefore`; returns those executions' events. */
		/** The time-off trigger's successful reads of HiBob's time-off changes. */
		const timeOffPolls = async () => (await sim.log({ path: TIME_OFF_CHANGES })).filter((entry) => entry.serviceUserId === TIME_OFF_USER.id && entry.status === 200); // prettier-ignore
		let timeOffRequest = '';

		const arrive = async (seenBefore: Set<string>, wanted: Expected) => {
			expectedAll.push(...wanted);
			return await watch.eventsSince(seenBefore, wanted, STEP_TIMEOUT_MS, context);
		};

		beforeAll(async () => {
			q = await QueueDeployment.create({ services, label, env });
			watch = new TriggerWatch(q.main, sim, WORKFLOW, TRIGGER, TRIGGER_USER.id);
			const triggerCredential = hiBobCredential('hibobQueueTrig01', sim.url, TRIGGER_USER);
			const actionCredential = hiBobCredential('hibobQueueActn01', sim.url, ACTION_USER);
			const timeOffCredential = hiBobCredential('hibobQueueTOff01', sim.url, TIME_OFF_USER);
			await q.main.importCredentials([triggerCredential, actionCredential, timeOffCredential]);
			await q.main.importWorkflows([
				{
					id: WORKFLOW,
					name: 'e2e: HiBob Trigger in queue mode',
					settings: { executionOrder: 'v1', timezone: 'UTC' },
					nodes: [
						triggerNode(TRIGGER, triggerCredential, [
							'employeeCreated',
							'startDateApproaching',
							'leaveStarted',
							'terminationScheduled',
							'employeeUpdated',
						]),
						{
							id: 'lookup',
							name: LOOKUP,
							type: nodeType('hiBob'),
							typeVersion: 1,
							position: [250, 0],
							parameters: {
								resource: 'employee',
								operation: 'get',
								employee: locator('id', '={{ $json.employeeId }}'),
							},
							credentials: credentialRef(actionCredential),
						},
					],
					connections: { [TRIGGER]: { main: [[{ node: LOOKUP, type: 'main', index: 0 }]] } },
				},
				{
					id: TIME_OFF_WORKFLOW,
					name: 'e2e: HiBob Trigger time off in queue mode',
					settings: { executionOrder: 'v1', timezone: 'UTC' },
					nodes: [timeOffTriggerNode(TRIGGER, timeOffCredential)],
					connections: {},
				},
			]);
			await q.main.publishWorkflow(WORKFLOW);
			await q.main.publishWorkflow(TIME_OFF_WORKFLOW);
			await q.startWorker();
			await q.main.start({ timeoutMs: 180000 });
			await q.main.login();
		}, 900000);

		afterAll(async () => {
			await q?.dispose();
		});

		test('baseline: the activation poll and the next polls emit nothing', async () => {
			const first = await waitFor(
				'the first poll',
				async () => {
					const n = (await watch.searches()).length;
					return n > 0 ? n : undefined;
				},
				{ timeoutMs: STEP_TIMEOUT_MS, context },
			);
			await watch.pollAfter(first, STEP_TIMEOUT_MS, context);
			await watch.pollAfter(first + 1, STEP_TIMEOUT_MS, context);
			expect(await q.main.listExecutions(WORKFLOW)).toEqual([]);
		}, 600000);

		test('a change: exactly one execution, enqueued by the main and run by the worker', async () => {
			const employee = fresh();
			await watch.collect();
			const seen = new Set(watch.executions.keys());
			const lookupsBefore = (await sim.searches()).filter((s) => s.serviceUserId === ACTION_USER.id).length;
			await moveDepartment(sim, employee.id);
			const events = await arrive(seen, [['employeeUpdated', employee.id]]);
			expect(eventKeys(events)).toEqual(eventKeys([['employeeUpdated', employee.id]]));
			const [executionId] = [...new Set(events.map((e) => e.executionId))];
			// n8n's logs: the main enqueued it, the worker started and finished it
			await waitFor('the worker log lines', async () => (q.ranBy(executionId).finishedOnWorker ? true : undefined), { timeoutMs: 30000, context });
			expect(q.ranBy(executionId)).toEqual({ enqueuedByMain: true, startedOnWorker: true, finishedOnWorker: true });
			// the HiBob node ran on the worker: it loaded the package, decrypted its credential and looked the employee up
			const run = watch.executions.get(executionId)!.run!;
			expect(nodeOutput(run, LOOKUP)).toEqual([expect.objectContaining({ id: employee.id, email: employee.email })]);
			const lookups = (await sim.searches()).filter((s) => s.serviceUserId === ACTION_USER.id);
			expect(lookups.slice(lookupsBefore).map((s) => s.status)).toEqual([200]);
			expect(JSON.stringify(lookups[lookupsBefore].body)).toContain(employee.id);
		}, 600000); // prettier-ignore

		test('the worker is stopped while a change happens: the queued execution runs once when it is back', async () => {
			await q.stopWorker();
			await watch.collect();
			const seen = new Set(watch.executions.keys());
			const mark = (await watch.searches()).length;
			const employee = fresh();
			await sim.control('startLeave', { employeeId: employee.id });
			await watch.pollAfter(mark, STEP_TIMEOUT_MS, context);
			// the main found the change and queued one execution; nothing runs it yet
			const queued = await waitFor('the queued execution', async () => {
				const waiting = await watch.unfinished();
				return waiting.length > 0 ? waiting : undefined;
			}, { timeoutMs: STEP_TIMEOUT_MS, context });
			await watch.pollAfter((await watch.searches()).length, STEP_TIMEOUT_MS, context);
			await watch.collect();
			expect((await watch.unfinished()).map((e) => e.id)).toEqual(queued.map((e) => e.id));
			expect([...watch.executions.keys()].filter((id) => !seen.has(id))).toEqual([]);
			await q.startWorker();
			const events = await arrive(seen, [['leaveStarted', employee.id]]);
			expect(eventKeys(events)).toEqual(eventKeys([['leaveStarted', employee.id]]));
			expect(events[0].executionId).toBe(queued[0].id);
			expect(queued).toHaveLength(1);
			await waitFor('the worker log lines', async () => (q.ranBy(queued[0].id).finishedOnWorker ? true : undefined), { timeoutMs: 30000, context });
			expect(q.ranBy(queued[0].id)).toEqual({ enqueuedByMain: true, startedOnWorker: true, finishedOnWorker: true });
		}, 600000); // prettier-ignore

		test('the main is killed (SIGKILL) and restarted, with changes and a time-off request made while it was down: each reported once', async () => {
			// the time-off trigger has taken its (silent) baseline; its feed is read by time, so the
			// simulator's frozen clock moves to the real time before the request is made
			await waitFor('the time-off baseline poll', async () => ((await timeOffPolls()).length > 0 ? true : undefined), { timeoutMs: STEP_TIMEOUT_MS, context }); // prettier-ignore
			await sim.control('setNow', { now: new Date().toISOString() });
			await watch.collect();
			const seen = new Set(watch.executions.keys());
			await q.main.kill();
			const leaving = fresh();
			const moving = fresh();
			const away = fresh();
			await sim.control('terminate', { employeeId: leaving.id, terminationDate: addDays(today, 20) });
			await moveDepartment(sim, moving.id);
			const request = await sim.control<{ requestId: number }>('addTimeOff', { employeeId: away.id, startDate: addDays(today, 30), endDate: addDays(today, 31), status: 'Pending' }); // prettier-ignore
			timeOffRequest = String(request.requestId);
			await q.main.start({ timeoutMs: 180000 });
			await q.main.login();
			const wanted: Expected = [
				['terminationScheduled', leaving.id],
				['employeeUpdated', moving.id],
			];
			const events = await arrive(seen, wanted);
			expect(eventKeys(events)).toEqual(eventKeys(wanted));
			const timeOff = await waitFor('the time-off event', async () => {
				const runs = await readTimeOffRuns(q.main, TIME_OFF_WORKFLOW, TRIGGER);
				return runs.keys.length > 0 ? runs : undefined;
			}, { timeoutMs: STEP_TIMEOUT_MS, context });
			expect(timeOff.keys).toEqual([`timeOffRequested ${timeOffRequest}`]);
			expect(timeOff.events[0]).toMatchObject({ employeeId: away.id, startDate: addDays(today, 30), employee: { id: away.id } }); // prettier-ignore
		}, 600000); // prettier-ignore

		test('tally: every event exactly once, every execution run by the worker, nothing failed or left queued', async () => {
			const mark = (await watch.searches()).length;
			await watch.pollAfter(mark, STEP_TIMEOUT_MS, context);
			await watch.pollAfter(mark + 1, STEP_TIMEOUT_MS, context);
			await delay(3000);
			await watch.collect();
			expect(eventKeys(watch.events())).toEqual(eventKeys(expectedAll));
			expect([...watch.failedExecutions.values()]).toEqual([]);
			expect(await watch.unfinished()).toEqual([]);
			// the trigger's state is where this mode keeps it: the workflow's static data, or the poll cursor
			const stored = async (workflowId: string) => (durableCursor ? (await q.pollerCursors(workflowId)).join('\n') : await q.rawStaticData(workflowId));
			expect(await stored(WORKFLOW)).toContain('lifecycleSnapshot');
			for (const id of watch.executions.keys()) {
				expect({ id, ...q.ranBy(id) }).toEqual({ id, enqueuedByMain: true, startedOnWorker: true, finishedOnWorker: true });
			}
			// time off: the one request once, each of its executions run by the worker, its state stored
			const timeOff = await readTimeOffRuns(q.main, TIME_OFF_WORKFLOW, TRIGGER);
			expect(timeOff.keys).toEqual([`timeOffRequested ${timeOffRequest}`]);
			expect(timeOff.failed).toEqual([]);
			for (const id of timeOff.executionIds) {
				expect({ id, ...q.ranBy(id) }).toEqual({ id, enqueuedByMain: true, startedOnWorker: true, finishedOnWorker: true });
			}
			expect(await stored(TIME_OFF_WORKFLOW)).toContain('timeOffState');
		}, 600000); // prettier-ignore
	});
});
