/**
 * Lifecycle status meanings. HiBob's casing of the machine values varies (Title case in the lifecycle
 * table, lower case elsewhere), so statuses are compared after folding case and separators, and any
 * status that mentions "leave" other than garden leave counts as a leave: admins can add custom leave
 * types.
 */
export type LifecycleCategory =
	| 'hired'
	| 'employed'
	| 'terminated'
	| 'gardenLeave'
	| 'leave'
	/** A status we do not recognise (not a leave): counted as still working. */
	| 'other'
	/** Unreadable or empty. */
	| 'unknown';

/** Statuses are a handful of list values, folded once each (a poll folds two per employee). */
const FOLDED = new Map<string, string | undefined>();

function fold(value: unknown): string | undefined {
	const folded = String(value)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	return folded === '' ? undefined : folded;
}

/** Folds "Garden leave", "garden_leave" and "gardenLeave" to the same key. */
export function normaliseStatus(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') return fold(value);
	if (FOLDED.has(value)) return FOLDED.get(value);
	const folded = fold(value);
	if (FOLDED.size >= 1_000) FOLDED.clear();
	FOLDED.set(value, folded);
	return folded;
}

export function classifyLifecycleStatus(value: unknown): LifecycleCategory {
	const status = normaliseStatus(value);
	if (status === undefined) return 'unknown';
	if (status === 'hired') return 'hired';
	if (status === 'employed') return 'employed';
	if (status === 'terminated') return 'terminated';
	if (status.includes('garden')) return 'gardenLeave';
	if (status.includes('leave')) return 'leave';
	return 'other';
}

/** True when the two values are the same status for HiBob (case and separators ignored). */
export function sameStatus(previous: unknown, current: unknown): boolean {
	return normaliseStatus(previous) === normaliseStatus(current);
}
