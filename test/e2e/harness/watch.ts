/**
 * Reading a HiBob Trigger's work back from a real n8n: its searches in the simulator's log, and the
 * events of its finished trigger executions over n8n's REST API (each execution read once). Used by the
 * queue-mode and unattended-operation scenarios.
 */
import { credentialRef } from './fixtures';
import {
	type CredentialFixture,
	type ExecutionSummary,
	type N8nInstance,
	nodeOutput,
	nodeType,
	POLL_EVERY_10_SECONDS,
} from './n8n';
import { delay } from './processes';
import type { SimLogEntry, SimulatorProcess } from './simulator';

export interface TriggerEvent {
	event: string;
	employeeId: string;
	executionId: string;
	json: Record<string, unknown>;
}

export type Expected = Array<[event: string, employeeId: string]>;

export const eventKey = ([event, employeeId]: readonly [string, string]) =>
	`${event} ${employeeId}`;

/** Sorted "event employeeId" keys, to compare event lists as multisets. */
export function eventKeys(events: Array<TriggerEvent | readonly [string, string]>): string[] {
	return events
		.map((e) =>
			Array.isArray(e)
				? eventKey(e as [string, string])
				: eventKey([(e as TriggerEvent).event, (e as TriggerEvent).employeeId]),
		)
		.sort();
}

/** Polls `probe` every 500 ms until it returns a value; the error carries `context()` (e.g. a log tail). */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	options: { timeoutMs: number; context?: () => string },
): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) {
			throw new Error(`e2e: timed out waiting for ${what}\n${options.context?.() ?? ''}`);
		}
		await delay(500);
	}
}

export class TriggerWatch {
	/** Events of every finished successful trigger execution, by execution id. */
	readonly eventsByExecution = new Map<string, TriggerEvent[]>();

	readonly failedExecutions = new Map<string, ExecutionSummary>();

	/** The whole finished execution (run data included), by id. */
	readonly executions = new Map<string, ExecutionSummary>();

	constructor(
		private readonly n8n: N8nInstance,
		private readonly sim: SimulatorProcess,
		readonly workflowId: string,
		readonly triggerName: string,
		/** The service user of the trigger's credential (other nodes should use another one). */
		readonly serviceUserId: string,
	) {}

	/** The trigger's people searches, in the order the simulator answered them. */
	async searches(): Promise<SimLogEntry[]> {
		return (await this.sim.searches()).filter((s) => s.serviceUserId === this.serviceUserId);
	}

	/** Reads the trigger executions n8n has finished since the last call. */
	async collect(): Promise<void> {
		for (const summary of await this.n8n.listExecutions(this.workflowId)) {
			if (summary.mode !== 'trigger' || this.executions.has(summary.id)) continue;
			if (['new', 'running', 'waiting'].includes(summary.status)) continue;
			const execution = await this.n8n.getExecution(summary.id);
			// read again next time when n8n has not stored the run data yet
			if (!execution?.run) continue;
			this.executions.set(summary.id, execution);
			if (execution.status !== 'success') {
				this.failedExecutions.set(summary.id, execution);
				continue;
			}
			this.eventsByExecution.set(
				summary.id,
				nodeOutput(execution.run, this.triggerName).map((json) => ({
					event: String(json.event),
					employeeId: String(json.employeeId),
					executionId: summary.id,
					json,
				})),
			);
		}
	}

	/** Trigger executions n8n has created but not finished (queued or running). */
	async unfinished(): Promise<ExecutionSummary[]> {
		return (await this.n8n.listExecutions(this.workflowId)).filter(
			(e) => e.mode === 'trigger' && ['new', 'running', 'waiting'].includes(e.status),
		);
	}

	events(): TriggerEvent[] {
		return [...this.eventsByExecution.values()].flat();
	}

	/** Waits until the trigger has searched HiBob successfully after its first `mark` searches. */
	async pollAfter(mark: number, timeoutMs: number, context?: () => string): Promise<void> {
		await waitFor(
			'a poll',
			async () =>
				(await this.searches()).slice(mark).some((s) => s.status === 200) ? true : undefined,
			{ timeoutMs, context },
		);
	}

	/**
	 * Waits until the events `wanted` have arrived in executions not in `seenBefore` and returns every
	 * event of those executions (expected or not).
	 */
	async eventsSince(
		seenBefore: Set<string>,
		wanted: Expected,
		timeoutMs: number,
		context?: () => string,
	): Promise<TriggerEvent[]> {
		const keys = eventKeys(wanted);
		return await waitFor(
			`events ${keys.join(', ')}`,
			async () => {
				await this.collect();
				const events = this.events().filter((e) => !seenBefore.has(e.executionId));
				const got = eventKeys(events);
				return keys.every((k) => got.includes(k)) ? events : undefined;
			},
			{ timeoutMs, context },
		);
	}
}

/** A HiBob Trigger node polling every 10 s, watching `work.department` (the scenarios' field change). */
export function triggerNode(
	name: string,
	credential: CredentialFixture,
	events: string[],
): Record<string, unknown> {
	return pollingTriggerNode(name, credential, {
		events,
		watchedFields: ['work.department'],
		options: {},
	});
}

/** A HiBob Trigger node polling every 10 seconds with `parameters`. */
function pollingTriggerNode(
	name: string,
	credential: CredentialFixture,
	parameters: Record<string, unknown>,
): Record<string, unknown> {
	return {
		id: 'trigger',
		name,
		type: nodeType('hiBobTrigger'),
		typeVersion: 1,
		position: [0, 0],
		parameters: { pollTimes: POLL_EVERY_10_SECONDS, ...parameters },
		credentials: credentialRef(credential),
	};
}

/**
 * Deletes everyone with a change already scheduled (future starts, leave, garden leave), so every event
 * comes from the scenario. Call before the baseline.
 */
export async function quietCompany(sim: SimulatorProcess): Promise<void> {
	for (const status of ['hired', 'leave', 'parental leave', 'garden leave']) {
		for (const e of await sim.employees({ lifecycleStatus: status })) {
			await sim.control('deleteEmployee', { employeeId: e.id });
		}
	}
}

/** Moves the employee to another department (always a different value); returns [before, after]. */
export async function moveDepartment(
	sim: SimulatorProcess,
	employeeId: string,
): Promise<[unknown, unknown]> {
	const departmentOf = async () =>
		(await sim.control<{ values: Record<string, unknown> }>('getEmployee', { employeeId })).values[
			'work.department'
		];
	const before = await departmentOf();
	for (const department of ['Legal', 'Security']) {
		await sim.control('changeFields', { employeeId, fields: { 'work.department': department } });
		const after = await departmentOf();
		if (after !== before) return [before, after];
	}
	throw new Error('e2e: the department did not change');
}

/** HiBob's time-off changes feed, read by the time-off trigger (Watch: Time Off). */
export const TIME_OFF_CHANGES = '/v1/timeoff/requests/changes';

/** The time-off trigger node (Watch: Time Off, every 10 seconds) of a workflow. */
export function timeOffTriggerNode(
	name: string,
	credential: CredentialFixture,
): Record<string, unknown> {
	return pollingTriggerNode(name, credential, { watch: 'timeOff' });
}

/** The events of a time-off trigger's finished executions ("event requestId", sorted), with their execution IDs, and its failed executions. */
export async function readTimeOffRuns(
	n8n: N8nInstance,
	workflowId: string,
	triggerName: string,
): Promise<{ events: Array<Record<string, unknown>>; keys: string[]; executionIds: string[]; failed: string[] }> {
	const events: Array<Record<string, unknown>> = [];
	const executionIds: string[] = [];
	const failed: string[] = [];
	for (const summary of await n8n.listExecutions(workflowId)) {
		if (summary.mode !== 'trigger' || ['new', 'running', 'waiting'].includes(summary.status)) continue;
		const execution = await n8n.getExecution(summary.id);
		if (!execution?.run) continue;
		if (execution.status !== 'success') failed.push(summary.id);
		else {
			executionIds.push(summary.id);
			events.push(...nodeOutput(execution.run, triggerName));
		}
	}
	const keys = events.map((e) => `${String(e.event)} ${String(e.requestId)}`).sort();
	return { events, keys, executionIds, failed };
} // prettier-ignore
