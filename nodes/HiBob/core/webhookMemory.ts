/**
 * The delivery keys a webhook trigger has already emitted, as plain JSON for n8n's static data:
 * bounded by count and age (Bob re-sends a failed delivery for up to three days). Pure.
 */

/** Bob's retry window is three days; a key is kept a little longer than that. */
export const MEMORY_MAX_AGE_MS = 4 * 24 * 60 * 60 * 1000;

/** Enough for a burst of bulk changes; the static data stays under ~50 kB. */
export const MEMORY_MAX_KEYS = 1000;

/** `[deliveryKey, first seen (ms)]`, oldest first. */
export type DeliveryMemory = Array<[string, number]>;

export function readMemory(value: unknown): DeliveryMemory {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is [string, number] =>
			Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number',
	);
}

export function hasSeen(memory: DeliveryMemory, key: string, nowMs: number): boolean {
	return memory.some(([seen, atMs]) => seen === key && nowMs - atMs <= MEMORY_MAX_AGE_MS);
}

/** The memory with `keys` added, the expired and the oldest beyond the bound dropped. */
export function remember(
	memory: DeliveryMemory,
	keys: readonly string[],
	nowMs: number,
	maxKeys = MEMORY_MAX_KEYS,
): DeliveryMemory {
	const known = new Set(memory.map(([key]) => key));
	const next = memory.filter(([, atMs]) => nowMs - atMs <= MEMORY_MAX_AGE_MS);
	for (const key of keys) {
		if (known.has(key)) continue;
		known.add(key);
		next.push([key, nowMs]);
	}
	return next.slice(Math.max(0, next.length - maxKeys));
}

/**
 * Keys this process accepted a moment ago, for copies that arrive while the first delivery's run is
 * still going (its static data is only saved when it ends). Bounded by count and age; Map order is
 * insertion order, so the oldest go first.
 */
export class RecentKeys {
	private readonly keys = new Map<string, number>();

	constructor(
		private readonly maxKeys = 5000,
		private readonly maxAgeMs = 10 * 60 * 1000,
	) {}

	/** True when `key` was not accepted within maxAgeMs (it is now); false for a copy. */
	claim(key: string, nowMs: number): boolean {
		for (const [known, atMs] of this.keys) {
			if (nowMs - atMs <= this.maxAgeMs && this.keys.size <= this.maxKeys) break;
			this.keys.delete(known);
		}
		const atMs = this.keys.get(key);
		if (atMs !== undefined && nowMs - atMs <= this.maxAgeMs) return false;
		this.keys.delete(key);
		this.keys.set(key, nowMs);
		return true;
	}

	/** Gives a key up again (its run could not be started). */
	release(key: string): void {
		this.keys.delete(key);
	}

	/** Forgets everything (what a restart or another n8n main process sees). */
	clear(): void {
		this.keys.clear();
	}

	get size(): number {
		return this.keys.size;
	}
}
