/**
 * A failing poll (after the transport's retries) never advances the state: the next good poll emits each
 * pending event exactly once.
 */
import type { FaultSpec, RunningSimulator } from '../../../simulator';
import {
	ALL_EVENTS,
	bulkLifecycleCalls,
	eventsFor,
	poll,
	pollOk,
	searches,
	useTriggerSimulator,
} from './helpers';

describe('HiBob Trigger: HiBob failures during a poll', () => {
	let sim: RunningSimulator;
	const clock = useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS };

	/** Baseline, then a hire, a termination now and a leave: four pending events for three people. */
	async function pending() {
		const baseline = await pollOk({ sim, parameters });
		const employed = sim.control.listEmployees({ lifecycleStatus: 'employed' });
		const hire = sim.control.hire({ firstName: 'Fay', surname: 'Ult', startDate: '2027-02-01' }).id;
		const leaver = employed[5].id;
		const onLeave = employed[6].id;
		sim.control.terminate({ employeeId: leaver });
		sim.control.startLeave({ employeeId: onLeave });
		const expected = [
			[hire, 'employeeCreated'],
			[leaver, 'employeeTerminated'],
			[leaver, 'lifecycleStatusChanged'],
			[onLeave, 'leaveStarted'],
			[onLeave, 'lifecycleStatusChanged'],
		].sort((a, b) => a.join().localeCompare(b.join()));
		return { baseline, ids: [hire, leaver, onLeave], expected };
	}

	const faults: Array<[string, FaultSpec, RegExp, number]> = [
		['429 beyond the retries', { kind: 'rate-limit', count: 20 }, /rate limit|429|too many/i, 2],
		['503 from the gateway', { kind: 'status', status: 503, count: 20 }, /503|unavailable/i, 5],
		['an HTML page with 200', { kind: 'html', count: 20 }, /HTML/i, 1],
		['truncated JSON', { kind: 'truncated-json', count: 20 }, /JSON/i, 2],
	];

	it.each(faults)('%s: the poll fails, emits nothing, keeps the state; the next good poll emits each event once', async (_name, fault, message, minimumAttempts) => {
		const { baseline, ids, expected } = await pending();
		sim.control.injectFault({ ...fault, path: '/v1/people/search' });
		sim.log.clear();
		const failed = await poll({ sim, parameters, staticData: baseline.staticData });
		expect(failed.error).toBeDefined();
		expect(failed.error?.constructor.name).toBe('NodeApiError');
		expect(`${failed.error?.message} ${failed.error?.description}`).toMatch(message);
		expect(searches(sim).length).toBeGreaterThanOrEqual(minimumAttempts);
		expect(failed.output).toBeNull();
		expect(failed.staticData).toEqual(baseline.staticData);
		expect(failed.dataChanged).toBe(false);

		sim.control.clearFaults();
		sim.log.clear();
		const good = await pollOk({ sim, parameters, staticData: failed.staticData });
		expect(searches(sim)).toHaveLength(1);
		expect(eventsFor(good.events, ids)).toEqual(expected);

		const after = await pollOk({ sim, parameters, staticData: good.staticData });
		expect(eventsFor(after.events, ids)).toEqual([]);
	}); // prettier-ignore

	it('a transient fault is retried inside the same poll, which then succeeds', async () => {
		const { baseline, ids, expected } = await pending();
		sim.control.injectFault({ kind: 'status', status: 503, count: 2, path: '/v1/people/search' });
		sim.log.clear();
		const run = await pollOk({ sim, parameters, staticData: baseline.staticData });
		expect(searches(sim)).toHaveLength(3);
		expect(eventsFor(run.events, ids)).toEqual(expected);
	});

	it('retry waits never outlive the poll budget', async () => {
		const { baseline } = await pending();
		sim.control.injectFault({ kind: 'rate-limit', count: 20, path: '/v1/people/search' });
		sim.log.clear();
		// HiBob asks for about a minute; a 20-second budget allows no wait at all.
		const failed = await poll({ sim, parameters, staticData: baseline.staticData, pollBudgetMs: 20_000 });
		expect(failed.error?.message).toMatch(/rate limit|429|too many/i);
		expect(searches(sim)).toHaveLength(1);
		expect(clock.current.sleeps).toEqual([]);
		expect(failed.staticData).toEqual(baseline.staticData);
	}); // prettier-ignore

	it('a failing lifecycle-history call fails the poll before the state moves', async () => {
		const { baseline, ids, expected } = await pending();
		const withHistory = { ...parameters, options: { includeLifecycleHistory: true } };
		sim.control.injectFault({ kind: 'status', status: 503, count: 20, path: '/v1/bulk/people/lifecycle' });
		const failed = await poll({ sim, parameters: withHistory, staticData: baseline.staticData });
		expect(failed.error?.message).toMatch(/503|unavailable/i);
		expect(failed.staticData).toEqual(baseline.staticData);
		expect(failed.dataChanged).toBe(false);

		sim.control.clearFaults();
		sim.log.clear();
		const good = await pollOk({ sim, parameters: withHistory, staticData: failed.staticData });
		expect(eventsFor(good.events, ids)).toEqual(expected);
		expect(bulkLifecycleCalls(sim)).toHaveLength(1);
	}); // prettier-ignore
});
