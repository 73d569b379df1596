/**
 * The event rules for one employee, by family: identity (created, rehired), status (status changed,
 * leave), start (approaching, started), termination (scheduled, terminated), update. The rules themselves
 * are listed in diff.ts's header. Each dated family owns its bits of the stored flags (`x` in the
 * snapshot): which of its events are done for the stored date.
 */
import { dateToDayNumber } from '../dates';
import { canonicallyEqual } from './json';
import type { ResolvedLifecycleOptions } from './options';
import { LIFECYCLE_FIELDS } from './options';
import type { StoredEmployee } from './snapshot';
import type { LifecycleCategory } from './status';
import { classifyLifecycleStatus, sameStatus } from './status';
import type { LifecycleEventName, LifecycleFieldChange } from './types';

export const FIRED_START_APPROACHING = 1;
export const FIRED_STARTED = 2;
export const FIRED_TERMINATION_SCHEDULED = 4;
export const FIRED_TERMINATED = 8;

const LIFECYCLE_FIELD_IDS: readonly string[] = Object.values(LIFECYCLE_FIELDS);
const { lifecycleStatus: STATUS, startDate: START, terminationDate: END } = LIFECYCLE_FIELDS;

export interface Draft {
	event: LifecycleEventName;
	effectiveDate: string;
	changes: LifecycleFieldChange[];
}

export interface Evaluation {
	drafts: Draft[];
	fired: number;
	/** Whether an employeeTerminated was due (counted by the guard even when the event is disabled). */
	terminated: boolean;
}

/**
 * How the rules read the stored values: in clear (the default), or as digests when previous values are
 * not kept. `same(field, stored, current)` is false only for a real change; `category` classifies a
 * stored status; `keepsValues` says whether a stored value may be reported as `previous`.
 */
export interface StoredValues {
	keepsValues: boolean;
	same(field: string, stored: unknown, current: unknown): boolean;
	category(stored: unknown): LifecycleCategory;
}

export const CLEAR_VALUES: StoredValues = {
	keepsValues: true,
	same: (field, stored, current) =>
		field === LIFECYCLE_FIELDS.lifecycleStatus || field === LIFECYCLE_FIELDS.accessStatus
			? sameStatus(stored, current)
			: canonicallyEqual(stored, current),
	category: classifyLifecycleStatus,
};

/** Shared "no changes" marker: replaced by a fresh array wherever it would reach an event. */
const NO_CHANGES: LifecycleFieldChange[] = [];

function fieldChanges(
	previous: Record<string, unknown>,
	current: Record<string, unknown>,
	fields: readonly string[],
	stored: StoredValues,
): LifecycleFieldChange[] {
	// The same record on both sides (an unchanged employee): nothing can differ.
	if (previous === current) return NO_CHANGES;
	let changes = NO_CHANGES;
	for (const field of fields) {
		const before = previous[field];
		const after = current[field];
		if (before === undefined || after === undefined || stored.same(field, before, after)) continue;
		if (changes === NO_CHANGES) changes = [];
		changes.push(
			stored.keepsValues ? { field, previous: before, current: after } : { field, current: after },
		);
	}
	return changes;
}

function isWorking(category: LifecycleCategory): boolean {
	return category !== 'terminated' && category !== 'unknown';
}

/** What every family reads about one employee in one poll. */
interface Facts {
	/** Undefined for someone not in the previous snapshot. */
	previous: StoredEmployee | undefined;
	previousValues: Record<string, unknown>;
	merged: Record<string, unknown>;
	previousCategory: LifecycleCategory | undefined;
	category: LifecycleCategory;
	today: string;
	todayDays: number;
	previousToday: number;
	/** The baseline emits nothing; the families only work out their flags. */
	atBaseline: boolean;
	lifecycleChanges: LifecycleFieldChange[];
	stored: StoredValues;
	options: ResolvedLifecycleOptions;
	drafts: Draft[];
}

function draft(facts: Facts, event: LifecycleEventName, effectiveDate: string): void {
	const changes = facts.lifecycleChanges;
	facts.drafts.push({ event, effectiveDate, changes: changes === NO_CHANGES ? [] : changes });
}

/** The stored flags of one family, cleared when its date changed: a moved date fires again. */
function familyFlags(facts: Facts, field: string, mask: number): { fired: number; isNew: boolean } {
	const fired = (facts.previous?.fired ?? 0) & mask;
	if (!facts.previous) return { fired, isNew: true };
	const unchanged = facts.stored.same(field, facts.previousValues[field], facts.merged[field]);
	return unchanged ? { fired, isNew: false } : { fired: 0, isNew: true };
}

function identityRules(facts: Facts): void {
	const { previous, merged, previousCategory, category, today } = facts;
	if (!previous) {
		const start = merged[START];
		facts.drafts.push({
			event: 'employeeCreated',
			effectiveDate: dateToDayNumber(start) !== undefined ? (start as string) : today,
			changes: [],
		});
	}
	if (previousCategory === 'terminated' && isWorking(category)) {
		const start = merged[START];
		const startDateChanged = facts.lifecycleChanges.some((change) => change.field === START);
		const moved = startDateChanged && dateToDayNumber(start) !== undefined;
		draft(facts, 'employeeRehired', moved ? (start as string) : today);
	}
}

function statusRules(facts: Facts): void {
	const { previous, previousValues, merged, previousCategory, category, today } = facts;
	if (!previous) return;
	const before = previousValues[STATUS];
	const after = merged[STATUS];
	if (before !== undefined && after !== undefined && !facts.stored.same(STATUS, before, after)) {
		draft(facts, 'lifecycleStatusChanged', today);
	}
	if (previousCategory === undefined || previousCategory === 'unknown') return;
	if (previousCategory === 'leave' && category !== 'leave' && category !== 'unknown') {
		draft(facts, 'leaveEnded', today);
	}
	if (previousCategory !== 'leave' && category === 'leave') draft(facts, 'leaveStarted', today);
}

/** startDateApproaching and employeeStarted; returns the family's flags. */
function startRules(facts: Facts): number {
	const { merged, previousCategory, category, todayDays, previousToday, options } = facts;
	const startDate = merged[START];
	const startDays = dateToDayNumber(startDate);
	const flags = familyFlags(facts, START, FIRED_START_APPROACHING | FIRED_STARTED);
	const isNew = flags.isNew;
	let fired = flags.fired;
	// Started is decided first: someone HiBob flips to Employed before the date needs no reminder.
	const startedByStatus =
		previousCategory === 'hired' && category !== 'hired' && isWorking(category);
	const startedByDate =
		startDays !== undefined &&
		startDays <= todayDays &&
		category !== 'terminated' &&
		(isNew ? category === 'hired' || startDays >= previousToday : startDays > previousToday);
	const started =
		!facts.atBaseline && (fired & FIRED_STARTED) === 0 && (startedByStatus || startedByDate);

	if (startDays !== undefined) {
		const inWindow = todayDays >= startDays - options.leadDays && todayDays < startDays;
		const upcoming = (fired & (FIRED_START_APPROACHING | FIRED_STARTED)) === 0 && !started;
		if (upcoming && inWindow && category !== 'terminated') {
			draft(facts, 'startDateApproaching', startDate as string);
		}
		if (todayDays >= startDays - options.leadDays) fired |= FIRED_START_APPROACHING;
	}
	if (started) {
		draft(facts, 'employeeStarted', startDays !== undefined ? (startDate as string) : facts.today);
		fired |= FIRED_STARTED | FIRED_START_APPROACHING;
	}
	// Still Hired on or after the start date: not started until HiBob flips the status.
	if (startDays !== undefined && startDays <= todayDays && category !== 'hired') {
		fired |= FIRED_STARTED;
	}
	return fired;
}

/** terminationScheduled and employeeTerminated; returns the family's flags. */
function terminationRules(facts: Facts): { fired: number; terminated: boolean } {
	const { merged, previousCategory, category, todayDays, previousToday } = facts;
	const terminationDate = merged[END];
	const terminationDays = dateToDayNumber(terminationDate);
	let { fired } = familyFlags(facts, END, FIRED_TERMINATION_SCHEDULED | FIRED_TERMINATED);
	if (terminationDays !== undefined) {
		if (
			(fired & FIRED_TERMINATION_SCHEDULED) === 0 &&
			terminationDays >= todayDays &&
			category !== 'terminated'
		) {
			draft(facts, 'terminationScheduled', terminationDate as string);
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
	const terminated = !facts.atBaseline && (terminatedByStatus || terminatedByDate);
	if (terminated) {
		draft(
			facts,
			'employeeTerminated',
			terminationDays !== undefined ? (terminationDate as string) : facts.today,
		);
	}
	// A passed date while HiBob still says working is not done: the flip to Terminated still fires.
	if (terminationDays !== undefined && (terminated || category === 'terminated')) {
		fired |= FIRED_TERMINATED;
	}
	return { fired, terminated };
}

function updateRules(facts: Facts): void {
	if (!facts.previous) return;
	const { previousValues, merged, options, stored } = facts;
	const changes = fieldChanges(previousValues, merged, options.watchedFields, stored);
	if (changes.length > 0) {
		facts.drafts.push({ event: 'employeeUpdated', effectiveDate: facts.today, changes });
	}
}

/**
 * Runs the rules for one employee. `previous` is undefined for a new employee (and for everyone at the
 * baseline); `merged` is the current values, with unreadable fields carried over from `previous` when
 * stored values are kept. `previousToday` is the day number of the previous poll. Drafts come out in the
 * fixed LIFECYCLE_EVENTS order.
 */
export function evaluate(
	previous: StoredEmployee | undefined,
	merged: Record<string, unknown>,
	today: string,
	previousToday: number,
	options: ResolvedLifecycleOptions,
	stored: StoredValues = CLEAR_VALUES,
	atBaseline = false,
): Evaluation {
	const previousValues = previous?.values ?? {};
	const facts: Facts = {
		previous,
		previousValues,
		merged,
		previousCategory: previous ? stored.category(previousValues[STATUS]) : undefined,
		category: classifyLifecycleStatus(merged[STATUS]),
		today,
		todayDays: dateToDayNumber(today) as number,
		previousToday,
		atBaseline,
		lifecycleChanges: previous
			? fieldChanges(previousValues, merged, LIFECYCLE_FIELD_IDS, stored)
			: NO_CHANGES,
		stored,
		options,
		drafts: [],
	};
	identityRules(facts);
	statusRules(facts);
	const startFired = startRules(facts);
	const termination = terminationRules(facts);
	updateRules(facts);
	return {
		drafts: facts.drafts,
		fired: startFired | termination.fired,
		terminated: termination.terminated,
	};
}
