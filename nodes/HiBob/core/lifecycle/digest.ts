/**
 * Digest-only storage ("Keep Previous Values" off): the snapshot holds a digest of each stored value
 * instead of the value, so no name, email, department, manager or date is kept in clear text. A digest
 * only answers "is it the same value?"; the status rules also need the previous status's category
 * (hired, employed, leave...), so a lifecycle status digest starts with one letter for its category:
 * whatever lets the rules read it lets a reader read it, and custom leave types must still end a leave.
 *
 * The digest is a 53-bit non-cryptographic hash (cyrb53), 11 base-36 characters at most: enough that a
 * change is missed with odds of about 1 in 10^16, fast enough for two per field per employee per poll.
 * Values with few possibilities (dates, statuses) can still be found by trying candidates.
 */
import { canonicalJson } from './json';
import { LIFECYCLE_FIELDS } from './options';
import type { LifecycleCategory } from './status';
import { classifyLifecycleStatus, normaliseStatus } from './status';

function cyrb53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const CATEGORY_LETTERS: Record<LifecycleCategory, string> = {
	hired: 'h',
	employed: 'e',
	terminated: 't',
	gardenLeave: 'g',
	leave: 'l',
	other: 'o',
	unknown: 'u',
};
const LETTER_CATEGORIES = new Map<string, LifecycleCategory>(
	Object.entries(CATEGORY_LETTERS).map(([category, letter]) => [
		letter,
		category as LifecycleCategory,
	]),
);

/**
 * The stored form of one value: undefined (unreadable) and null stay as they are, anything else becomes
 * its digest. Statuses are digested folded, since they compare without case and separators.
 */
export function digestValue(field: string, value: unknown): unknown {
	if (value === undefined || value === null) return value;
	if (field === LIFECYCLE_FIELDS.lifecycleStatus || field === LIFECYCLE_FIELDS.accessStatus) {
		const folded = normaliseStatus(value);
		if (folded === undefined) return null;
		const digest = cyrb53(`s${folded}`);
		return field === LIFECYCLE_FIELDS.lifecycleStatus
			? CATEGORY_LETTERS[classifyLifecycleStatus(folded)] + digest
			: digest;
	}
	return cyrb53(canonicalJson(value));
}

/** Every stored field of a row, digested (readable fields only). */
export function digestRow(
	values: Record<string, unknown>,
	fields: readonly string[],
): Record<string, unknown> {
	const digested: Record<string, unknown> = {};
	for (const field of fields) {
		const value = values[field];
		if (value !== undefined) digested[field] = digestValue(field, value);
	}
	return digested;
}

/** The category of a stored lifecycle status digest. */
export function digestedStatusCategory(stored: unknown): LifecycleCategory {
	if (typeof stored !== 'string') return 'unknown';
	return LETTER_CATEGORIES.get(stored.charAt(0)) ?? 'unknown';
}
