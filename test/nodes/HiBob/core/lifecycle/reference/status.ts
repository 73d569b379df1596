/**
 * Lifecycle status meanings (hibob-api.md §5.3). HiBob's machine-value casing is UNCONFIRMED (Title case
 * in the lifecycle table, lower case in third-party mocks), so statuses are compared after folding case
 * and separators, and any status that mentions "leave" other than garden leave counts as a leave:
 * admins can add custom leave types.
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

/** Folds "Garden leave", "garden_leave" and "gardenLeave" to the same key. */
export function normaliseStatus(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const folded = String(value)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
	return folded === '' ? undefined : folded;
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
