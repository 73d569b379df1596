/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmark tooling: a child process that talks to its parent over IPC */
/**
 * The simulator in a child process, so its own cost (building 40 MB answers) is not in the benchmark
 * process's CPU figures. The parent (nodeBench.ts) talks to it over IPC: apply the busy-poll changes,
 * read the request log, list employees.
 */
import type { RunningSimulator } from '../../test/simulator';
import { startSimulator } from '../../test/simulator';
import { applyBusyChanges, TODAY } from './triggerCore';

export type SimRequest =
	| { type: 'busy' }
	| { type: 'log' }
	| { type: 'clearLog' }
	| { type: 'people' }
	| { type: 'stop' };

function reply(message: unknown): void {
	process.send?.(message);
}

async function main(): Promise<void> {
	const size = Number(process.argv[2]);
	const sim: RunningSimulator = await startSimulator({
		employees: size,
		seed: 1,
		today: TODAY,
		freezeClock: true,
		rateLimit: false,
	});
	process.on('message', (request: SimRequest) => {
		switch (request.type) {
			case 'busy':
				reply({ changed: applyBusyChanges(sim.simulator.company) });
				break;
			case 'log':
				reply({
					entries: sim.log.entries().map((entry) => ({ path: entry.path, body: entry.body })),
				});
				break;
			case 'clearLog':
				sim.log.clear();
				reply({ cleared: true });
				break;
			case 'people':
				reply({
					people: sim.control
						.listEmployees()
						.map((person) => ({ id: person.id, email: person.email })),
				});
				break;
			case 'stop':
				void sim.stop().then(() => process.exit(0));
				break;
		}
	});
	reply({ url: sim.url, serviceUser: sim.serviceUser });
}

void main();
