/**
 * The HiBob Trigger watching time off, through n8n-core's real poll context against the simulator:
 * a silent baseline, each request change reported once (submitted, approved, cancelled), one request
 * per quiet poll with nothing written, restarts (state as n8n saved it), an outage, overlapping polls
 * and a stale answer, HiBob's 6-month limit, and "Fetch Test Event".
 */
import type { IDataObject } from 'n8n-workflow';

import { OVERLAP_MS } from '../../../../nodes/HiBob/core/timeOffEvents';
import type { RunningSimulator } from '../../../simulator';
import type { SimProxy } from './proxy';
import { startProxy } from './proxy';
import { poll, pollOk, startSim, triggerWorkflow, useSimulatorClock } from './helpers';

const NODE_KEY = 'node:HiBob Trigger';
const CHANGES = '/v1/timeoff/requests/changes';
const parameters = { watch: 'timeOff' };

describe('HiBob Trigger: time off', () => {
	let sim: RunningSimulator;
	let proxy: SimProxy;
	let person: string;
	useSimulatorClock(() => sim);
	beforeEach(async () => {
		sim = await startSim();
		proxy = await startProxy(sim.url);
		person = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3].id;
	});
	afterEach(async () => {
		await proxy.stop();
		await sim.stop();
	});

	const later = (ms = 60_000) => sim.control.advanceTime({ ms });
	const request = (startDate = '2026-12-01', status: 'Pending' | 'Approved' = 'Pending') =>
		sim.control.addTimeOff({ employeeId: person, startDate, endDate: startDate === '2026-12-01' ? '2026-12-02' : startDate, status }).requestId; // prettier-ignore
	const pairs = (events: IDataObject[]) => events.map((event) => [event.event, event.requestId]);
	const calls = () => sim.log.entries().map((entry) => `${entry.method} ${entry.path}`);

	it('baseline silent; a request submitted, approved, cancelled → three events, each once; a quiet poll is one request and writes nothing', async () => {
		const on = triggerWorkflow({ parameters });
		request('2026-11-30'); // before activation: part of the baseline
		sim.log.clear();
		const baseline = await pollOk({ sim, parameters, on });
		expect(baseline.output).toBeNull();
		expect(baseline.dataChanged).toBe(true);
		expect(sim.log.entries()).toEqual([expect.objectContaining({ method: 'GET', path: CHANGES, query: expect.objectContaining({ includePending: 'true' }) })]);

		later();
		sim.log.clear();
		// n8n's marker of changed static data, on a workflow loaded from what was stored.
		const quiet = await pollOk({ sim, parameters, staticData: baseline.staticData });
		expect(quiet.output).toBeNull();
		expect(quiet.dataChanged).toBe(false);
		expect(calls()).toEqual([`GET ${CHANGES}`]);

		const id = String(request());
		later();
		sim.log.clear();
		const submitted = await pollOk({ sim, parameters, on });
		expect(pairs(submitted.events)).toEqual([['timeOffRequested', id]]);
		expect(calls()).toEqual([`GET ${CHANGES}`, 'POST /v1/people/search']);
		const employee = sim.control.listEmployees({}).find((e) => e.id === person)!;
		expect(submitted.events[0]).toEqual(expect.objectContaining({
			event: 'timeOffRequested', changeType: 'Pending', requestId: id, employeeId: person,
			displayName: employee.displayName, policyType: 'Holiday', requestType: 'days',
			startDate: '2026-12-01', endDate: '2026-12-02', startPortion: 'all_day', endPortion: 'all_day',
			durationUnit: 'days', totalDuration: 2, detectedAt: expect.any(String),
			employee: expect.objectContaining({ id: person, displayName: employee.displayName }),
		})); // prettier-ignore

		later();
		sim.control.approveTimeOff({ requestId: Number(id) });
		later();
		expect(pairs((await pollOk({ sim, parameters, on })).events)).toEqual([['timeOffApproved', id]]);
		later();
		sim.control.cancelTimeOff({ requestId: Number(id) });
		later();
		expect(pairs((await pollOk({ sim, parameters, on })).events)).toEqual([['timeOffCancelled', id]]);
		for (let i = 0; i < 3; i++) {
			later(4 * 60_000);
			expect((await pollOk({ sim, parameters, on })).events).toEqual([]);
		}
	}); // prettier-ignore

	it('restarts: each poll from the state as n8n stored it, and from an older one (a quiet poll n8n did not save)', async () => {
		const base = await pollOk({ sim, parameters });
		const id = String(request());
		later();
		const first = await pollOk({ sim, parameters, staticData: base.staticData });
		expect(pairs(first.events)).toEqual([['timeOffRequested', id]]);
		const saved = first.staticData; // n8n saves static data when a poll emits
		later(6 * 60_000);
		const quiet = await pollOk({ sim, parameters, staticData: saved });
		expect(quiet.events).toEqual([]);
		expect(quiet.dataChanged).toBe(true); // the aging cursor moved; n8n may not have saved that
		later();
		const restarted = await pollOk({ sim, parameters, staticData: saved });
		expect(restarted.events).toEqual([]);
		sim.control.approveTimeOff({ requestId: Number(id) });
		later();
		const approved = await pollOk({ sim, parameters, staticData: saved });
		expect(pairs(approved.events)).toEqual([['timeOffApproved', id]]);
		later();
		expect((await pollOk({ sim, parameters, staticData: approved.staticData })).events).toEqual([]);
	}); // prettier-ignore

	it('an outage: failing polls emit nothing and keep the state; the first good poll reports what happened, once', async () => {
		const base = await pollOk({ sim, parameters });
		const id = String(request());
		sim.control.injectFault({ kind: 'status', status: 503, count: 50, path: CHANGES });
		later();
		const failed = await poll({ sim, parameters, staticData: base.staticData });
		expect(failed.error).toBeDefined();
		expect(failed.staticData).toEqual(base.staticData);
		sim.control.clearFaults();
		later(30 * 60_000); // longer than the re-read window: the cursor, not the window, keeps the change
		const good = await pollOk({ sim, parameters, staticData: failed.staticData });
		expect(pairs(good.events)).toEqual([['timeOffRequested', id]]);
		later();
		expect((await pollOk({ sim, parameters, staticData: good.staticData })).events).toEqual([]);
	});

	it('the people search for the employees fails: nothing emitted, state kept; the next poll emits once', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		const before = JSON.stringify(on.workflow.staticData[NODE_KEY]);
		const id = String(request());
		later();
		sim.control.injectFault({ kind: 'status', status: 500, count: 50, path: '/v1/people/search' });
		const failed = await poll({ sim, parameters, on });
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(on.workflow.staticData[NODE_KEY])).toBe(before);
		sim.control.clearFaults();
		later();
		expect(pairs((await pollOk({ sim, parameters, on })).events)).toEqual([['timeOffRequested', id]]);
	});

	it('two overlapping polls: the second returns at once; a stale answer delivered after a newer poll stored is discarded', async () => {
		const on = triggerWorkflow({ parameters });
		const before = String(request('2026-11-29')); // part of the baseline
		await pollOk({ sim, parameters, on });
		later(40 * 60_000); // no poll for a while: the next ones re-read from the baseline's cursor
		const id = String(request());
		later();

		const held = proxy.holdNext(CHANGES);
		const slow = poll({ sim, parameters, on, url: proxy.url, pollBudgetMs: 60_000 });
		await held.arrived;
		sim.log.clear();
		const second = await poll({ sim, parameters, on, pollBudgetMs: 60_000 });
		expect(second.output).toBeNull();
		expect(sim.log.entries()).toEqual([]);

		later(61_000); // the slow poll outlived its budget: the next one is not held back
		sim.control.approveTimeOff({ requestId: Number(id) });
		const newer = await pollOk({ sim, parameters, on, pollBudgetMs: 60_000 });
		expect(pairs(newer.events)).toEqual([['timeOffRequested', id], ['timeOffApproved', id]]);
		const afterNewer = JSON.stringify(on.workflow.staticData[NODE_KEY]);
		expect(afterNewer).not.toContain(`${before}:Pending`); // no longer listable: forgotten

		held.release();
		const stale = await slow; // its answer lists the baseline's request and the submission
		expect(stale.error).toBeUndefined();
		expect(stale.events).toEqual([]);
		expect(JSON.stringify(on.workflow.staticData[NODE_KEY])).toBe(afterNewer);
		later();
		expect((await pollOk({ sim, parameters, on })).events).toEqual([]);
	}); // prettier-ignore

	it('a change listed late (HiBob read lag) after the cursor moved past it, and several changes at one moment: each once', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		sim.control.setTimeOffReadLag({ ms: 10 * 60_000 });
		const a = String(request('2026-12-03'));
		const b = String(request('2026-12-04', 'Approved'));
		later(6 * 60_000);
		const hidden = await pollOk({ sim, parameters, on });
		expect(hidden.events).toEqual([]); // not listed yet; the aging cursor moves past both changes
		later(5 * 60_000);
		expect(pairs((await pollOk({ sim, parameters, on })).events)).toEqual([['timeOffRequested', a], ['timeOffApproved', b]]); // prettier-ignore
		later();
		expect((await pollOk({ sim, parameters, on })).events).toEqual([]);
	});

	it('only the selected events; without "Time Off Requested" pending requests are not even asked for', async () => {
		const only = { watch: 'timeOff', timeOffEvents: ['timeOffApproved', 'timeOffDeleted'] };
		const on = triggerWorkflow({ parameters: only });
		await pollOk({ sim, parameters: only, on });
		const pending = request();
		const approved = String(request('2026-12-05', 'Approved'));
		later();
		sim.log.clear();
		const run = await pollOk({ sim, parameters: only, on });
		expect(sim.log.entries({ path: CHANGES })[0].query.includePending).toBe('false');
		expect(pairs(run.events)).toEqual([['timeOffApproved', approved]]);
		sim.control.cancelTimeOff({ requestId: pending });
		sim.control.deleteTimeOff({ requestId: Number(approved) });
		later();
		expect(pairs((await pollOk({ sim, parameters: only, on })).events)).toEqual([['timeOffDeleted', approved]]);
	}); // prettier-ignore

	it("a cursor older than HiBob's 6 months reads from the earliest allowed moment instead of failing", async () => {
		const base = await pollOk({ sim, parameters });
		const state = base.staticData[NODE_KEY] as IDataObject;
		const stored = state.timeOffState as IDataObject;
		stored.cursor = new Date(sim.simulator.clock.now() - 300 * 86_400_000).toISOString();
		const id = String(request());
		later();
		sim.log.clear();
		const run = await pollOk({ sim, parameters, staticData: base.staticData });
		expect(pairs(run.events)).toContainEqual(['timeOffRequested', id]);
		const since = Date.parse(sim.log.entries({ path: CHANGES })[0].query.since);
		expect(sim.simulator.clock.now() - since).toBeLessThan(184 * 86_400_000);
		expect(sim.simulator.clock.now() - since).toBeGreaterThan(OVERLAP_MS);
	});

	it('"Fetch Test Event": the newest requests of the selected events, marked as samples; nothing stored', async () => {
		const only = { watch: 'timeOff', timeOffEvents: ['timeOffCancelled'] };
		const cancelled = request('2026-12-07');
		request('2026-12-08');
		later();
		sim.control.cancelTimeOff({ requestId: cancelled });
		later();
		const manual = await pollOk({ sim, parameters: only, mode: 'manual' });
		expect(manual.events.length).toBeGreaterThan(0);
		expect(manual.events.every((event) => event.event === 'timeOffCancelled' && event.sample === true)).toBe(true);
		expect(manual.events[0].requestId).toBe(String(cancelled));
		expect(manual.staticData[NODE_KEY] ?? {}).toEqual({});
	}); // prettier-ignore
});
