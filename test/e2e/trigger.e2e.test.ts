/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: a throwaway service-user token of the local HiBob simulator */
/**
 * Issue #5, trigger part: the HiBob Trigger published in a real `n8n start`, polling every 10 s, against
 * the HiBob simulator running as its own process with a frozen clock. Between polls the scenario changes
 * HiBob through the simulator's control API (hire with a future start, the start date reached,
 * termination scheduled, terminated, leave started and ended, rehire, department change) and reads the
 * events back from n8n's trigger executions over REST. n8n is restarted between two polls while a change
 * waits; "Fetch Test Event" must leave the stored state byte-identical; a mass removal trips the safety
 * guard. Every (event, employee) the scenario causes must arrive exactly once across the whole run.
 *
 * Clocks: the trigger's "today" is n8n's real date (UTC, the workflow's time zone); the simulator starts
 * on that date and only moves forward through the control API. The dates are chosen so that both clocks
 * agree on every rule the scenario exercises (see the steps).
 */
import { credentialRef, hiBobCredential } from './harness/fixtures';
import {
	type ExecutionSummary,
	N8nInstance,
	nodeOutput,
	nodeType,
	POLL_EVERY_10_SECONDS,
} from './harness/n8n';
import { delay } from './harness/processes';
import { type SimEmployee, SimulatorProcess } from './harness/simulator';
import { readTimeOffRuns, TIME_OFF_CHANGES, timeOffTriggerNode } from './harness/watch';

const SERVICE_USER = { id: 'SERVICE-TRIGGER', token: 'e2e-trigger-token-0123456789' };
// 16 characters, like n8n's own IDs: n8n 1.x saves static data only for workflow IDs of at most 16
const WORKFLOW = 'hbTriggerScen001';
/** The same n8n start also runs a time-off trigger (Watch: Time Off) in its own workflow, as its own service user. */
const TIME_OFF_WORKFLOW = 'hbTriggerTOff001';
const TIME_OFF_USER = { id: 'SERVICE-TIMEOFF', token: 'e2e-timeoff-token-0123456789' };
const TRIGGER = 'HiBob Trigger';
const EMPLOYEES = 40;
/** Longest wait for one poll (10 s apart) plus its execution, on a loaded 2-core machine. */
const STEP_TIMEOUT_MS = 60000;

interface TriggerEvent {
	event: string;
	employeeId: string;
	executionId: string;
	json: Record<string, unknown>;
}

type Expected = Array<[event: string, employeeId: string]>;

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86400000).toISOString().slice(0, 10);
}

const key = ([event, employeeId]: readonly [string, string]) => `${event} ${employeeId}`;
const keys = (events: Array<TriggerEvent | [string, string]>) =>
	events.map((e) => (Array.isArray(e) ? key(e) : key([e.event, e.employeeId]))).sort();

describe('HiBob Trigger in a real n8n: a scripted lifecycle, polled every 10 s', () => {
	const today = new Date().toISOString().slice(0, 10);
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	/** Events of every finished trigger execution, by execution id (read once each). */
	const eventsByExecution = new Map<string, TriggerEvent[]>();
	const errorExecutions = new Map<string, ExecutionSummary>();
	/** Every (event, employee) the scenario expects, in step order. */
	const expectedAll: Expected = [];
	let people: SimEmployee[];
	let hiredId: string;
	const pick = (index: number) => people[index].id;

	const triggerSearches = async () =>
		(await sim.searches()).filter((s) => s.serviceUserId === SERVICE_USER.id);

	const waitFor = async <T>(
		what: string,
		probe: () => Promise<T | undefined>,
		timeoutMs = STEP_TIMEOUT_MS,
	): Promise<T> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await probe();
			if (value !== undefined) return value;
			if (Date.now() > deadline) {
				throw new Error(
					`e2e: timed out waiting for ${what}\n--- n8n log (tail) ---\n${n8n.serverLog().split('\n').slice(-40).join('\n')}`,
				);
			}
			await delay(500);
		}
	};

	/** Reads the trigger executions n8n has finished since the last call (events and failures). */
	const collect = async (): Promise<void> => {
		for (const summary of await n8n.listExecutions(WORKFLOW)) {
			if (summary.mode !== 'trigger') continue;
			if (eventsByExecution.has(summary.id) || errorExecutions.has(summary.id)) continue;
			if (['new', 'running', 'waiting'].includes(summary.status)) continue;
			const execution = await n8n.getExecution(summary.id);
			// read again on the next call when n8n has not stored the run data yet
			if (!execution?.run) continue;
			if (execution.status !== 'success') {
				errorExecutions.set(summary.id, execution);
				continue;
			}
			eventsByExecution.set(
				summary.id,
				nodeOutput(execution.run, TRIGGER).map((json) => ({
					event: String(json.event),
					employeeId: String(json.employeeId),
					executionId: summary.id,
					json,
				})),
			);
		}
	};
	const allEvents = () => [...eventsByExecution.values()].flat();

	/** Waits until the trigger has searched HiBob after `mark` (the number of its searches before). */
	const pollAfter = async (mark: number) =>
		await waitFor('a poll after the change', async () =>
			(await triggerSearches()).slice(mark).some((s) => s.status === 200) ? true : undefined,
		);

	const rawStaticData = async (): Promise<string | null> => {
		const [row] = await n8n.sql<{ staticData: string | null }>(
			'select staticData from workflow_entity where id = ?',
			[WORKFLOW],
		);
		return row?.staticData ?? null;
	};

	/**
	 * One scenario step: `change` alters HiBob through the control API and returns the events it should
	 * cause; waits for the next poll and for those events, and returns every event that arrived in this
	 * step (expected or not). `restart`: n8n is stopped between two polls before the change and started
	 * again after it.
	 */
	const step = async (
		change: () => Promise<Expected>,
		options: { restart?: boolean } = {},
	): Promise<TriggerEvent[]> => {
		await collect();
		const seenBefore = new Set(eventsByExecution.keys());
		const mark = (await triggerSearches()).length;
		let stored: string | null = null;
		if (options.restart) {
			await n8n.stop({ betweenPolls: true });
			stored = await rawStaticData();
		}
		const expected = await change();
		if (options.restart) {
			expect(await rawStaticData()).toBe(stored);
			await n8n.start();
			await n8n.login();
		}
		expectedAll.push(...expected);
		await pollAfter(mark);
		const wanted = keys(expected);
		return await waitFor(`events ${wanted.join(', ')}`, async () => {
			await collect();
			const events = allEvents().filter((e) => !seenBefore.has(e.executionId));
			const got = keys(events);
			return wanted.every((w) => got.includes(w)) ? events : undefined;
		});
	};

	beforeAll(async () => {
		sim = await SimulatorProcess.start({
			employees: EMPLOYEES,
			seed: 5,
			today,
			freezeClock: true,
			// with a frozen clock HiBob's per-minute window would never reset
			noRateLimit: true,
			serviceUser: SERVICE_USER,
		});
		// A quiet company: nobody with a change already scheduled (future starts, leave ends, garden
		// leave), so every event comes from this scenario. Removed before the baseline: no events.
		for (const status of ['hired', 'leave', 'parental leave', 'garden leave']) {
			for (const e of await sim.employees({ lifecycleStatus: status })) {
				await sim.control('deleteEmployee', { employeeId: e.id });
			}
		}
		expect((await sim.control<{ scheduled: number }>('state')).scheduled).toBe(0);
		people = await sim.employees({ lifecycleStatus: 'employed' });
		expect(people.length).toBeGreaterThanOrEqual(20);

		const credential = hiBobCredential('hibobTriggerSim01', sim.url, SERVICE_USER);
		await sim.control('addServiceUser', TIME_OFF_USER);
		const timeOffCredential = hiBobCredential('hibobTriggerTOff1', sim.url, TIME_OFF_USER);
		n8n = await N8nInstance.create({ label: 'trigger' });
		await n8n.importCredentials([credential, timeOffCredential]);
		await n8n.importWorkflows([
			{
				id: WORKFLOW,
				name: 'e2e: HiBob Trigger scenario',
				settings: { executionOrder: 'v1', timezone: 'UTC' },
				nodes: [
					{
						id: 'trigger',
						name: TRIGGER,
						type: nodeType('hiBobTrigger'),
						typeVersion: 1,
						position: [0, 0],
						parameters: {
							pollTimes: POLL_EVERY_10_SECONDS,
							events: [
								'employeeCreated',
								'startDateApproaching',
								'employeeStarted',
								'leaveStarted',
								'leaveEnded',
								'terminationScheduled',
								'employeeTerminated',
								'employeeRehired',
								'employeeRemoved',
								'employeeUpdated',
							],
							watchedFields: ['work.department'],
							options: {},
						},
						credentials: credentialRef(credential),
					},
				],
				connections: {},
			},
			{
				id: TIME_OFF_WORKFLOW,
				name: 'e2e: HiBob Trigger time off',
				settings: { executionOrder: 'v1', timezone: 'UTC' },
				nodes: [timeOffTriggerNode(TRIGGER, timeOffCredential)],
				connections: {},
			},
		]);
		await n8n.publishWorkflow(WORKFLOW);
		await n8n.publishWorkflow(TIME_OFF_WORKFLOW);
		// two CLI publishes after the imports: on a loaded machine each CLI start takes 20–60 s
	}, 420_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('baseline: activation takes a snapshot of everyone and emits nothing', async () => {
		await n8n.start();
		await n8n.login();
		// the baseline poll, then two scheduled polls that find nothing new
		const first = await waitFor('the first poll', async () => {
			const searches = await triggerSearches();
			return searches.length > 0 ? searches.length : undefined;
		});
		await pollAfter(first);
		await pollAfter(first + 1);
		await collect();
		expect(allEvents()).toEqual([]);
		expect([...errorExecutions.values()]).toEqual([]);
		const stored = (await n8n.staticData(WORKFLOW))[`node:${TRIGGER}`] as Record<string, unknown>;
		expect(stored).toHaveProperty('lifecycleSnapshot');
		// the engine's compact snapshot (schema v1): "t" = the poll's date, "i" = one entry per employee
		const snapshot = stored.lifecycleSnapshot as { t: string; i: unknown[] };
		expect(snapshot.t).toBe(today);
		expect(snapshot.i).toHaveLength((await sim.employees()).length);
		// the trigger searched with showInactive (hired and terminated people are watched too)
		const [search] = await triggerSearches();
		expect(search.body).toMatchObject({ showInactive: true });
	});

	/** The time-off trigger's events of every finished execution, and its failed executions. */
	const timeOffRuns = async () => await readTimeOffRuns(n8n, TIME_OFF_WORKFLOW, TRIGGER);
	const timeOffPolls = async () => (await sim.log({ path: TIME_OFF_CHANGES })).filter((entry) => entry.serviceUserId === TIME_OFF_USER.id && entry.status === 200); // prettier-ignore
	const timeOffEvent = async (event: string, requestId: string) =>
		await waitFor(`${event} for request ${requestId}`, async () => {
			const found = (await timeOffRuns()).events.find((e) => e.event === event && e.requestId === requestId);
			return found;
		}); // prettier-ignore
	let timeOffRequest = '';

	test('time off (a second workflow, Watch: Time Off): baseline silent; submitted, approved, cancelled → three events, each once', async () => {
		// The simulator's frozen clock moves to real time: the trigger reads changes from its own clock.
		await sim.control('setNow', { now: new Date().toISOString() });
		const baselinePolls = await waitFor('the time-off baseline poll', async () => ((await timeOffPolls()).length > 0 ? (await timeOffPolls()).length : undefined)); // prettier-ignore
		const employeeId = pick(5);
		const request = await sim.control<{ requestId: number }>('addTimeOff', { employeeId, startDate: addDays(today, 20), endDate: addDays(today, 22), status: 'Pending' }); // prettier-ignore
		timeOffRequest = String(request.requestId);
		const submitted = await timeOffEvent('timeOffRequested', timeOffRequest);
		expect(submitted).toMatchObject({ changeType: 'Pending', employeeId, policyType: 'Holiday', startDate: addDays(today, 20), endDate: addDays(today, 22), totalDuration: 3, employee: { id: employeeId } }); // prettier-ignore
		expect(baselinePolls).toBeGreaterThan(0);
		await sim.control('approveTimeOff', { requestId: request.requestId });
		await timeOffEvent('timeOffApproved', timeOffRequest);
		await sim.control('cancelTimeOff', { requestId: request.requestId });
		await timeOffEvent('timeOffCancelled', timeOffRequest);
		// two more polls: nothing late, nothing repeated
		const mark = (await timeOffPolls()).length;
		await waitFor('two more time-off polls', async () => ((await timeOffPolls()).length >= mark + 2 ? true : undefined)); // prettier-ignore
		await delay(2000);
		const { events, failed } = await timeOffRuns();
		expect(events.map((e) => `${String(e.event)} ${String(e.requestId)}`).sort()).toEqual([`timeOffApproved ${timeOffRequest}`, `timeOffCancelled ${timeOffRequest}`, `timeOffRequested ${timeOffRequest}`]); // prettier-ignore
		expect(failed).toEqual([]);
		const stored = (await n8n.staticData(TIME_OFF_WORKFLOW))[`node:${TRIGGER}`] as Record<
			string,
			unknown
		>;
		expect(stored).toHaveProperty('timeOffState');
	});

	test('hire with a future start: Employee Created + Start Date Approaching', async () => {
		const events = await step(async () => {
			const hired = await sim.control<SimEmployee>('hire', {
				firstName: 'Nora',
				surname: 'Newhire',
				email: 'nora.newhire@e2e.example',
				startDate: addDays(today, 3),
				department: 'Engineering',
			});
			expect(hired.lifecycleStatus).toBe('hired');
			hiredId = hired.id;
			return [
				['employeeCreated', hiredId],
				['startDateApproaching', hiredId],
			];
		});
		expect(keys(events)).toEqual(
			keys([
				['employeeCreated', hiredId],
				['startDateApproaching', hiredId],
			]),
		);
		expect(events.find((e) => e.event === 'employeeCreated')!.json).toMatchObject({
			employeeId: hiredId,
			email: 'nora.newhire@e2e.example',
			effectiveDate: addDays(today, 3),
		});
	});

	test('the start date is reached (simulator clock +3 days): Employee Started', async () => {
		const events = await step(async () => {
			await sim.control('setToday', { today: addDays(today, 3) });
			return [['employeeStarted', hiredId]];
		});
		expect(keys(events)).toEqual(keys([['employeeStarted', hiredId]]));
	});

	test('a termination is scheduled: Termination Scheduled', async () => {
		const events = await step(async () => {
			await sim.control('terminate', {
				employeeId: pick(0),
				terminationDate: addDays(today, 4),
			});
			return [['terminationScheduled', pick(0)]];
		});
		expect(keys(events)).toEqual(keys([['terminationScheduled', pick(0)]]));
		expect(events[0].json).toMatchObject({ effectiveDate: addDays(today, 4) });
	});

	test('the termination takes effect (simulator clock +2 days): Employee Terminated', async () => {
		const events = await step(async () => {
			await sim.control('advanceDays', { days: 2 });
			return [['employeeTerminated', pick(0)]];
		});
		expect(keys(events)).toEqual(keys([['employeeTerminated', pick(0)]]));
	});

	test('a leave starts: Leave Started', async () => {
		const events = await step(async () => {
			await sim.control('startLeave', { employeeId: pick(1) });
			return [['leaveStarted', pick(1)]];
		});
		expect(keys(events)).toEqual(keys([['leaveStarted', pick(1)]]));
	});

	test('"Fetch Test Event" returns sample events and leaves the saved state byte-identical', async () => {
		// wait for a quiet poll first, so no scheduled poll is about to save state
		await pollAfter((await triggerSearches()).length);
		const before = await rawStaticData();
		expect(before).toContain('lifecycleSnapshot');
		const manual = await n8n.fetchTestEvent(WORKFLOW, TRIGGER);
		expect(manual).toMatchObject({ mode: 'manual', status: 'success' });
		const samples = nodeOutput(manual.run!, TRIGGER);
		expect(samples.length).toBeGreaterThan(0);
		expect(samples[0]).toMatchObject({ event: 'employeeCreated', sample: true });
		// the newest employee (by start date) comes first: the one hired in this scenario
		expect(samples[0].employeeId).toBe(hiredId);
		await pollAfter((await triggerSearches()).length);
		expect(await rawStaticData()).toBe(before);
	});

	test('n8n restarts between two polls while a leave ends: Leave Ended arrives once, after the restart', async () => {
		const events = await step(
			async () => {
				await sim.control('endLeave', { employeeId: pick(1) });
				return [['leaveEnded', pick(1)]];
			},
			{ restart: true },
		);
		expect(keys(events)).toEqual(keys([['leaveEnded', pick(1)]]));
	});

	test('a terminated employee is rehired (future start): Employee Rehired', async () => {
		const events = await step(async () => {
			await sim.control('rehire', { employeeId: pick(0), startDate: addDays(today, 15) });
			return [['employeeRehired', pick(0)]];
		});
		expect(keys(events)).toEqual(keys([['employeeRehired', pick(0)]]));
	});

	test('a department change: Employee Updated with the change', async () => {
		const employeeId = pick(2);
		const before = await sim.control<{ values: Record<string, unknown> }>('getEmployee', {
			employeeId,
		});
		const events = await step(async () => {
			await sim.control('changeFields', {
				employeeId,
				fields: { 'work.department': 'Legal' },
			});
			const after = await sim.control<{ values: Record<string, unknown> }>('getEmployee', {
				employeeId,
			});
			if (after.values['work.department'] === before.values['work.department']) {
				await sim.control('changeFields', {
					employeeId,
					fields: { 'work.department': 'Security' },
				});
			}
			return [['employeeUpdated', employeeId]];
		});
		expect(keys(events)).toEqual(keys([['employeeUpdated', employeeId]]));
		expect(events[0].json.changes).toEqual([
			expect.objectContaining({
				field: 'work.department',
				previous: before.values['work.department'],
			}),
		]);
	});

	test('every expected event arrived exactly once across the scenario (restart included)', async () => {
		// one more poll: nothing late, nothing repeated
		await pollAfter((await triggerSearches()).length);
		await delay(2000);
		await collect();
		expect(keys(allEvents())).toEqual(keys(expectedAll));
		expect([...errorExecutions.values()]).toEqual([]);
	});

	test('time off: still each event once after the restart and the rest of the scenario', async () => {
		await waitFor('a time-off poll', async () =>
			(await timeOffPolls()).length > 0 ? true : undefined,
		);
		const { events, failed } = await timeOffRuns();
		expect(events.map((e) => `${String(e.event)} ${String(e.requestId)}`).sort()).toEqual([`timeOffApproved ${timeOffRequest}`, `timeOffCancelled ${timeOffRequest}`, `timeOffRequested ${timeOffRequest}`]); // prettier-ignore
		expect(failed).toEqual([]);
	});

	test('the safety guard: removing >10% of employees fails the poll, emits nothing, keeps the state', async () => {
		const before = await rawStaticData();
		const eventsBefore = keys(allEvents());
		const victims = people.slice(3, 11).map((e) => e.id); // 8 of ~36 known employees
		const mark = (await triggerSearches()).length;
		for (const employeeId of victims) await sim.control('deleteEmployee', { employeeId });
		await pollAfter(mark);
		const failure = await waitFor('the failed poll (an error execution)', async () => {
			await collect();
			return [...errorExecutions.values()][0];
		});
		expect(failure.mode).toBe('trigger');
		const error = failure.run?.data.resultData.error;
		expect(error?.message).toMatch(/^Safety check: 8 of \d+ known employees would be reported/);
		await collect();
		expect(keys(allEvents())).toEqual(eventsBefore);
		expect(await rawStaticData()).toBe(before);
	});
});
