/**
 * One time-off poll of the HiBob Trigger ("Watch: Time Off"): one read of HiBob's time-off changes
 * (`GET /v1/timeoff/requests/changes`) → core/timeOffEvents decides what is new → when there are events,
 * one people search for their employees (the user's output fields) → items → the state, written last.
 *
 * The same guarantees as the lifecycle poll (trigger/poll.ts), by the same means:
 * - one trigger-mode poll per trigger at a time in this process (`exclusivePoll`);
 * - the state (`timeOffState`: a cursor and the change keys seen near it) is written last, only in
 *   trigger mode, only after every request of the poll succeeded, and only when it changed (a quiet poll
 *   writes nothing, except to move an aging cursor every few minutes);
 * - an answer to a request sent before the one behind the stored state is discarded (its cursor is that
 *   request's send time), so nothing is reported twice or backwards;
 * - after a restart the state may be older than the last one computed (n8n saves static data when a poll
 *   emits): the older cursor re-reads a longer window and its keys (a subset of the newer ones, except for
 *   polls that emitted, which were saved) filter what was already emitted.
 * No state (first activation, or another event selection needing pending requests or not) is a silent
 * baseline: that poll records what the window holds and emits nothing.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_SET, readFieldList } from '../core/fields';
import { chunk, stringList } from '../core/lists';
import type { RawEmployee } from '../core/people';
import { employeeId, employeesOf, simplify } from '../core/people';
import { isoUtc } from '../core/timeOff';
import type { TimeOffConfig, TimeOffEvent, TimeOffEventName } from '../core/timeOffEvents';
import {
	changesOf,
	diffTimeOff,
	planTimeOffPoll,
	readTimeOffState,
	TIME_OFF_EVENTS,
	toTimeOffEvent,
	wantsPending,
} from '../core/timeOffEvents';
import { clockNow } from '../shared/clock';
import { hiBobRequest, unexpectedAnswer } from '../transport';
import { DEFAULT_TIME_OFF_EVENTS } from './description';
import { projectEmployee } from './output';
import { exclusivePoll, pollDeadline, SAMPLE_SIZE } from './poll';

export const TIME_OFF_KEY = 'timeOffState';

const CHANGES_PATH = '/v1/timeoff/requests/changes';

/** How far back "Fetch Test Event" looks for sample requests when nothing is new. */
export const SAMPLE_WINDOW_MS = 30 * 24 * 3_600_000;

/** People per search when reading the employees of the events. */
const IDS_PER_SEARCH = 250;

const POLL_FAILED = 'Nothing was emitted and the stored state was kept; the next poll tries again.';

interface TimeOffSettings {
	events: TimeOffEventName[];
	outputFields: string[];
	humanReadableLabels: boolean;
	employeeOutput: 'nested' | 'simplified';
}

function readTimeOffSettings(context: IPollFunctions): TimeOffSettings {
	const node = context.getNode();
	const events = stringList(context.getNodeParameter('timeOffEvents', DEFAULT_TIME_OFF_EVENTS));
	const unknown = events.find((event) => !(TIME_OFF_EVENTS as readonly string[]).includes(event));
	if (unknown !== undefined)
		throw new NodeOperationError(node, `Unknown time-off event "${unknown}"`, {
			description: `Events must be among: ${TIME_OFF_EVENTS.join(', ')}.`,
		});
	if (events.length === 0)
		throw new NodeOperationError(node, 'Choose at least one event', {
			description: 'The trigger has nothing to report with an empty "Events" list.',
		});
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return {
		events: events as TimeOffEventName[],
		outputFields: readFieldList(context.getNodeParameter('outputFields', [DEFAULT_SET])),
		humanReadableLabels: options.humanReadableLabels !== false,
		employeeOutput: options.employeeOutput === 'simplified' ? 'simplified' : 'nested',
	};
}

export async function pollTimeOff(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	return await exclusivePoll(context, pollTimeOffOnce);
}

/** Whether the stored state comes from a request sent after this poll's (a clock jump back excepted). */
function isStale(stored: { cursor: string } | undefined, sentAt: number, nowMs: number): boolean {
	const storedAt = stored ? Date.parse(stored.cursor) : Number.NaN;
	return Number.isFinite(storedAt) && sentAt < storedAt && storedAt <= nowMs;
}

async function readChanges(
	context: IPollFunctions,
	since: string,
	config: TimeOffConfig,
	deadline: number | undefined,
) {
	const body = await hiBobRequest(context, {
		method: 'GET',
		path: CHANGES_PATH,
		qs: { since, includePending: wantsPending(config) },
		deadline,
	});
	const changes = changesOf(body);
	if (!changes)
		throw unexpectedAnswer(context, `GET ${CHANGES_PATH}`, 'has no "changes" list', {
			consequence: POLL_FAILED,
		});
	return changes;
}

async function pollTimeOffOnce(
	context: IPollFunctions,
	manual: boolean,
): Promise<INodeExecutionData[][] | null> {
	const settings = readTimeOffSettings(context);
	const config: TimeOffConfig = { events: settings.events };
	// `now` is also when the request is sent: the stored cursor records it, to tell older answers apart.
	const now = clockNow();
	const deadline = pollDeadline(context, now);
	const detectedAt = isoUtc(now);
	const before = readTimeOffState(context.getWorkflowStaticData('node')[TIME_OFF_KEY], config);
	const plan = planTimeOffPoll(before, now);
	if (manual && !before) return await samples(context, settings, now, deadline);

	const changes = await readChanges(context, plan.since, config, deadline);
	// Read when the answer is in: other polls of this workflow share this object and may have stored.
	const staticData = context.getWorkflowStaticData('node');
	const current = readTimeOffState(staticData[TIME_OFF_KEY], config);
	if (!manual && isStale(current, now, clockNow())) return null;
	if (plan.clamped)
		context.logger.warn(
			`HiBob Trigger: time-off changes before ${plan.since} could not be read (HiBob keeps 6 months); the trigger was inactive or failing longer than that`,
		);
	const diff = diffTimeOff(current, changes, { config, sentAtMs: now, detectedAt });
	const jsons = await itemsFor(context, diff.events, settings, deadline);
	if (manual && jsons.length === 0) return await samples(context, settings, now, deadline);

	// Everything that can fail has run: only now does the state move (never in manual mode), and only
	// when it changed. A newer poll may have stored while this one read the employees.
	if (!manual) {
		if (isStale(readTimeOffState(staticData[TIME_OFF_KEY], config), now, clockNow())) return null;
		if (diff.changed) staticData[TIME_OFF_KEY] = diff.next as unknown as IDataObject;
	}
	return jsons.length > 0 ? [context.helpers.returnJsonArray(jsons)] : null;
}

/**
 * "Fetch Test Event" with nothing new (or before the first activation): the newest requests of the
 * selected events in the last 30 days, marked `sample: true`. Writes nothing.
 */
async function samples(
	context: IPollFunctions,
	settings: TimeOffSettings,
	now: number,
	deadline: number | undefined,
): Promise<INodeExecutionData[][] | null> {
	const changes = await readChanges(context, isoUtc(now - SAMPLE_WINDOW_MS), { events: settings.events }, deadline); // prettier-ignore
	const events = changes
		.map((change) => toTimeOffEvent(change, isoUtc(now)))
		.filter((event): event is TimeOffEvent => event !== undefined && settings.events.includes(event.event))
		.slice(-SAMPLE_SIZE)
		.reverse(); // prettier-ignore
	const jsons = await itemsFor(context, events, settings, deadline);
	if (jsons.length === 0) return null;
	for (const json of jsons) json.sample = true;
	return [context.helpers.returnJsonArray(jsons)];
}

/** The items of `events`, each with its employee's chosen fields (one people search per 250 people). */
async function itemsFor(
	context: IPollFunctions,
	events: TimeOffEvent[],
	settings: TimeOffSettings,
	deadline: number | undefined,
): Promise<IDataObject[]> {
	if (events.length === 0) return [];
	const fieldIds = [...new Set(['root.id', ...settings.outputFields])];
	const ids = [...new Set(events.map((event) => event.employeeId))];
	const people = new Map<string, RawEmployee>();
	for (const batch of chunk(ids, IDS_PER_SEARCH)) {
		const body = await hiBobRequest(context, {
			method: 'POST',
			path: '/v1/people/search',
			body: {
				fields: fieldIds,
				filters: [{ fieldPath: 'root.id', operator: 'equals', values: batch }],
				showInactive: true,
				...(settings.humanReadableLabels ? { humanReadable: 'APPEND' } : {}),
			},
			deadline,
		});
		const employees = employeesOf(body);
		if (!employees)
			throw unexpectedAnswer(context, 'POST /v1/people/search', 'has no "employees" list', {
				consequence: POLL_FAILED,
			});
		for (const employee of employees) people.set(employeeId(employee), employee);
	}
	return events.map((event) => {
		const raw = people.get(event.employeeId);
		let employee: IDataObject | null = null;
		if (raw) {
			const nested = projectEmployee(raw, fieldIds, settings.humanReadableLabels);
			employee = (settings.employeeOutput === 'simplified' ? simplify(nested) : nested) as IDataObject;
		}
		return { ...(event as unknown as IDataObject), employee };
	});
}
