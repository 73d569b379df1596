/**
 * Runs the HiBob Trigger through n8n-core's real PollContext against the simulator. A failing poll
 * still reports the static data it left behind (and whether n8n's observable static data was marked
 * changed), which is what the "errors never advance the state" tests assert.
 * Time: the transport's clock is bound to the simulator's clock, so the trigger's "now" is the
 * simulated one and retry waits move simulated time instead of being waited for.
 */
import type { IDataObject, INode, INodeExecutionData, Workflow } from 'n8n-workflow';

import { LIFECYCLE_EVENTS } from '../../../../nodes/HiBob/core/lifecycle';
import { HiBobTrigger } from '../../../../nodes/HiBob/HiBobTrigger.node';
import type { Clock } from '../../../../nodes/HiBob/transport';
import { useTransportClock } from '../../../harness/fastClock';
import { buildWorkflow, credentialsFor, pollContext } from '../../../harness/n8n';
import { useSimulator } from '../../../harness/simulator';
import type { LogEntry, RunningSimulator, StartOptions } from '../../../simulator';
import { startSimulator } from '../../../simulator';

export { searches } from '../../../harness/simulator';

export const TODAY = '2026-11-21';

/** The trigger tests' simulator options: a frozen clock on TODAY, no rate limit. */
export const TRIGGER_SIMULATOR: StartOptions = {
	employees: 120,
	seed: 7,
	today: TODAY,
	freezeClock: true,
	rateLimit: false,
};

export async function startSim(options: StartOptions = {}): Promise<RunningSimulator> {
	return await startSimulator({ ...TRIGGER_SIMULATOR, ...options });
}

export interface SimClock extends Clock {
	sleeps: number[];
}

/**
 * A fresh simulator for every test, its clock driving the transport, stopped after the test:
 * `let sim: RunningSimulator; useTriggerSimulator((started) => (sim = started));`.
 */
export function useTriggerSimulator(
	set: (sim: RunningSimulator) => void,
	options: StartOptions = {},
): { current: SimClock } {
	let current: RunningSimulator;
	const clock = useSimulatorClock(() => current);
	useSimulator(
		(started) => {
			current = started;
			set(started);
		},
		{ ...TRIGGER_SIMULATOR, ...options },
		'test',
	);
	return clock;
}

/** Binds the transport's clock to the simulator `getSim()` answers (restored after the file or block). */
export function useSimulatorClock(getSim: () => RunningSimulator): { current: SimClock } {
	return useTransportClock((): SimClock => {
		const sleeps: number[] = [];
		return {
			sleeps,
			now: () => getSim().simulator.clock.now(),
			random: () => 0.5,
			sleep: async (ms: number) => {
				sleeps.push(ms);
				getSim().simulator.clock.advance(ms);
			},
		};
	});
}

export interface PollRun {
	output: INodeExecutionData[][] | null;
	/** Event items (empty when the poll returned null or failed). */
	events: IDataObject[];
	/** The static data after the poll, through JSON as n8n stores it: feed it to the next poll. */
	staticData: IDataObject;
	/** Whether n8n's observable static data was marked changed (n8n saves it only then). */
	dataChanged: boolean;
	error?: Error & { description?: string; httpCode?: string | null };
}

export interface TriggerPoll {
	sim: RunningSimulator;
	parameters?: IDataObject;
	staticData?: IDataObject;
	mode?: 'trigger' | 'manual';
	timezone?: string;
	pollBudgetMs?: number;
	/** Poll on this workflow (as n8n keeps it between polls) instead of a new one built from `staticData`. */
	on?: TriggerWorkflow;
	/** Send HiBob's requests here instead of to the simulator (a proxy in front of it). */
	url?: string;
}

export interface TriggerWorkflow {
	workflow: Workflow;
	node: INode;
}

/** The trigger's workflow, kept across polls the way n8n keeps an active workflow in memory. */
export function triggerWorkflow(
	setup: Pick<TriggerPoll, 'parameters' | 'staticData' | 'timezone'> = {},
): TriggerWorkflow {
	return buildWorkflow({
		nodeType: new HiBobTrigger(),
		parameters: setup.parameters ?? {},
		staticData: JSON.parse(JSON.stringify(setup.staticData ?? {})) as IDataObject,
		timezone: setup.timezone ?? 'UTC',
	});
}

export async function poll(setup: TriggerPoll): Promise<PollRun> {
	const { sim } = setup;
	const { workflow, node } = setup.on ?? triggerWorkflow(setup);
	const credentials = credentialsFor(
		setup.url ?? sim.url,
		sim.serviceUser.id,
		sim.serviceUser.token,
	);
	const context = pollContext({
		workflow,
		node,
		credentials,
		mode: setup.mode,
		pollBudgetMs: setup.pollBudgetMs,
	});
	let output: INodeExecutionData[][] | null = null;
	let error: PollRun['error'];
	try {
		output = await new HiBobTrigger().poll.call(context);
	} catch (caught) {
		error = caught as PollRun['error'];
	}
	const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	return {
		output,
		events: output ? output[0].map((item) => item.json) : [],
		staticData: JSON.parse(JSON.stringify(data)) as IDataObject,
		dataChanged: data.__dataChanged === true,
		error,
	};
}

/** A poll that must succeed. */
export async function pollOk(setup: TriggerPoll): Promise<PollRun> {
	const run = await poll(setup);
	if (run.error) throw run.error;
	return run;
}

export function bulkLifecycleCalls(sim: RunningSimulator): LogEntry[] {
	return sim.log.entries({ path: '/v1/bulk/people/lifecycle' });
}

/** `[employeeId, event]` pairs of `events` about `ids`, sorted. */
export function eventsFor(events: IDataObject[], ids: readonly string[]): string[][] {
	return events
		.filter((event) => ids.includes(String(event.employeeId)))
		.map((event) => [String(event.employeeId), String(event.event)])
		.sort((a, b) => a.join().localeCompare(b.join()));
}

export const ALL_EVENTS = [...LIFECYCLE_EVENTS];
