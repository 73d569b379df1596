/** The in-process simulator as the node tests use it. */
import type { LogEntry, RunningSimulator } from '../simulator';

/** The people searches the simulator has logged. */
export function searches(sim: RunningSimulator): LogEntry[] {
	return sim.log.entries({ path: '/v1/people/search' });
}
