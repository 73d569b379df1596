/**
 * Digest-only storage ("Keep Previous Values" off): the snapshot holds a keyed digest of each stored
 * value instead of the value, so no name, email, department, manager or date is kept in clear text.
 * A digest only answers "is it the same value?".
 *
 * The key is a secret that is not in the stored state: the trigger derives it from the HiBob
 * credential's token (HKDF-SHA256), so someone holding the workflow's export (static data is not
 * encrypted) can no longer find a value by trying candidates; a new token means new digests, and the
 * engine starts from a new, silent baseline (the key's ID is part of the configuration fingerprint).
 * A digest is HMAC-SHA256 over the field and the value, cut to 64 bits (11 base64url characters).
 *
 * The status rules also need the previous status's category (hired, employed, leave...), so a
 * lifecycle status digest carries one more letter: the category shifted by an amount only the key
 * gives (a keyed HMAC of the digest), so the letter tells nothing without the key.
 *
 * What stays readable without the key: employee IDs, the dated-event flags, and which stored values
 * are equal (two employees with the same digest for a field have the same value there).
 */
import { createHmac, hkdfSync } from 'node:crypto';

import { canonicalJson } from './json';
import { LIFECYCLE_FIELDS } from './options';
import type { LifecycleCategory } from './status';
import { classifyLifecycleStatus, normaliseStatus } from './status';

const CATEGORIES: readonly LifecycleCategory[] = [
	'hired',
	'employed',
	'terminated',
	'gardenLeave',
	'leave',
	'other',
	'unknown',
];
const LETTERS = 'abcdefg';

/** Keyed digests of stored values, for one secret. */
export class Digester {
	private readonly key: Buffer;
	/** A short public ID of the key: part of the configuration fingerprint, not the key. */
	readonly keyId: string;

	constructor(secret: string) {
		if (secret === '') throw new RangeError('A digest key is needed when previous values are not kept');
		this.key = Buffer.from(
			hkdfSync('sha256', secret, 'n8n-nodes-hibob', 'lifecycle snapshot digests', 32),
		);
		this.keyId = this.mac('key-id').toString('hex').slice(0, 16);
	}

	private mac(text: string): Buffer {
		return createHmac('sha256', this.key).update(text).digest();
	}

	private shift(digest: string): number {
		return this.mac(`c${digest}`).readUInt32BE(0) % CATEGORIES.length;
	}

	/**
	 * The stored form of one value: undefined (unreadable) and null stay as they are, anything else
	 * becomes its digest. Statuses are digested folded, since they compare without case and separators.
	 */
	value(field: string, value: unknown): unknown {
		if (value === undefined || value === null) return value;
		if (field === LIFECYCLE_FIELDS.lifecycleStatus || field === LIFECYCLE_FIELDS.accessStatus) {
			const folded = normaliseStatus(value);
			if (folded === undefined) return null;
			const digest = this.mac(`${field}\u0000s${folded}`).toString('base64url').slice(0, 11);
			if (field !== LIFECYCLE_FIELDS.lifecycleStatus) return digest;
			const category = CATEGORIES.indexOf(classifyLifecycleStatus(folded));
			return LETTERS[(category + this.shift(digest)) % CATEGORIES.length] + digest;
		}
		return this.mac(`${field}\u0000${canonicalJson(value)}`).toString('base64url').slice(0, 11);
	}

	/** Every stored field of a row, digested (readable fields only). */
	row(values: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
		const digested: Record<string, unknown> = {};
		for (const field of fields) {
			const value = values[field];
			if (value !== undefined) digested[field] = this.value(field, value);
		}
		return digested;
	}

	/** The category of a stored lifecycle status digest. */
	category(stored: unknown): LifecycleCategory {
		if (typeof stored !== 'string' || stored.length < 2) return 'unknown';
		const letter = LETTERS.indexOf(stored.charAt(0));
		if (letter < 0) return 'unknown';
		const index = (letter - this.shift(stored.slice(1)) + CATEGORIES.length) % CATEGORIES.length;
		return CATEGORIES[index];
	}
}
