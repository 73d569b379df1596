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
 *   fires again. The baseline emits nothing: a date already reached then counts as done, unless HiBob
 *   has not yet flipped the status for it (still Hired on or after the start date, still working after
 *   the last day): then the flip, seen later, is news and fires.
 *   - startDateApproaching: startDate − leadDays ≤ today < startDate, status not Terminated.
 *   - employeeStarted: Hired → a working status, or the start date is crossed since the previous poll
 *     (startDate > the previous poll's today; ≥ for a date first seen in this poll: someone added on
 *     their first day) while the status is not Terminated, or a start date first seen in this poll is
 *     reached while HiBob still says Hired (it flips on the start date, possibly later than our poll).
 *     Whichever comes first fires; the other is then a no-op. Backdating an employed person's start
 *     date does not fire.
 *   - terminationScheduled: a termination date ≥ today is set or moved while the status is not
 *     Terminated (garden leave included).
 *   - employeeTerminated: status becomes Terminated, or the termination date has *passed*
 *     (terminationDate < today) since the previous poll while HiBob has not flipped the status yet. The
 *     termination date is the last day of employment (garden leave ends on it), so "reached" for a
 *     termination means the day after, as "reached" for a start means the start date itself. Whichever
 *     comes first fires; the other is a no-op for the same termination date.
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
} from './options';
import type { ResolvedLifecycleOptions } from './options';
import { canonicallyEqual, sameJsonTree } from './json';
import type { ColumnarSnapshot, ColumnReader, SnapshotColumn, StoredEmployee } from './snapshot';
import {
	compareEmployeeIds,
	decodeSnapshotColumns,
	encodeColumnar,
	encodeEmployeeId,
	encodeSnapshot,
	rowValues,
} from './snapshot';
import type { LifecycleCategory } from './status';
import { classifyLifecycleStatus, sameStatus } from './status';
import type {
	BaselineReason,
	LifecycleDiffResult,
	LifecycleEmployee,
	LifecycleEvent,
	LifecycleEventName,
	LifecycleFieldChange,
	LifecycleGuardFailure,
	LifecycleOptions,
} from './types';
import { LIFECYCLE_EVENTS } from './types';

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

/** Shared "no changes" marker: replaced by a fresh array wherever it would reach an event. */
const NO_CHANGES: LifecycleFieldChange[] = [];

function fieldChanges(
	previous: Record<string, unknown>,
	current: Record<string, unknown>,
	fields: readonly string[],
): LifecycleFieldChange[] {
	// The same record on both sides (an unchanged employee): nothing can differ.
	if (previous === current) return NO_CHANGES;
	let changes = NO_CHANGES;
	for (const field of fields) {
		const before = previous[field];
		const after = current[field];
		if (before === undefined || after === undefined) continue;
		const changed =
			field === LIFECYCLE_FIELDS.lifecycleStatus || field === LIFECYCLE_FIELDS.accessStatus
				? !sameStatus(before, after)
				: !canonicallyEqual(before, after);
		if (changed) {
			if (changes === NO_CHANGES) changes = [];
			changes.push({ field, previous: before, current: after });
		}
	}
	return changes;
}

function addDraft(
	drafts: Draft[],
	event: LifecycleEventName,
	effectiveDate: string,
	changes: LifecycleFieldChange[],
): void {
	drafts.push({ event, effectiveDate, changes: changes === NO_CHANGES ? [] : changes });
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
	atBaseline = false,
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
	let startDateIsNew = !previous;
	if (previous) {
		const { startDate: start, terminationDate: end } = LIFECYCLE_FIELDS;
		if (!canonicallyEqual(previousValues[start], merged[start])) {
			fired &= ~START_FLAGS;
			startDateIsNew = true;
		}
		if (!canonicallyEqual(previousValues[end], merged[end])) fired &= ~TERMINATION_FLAGS;
	}
	// `fired & FLAG` below reads the flags as they are at that point, as the rules require.

	const lifecycleChanges = previous
		? fieldChanges(previousValues, merged, LIFECYCLE_FIELD_IDS)
		: NO_CHANGES;
	const drafts: Draft[] = [];
	const startOrToday = startDays !== undefined ? (startDate as string) : today;
	const terminationOrToday = terminationDays !== undefined ? (terminationDate as string) : today;

	if (!previous) addDraft(drafts, 'employeeCreated', startOrToday, NO_CHANGES);

	if (previousCategory === 'terminated' && isWorking(category)) {
		const startDateChanged = lifecycleChanges.some(
			(change) => change.field === LIFECYCLE_FIELDS.startDate,
		);
		addDraft(
			drafts,
			'employeeRehired',
			startDateChanged && startDays !== undefined ? (startDate as string) : today,
			lifecycleChanges,
		);
	}

	if (previous) {
		const before = previousValues[LIFECYCLE_FIELDS.lifecycleStatus];
		const after = merged[LIFECYCLE_FIELDS.lifecycleStatus];
		if (before !== undefined && after !== undefined && !sameStatus(before, after)) {
			addDraft(drafts, 'lifecycleStatusChanged', today, lifecycleChanges);
		}
	}

	// Started is decided first: someone HiBob flips to Employed before the date needs no reminder.
	const startedByStatus =
		previousCategory === 'hired' && category !== 'hired' && isWorking(category);
	const startedByDate =
		startDays !== undefined &&
		startDays <= todayDays &&
		category !== 'terminated' &&
		(startDateIsNew
			? category === 'hired' || startDays >= previousToday
			: startDays > previousToday);
	const started =
		!atBaseline && (fired & FIRED_STARTED) === 0 && (startedByStatus || startedByDate);

	if (startDays !== undefined) {
		const inWindow = todayDays >= startDays - options.leadDays && todayDays < startDays;
		const upcoming =
			(fired & FIRED_START_APPROACHING) === 0 && (fired & FIRED_STARTED) === 0 && !started;
		if (upcoming && inWindow && category !== 'terminated') {
			addDraft(drafts, 'startDateApproaching', startDate as string, lifecycleChanges);
		}
		if (todayDays >= startDays - options.leadDays) fired |= FIRED_START_APPROACHING;
	}
	if (started) {
		addDraft(drafts, 'employeeStarted', startOrToday, lifecycleChanges);
		fired |= FIRED_STARTED | FIRED_START_APPROACHING;
	}
	// Still Hired on or after the start date: not started until HiBob flips the status.
	if (startDays !== undefined && startDays <= todayDays && category !== 'hired') {
		fired |= FIRED_STARTED;
	}

	if (previousCategory !== undefined && previousCategory !== 'unknown') {
		if (previousCategory === 'leave' && category !== 'leave' && category !== 'unknown') {
			addDraft(drafts, 'leaveEnded', today, lifecycleChanges);
		}
		if (previousCategory !== 'leave' && category === 'leave')
			addDraft(drafts, 'leaveStarted', today, lifecycleChanges);
	}

	if (terminationDays !== undefined) {
		if (
			(fired & FIRED_TERMINATION_SCHEDULED) === 0 &&
			terminationDays >= todayDays &&
			category !== 'terminated'
		) {
			addDraft(drafts, 'terminationScheduled', terminationDate as string, lifecycleChanges);
		}
		fired |= FIRED_TERMINATION_SCHEDULED;
	}

	const terminatedByStatus =
		previousCategory !== undefined &&
		isWorking(previousCategory) &&
		category === 'terminated' &&
		// Without a termination date the status flip is the only signal, so the flag cannot dedupe it.
		((fired & FIRED_TERMINATED) === 0 || terminationDays === undefined);
	const terminatedByDate =
		terminationDays !== undefined &&
		terminationDays < todayDays &&
		terminationDays >= previousToday &&
		category !== 'terminated' &&
		(fired & FIRED_TERMINATED) === 0;
	const terminated = !atBaseline && (terminatedByStatus || terminatedByDate);
	if (terminated) addDraft(drafts, 'employeeTerminated', terminationOrToday, lifecycleChanges);
	// A passed date while HiBob still says working is not done: the flip to Terminated still fires.
	if (terminationDays !== undefined && (terminated || category === 'terminated')) {
		fired |= FIRED_TERMINATED;
	}

	if (previous) {
		const watchedChanges = fieldChanges(previousValues, merged, options.watchedFields);
		if (watchedChanges.length > 0) addDraft(drafts, 'employeeUpdated', today, watchedChanges);
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
	// Backwards, so the first occurrence is set last and wins: one hash operation per employee. Nothing
	// depends on the Map's insertion order (IDs are sorted wherever order matters).
	for (let index = employees.length - 1; index >= 0; index--) {
		byId.set(employees[index].id, employees[index]);
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
		const { fired } = evaluate(undefined, values, context.today, todayDays, options, true);
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
		changed: true,
	};
}

function vanishedFields(
	previous: ColumnarSnapshot,
	previousRows: readonly number[],
	current: Map<string, LifecycleEmployee>,
	fields: readonly string[],
): string[] {
	if (current.size === 0) return [];
	const currentEmployees = [...current.values()];
	return fields.filter((field) => {
		const column = previous.columns.get(field);
		return (
			column !== undefined &&
			previousRows.some((row) => column.get(row) !== undefined) &&
			currentEmployees.every((employee) => employee.values[field] === undefined)
		);
	});
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
	const decoded = decodeSnapshotColumns(previousSnapshot);
	if (!decoded.ok) return baseline(decoded.reason, current, context, options, fingerprint);
	const previous = decoded.snapshot;
	const previousToday = dateToDayNumber(previous.today);
	if (previousToday === undefined) {
		return baseline('snapshotUnreadable', current, context, options, fingerprint);
	}
	if (previous.fingerprint !== fingerprint) {
		return baseline('configurationChanged', current, context, options, fingerprint);
	}

	const previousIds = previous.ids;
	const previousRows = previous.ids.map((_, row) => row);
	const knownEmployees = previousIds.length;
	const vanished = vanishedFields(previous, previousRows, current, options.storedFields);
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

	// Everyone, sorted by ID: the stored IDs are sorted already, so only newcomers need sorting. One
	// lookup per stored ID (a 50,000-entry Map misses the CPU caches: lookups are the cost here).
	const matched = previousIds.map((id) => current.get(id));
	let matchedCount = 0;
	for (const employee of matched) if (employee) matchedCount++;
	let newcomers: LifecycleEmployee[] = [];
	if (matchedCount < current.size) {
		const seen = new Set<LifecycleEmployee>();
		for (const employee of matched) if (employee) seen.add(employee);
		newcomers = [...current.values()]
			.filter((employee) => !seen.has(employee))
			.sort((left, right) => compareEmployeeIds(left.id, right.id));
	}

	const storedFields = options.storedFields;
	const fieldCount = storedFields.length;
	const absent: ColumnReader = { get: () => undefined, same: (_row, value) => value === undefined };
	const previousColumns = storedFields.map((field) => previous.columns.get(field) ?? absent);
	const columnChanged: boolean[] = storedFields.map((field) => !previous.raw.has(field));
	// The next snapshot: per row, an object holding its stored fields' next values (the current values
	// themselves on the fast path), and which columns changed; unchanged columns are reused as stored.
	const nextValues: Array<Record<string, unknown>> = [];
	const nextEncodedIds: string[] = [];
	const nextFired: number[] = [];
	let sameRows = newcomers.length === 0;

	const events: LifecycleEvent[] = [];
	let affected = 0;
	let stored = 0;
	let added = 0;
	while (stored < previousIds.length || added < newcomers.length) {
		// Merge stored and new IDs in order.
		const fromStore =
			added >= newcomers.length ||
			(stored < previousIds.length &&
				compareEmployeeIds(previousIds[stored], newcomers[added].id) < 0);
		const id = fromStore ? previousIds[stored] : newcomers[added].id;
		const row = fromStore ? previousRows[stored] : undefined;
		const now = fromStore ? matched[stored++] : newcomers[added++];
		if (!now) {
			sameRows = false;
			affected++;
			const values = rowValues(previous.columns, row as number);
			const subject = { employeeId: id, previous: values, current: undefined, employee: values };
			const draft: Draft = { event: 'employeeRemoved', effectiveDate: context.today, changes: [] };
			events.push(buildEvent(draft, subject, context.detectedAt, options));
			continue;
		}
		const currentValues = now.values;
		let before: StoredEmployee | undefined;
		let merged: Record<string, unknown>;
		if (row === undefined) {
			sameRows = false;
			merged = definedValues(currentValues, storedFields);
		} else {
			// Fast path: every stored field readable now and the same JSON as stored. Then the stored and
			// merged values are interchangeable with the current ones, and no object is built.
			let identical = true;
			for (let field = 0; field < fieldCount; field++) {
				const value = currentValues[storedFields[field]];
				if (value === undefined) identical = false;
				else if (!previousColumns[field].same(row, value)) {
					identical = false;
					columnChanged[field] = true;
				}
			}
			if (identical) {
				before = { values: currentValues, fired: previous.fired[row] };
				merged = currentValues;
			} else {
				const values = rowValues(previous.columns, row);
				before = { values, fired: previous.fired[row] };
				// Unreadable now ⇒ keep the last known value: an unreadable field is not a change.
				merged = { ...values, ...definedValues(currentValues, storedFields) };
			}
		}
		const evaluation = evaluate(before, merged, context.today, previousToday, options);
		if (evaluation.terminated) affected++;
		nextValues.push(merged);
		const encodedId = row === undefined ? encodeEmployeeId(id) : previous.encodedIds[row];
		nextEncodedIds.push(encodedId);
		nextFired.push(evaluation.fired);
		if (evaluation.drafts.length === 0) continue;
		const subject = {
			employeeId: id,
			previous: before?.values,
			current: merged,
			employee: currentValues,
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

	const nextSnapshot = encodeColumnar(
		fingerprint,
		context.today,
		storedFields,
		sameRows ? previous.encodedIds : nextEncodedIds,
		nextFired,
		nextValues,
		sameRows ? reusableColumns(previous, storedFields, columnChanged) : undefined,
	);
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
		nextSnapshot,
		// Reused columns and IDs are the stored ones themselves: a quiet poll compares them by identity.
		changed: !sameJsonTree(previous.stored, nextSnapshot),
	};
}

/** Previous columns whose values did not change (same rows, same JSON everywhere). */
function reusableColumns(
	previous: ColumnarSnapshot,
	storedFields: readonly string[],
	changed: readonly boolean[],
): Map<string, SnapshotColumn> {
	const reuse = new Map<string, SnapshotColumn>();
	storedFields.forEach((field, index) => {
		const column = previous.raw.get(field);
		if (!changed[index] && column) reuse.set(field, column);
	});
	return reuse;
}

function guardTripped(guard: LifecycleGuardFailure): LifecycleDiffResult {
	return { status: 'guardTripped', guard, events: [], nextSnapshot: undefined, changed: false };
}
