import type { Digester } from './digest';
import type { LifecycleEventName, LifecycleOptions } from './types';
import { LIFECYCLE_EVENTS } from './types';

/** Fields the lifecycle rules read, whatever the user watches. */
export const LIFECYCLE_FIELDS = {
	lifecycleStatus: 'internal.lifecycleStatus',
	/** Access status Active/Inactive: reported in events, no rule depends on it (leave can be either). */
	accessStatus: 'internal.status',
	startDate: 'work.startDate',
	terminationDate: 'internal.terminationDate',
} as const;

/** Fields every event carries at top level (`email`, `displayName`). */
export const IDENTITY_FIELDS = { email: 'root.email', displayName: 'root.displayName' } as const;

/**
 * Default `employeeUpdated` fields. `work.siteId` rather than `work.site`: the ID is stable when a site is
 * renamed, like `work.department` (HiBob returns the list item's ID).
 */
export const DEFAULT_WATCHED_FIELDS: readonly string[] = [
	'work.department',
	'work.title',
	'work.manager',
	'work.siteId',
	'root.email',
	'root.displayName',
	'root.firstName',
	'root.surname',
];

/** Names used in `previous`/`current`; unknown (custom) fields keep their field ID. */
const READABLE_NAMES: Record<string, string> = {
	'root.email': 'email',
	'root.displayName': 'displayName',
	'root.firstName': 'firstName',
	'root.surname': 'surname',
	'work.department': 'department',
	'work.title': 'title',
	'work.manager': 'manager',
	'work.siteId': 'siteId',
	'work.site': 'site',
	'work.startDate': 'startDate',
	'internal.lifecycleStatus': 'lifecycleStatus',
	'internal.status': 'accessStatus',
	'internal.terminationDate': 'terminationDate',
};

export function readableFieldName(fieldId: string): string {
	return READABLE_NAMES[fieldId] ?? fieldId;
}

export const DEFAULT_LEAD_DAYS = 7;
export const DEFAULT_MAX_REMOVAL_PERCENT = 10;
export const DEFAULT_MAX_REMOVAL_COUNT = 5;

/** Options with defaults applied; what the engine works with. */
export interface ResolvedLifecycleOptions {
	events: ReadonlySet<LifecycleEventName>;
	watchedFields: string[];
	/** Every field kept in the snapshot: lifecycle + identity + watched, sorted. */
	storedFields: string[];
	leadDays: number;
	emitExistingOnFirstRun: boolean;
	scope: string;
	keepPreviousValues: boolean;
	/** The secret digests are keyed with (previous values not kept); never stored. */
	digestKey: string;
	/** Set by the engine from digestKey when previous values are not kept. */
	digester?: Digester;
	maxRemovalPercent: number;
	maxRemovalCount: number;
}

function sortedUnique(values: Iterable<string>): string[] {
	return [...new Set(values)].sort();
}

export function resolveLifecycleOptions(options: LifecycleOptions = {}): ResolvedLifecycleOptions {
	const watchedFields = sortedUnique(options.watchedFields ?? DEFAULT_WATCHED_FIELDS);
	const leadDays = options.leadDays ?? DEFAULT_LEAD_DAYS;
	if (!Number.isInteger(leadDays) || leadDays < 0) {
		throw new RangeError(`leadDays must be a whole number of days ≥ 0, got ${String(leadDays)}`);
	}
	return {
		events: new Set(options.events ?? LIFECYCLE_EVENTS),
		watchedFields,
		storedFields: sortedUnique([
			...Object.values(LIFECYCLE_FIELDS),
			...Object.values(IDENTITY_FIELDS),
			...watchedFields,
		]),
		leadDays,
		emitExistingOnFirstRun: options.emitExistingOnFirstRun ?? false,
		scope: options.scope ?? '',
		keepPreviousValues: options.keepPreviousValues ?? true,
		digestKey: options.digestKey ?? '',
		maxRemovalPercent: options.guard?.maxRemovalPercent ?? DEFAULT_MAX_REMOVAL_PERCENT,
		maxRemovalCount: options.guard?.maxRemovalCount ?? DEFAULT_MAX_REMOVAL_COUNT,
	};
}

/**
 * HiBob field IDs the engine needs for these options (`root.id` first). The trigger requests these plus
 * the user's output fields, so no more is fetched than is used.
 */
export function lifecycleFieldIds(options: LifecycleOptions = {}): string[] {
	return ['root.id', ...resolveLifecycleOptions(options).storedFields];
}

/** FNV-1a 32-bit: a short, stable digest; collisions only cost a missed re-baseline. */
function fnv1a(text: string): string {
	let hash = 0x811c9dc5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * What is watched and who is in scope. `leadDays` and `events` are left out on purpose: the dated-event
 * flags make a changed lead time or event list safe without a re-baseline (a longer lead simply lets
 * people already inside the new window fire once).
 */
export function configurationFingerprint(
	options: ResolvedLifecycleOptions,
	digestKeyId?: string,
): string {
	const stored: unknown[] = [options.storedFields, options.scope];
	// Digests only: a third member, so that the default keeps the fingerprint stored states already hold.
	// It names the digest key (its public ID): another key, or the unkeyed digests of earlier
	// versions, means a new baseline.
	if (!options.keepPreviousValues) stored.push(`digests:${digestKeyId ?? ''}`);
	return fnv1a(JSON.stringify(stored));
}
