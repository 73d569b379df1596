/**
 * One poll of the HiBob Trigger: fetch → diff → store, in a straight line. HiBob has no "changed
 * since" API for people, so each poll reads everyone with ONE people search and the lifecycle engine (core/lifecycle) decides what happened.
 *
 * State: `getWorkflowStaticData('node').lifecycleSnapshot` holds the engine's snapshot (plain JSON). It
 * is written last, only in trigger mode, only after every request of the poll succeeded, and only when
 * it changed (so n8n's durable cursors see no churn). Any failure before that
 * (HiBob errors after retries, HTML, bad JSON, the safety guard) leaves it as it was: the next good poll
 * diffs against the same snapshot and emits each pending event exactly once.
 *
 * Replays: n8n (legacy mode) saves static data only when a poll emits, so after a restart the trigger
 * may diff against an older snapshot than the last one it computed. That is safe: every poll that
 * emitted was saved, so the replayed window emitted nothing, and diffing it again finds the same changes
 * once. Under durable cursors a poll "can occasionally run twice"; the second run diffs against the
 * committed snapshot, so it finds nothing new.
 *
 * Time: "now" is the transport's clock (real time in n8n; the simulator's clock in tests), "today" the
 * calendar date in the workflow's time zone, `detectedAt` UTC ISO.
 */
import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { diffLifecycle } from '../core/lifecycle';
import type {
	LifecycleDiffContext,
	LifecycleEmployee,
	LifecycleEvent,
	LifecycleGuardFailure,
} from '../core/lifecycle';
import type { RawEmployee } from '../core/people';
import { employeeId, employeesOf, flatValues } from '../core/people';
import { compileFilterParameter } from '../shared/filters';
import { loadFieldIndex } from '../shared/metadata';
import { hiBobRequest, transportSettings, unexpectedAnswer } from '../transport';
import { attachHistory, loadLifecycleHistory, wantsHistory } from './lifecycleHistory';
import { eventJson, Labels } from './output';
import type { WatchFilter } from './scope';
import { SEARCH_SCOPE, watchedEmployees, watchScope } from './scope';
import type { TriggerSettings } from './settings';
import { FILTER_FAILURE, readSettings } from './settings';

export const SNAPSHOT_KEY = 'lifecycleSnapshot';

/** What any failure of a poll means: no events, the snapshot untouched. */
const POLL_FAILED = 'Nothing was emitted and the stored state was kept; the next poll tries again.';

/** How many employees "Fetch Test Event" shows when nothing would fire now. */
export const SAMPLE_SIZE = 3;

/**
 * Absolute time after which no retry wait may end: the poll's budget from n8n, less a margin for the
 * work after the requests. Expressed on the transport's clock, which is also the trigger's "now".
 */
function pollDeadline(context: IPollFunctions, now: number): number | undefined {
	const budget = context.getPollBudgetMs?.();
	if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0) return undefined;
	return now + budget - Math.min(5_000, budget * 0.2);
}

/** The dates the engine diffs with: `today` (calendar date in the workflow's time zone) and `detectedAt` (UTC ISO). */
export function diffDates(nowMs: number, timezone: string): LifecycleDiffContext {
	const local = DateTime.fromMillis(nowMs, { zone: timezone });
	const today = local.isValid ? local.toISODate() : null;
	return {
		today: today ?? (DateTime.fromMillis(nowMs, { zone: 'utc' }).toISODate() as string),
		detectedAt: new Date(nowMs).toISOString(),
	};
}

async function searchPeople(
	context: IPollFunctions,
	settings: TriggerSettings,
	deadline: number | undefined,
): Promise<RawEmployee[]> {
	const body = await hiBobRequest<unknown>(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: settings.requestFields,
			...SEARCH_SCOPE,
			...(settings.humanReadableLabels ? { humanReadable: 'APPEND' } : {}),
		},
		deadline,
	});
	const employees = employeesOf(body);
	if (!employees) {
		throw unexpectedAnswer(context, 'POST /v1/people/search', 'has no "employees" list', {
			consequence: POLL_FAILED,
		});
	}
	return employees;
}

function guardError(context: IPollFunctions, guard: LifecycleGuardFailure): NodeOperationError {
	const description =
		guard.reason === 'massRemoval'
			? `Check the service user's permission group in HiBob (its people condition must not exclude ` +
				`Hired or Terminated people). If the change is real, raise "Options › Safety Limit (% of ` +
				`Employees)" (now allowing ${guard.allowedEmployees}) or "Options › Safety Limit (Employees)" ` +
				`to at least ${guard.affectedEmployees}, let one poll run, then lower it again.`
			: `Grant the service user's permission group the field categories of ${(guard.fields ?? []).join(', ')} ` +
				'again in HiBob. If you removed them on purpose and they are among "Watched Fields", take them ' +
				'out of that list: a changed list starts from a new baseline.';
	return new NodeOperationError(context.getNode(), `Safety check: ${guard.message}`, {
		description,
	});
}

/** Newest employees first (by start date, then ID), shaped as employeeCreated by the engine itself. */
function sampleEvents(
	employees: LifecycleEmployee[],
	dates: LifecycleDiffContext,
	settings: TriggerSettings,
): LifecycleEvent[] {
	const startOf = (employee: LifecycleEmployee) => {
		const start = employee.values['work.startDate'];
		return typeof start === 'string' ? start : '';
	};
	const newest = [...employees]
		.sort(
			(a, b) =>
				startOf(b).localeCompare(startOf(a)) ||
				b.id.length - a.id.length ||
				b.id.localeCompare(a.id),
		)
		.slice(0, SAMPLE_SIZE);
	const result = diffLifecycle(undefined, newest, dates, {
		...settings.engine,
		events: ['employeeCreated'],
		emitExistingOnFirstRun: true,
	});
	// The engine orders by employee ID; samples keep the newest-first order.
	const rank = new Map(newest.map((employee, index) => [employee.id, index]));
	return [...result.events].sort(
		(a, b) => (rank.get(a.employeeId) as number) - (rank.get(b.employeeId) as number),
	);
}

export async function pollLifecycle(
	context: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	const manual = context.getMode() === 'manual';
	let settings = readSettings(context);
	// Filters need the field metadata (types, lists): one metadata read per poll, and the named lists
	// only when a condition names a list label. Still one people search.
	let filter: WatchFilter | undefined;
	if (settings.filterConditions.length > 0) {
		const fieldIndex = await loadFieldIndex(context);
		const compiled = await compileFilterParameter(
			context,
			settings.filterConditions,
			fieldIndex,
			undefined,
			FILTER_FAILURE,
		);
		filter = { compiled, fieldIndex };
		settings = {
			...settings,
			engine: { ...settings.engine, scope: watchScope(compiled.fingerprint) },
			requestFields: [...new Set([...settings.requestFields, ...compiled.fieldIds])],
		};
	}
	const now = transportSettings.clock.now();
	const dates = diffDates(now, context.getTimezone());
	const deadline = pollDeadline(context, now);

	const answer = await searchPeople(context, settings, deadline);
	const raw = watchedEmployees(answer, filter);
	const rawById = new Map<string, RawEmployee>();
	const employees: LifecycleEmployee[] = [];
	for (const employee of raw) {
		const id = employeeId(employee);
		if (id === '' || rawById.has(id)) continue;
		rawById.set(id, employee);
		employees.push({ id, values: flatValues(employee, settings.requestFields) });
	}

	const staticData = context.getWorkflowStaticData('node');
	const previous = staticData[SNAPSHOT_KEY];
	if (employees.length === 0 && (previous === undefined || previous === null)) {
		// A baseline of nobody would report the whole company as "created" once access is fixed.
		throw new NodeOperationError(context.getNode(), 'HiBob returned no employees', {
			description:
				'The service user sees nobody: in HiBob, add it to a permission group whose people condition ' +
				'includes the employees to watch. No baseline was taken; the first poll ' +
				'that sees employees takes it.',
		});
	}
	const result = diffLifecycle(previous, employees, dates, settings.engine);
	if (result.status === 'guardTripped') throw guardError(context, result.guard);

	let events = result.events;
	let samples = false;
	if (manual && events.length === 0) {
		events = sampleEvents(employees, dates, settings);
		samples = true;
	}

	const labels = settings.humanReadableLabels ? new Labels(rawById) : undefined;
	const jsons = events.map((event) => {
		const json = eventJson(event, rawById.get(event.employeeId), settings, labels);
		if (samples) json.sample = true;
		return json;
	});

	if (settings.includeLifecycleHistory && jsons.length > 0) {
		const ids = [
			...new Set(
				events
					.filter((event) => wantsHistory(event.event) && rawById.has(event.employeeId))
					.map((event) => event.employeeId),
			),
		];
		const history =
			ids.length > 0 ? await loadLifecycleHistory(context, ids, deadline, POLL_FAILED) : new Map();
		jsons.forEach((json, index) => {
			if (wantsHistory(events[index].event))
				attachHistory(json, history.get(events[index].employeeId));
		});
	}

	// Everything that can fail has run: only now does the state move (never in manual mode), and only
	// when the engine says it changed (no write on a quiet poll, nothing for durable cursors to commit).
	if (!manual && result.changed) {
		staticData[SNAPSHOT_KEY] = result.nextSnapshot as unknown as IDataObject;
	}

	if (jsons.length === 0) return null;
	return [context.helpers.returnJsonArray(jsons)];
}
