/**
 * REFERENCE ONLY: the lifecycle engine as it was before the performance work (commit 7c97d90),
 * kept verbatim so fastpath.test.ts can check the optimised engine gives identical results.
 */
/**
 * The lifecycle diff: previous snapshot + current people → events + next snapshot. Pure and
 * deterministic: no clock (today and detectedAt come in), no I/O, no n8n imports.
 *
 * Rules, per employee (statuses classified by status.ts, case-insensitive):
 * - employeeCreated: an ID not in the previous snapshot.
 * - employeeRemoved: an ID no longer returned; carries the last known values.
 * - lifecycleStatusChanged: the status differs (case and separators ignored) and both sides are readable.
 * - employeeRehired: Terminated → any readable status other than Terminated.
 * - leaveStarted / leaveEnded: into / out of a leave status. Garden leave is not a leave, and switching
 *   between two leave types is only a status change.
 * - Dated events fire once per (employee, event, date). The flags in the snapshot (`x`, FIRED_*) say which
 *   dated events are done for the *stored* date; when the date changes the flags reset, so a moved date
 *   fires again. A date that is already reached when it is first seen (baseline) counts as done.
 *   - startDateApproaching: startDate − leadDays ≤ today < startDate, status not Terminated.
 *   - employeeStarted: Hired → a working status, or the start date is reached (startDate ≤ today) while
 *     HiBob still says Hired (it flips on the start date, possibly later than our poll), or the start
 *     date was crossed since the previous poll (startDate ≥ the previous poll's today: someone added on
 *     their first day). Whichever comes first fires; the other is then a no-op. Backdating an old
 *     start date does not fire.
 *   - terminationScheduled: a termination date ≥ today is set or moved while the status is not
 *     Terminated (garden leave included).
 *   - employeeTerminated: status becomes Terminated, or the termination date has *passed*
 *     (terminationDate < today) since the previous poll while HiBob has not flipped the status yet. The
 *     termination date is the last day of employment (garden leave ends on it, hibob-api.md §5.3), so
 *     "reached" for a termination means the day after, as "reached" for a start means the start date
 *     itself. Whichever comes first fires; the other is a no-op for the same termination date.
 * - employeeUpdated: a watched field changed (both sides readable; unreadable is never a change).
 *
 * `changes` lists the lifecycle fields (status, access status, start and termination dates) that changed
 * for lifecycle events, the watched fields that changed for employeeUpdated, and nothing for
 * employeeCreated / employeeRemoved.
 */
import { dateToDayNumber, isCalendarDate } from './dates';
import {
	IDENTITY_FIELDS,
	LIFECYCLE_FIELDS,
	configurationFingerprint,
	readableFieldName,
	resolveLifecycleOptions,
} from '../../../../../../nodes/HiBob/core/lifecycle/fields';
import type { ResolvedLifecycleOptions } from '../../../../../../nodes/HiBob/core/lifecycle/fields';
import type { StoredEmployee } from './snapshot';
import { canonicalJson, compareEmployeeIds, decodeSnapshot, encodeSnapshot } from './snapshot';
import type { LifecycleCategory } from './status';
import { classifyLifecycleStatus, sameStatus } from './status';
import type {
	BaselineReason,
	LifecycleDiffResult as CurrentLifecycleDiffResult,
	LifecycleEmployee,
	LifecycleEvent,
	LifecycleEventName,
	LifecycleFieldChange,
	LifecycleGuardFailure,
	LifecycleOptions,
} from '../../../../../../nodes/HiBob/core/lifecycle/types';
import { LIFECYCLE_EVENTS } from '../../../../../../nodes/HiBob/core/lifecycle/types';

/** The result as this engine returned it: before `changed` was added (the oracle stays verbatim). */
type WithoutChanged<Result> = Result extends unknown ? Omit<Result, 'changed'> : never;
type LifecycleDiffResult = WithoutChanged<CurrentLifecycleDiffResult>;

export const FIRED_START_APPROACHING = 1;
export const FIRED_STARTED = 2;
export const FIRED_TERMINATION_SCHEDULED = 4;
export const FIRED_TERMINATED = 8;
const START_FLAGS = FIRED_START_APPROACHING | FIRED_STARTED;
const TERMINATION_FLAGS = FIRED_TERMINATION_SCHEDULED | FIRED_TERMINATED;

const LIFECYCLE_FIELD_IDS: readonly string[] = Object.values(LIFECYCLE_FIELDS);
const EVENT_ORDER = new Map<LifecycleEventName, number>(
	LIFECYCLE_EVENTS.map((event, index) => [event, index]),
);

export interface LifecycleDiffContext {
	/** Calendar date `YYYY-MM-DD` in the workflow's time zone. */
	today: string;
	/** UTC ISO timestamp copied into every event. */
	detectedAt: string;
}

interface Draft {
	event: LifecycleEventName;
	effectiveDate: string;
	changes: LifecycleFieldChange[];
}

interface Evaluation {
	drafts: Draft[];
	fired: number;
	/** Whether an employeeTerminated was due (counted by the guard even when the event is disabled). */
	terminated: boolean;
}

function definedValues(values: Record<string, unknown>, fields: readonly string[]) {
	const result: Record<string, unknown> = {};
	for (const field of fields) {
		if (values[field] !== undefined) result[field] = values[field];
	}
	return result;
}

function fieldChanges(
	previous: Record<string, unknown>,
	current: Record<string, unknown>,
	fields: readonly string[],
): LifecycleFieldChange[] {
	const changes: LifecycleFieldChange[] = [];
	for (const field of fields) {
		const before = previous[field];
		const after = current[field];
		if (before === undefined || after === undefined) continue;
		const changed =
			field === LIFECYCLE_FIELDS.lifecycleStatus || field === LIFECYCLE_FIELDS.accessStatus
				? !sameStatus(before, after)
				: canonicalJson(before) !== canonicalJson(after);
		if (changed) changes.push({ field, previous: before, current: after });
	}
	return changes;
}

function isWorking(category: LifecycleCategory): boolean {
	return category !== 'terminated' && category !== 'unknown';
}

/**
 * Runs the rules for one employee. `previous` is undefined for a new employee; `merged` is the current
 * values with unreadable fields carried over from `previous`. `previousToday` is the day number of the
 * previous poll. A date counts as crossed since then when it was not yet reached on that day: a start
 * date ≥ previousToday (polls run many times a day, so someone added on their first day has
 * startDate = today = previousToday), a termination date ≥ previousToday that has now passed.
 */
function evaluate(
	previous: StoredEmployee | undefined,
	merged: Record<string, unknown>,
	today: string,
	previousToday: number,
	options: ResolvedLifecycleOptions,
): Evaluation {
	const todayDays = dateToDayNumber(today) as number;
	const previousValues = previous?.values ?? {};
	const previousCategory = previous
		? classifyLifecycleStatus(previousValues[LIFECYCLE_FIELDS.lifecycleStatus])
		: undefined;
	const category = classifyLifecycleStatus(merged[LIFECYCLE_FIELDS.lifecycleStatus]);
	const startDate = merged[LIFECYCLE_FIELDS.startDate];
	const terminationDate = merged[LIFECYCLE_FIELDS.terminationDate];
	const startDays = dateToDayNumber(startDate);
	const terminationDays = dateToDayNumber(terminationDate);

	let fired = previous?.fired ?? 0;
	if (previous) {
		const same = (field: string) =>
			canonicalJson(previousValues[field]) === canonicalJson(merged[field]);
		if (!same(LIFECYCLE_FIELDS.startDate)) fired &= ~START_FLAGS;
		if (!same(LIFECYCLE_FIELDS.terminationDate)) fired &= ~TERMINATION_FLAGS;
	}
	const done = (flag: number) => (fired & flag) !== 0;

	const lifecycleChanges = previous
		? fieldChanges(previousValues, merged, LIFECYCLE_FIELD_IDS)
		: [];
	const drafts: Draft[] = [];
	const add = (event: LifecycleEventName, effectiveDate: string, changes = lifecycleChanges) =>
		drafts.push({ event, effectiveDate, changes });
	const startOrToday = startDays !== undefined ? (startDate as string) : today;
	const terminationOrToday = terminationDays !== undefined ? (terminationDate as string) : today;

	if (!previous) add('employeeCreated', startOrToday, []);

	if (previousCategory === 'terminated' && isWorking(category)) {
		const startDateChanged = lifecycleChanges.some(
			(change) => change.field === LIFECYCLE_FIELDS.startDate,
		);
		add(
			'employeeRehired',
			startDateChanged && startDays !== undefined ? (startDate as string) : today,
		);
	}

	if (previous) {
		const before = previousValues[LIFECYCLE_FIELDS.lifecycleStatus];
		const after = merged[LIFECYCLE_FIELDS.lifecycleStatus];
		if (before !== undefined && after !== undefined && !sameStatus(before, after)) {
			add('lifecycleStatusChanged', today);
		}
	}

	// Started is decided first: someone HiBob flips to Employed before the date needs no reminder.
	const startedByStatus =
		previousCategory === 'hired' && category !== 'hired' && isWorking(category);
	const startedByDate =
		startDays !== undefined &&
		startDays <= todayDays &&
		category !== 'terminated' &&
		(category === 'hired' || startDays >= previousToday);
	const started = !done(FIRED_STARTED) && (startedByStatus || startedByDate);

	if (startDays !== undefined) {
		const inWindow = todayDays >= startDays - options.leadDays && todayDays < startDays;
		const upcoming = !done(FIRED_START_APPROACHING) && !done(FIRED_STARTED) && !started;
		if (upcoming && inWindow && category !== 'terminated') {
			add('startDateApproaching', startDate as string);
		}
		if (todayDays >= startDays - options.leadDays) fired |= FIRED_START_APPROACHING;
	}
	if (started) {
		add('employeeStarted', startOrToday);
		fired |= FIRED_STARTED | FIRED_START_APPROACHING;
	}
	if (startDays !== undefined && startDays <= todayDays) fired |= FIRED_STARTED;

	if (previousCategory !== undefined && previousCategory !== 'unknown') {
		if (previousCategory === 'leave' && category !== 'leave' && category !== 'unknown') {
			add('leaveEnded', today);
		}
		if (previousCategory !== 'leave' && category === 'leave') add('leaveStarted', today);
	}

	if (terminationDays !== undefined) {
		if (
			!done(FIRED_TERMINATION_SCHEDULED) &&
			terminationDays >= todayDays &&
			category !== 'terminated'
		) {
			add('terminationScheduled', terminationDate as string);
		}
		fired |= FIRED_TERMINATION_SCHEDULED;
	}

	const terminatedByStatus =
		previousCategory !== undefined &&
		isWorking(previousCategory) &&
		category === 'terminated' &&
		// Without a termination date the status flip is the only signal, so the flag cannot dedupe it.
		(!done(FIRED_TERMINATED) || terminationDays === undefined);
	const terminatedByDate =
		terminationDays !== undefined &&
		terminationDays < todayDays &&
		terminationDays >= previousToday &&
		category !== 'terminated' &&
		!done(FIRED_TERMINATED);
	const terminated = terminatedByStatus || terminatedByDate;
	if (terminated) add('employeeTerminated', terminationOrToday);
	if (
		terminationDays !== undefined &&
		(terminated || terminationDays < todayDays || category === 'terminated')
	) {
		fired |= FIRED_TERMINATED;
	}

	if (previous) {
		const watchedChanges = fieldChanges(previousValues, merged, options.watchedFields);
		if (watchedChanges.length > 0) add('employeeUpdated', today, watchedChanges);
	}

	return { drafts, fired, terminated };
}

function readable(values: Record<string, unknown>, fields: readonly string[]) {
	const result: Record<string, unknown> = {};
	for (const field of fields) {
		if (values[field] !== undefined) result[readableFieldName(field)] = values[field];
	}
	return result;
}

function stringOrNull(value: unknown): string | null {
	return typeof value === 'string' ? value : null;
}

interface EventSubject {
	employeeId: string;
	previous: Record<string, unknown> | undefined;
	current: Record<string, unknown> | undefined;
	employee: Record<string, unknown>;
}

function buildEvent(
	draft: Draft,
	subject: EventSubject,
	detectedAt: string,
	options: ResolvedLifecycleOptions,
): LifecycleEvent {
	const known = subject.current ?? subject.previous ?? {};
	return {
		event: draft.event,
		employeeId: subject.employeeId,
		email: stringOrNull(known[IDENTITY_FIELDS.email]),
		displayName: stringOrNull(known[IDENTITY_FIELDS.displayName]),
		detectedAt,
		effectiveDate: draft.effectiveDate,
		previous: subject.previous ? readable(subject.previous, options.storedFields) : null,
		current: subject.current ? readable(subject.current, options.storedFields) : null,
		changes: draft.changes,
		employee: { ...subject.employee },
	};
}

function validateContext(context: LifecycleDiffContext): void {
	if (!isCalendarDate(context.today)) {
		throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${String(context.today)}`);
	}
	if (typeof context.detectedAt !== 'string' || context.detectedAt === '') {
		throw new RangeError('detectedAt must be a UTC ISO timestamp');
	}
}

/** Current people by ID, first occurrence wins (a batched fetch may repeat someone). */
function indexEmployees(employees: readonly LifecycleEmployee[]): Map<string, LifecycleEmployee> {
	const byId = new Map<string, LifecycleEmployee>();
	for (const employee of employees) {
		if (!byId.has(employee.id)) byId.set(employee.id, employee);
	}
	return byId;
}

function baseline(
	reason: BaselineReason,
	current: Map<string, LifecycleEmployee>,
	context: LifecycleDiffContext,
	options: ResolvedLifecycleOptions,
	fingerprint: string,
): LifecycleDiffResult {
	const todayDays = dateToDayNumber(context.today) as number;
	const ids = [...current.keys()].sort(compareEmployeeIds);
	const rows = ids.map((id) => {
		const values = definedValues(current.get(id)?.values ?? {}, options.storedFields);
		// Evaluated as "new" with the previous poll = today: reached dates are marked done, nothing fires.
		const { fired } = evaluate(undefined, values, context.today, todayDays, options);
		return [id, { values, fired }] as const;
	});
	const emitCreated =
		reason === 'firstRun' &&
		options.emitExistingOnFirstRun &&
		options.events.has('employeeCreated');
	const events = emitCreated
		? rows.map(([id, row]) =>
				buildEvent(
					{
						event: 'employeeCreated',
						effectiveDate: isCalendarDate(row.values[LIFECYCLE_FIELDS.startDate])
							? (row.values[LIFECYCLE_FIELDS.startDate] as string)
							: context.today,
						changes: [],
					},
					{
						employeeId: id,
						previous: undefined,
						current: row.values,
						employee: current.get(id)?.values ?? {},
					},
					context.detectedAt,
					options,
				),
			)
		: [];
	return {
		status: 'baseline',
		reason,
		events,
		nextSnapshot: encodeSnapshot(fingerprint, context.today, options.storedFields, rows),
	};
}

function vanishedFields(
	previous: Map<string, StoredEmployee>,
	current: Map<string, LifecycleEmployee>,
	fields: readonly string[],
): string[] {
	if (current.size === 0) return [];
	const currentEmployees = [...current.values()];
	const previousEmployees = [...previous.values()];
	return fields.filter(
		(field) =>
			previousEmployees.some((employee) => employee.values[field] !== undefined) &&
			currentEmployees.every((employee) => employee.values[field] === undefined),
	);
}

/**
 * Compares the stored snapshot with the people HiBob returns now.
 *
 * @param previousSnapshot what the last call returned as `nextSnapshot` (after a JSON round trip), or
 *   undefined on the first run. Anything unreadable or of another schema version re-baselines quietly.
 * @param employees everyone the service user can see now, normalised by core/people.
 * @returns `baseline` (store the snapshot, emit `events` — only non-empty with emitExistingOnFirstRun),
 *   `diffed` (emit `events`, store `nextSnapshot`) or `guardTripped` (emit nothing, keep the old
 *   snapshot, surface `guard.message`).
 */
export function diffLifecycle(
	previousSnapshot: unknown,
	employees: readonly LifecycleEmployee[],
	context: LifecycleDiffContext,
	lifecycleOptions: LifecycleOptions = {},
): LifecycleDiffResult {
	validateContext(context);
	const options = resolveLifecycleOptions(lifecycleOptions);
	const fingerprint = configurationFingerprint(options);
	const current = indexEmployees(employees);

	if (previousSnapshot === undefined || previousSnapshot === null) {
		return baseline('firstRun', current, context, options, fingerprint);
	}
	const decoded = decodeSnapshot(previousSnapshot);
	if (!decoded.ok) return baseline(decoded.reason, current, context, options, fingerprint);
	const previous = decoded.snapshot;
	const previousToday = dateToDayNumber(previous.today);
	if (previousToday === undefined) {
		return baseline('snapshotUnreadable', current, context, options, fingerprint);
	}
	if (previous.fingerprint !== fingerprint) {
		return baseline('configurationChanged', current, context, options, fingerprint);
	}

	const knownEmployees = previous.employees.size;
	const vanished = vanishedFields(previous.employees, current, options.storedFields);
	if (vanished.length > 0) {
		return guardTripped({
			reason: 'fieldsVanished',
			knownEmployees,
			fields: vanished,
			message:
				`HiBob returned no value for ${vanished.join(', ')} for any of the ${current.size} employees, ` +
				'although the previous poll could read them. The service user has most likely lost a ' +
				'permission (a field category) in HiBob. No events were emitted and the stored state was ' +
				'kept: restore the permission, or change the watched fields to start from a new baseline.',
		});
	}

	const ids = [...new Set([...previous.employees.keys(), ...current.keys()])].sort(
		compareEmployeeIds,
	);
	const rows: Array<readonly [string, StoredEmployee]> = [];
	const events: LifecycleEvent[] = [];
	let affected = 0;
	for (const id of ids) {
		const before = previous.employees.get(id);
		const now = current.get(id);
		if (!now) {
			affected++;
			const subject = {
				employeeId: id,
				previous: before?.values,
				current: undefined,
				employee: before?.values ?? {},
			};
			const draft: Draft = { event: 'employeeRemoved', effectiveDate: context.today, changes: [] };
			events.push(buildEvent(draft, subject, context.detectedAt, options));
			continue;
		}
		// Unreadable now ⇒ keep the last known value: an unreadable field is not a change.
		const merged = {
			...(before?.values ?? {}),
			...definedValues(now.values, options.storedFields),
		};
		const evaluation = evaluate(before, merged, context.today, previousToday, options);
		if (evaluation.terminated) affected++;
		rows.push([id, { values: merged, fired: evaluation.fired }]);
		const subject = {
			employeeId: id,
			previous: before?.values,
			current: merged,
			employee: now.values,
		};
		for (const draft of evaluation.drafts) {
			events.push(buildEvent(draft, subject, context.detectedAt, options));
		}
	}

	const allowed = Math.max(
		options.maxRemovalCount,
		Math.floor((knownEmployees * options.maxRemovalPercent) / 100),
	);
	if (affected > allowed) {
		return guardTripped({
			reason: 'massRemoval',
			knownEmployees,
			affectedEmployees: affected,
			allowedEmployees: allowed,
			message:
				`${affected} of ${knownEmployees} known employees would be reported as removed or terminated ` +
				`in one poll (the safety limit is ${allowed}: ${options.maxRemovalPercent}% of known ` +
				`employees, at least ${options.maxRemovalCount}). This usually means the service user's ` +
				'access scope or permissions changed in HiBob (for example a permission group condition), ' +
				'not real departures. No events were emitted and the stored state was kept: fix the access, ' +
				'or raise the safety limit if the change is real.',
		});
	}

	return {
		status: 'diffed',
		// Already ordered by employee ID, then by LIFECYCLE_EVENTS order inside evaluate().
		events: events
			.filter((event) => options.events.has(event.event))
			.sort(
				(left, right) =>
					compareEmployeeIds(left.employeeId, right.employeeId) ||
					(EVENT_ORDER.get(left.event) as number) - (EVENT_ORDER.get(right.event) as number),
			),
		nextSnapshot: encodeSnapshot(fingerprint, context.today, options.storedFields, rows),
	};
}

function guardTripped(guard: LifecycleGuardFailure): LifecycleDiffResult {
	return { status: 'guardTripped', guard, events: [], nextSnapshot: undefined };
}
