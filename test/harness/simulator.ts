/** The in-process simulator as the node tests use it. */
import type { LogEntry, RunningSimulator, StartOptions } from '../simulator';
import { startSimulator } from '../simulator';

/**
 * Starts a simulator for the tests of the current file or describe block and stops it after them:
 * `let sim: RunningSimulator; useSimulator((started) => (sim = started), { employees: 30, seed: 3 });`.
 * `per: 'block'` (the default) starts one for the block and clears its request log before each test;
 * `per: 'test'` starts a fresh one for every test.
 */
export function useSimulator(
	set: (sim: RunningSimulator) => void,
	options: StartOptions,
	per: 'block' | 'test' = 'block',
): void {
	let current: RunningSimulator | undefined;
	const start = async () => {
		current = await startSimulator(options);
		set(current);
	};
	const stop = async () => {
		await current?.stop();
		current = undefined;
	};
	if (per === 'test') {
		beforeEach(start);
		afterEach(stop);
		return;
	}
	beforeAll(start);
	afterAll(stop);
	beforeEach(() => current?.log.clear());
}

/** The people searches the simulator has logged. */
export function searches(sim: RunningSimulator): LogEntry[] {
	return sim.log.entries({ path: '/v1/people/search' });
}
