/**
 * Overlapping polls of one trigger: n8n starts a poll on every tick even while the previous one is
 * still running, and a slow answer can be older than what a later poll already stored. An older answer
 * never replaces newer state, two overlapping polls never emit the same event, and nothing is lost.
 * The polls here share one workflow, as n8n keeps an active workflow (and its static data) in memory.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../simulator';
import type { SimProxy } from './proxy';
import { startProxy } from './proxy';
import type { TriggerWorkflow } from './helpers';
import {
	ALL_EVENTS,
	eventsFor,
	poll,
	pollOk,
	searches,
	startSim,
	triggerWorkflow,
	useSimulatorClock,
} from './helpers';

const NODE_KEY = 'node:HiBob Trigger';
const parameters = { events: ALL_EVENTS };
const sorted = (pairs: string[][]) => [...pairs].sort((a, b) => a.join().localeCompare(b.join()));

describe('HiBob Trigger: overlapping polls and stale answers', () => {
	let sim: RunningSimulator;
	let proxy: SimProxy;
	useSimulatorClock(() => sim);
	beforeEach(async () => {
		sim = await startSim();
		proxy = await startProxy(sim.url);
	});
	afterEach(async () => {
		await proxy.stop();
		await sim.stop();
	});

	function nodeData(on: TriggerWorkflow): IDataObject {
		return on.workflow.staticData[NODE_KEY] as IDataObject;
	}

	/** What n8n's database holds: the node's static data through JSON. */
	function stored(on: TriggerWorkflow): IDataObject {
		return JSON.parse(JSON.stringify(nodeData(on))) as IDataObject;
	}

	function people() {
		const employed = sim.control.listEmployees({ lifecycleStatus: 'employed' });
		return { leaver: employed[5].id, onLeave: employed[6].id, later: employed[7].id };
	}

	it('a stale answer delivered after a newer poll stored is discarded: nothing backwards, nothing twice, nothing lost', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		const { leaver, onLeave, later } = people();
		sim.control.terminate({ employeeId: leaver });

		// Poll A's answer is computed now (with the termination) and delivered after poll B stored.
		const held = proxy.holdNextSearch();
		const slow = poll({ sim, parameters, on, url: proxy.url, pollBudgetMs: 60_000 });
		await held.arrived;
		sim.control.advanceTime({ ms: 61_000 });
		sim.control.startLeave({ employeeId: onLeave });
		sim.log.clear();
		// A has outlived its budget: B is not held back by it.
		const newer = await pollOk({ sim, parameters, on, pollBudgetMs: 60_000 });
		expect(searches(sim)).toHaveLength(1);
		expect(eventsFor(newer.events, [leaver, onLeave])).toEqual(
			sorted([
				[leaver, 'employeeTerminated'],
				[leaver, 'lifecycleStatusChanged'],
				[onLeave, 'leaveStarted'],
				[onLeave, 'lifecycleStatusChanged'],
			]),
		);
		const afterNewer = stored(on);

		held.release();
		const stale = await slow;
		expect(stale.error).toBeUndefined();
		expect(stale.events).toEqual([]);
		expect(stored(on)).toEqual(afterNewer);

		const next = await pollOk({ sim, parameters, on });
		expect(next.events).toEqual([]);
		sim.control.terminate({ employeeId: later });
		const last = await pollOk({ sim, parameters, on });
		expect(eventsFor(last.events, [leaver, onLeave, later])).toEqual(
			sorted([
				[later, 'employeeTerminated'],
				[later, 'lifecycleStatusChanged'],
			]),
		);
	}); // prettier-ignore

	it('the stored state changed while a poll is in flight (to what the database holds): its older answer emits and writes nothing', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		const baseline = stored(on);
		const { leaver, onLeave } = people();
		sim.control.terminate({ employeeId: leaver });

		const held = proxy.holdNextSearch();
		const slow = poll({ sim, parameters, on, url: proxy.url, pollBudgetMs: 60_000 });
		await held.arrived;
		sim.control.advanceTime({ ms: 61_000 });
		sim.control.startLeave({ employeeId: onLeave });
		// A newer poll elsewhere (another workflow instance, started from the same stored state) stores;
		// its state lands in the static data this poll holds.
		const elsewhere = await pollOk({
			sim,
			parameters,
			staticData: { [NODE_KEY]: baseline },
			pollBudgetMs: 60_000,
		});
		expect(eventsFor(elsewhere.events, [leaver, onLeave])).toHaveLength(4);
		const newer = elsewhere.staticData[NODE_KEY] as IDataObject;
		Object.assign(nodeData(on), newer);

		held.release();
		const stale = await slow;
		expect(stale.events).toEqual([]);
		expect(stored(on)).toEqual(newer);
		const next = await pollOk({ sim, parameters, on });
		expect(next.events).toEqual([]);
	}); // prettier-ignore

	it('two overlapping polls of one trigger: the second returns at once, each event is emitted once', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		const { leaver, onLeave } = people();
		sim.control.terminate({ employeeId: leaver });
		const expected = sorted([
			[leaver, 'employeeTerminated'],
			[leaver, 'lifecycleStatusChanged'],
		]);

		const held = proxy.holdNextSearch();
		sim.log.clear();
		const first = poll({ sim, parameters, on, url: proxy.url });
		await held.arrived;
		sim.control.advanceTime({ ms: 60_000 });
		const second = await poll({ sim, parameters, on });
		expect(second.error).toBeUndefined();
		expect(second.output).toBeNull();
		expect(searches(sim)).toHaveLength(1);

		held.release();
		expect(eventsFor((await first).events, [leaver, onLeave])).toEqual(expected);

		const third = await pollOk({ sim, parameters, on });
		expect(third.events).toEqual([]);
		sim.control.startLeave({ employeeId: onLeave });
		const fourth = await pollOk({ sim, parameters, on });
		expect(eventsFor(fourth.events, [leaver, onLeave])).toEqual(
			sorted([
				[onLeave, 'leaveStarted'],
				[onLeave, 'lifecycleStatusChanged'],
			]),
		);
	});

	it('"Fetch Test Event" is not held back by a trigger poll in flight', async () => {
		const on = triggerWorkflow({ parameters });
		await pollOk({ sim, parameters, on });
		const held = proxy.holdNextSearch();
		const running = poll({ sim, parameters, on, url: proxy.url });
		await held.arrived;
		const manual = await pollOk({ sim, parameters, mode: 'manual', staticData: {} });
		expect(manual.events.length).toBeGreaterThan(0);
		held.release();
		expect((await running).error).toBeUndefined();
	});

	it('stored state from a clock ahead of this one (a clock set back) does not silence the trigger', async () => {
		const baseline = await pollOk({ sim, parameters });
		const node = baseline.staticData[NODE_KEY] as IDataObject;
		expect(typeof node.lifecycleSearchSentAt).toBe('string');
		node.lifecycleSearchSentAt = new Date(sim.simulator.clock.now() + 86_400_000).toISOString();
		const { leaver } = people();
		sim.control.terminate({ employeeId: leaver });
		const next = await pollOk({ sim, parameters, staticData: baseline.staticData });
		expect(eventsFor(next.events, [leaver])).toEqual(
			sorted([
				[leaver, 'employeeTerminated'],
				[leaver, 'lifecycleStatusChanged'],
			]),
		);
	});
});
