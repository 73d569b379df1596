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
 *
 * The rules live in rules.ts, one function per family. With `keepPreviousValues: false` the snapshot
 * holds digests (digest.ts): the same events fire, `previous` is `{}` (null for employeeCreated),
 * `changes` carry no `previous`, and employeeRemoved carries no values.
 */
import { dateToDayNumber, isCalendarDate } from '../dates';
import { Digester } from './digest';
import { sameJsonTree } from './json';
import {
	IDENTITY_FIELDS,
	LIFECYCLE_FIELDS,
	configurationFingerprint,
	readableFieldName,
	resolveLifecycleOptions,
} from './options';
import type { ResolvedLifecycleOptions } from './options';
import type { Draft, StoredValues } from './rules';
import { CLEAR_VALUES, evaluate } from './rules';
import type { ColumnarSnapshot, ColumnReader, SnapshotColumn, StoredEmployee } from './snapshot';
import {
	compareEmployeeIds,
	decodeSnapshotColumns,
	encodeColumnar,
	encodeEmployeeId,
	encodeSnapshot,
	rowValues,
} from './snapshot';
import type {
	BaselineReason,
	LifecycleDiffResult,
	LifecycleEmployee,
	LifecycleEvent,
	LifecycleEventName,
	LifecycleGuardFailure,
	LifecycleOptions,
} from './types';
import { LIFECYCLE_EVENTS } from './types';

export {
	FIRED_START_APPROACHING,
	FIRED_STARTED,
	FIRED_TERMINATED,
	FIRED_TERMINATION_SCHEDULED,
} from './rules';

const EVENT_ORDER = new Map<LifecycleEventName, number>(
	LIFECYCLE_EVENTS.map((event, index) => [event, index]),
);

export interface LifecycleDiffContext {
	/** Calendar date `YYYY-MM-DD` in the workflow's time zone. */
	today: string;
	/** UTC ISO timestamp copied into every event. */
	detectedAt: string;
}

function definedValues(values: Record<string, unknown>, fields: readonly string[]) {
	const result: Record<string, unknown> = {};
	for (const field of fields) {
		if (values[field] !== undefined) result[field] = values[field];
	}
	return result;
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
	/** Stored values (digests when previous values are not kept); undefined for someone new. */
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
	const keep = options.keepPreviousValues;
	const known = subject.current ?? (keep ? subject.previous : undefined) ?? {};
	const previous =
		subject.previous && (keep ? readable(subject.previous, options.storedFields) : {});
	return {
		event: draft.event,
		employeeId: subject.employeeId,
		email: stringOrNull(known[IDENTITY_FIELDS.email]),
		displayName: stringOrNull(known[IDENTITY_FIELDS.displayName]),
		detectedAt,
		effectiveDate: draft.effectiveDate,
		previous: previous ?? null,
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
		const evaluation = evaluate(
			undefined,
			values,
			context.today,
			todayDays,
			options,
			CLEAR_VALUES,
			true,
		);
		return [id, { values, fired: evaluation.fired }] as const;
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
	const digester = options.digester;
	const stored = digester
		? rows.map(
				([id, row]) =>
					[id, { ...row, values: digester.row(row.values, options.storedFields) }] as const,
			)
		: rows;
	return {
		status: 'baseline',
		reason,
		events,
		nextSnapshot: encodeSnapshot(fingerprint, context.today, options.storedFields, stored),
		changed: true,
	};
}

function guardTripped(guard: LifecycleGuardFailure): LifecycleDiffResult {
	return { status: 'guardTripped', guard, events: [], nextSnapshot: undefined, changed: false };
}

/** Fields readable before and now unreadable for every employee: most likely a lost permission. */
function vanishedFieldsGuard(
	previous: ColumnarSnapshot,
	current: Map<string, LifecycleEmployee>,
	fields: readonly string[],
): LifecycleGuardFailure | undefined {
	if (current.size === 0) return undefined;
	const currentEmployees = [...current.values()];
	const vanished = fields.filter((field) => {
		const column = previous.columns.get(field);
		return (
			column !== undefined &&
			previous.ids.some((_id, row) => column.get(row) !== undefined) &&
			currentEmployees.every((employee) => employee.values[field] === undefined)
		);
	});
	if (vanished.length === 0) return undefined;
	return {
		reason: 'fieldsVanished',
		knownEmployees: previous.ids.length,
		fields: vanished,
		message:
			`HiBob returned no value for ${vanished.join(', ')} for any of the ${current.size} employees, ` +
			'although the previous poll could read them. The service user has most likely lost a ' +
			'permission (a field category) in HiBob. No events were emitted and the stored state was ' +
			'kept: restore the permission, or change the watched fields to start from a new baseline.',
	};
}

/** More removals and terminations in one poll than the safety limit allows. */
function massRemovalGuard(
	affected: number,
	knownEmployees: number,
	options: ResolvedLifecycleOptions,
): LifecycleGuardFailure | undefined {
	const allowed = Math.max(
		options.maxRemovalCount,
		Math.floor((knownEmployees * options.maxRemovalPercent) / 100),
	);
	if (affected <= allowed) return undefined;
	return {
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
	};
}

/** How the rules read stored digests (previous values not kept). */
function digestsWith(digester: Digester): StoredValues {
	return {
		keepsValues: false,
		// Unreadable now is not a change (there is no clear value to carry over).
		same: (field, stored, value) => value === undefined || stored === digester.value(field, value),
		category: (stored) => digester.category(stored),
	};
}

interface MergedRows {
	events: LifecycleEvent[];
	/** Removed + terminated employees, for the mass-removal guard. */
	affected: number;
	nextSnapshot: LifecycleSnapshotParts;
}

interface LifecycleSnapshotParts {
	encodedIds: string[];
	fired: number[];
	rows: Array<Record<string, unknown>>;
	reuse: Map<string, SnapshotColumn> | undefined;
}

/**
 * The merge walk: stored and current employees in ID order, each run through the rules, giving the
 * events and the next snapshot's rows. Unchanged rows take a fast path; unchanged columns are reused.
 */
function mergeRows(
	previous: ColumnarSnapshot,
	current: Map<string, LifecycleEmployee>,
	context: LifecycleDiffContext,
	options: ResolvedLifecycleOptions,
): MergedRows {
	const previousToday = dateToDayNumber(previous.today) as number;
	const keep = options.keepPreviousValues;
	const digester = options.digester as Digester;
	const stored = keep ? CLEAR_VALUES : digestsWith(digester);
	const previousIds = previous.ids;
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
	let storedAt = 0;
	let addedAt = 0;
	while (storedAt < previousIds.length || addedAt < newcomers.length) {
		// Merge stored and new IDs in order.
		const fromStore =
			addedAt >= newcomers.length ||
			(storedAt < previousIds.length &&
				compareEmployeeIds(previousIds[storedAt], newcomers[addedAt].id) < 0);
		const row = fromStore ? storedAt : undefined;
		const id = fromStore ? previousIds[storedAt] : newcomers[addedAt].id;
		const now = fromStore ? matched[storedAt++] : newcomers[addedAt++];
		if (!now) {
			sameRows = false;
			affected++;
			const values = keep ? rowValues(previous.columns, row as number) : {};
			const subject = { employeeId: id, previous: values, current: undefined, employee: values };
			const draft: Draft = { event: 'employeeRemoved', effectiveDate: context.today, changes: [] };
			events.push(buildEvent(draft, subject, context.detectedAt, options));
			continue;
		}
		const currentValues = now.values;
		// What would be stored for the current values: themselves, or their digests.
		const storedForm = keep ? currentValues : digester.row(currentValues, storedFields);
		let before: StoredEmployee | undefined;
		let merged: Record<string, unknown>;
		let next: Record<string, unknown>;
		if (row === undefined) {
			sameRows = false;
			merged = definedValues(currentValues, storedFields);
			next = keep ? merged : storedForm;
		} else {
			// Fast path: every stored field readable now and the same JSON as stored. Then the stored and
			// merged values are interchangeable with the current ones, and no object is built.
			let identical = true;
			for (let field = 0; field < fieldCount; field++) {
				const value = storedForm[storedFields[field]];
				if (value === undefined) identical = false;
				else if (!previousColumns[field].same(row, value)) {
					identical = false;
					columnChanged[field] = true;
				}
			}
			if (identical) {
				before = { values: storedForm, fired: previous.fired[row] };
				merged = currentValues;
				next = storedForm;
			} else {
				const values = rowValues(previous.columns, row);
				before = { values, fired: previous.fired[row] };
				// Unreadable now ⇒ keep the last known value: an unreadable field is not a change.
				const readableNow = definedValues(storedForm, storedFields);
				next = { ...values, ...readableNow };
				merged = keep ? next : definedValues(currentValues, storedFields);
			}
		}
		const evaluation = evaluate(before, merged, context.today, previousToday, options, stored);
		if (evaluation.terminated) affected++;
		nextValues.push(next);
		nextEncodedIds.push(row === undefined ? encodeEmployeeId(id) : previous.encodedIds[row]);
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
	return {
		events,
		affected,
		nextSnapshot: {
			encodedIds: sameRows ? previous.encodedIds : nextEncodedIds,
			fired: nextFired,
			rows: nextValues,
			reuse: sameRows ? reusableColumns(previous, storedFields, columnChanged) : undefined,
		},
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
	// Keyed digests when previous values are not kept (throws without a key: nothing would be keyed).
	if (!options.keepPreviousValues) options.digester = new Digester(options.digestKey);
	const fingerprint = configurationFingerprint(options, options.digester?.keyId);
	const current = indexEmployees(employees);

	if (previousSnapshot === undefined || previousSnapshot === null) {
		return baseline('firstRun', current, context, options, fingerprint);
	}
	const decoded = decodeSnapshotColumns(previousSnapshot);
	if (!decoded.ok) return baseline(decoded.reason, current, context, options, fingerprint);
	const previous = decoded.snapshot;
	if (dateToDayNumber(previous.today) === undefined) {
		return baseline('snapshotUnreadable', current, context, options, fingerprint);
	}
	if (previous.fingerprint !== fingerprint) {
		return baseline('configurationChanged', current, context, options, fingerprint);
	}

	const vanished = vanishedFieldsGuard(previous, current, options.storedFields);
	if (vanished) return guardTripped(vanished);
	const merged = mergeRows(previous, current, context, options);
	const massRemoval = massRemovalGuard(merged.affected, previous.ids.length, options);
	if (massRemoval) return guardTripped(massRemoval);

	const next = merged.nextSnapshot;
	const nextSnapshot = encodeColumnar(
		fingerprint,
		context.today,
		options.storedFields,
		next.encodedIds,
		next.fired,
		next.rows,
		next.reuse,
	);
	return {
		status: 'diffed',
		// Already ordered by employee ID; the sort puts one employee's events in LIFECYCLE_EVENTS order.
		events: merged.events
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
