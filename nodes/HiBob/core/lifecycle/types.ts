/**
 * Public contract of the lifecycle diff engine. Pure data: the trigger node fetches people, calls
 * `diffLifecycle`, emits the events and stores `nextSnapshot` in its static data.
 */
import type { SnapshotColumn } from './snapshot/columns';

/** Event names are part of the public contract (workflows switch on them): never rename. */
export const LIFECYCLE_EVENTS = [
	'employeeCreated',
	'employeeRehired',
	'lifecycleStatusChanged',
	'startDateApproaching',
	'employeeStarted',
	'leaveEnded',
	'leaveStarted',
	'terminationScheduled',
	'employeeTerminated',
	'employeeUpdated',
	'employeeRemoved',
] as const;

/** The array order above is also the fixed order of several events for one employee in one diff. */
export type LifecycleEventName = (typeof LIFECYCLE_EVENTS)[number];

/** One employee as the people reader (core/people) hands it over: values keyed by HiBob field ID. */
export interface LifecycleEmployee {
	/** `root.id`: a 19-digit string, never a number (it exceeds 2^53). */
	id: string;
	/**
	 * Keyed by dot-notation field ID (`work.department`). `undefined` (or a missing key) means the service
	 * user cannot read the field; `null` means readable but empty. The distinction matters: unreadable is
	 * never reported as a change, and "unreadable for everyone" trips the guard.
	 */
	values: Record<string, unknown>;
}

export interface LifecycleFieldChange {
	/** HiBob field ID. */
	field: string;
	/** Absent when previous values are not kept (`keepPreviousValues: false`). */
	previous?: unknown;
	current: unknown;
}

export interface LifecycleEvent {
	event: LifecycleEventName;
	employeeId: string;
	email: string | null;
	displayName: string | null;
	/** UTC ISO timestamp of the poll, as passed in. */
	detectedAt: string;
	/** `YYYY-MM-DD`: the start or termination date when the event is about one, otherwise today. */
	effectiveDate: string;
	/**
	 * Watched values before the change, keyed by readable name; null when the employee is new, `{}` when
	 * previous values are not kept.
	 */
	previous: Record<string, unknown> | null;
	/** Watched values after the change, keyed by readable name; null when the employee was removed. */
	current: Record<string, unknown> | null;
	/** Field-level changes relevant to this event (see the rules in diff.ts's header comment). */
	changes: LifecycleFieldChange[];
	/**
	 * The employee's full input record (`values` as given, so it includes the user's output fields); for
	 * `employeeRemoved`, the last known stored values. Keyed by HiBob field ID.
	 */
	employee: Record<string, unknown>;
}

export interface LifecycleGuardOptions {
	/**
	 * Removals + terminations (per employee) may reach this share of known employees before the guard
	 * trips. Default 10. 100 or more disables the guard for removals.
	 */
	maxRemovalPercent?: number;
	/** ...and may always reach at least this many people. Default 5. */
	maxRemovalCount?: number;
}

export interface LifecycleOptions {
	/** Events to emit; default all. Disabled events are still tracked, so the snapshot stays consistent. */
	events?: readonly LifecycleEventName[];
	/** HiBob field IDs whose change emits `employeeUpdated`. Default: DEFAULT_WATCHED_FIELDS. */
	watchedFields?: readonly string[];
	/** Days before the start date at which `startDateApproaching` fires. Default 7. */
	leadDays?: number;
	/** On the very first run, emit `employeeCreated` for everyone instead of a silent baseline. */
	emitExistingOnFirstRun?: boolean;
	/**
	 * Opaque text describing anything else that changes who is in scope (the trigger's filters,
	 * `showInactive`...). Part of the configuration fingerprint: when it changes, the engine re-baselines.
	 */
	scope?: string;
	/**
	 * Default true. False: the snapshot holds only digests of the stored values, events carry `previous:
	 * {}` and no previous value in `changes`. Part of the configuration fingerprint.
	 */
	keepPreviousValues?: boolean;
	/**
	 * Required when keepPreviousValues is false: the secret the digests are keyed with (the trigger
	 * derives it from the HiBob credential). Never stored; a different key means a new, silent baseline.
	 */
	digestKey?: string;
	guard?: LifecycleGuardOptions;
}

export type BaselineReason =
	| 'firstRun'
	| 'configurationChanged'
	| 'snapshotVersionChanged'
	| 'snapshotUnreadable';

export type GuardReason = 'massRemoval' | 'fieldsVanished';

export interface LifecycleGuardFailure {
	reason: GuardReason;
	/** A sentence for the n8n error message. */
	message: string;
	/** Employees in the previous snapshot. */
	knownEmployees: number;
	/** massRemoval: employees that would be removed or terminated, and the allowed maximum. */
	affectedEmployees?: number;
	allowedEmployees?: number;
	/** fieldsVanished: field IDs readable before and now unreadable for every employee. */
	fields?: string[];
}

/**
 * `changed`: whether `nextSnapshot` differs from the snapshot passed in (as JSON), i.e. whether the caller
 * has anything to store. Always true for a baseline, false when the guard tripped.
 */
export type LifecycleDiffResult =
	| {
			status: 'baseline';
			reason: BaselineReason;
			events: LifecycleEvent[];
			nextSnapshot: LifecycleSnapshot;
			changed: true;
	  }
	| {
			status: 'diffed';
			events: LifecycleEvent[];
			nextSnapshot: LifecycleSnapshot;
			changed: boolean;
	  }
	| {
			status: 'guardTripped';
			guard: LifecycleGuardFailure;
			events: [];
			nextSnapshot: undefined;
			changed: false;
	  };

/**
 * What the trigger stores in static data: plain JSON, never mutated by the engine after it is returned.
 * Short keys on purpose: the size target is ≤ 96 bytes per employee.
 */
export interface LifecycleSnapshot {
	/** Schema version (SNAPSHOT_VERSION). */
	v: number;
	/** Configuration fingerprint. */
	c: string;
	/** `today` of the diff that produced it. */
	t: string;
	/** Employee IDs, encoded (snapshot/ids.ts), sorted by ID. */
	i: string[];
	/** Per employee, bit flags of dated events already fired for the stored dates (FIRED_* in diff.ts). */
	x: number[];
	/** One column per stored field, values aligned with `i` (snapshot/columns.ts). */
	o: SnapshotColumn[];
}
