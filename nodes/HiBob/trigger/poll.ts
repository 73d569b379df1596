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
 * Overlapping polls: n8n starts a poll on every tick even while the previous poll of the same trigger
 * is still running (it only counts the overlap), and a poll may wait out a 429 for its whole budget (5
 * minutes on n8n's default scheduler) against a 1-minute interval. Two rules keep that safe:
 * - One poll per trigger at a time in this process: a poll that starts while another of the same
 *   workflow and node is in flight returns null at once (nothing is skipped: the running poll, or the
 *   next one, diffs everything since the stored state). A claim older than the poll budget is treated
 *   as abandoned, so a request that never returns cannot silence the trigger.
 * - The stored state carries when its search was sent (`lifecycleSearchSentAt`, written with every
 *   write). A poll whose search was sent before that discards its answer: it emits nothing and writes
 *   nothing, so an older answer never replaces newer state (nothing reported backwards, then forwards
 *   again, nor twice). The check reads the static data as it is when the answer is used: in n8n's
 *   default scheduler the polls of one workflow share that object, and after a restart it holds what the
 *   database held.
 *
 * Quiet polls: when HiBob's answer is byte for byte the one the last fully processed poll diffed, on the
 * same calendar day and with the same configuration, nothing can have happened, so the poll returns
 * null without parsing it (`lifecycleAnswer` keeps that answer's SHA-256, day and configuration
 * fingerprint, written with the state). Anything else takes the full path. HiBob promises no stable
 * order of people in its answer: if two answers differ by order alone, the digests differ and the poll
 * simply takes the full path (which finds nothing), so nothing is ever missed. Manual mode ("Fetch Test
 * Event") always takes the full path.
 *
 * Time: "now" is the nodes' one clock, shared/clock.ts (real time in n8n; a test clock in tests), "today" the
 * calendar date in the workflow's time zone, `detectedAt` UTC ISO.
 */
import { createHash } from 'node:crypto';

import { DateTime } from 'luxon';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { diffLifecycle, fitsSample, sampleEventName } from '../core/lifecycle';
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
import { clockNow } from '../shared/clock';
import { hiBobRequest, unexpectedAnswer } from '../transport';
import { attachHistory, loadLifecycleHistory, wantsHistory } from './lifecycleHistory';
import { eventJson, Labels } from './output';
import type { WatchFilter } from './scope';
import { SEARCH_SCOPE, watchedEmployees, watchScope } from './scope';
import type { TriggerSettings } from './settings';
import { withDigestKey } from './digestKey';
import { FILTER_FAILURE, readSettings } from './settings';

export const SNAPSHOT_KEY = 'lifecycleSnapshot';
/** When the search behind the stored state was sent (UTC ISO), beside the snapshot. */
export const SEARCH_SENT_KEY = 'lifecycleSearchSentAt';
/** The last fully processed answer: its digest, the day and the configuration it was processed for. */
export const ANSWER_KEY = 'lifecycleAnswer';

/**
 * Part of the configuration fingerprint: raise it when the same answer, day and parameters could yield
 * a different stored state or other events than before (an engine or output change), so that state
 * stored by the previous version never takes the short path.
 */
const ANSWER_FORMAT = 1;

/** The poll budget n8n's default scheduler gives a poll when it passes none. */
const DEFAULT_POLL_BUDGET_MS = 5 * 60_000;

/** What any failure of a poll means: no events, the snapshot untouched. */
const POLL_FAILED = 'Nothing was emitted and the stored state was kept; the next poll tries again.';

/** How many employees "Fetch Test Event" shows when nothing would fire now. */
export const SAMPLE_SIZE = 3;

/**
 * Absolute time after which no retry wait may end: the poll's budget from n8n, less a margin for the
 * work after the requests. Expressed on the one clock the transport also waits on.
 */
export function pollDeadline(context: IPollFunctions, now: number): number | undefined {
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

/** Trigger-mode polls in flight in this process, by workflow and node: the claim each holds. */
const inFlight = new Map<string, { startedAt: number }>();

function pollBudgetMs(context: IPollFunctions): number {
	const budget = context.getPollBudgetMs?.();
	return typeof budget === 'number' && Number.isFinite(budget) && budget > 0
		? budget
		: DEFAULT_POLL_BUDGET_MS;
}

/** What the short path compares besides the answer: the answer's day and configuration. */
interface AnswerKey {
	day: string;
	fingerprint: string;
}

interface StoredAnswer extends AnswerKey {
	digest: string;
}

function storedAnswer(value: unknown): StoredAnswer | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { digest, day, fingerprint } = value as Record<string, unknown>;
	if (typeof digest !== 'string' || typeof day !== 'string' || typeof fingerprint !== 'string')
		return undefined;
	return { digest, day, fingerprint };
}

/** Everything besides the answer and the day that decides what a poll emits and stores. */
function configurationFingerprint(
	context: IPollFunctions,
	settings: TriggerSettings,
	filter: WatchFilter | undefined,
): string {
	// The filters count as compiled (their fingerprint is in the engine's scope): a list item named by
	// its label or by its ID is the same filter. Matching reads values through the field metadata.
	const compiledSettings: Partial<TriggerSettings> = { ...settings };
	delete compiledSettings.filterConditions;
	const text = JSON.stringify({
		format: ANSWER_FORMAT,
		typeVersion: context.getNode().typeVersion,
		timezone: context.getTimezone(),
		settings: compiledSettings,
		filter: filter
			? {
					fingerprint: filter.compiled.fingerprint,
					fields: filter.compiled.fieldIds.map((id) => filter.fieldIndex.get(id) ?? null),
				}
			: null,
	});
	return createHash('sha256').update(text).digest('hex');
}

/** Whether the stored state comes from a search sent after this poll's (a clock jump back excepted). */
function isStale(staticData: IDataObject, sentAt: number, nowMs: number): boolean {
	const stored = staticData[SEARCH_SENT_KEY];
	const storedAt = typeof stored === 'string' ? Date.parse(stored) : Number.NaN;
	return Number.isFinite(storedAt) && sentAt < storedAt && storedAt <= nowMs;
}

type SearchAnswer =
	| { unchanged: true }
	| { unchanged: false; employees: RawEmployee[]; digest: string };

type ReadAnswer = { unchanged: true } | { unchanged: false; body: unknown; digest: string };

/**
 * The one people search. HiBob's answer arrives as bytes; when `short` is given and the answer's digest
 * matches the last fully processed one (same day and configuration), it is not even decoded.
 */
async function searchPeople(
	context: IPollFunctions,
	settings: TriggerSettings,
	deadline: number | undefined,
	short: (() => StoredAnswer | undefined) | undefined,
): Promise<SearchAnswer> {
	const answer = await hiBobRequest<ReadAnswer | null>(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: settings.requestFields,
			...SEARCH_SCOPE,
			...(settings.humanReadableLabels ? { humanReadable: 'APPEND' } : {}),
		},
		deadline,
		raw: (bytes) => {
			const digest = short ? createHash('sha256').update(bytes).digest('hex') : '';
			if (short && short()?.digest === digest) return { unchanged: true };
			return {
				unchanged: false,
				digest,
				body: JSON.parse(bytes.toString('utf8')) as unknown,
			};
		},
	});
	if (answer?.unchanged) return answer;
	const employees = employeesOf(answer?.body ?? null);
	if (!employees) {
		throw unexpectedAnswer(context, 'POST /v1/people/search', 'has no "employees" list', {
			consequence: POLL_FAILED,
		});
	}
	return { unchanged: false, employees, digest: answer?.digest ?? '' };
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

/**
 * Samples that follow the selected events: Employee Created when selected, else the first selected
 * event, from the newest employees (by start date, then ID) who fit it (everyone when nobody does),
 * shaped by the engine itself as new employees, then named as that event.
 */
function sampleEvents(
	employees: LifecycleEmployee[],
	dates: LifecycleDiffContext,
	settings: TriggerSettings,
): LifecycleEvent[] {
	const startOf = (employee: LifecycleEmployee) => {
		const start = employee.values['work.startDate'];
		return typeof start === 'string' ? start : '';
	};
	const name = sampleEventName(settings.engine.events ?? []);
	const fitting = employees.filter((employee) => fitsSample(name, employee, dates.today));
	const newest = [...(fitting.length > 0 ? fitting : employees)]
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
	return [...result.events]
		.map((event) => ({ ...event, event: name }))
		.sort((a, b) => (rank.get(a.employeeId) as number) - (rank.get(b.employeeId) as number));
}

export async function pollLifecycle(
	context: IPollFunctions,
): Promise<INodeExecutionData[][] | null> {
	return await exclusivePoll(context, pollOnce);
}

/**
 * Runs one poll of this trigger, unless another trigger-mode poll of the same workflow and node is in
 * flight in this process (then null at once). The time-off poll (trigger/timeOffPoll.ts) shares it.
 */
export async function exclusivePoll(
	context: IPollFunctions,
	run: (context: IPollFunctions, manual: boolean) => Promise<INodeExecutionData[][] | null>,
): Promise<INodeExecutionData[][] | null> {
	// Manual mode never writes state, so it neither waits for nor blocks the trigger's own polls.
	if (context.getMode() === 'manual') return await run(context, true);
	const key = `${context.getWorkflow().id}\u0000${context.getNode().id}`;
	const now = clockNow();
	const running = inFlight.get(key);
	if (running && now - running.startedAt < pollBudgetMs(context)) {
		context.logger.debug('HiBob Trigger: the previous poll is still running; this one is skipped');
		return null;
	}
	const claim = { startedAt: now };
	inFlight.set(key, claim);
	try {
		return await run(context, false);
	} finally {
		if (inFlight.get(key) === claim) inFlight.delete(key);
	}
}

async function pollOnce(
	context: IPollFunctions,
	manual: boolean,
): Promise<INodeExecutionData[][] | null> {
	let settings = await withDigestKey(context, readSettings(context));
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
	// `now` is also when the search is sent: the stored state records it, to tell older answers apart.
	const now = clockNow();
	const dates = diffDates(now, context.getTimezone());
	const deadline = pollDeadline(context, now);
	const answerKey: AnswerKey | undefined = manual
		? undefined
		: { day: dates.today, fingerprint: configurationFingerprint(context, settings, filter) };
	// The short path needs the stored answer to match on every count, and the state it was stored with.
	const shortPath = answerKey
		? () => {
				const stored = context.getWorkflowStaticData('node');
				const hasSnapshot = stored[SNAPSHOT_KEY] !== undefined && stored[SNAPSHOT_KEY] !== null;
				const answer = storedAnswer(stored[ANSWER_KEY]);
				return hasSnapshot &&
					answer?.day === answerKey.day &&
					answer.fingerprint === answerKey.fingerprint
					? answer
					: undefined;
			}
		: undefined;

	const answer = await searchPeople(context, settings, deadline, shortPath);
	if (answer.unchanged) return null;
	// Read when the answer is in: other polls of this workflow share this object and may have stored.
	const staticData = context.getWorkflowStaticData('node');
	if (!manual && isStale(staticData, now, clockNow())) return null;
	const raw = watchedEmployees(answer.employees, filter);
	const rawById = new Map<string, RawEmployee>();
	const employees: LifecycleEmployee[] = [];
	for (const employee of raw) {
		const id = employeeId(employee);
		if (id === '' || rawById.has(id)) continue;
		rawById.set(id, employee);
		employees.push({ id, values: flatValues(employee, settings.requestFields) });
	}

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
	// when something changed (no write on a quiet poll, nothing for durable cursors to commit). A newer
	// poll may have stored while this one waited for the lifecycle history: then this answer is older.
	if (!manual && answerKey) {
		if (isStale(staticData, now, clockNow())) return null;
		const stored = storedAnswer(staticData[ANSWER_KEY]);
		// The answer is recorded only once its state is stored: diffing it again finds nothing new.
		const answerChanged =
			(result.changed || result.events.length === 0) &&
			(stored?.digest !== answer.digest ||
				stored.day !== answerKey.day ||
				stored.fingerprint !== answerKey.fingerprint);
		if (result.changed) staticData[SNAPSHOT_KEY] = result.nextSnapshot as unknown as IDataObject;
		if (answerChanged) staticData[ANSWER_KEY] = { digest: answer.digest, ...answerKey };
		if (result.changed || answerChanged) staticData[SEARCH_SENT_KEY] = new Date(now).toISOString();
	}

	if (jsons.length === 0) return null;
	return [context.helpers.returnJsonArray(jsons)];
}
