/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, no-console -- test fixtures: throwaway service-user tokens of the local HiBob simulator; the scenarios print what they measured */
/**
 * The HiBob Trigger left running on its own, in one real `n8n start` (polling every 10 s): HiBob has bad
 * moments and nobody watches.
 *
 * 1. A slow answer that was already out of date: one people search is answered 25 s late with the data
 *    as it was when the request arrived (the simulator's `slow` fault with `staleOnArrival`), while HiBob
 *    changes and the next polls run meanwhile (n8n does not stop a poll from starting while the previous
 *    one still runs). Guarantee: no change reported backwards and then forwards again, none twice, none
 *    lost.
 * 2. n8n started during a one-minute HiBob outage (every call answers 503): once HiBob is back the
 *    trigger takes its baseline by itself, and a later change is reported once, without anyone
 *    re-activating the workflow.
 * Both run on both n8n lines (E2E_N8N_LINE=1 for 1.123.x).
 */
import { hiBobCredential } from './harness/fixtures';
import { N8nInstance } from './harness/n8n';
import { delay } from './harness/processes';
import { type SimEmployee, SimulatorProcess } from './harness/simulator';
import {
	type Expected,
	eventKeys,
	moveDepartment,
	quietCompany,
	triggerNode,
	TriggerWatch,
	waitFor,
} from './harness/watch';

const SERVICE_USER = { id: 'SERVICE-UNATTENDED', token: 'e2e-unattended-token-0123456789' };
const TRIGGER = 'HiBob Trigger';
const STEP_TIMEOUT_MS = 120000;
/** Every event that could show a change reported backwards (a hire undone is a removal). */
const EVENTS = [
	'employeeCreated',
	'startDateApproaching',
	'employeeRemoved',
	'employeeUpdated',
	'leaveStarted',
	'leaveEnded',
];

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86400000).toISOString().slice(0, 10);
}

interface Setup {
	sim: SimulatorProcess;
	n8n: N8nInstance;
	watch: TriggerWatch;
}

/**
 * A quiet simulator (nobody with a change already scheduled) and one n8n with a published trigger
 * workflow, not started yet.
 */
async function setUp(label: string, workflowId: string, seed: number): Promise<Setup> {
	const today = new Date().toISOString().slice(0, 10);
	const sim = await SimulatorProcess.start({
		employees: 40,
		seed,
		today,
		freezeClock: true,
		noRateLimit: true,
		serviceUser: SERVICE_USER,
	});
	await quietCompany(sim);
	const credential = hiBobCredential(`hibob${workflowId.slice(-11)}`, sim.url, SERVICE_USER);
	const n8n = await N8nInstance.create({ label });
	await n8n.importCredentials([credential]);
	await n8n.importWorkflows([
		{
			id: workflowId,
			name: `e2e: ${workflowId}`,
			settings: { executionOrder: 'v1', timezone: 'UTC' },
			nodes: [triggerNode(TRIGGER, credential, EVENTS)],
			connections: {},
		},
	]);
	await n8n.publishWorkflow(workflowId);
	return { sim, n8n, watch: new TriggerWatch(n8n, sim, workflowId, TRIGGER, SERVICE_USER.id) };
}

describe('HiBob Trigger unattended: a slow, out-of-date answer while the next polls run', () => {
	const today = new Date().toISOString().slice(0, 10);
	const WORKFLOW = 'hbUnattendSlow01';
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let watch: TriggerWatch;
	const context = () =>
		`--- n8n log (tail) ---\n${n8n.serverLog().split('\n').slice(-40).join('\n')}`;

	beforeAll(async () => {
		({ sim, n8n, watch } = await setUp('unattended-slow', WORKFLOW, 21));
		await n8n.start({ timeoutMs: 180000 });
		await n8n.login();
	}, 600000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('a poll held 25 s by a stale answer: no event backwards then forwards, none twice, none lost', async () => {
		// baseline: the activation poll and one more, silent
		await waitFor('the first poll', async () => ((await watch.searches()).length > 0 ? true : undefined), { timeoutMs: STEP_TIMEOUT_MS, context });
		await watch.pollAfter((await watch.searches()).length, STEP_TIMEOUT_MS, context);
		await watch.collect();
		expect(watch.events()).toEqual([]);

		const [mover] = await sim.employees({ lifecycleStatus: 'employed' });
		// the next people search is answered 25 s late with the data of the moment it arrived
		await sim.control('injectFault', { kind: 'slow', delayMs: 25000, staleOnArrival: true, method: 'POST', path: '/v1/people/search' });
		await waitFor('the slow search to arrive', async () => ((await sim.control<unknown[]>('listFaults')).length === 0 ? true : undefined), { timeoutMs: STEP_TIMEOUT_MS, context });
		const answeredBefore = (await watch.searches()).length;
		// HiBob changes while that answer is on its way
		const [before, after] = await moveDepartment(sim, mover.id);
		const hired = await sim.control<SimEmployee>('hire', { firstName: 'Sam', surname: 'Slowpoll', email: 'sam.slowpoll@e2e.example', startDate: addDays(today, 3), department: 'Engineering' });
		const expected: Expected = [
			['employeeUpdated', mover.id],
			['employeeCreated', hired.id],
			['startDateApproaching', hired.id],
		];
		// the stale answer lands (the log lists searches in the order they were answered)
		const staleIndex = await waitFor('the stale answer', async () => {
			const index = (await watch.searches()).findIndex((s) => s.fault === 'slow');
			return index >= 0 ? index : undefined;
		}, { timeoutMs: STEP_TIMEOUT_MS, context });
		const overlapping = staleIndex - answeredBefore;
		// then three more polls after it, so a rolled-back state would be reported again
		for (let i = 0; i < 3; i++) await watch.pollAfter(staleIndex + 1 + i, STEP_TIMEOUT_MS, context);
		await delay(3000);
		await watch.collect();
		console.log(`e2e unattended: ${overlapping} search(es) answered while the stale one was in flight`);
		expect(eventKeys(watch.events())).toEqual(eventKeys(expected));
		const update = watch.events().find((e) => e.event === 'employeeUpdated')!;
		expect(update.json.changes).toEqual([expect.objectContaining({ field: 'work.department', previous: before, current: after })]);
		expect([...watch.failedExecutions.values()]).toEqual([]);
	}, 600000); // prettier-ignore
});

describe('HiBob Trigger unattended: n8n started during a one-minute HiBob outage', () => {
	const WORKFLOW = 'hbUnattendOuta01';
	const OUTAGE_MS = 60000;
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let watch: TriggerWatch;
	const context = () =>
		`--- n8n log (tail) ---\n${n8n.serverLog().split('\n').slice(-40).join('\n')}`;

	beforeAll(async () => {
		({ sim, n8n, watch } = await setUp('unattended-outage', WORKFLOW, 22));
	}, 600000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('once HiBob is back the trigger recovers by itself, and a change is reported once', async () => {
		// every HiBob call answers 503 (a gateway page) for a minute
		await sim.control('injectFault', { kind: 'status', status: 503, path: '/v1/', count: 1000000 });
		const outageStarted = Date.now();
		await n8n.start({ timeoutMs: 180000 });
		await n8n.login();
		await waitFor('a search during the outage', async () => ((await watch.searches()).some((s) => s.status === 503) ? true : undefined), { timeoutMs: STEP_TIMEOUT_MS, context });
		await delay(Math.max(0, outageStarted + OUTAGE_MS - Date.now()));
		await sim.control('clearFaults');
		const outageEnded = Date.now();
		const failedDuringOutage = (await watch.searches()).filter((s) => s.status === 503).length;
		const mark = (await watch.searches()).length;

		// the first good poll after the outage takes the baseline (silently), one more confirms it
		await watch.pollAfter(mark, 300000, context);
		const recoveredMs = Date.now() - outageEnded;
		const afterRecovery = (await watch.searches()).length;
		await watch.pollAfter(afterRecovery, STEP_TIMEOUT_MS, context);
		await watch.collect();
		expect(watch.events()).toEqual([]);

		const [employee] = await sim.employees({ lifecycleStatus: 'employed' });
		const seen = new Set(watch.executions.keys());
		await sim.control('startLeave', { employeeId: employee.id });
		const events = await watch.eventsSince(seen, [['leaveStarted', employee.id]], STEP_TIMEOUT_MS, context);
		expect(eventKeys(events)).toEqual(eventKeys([['leaveStarted', employee.id]]));
		await watch.pollAfter((await watch.searches()).length, STEP_TIMEOUT_MS, context);
		await delay(2000);
		await watch.collect();
		expect(eventKeys(watch.events())).toEqual(eventKeys([['leaveStarted', employee.id]]));
		console.log(
			`e2e unattended: ${failedDuringOutage} searches answered 503 during the outage; first good poll ${Math.round(recoveredMs / 1000)} s after it ended; ${watch.failedExecutions.size} error execution(s)`,
		);
	}, 600000); // prettier-ignore
});
