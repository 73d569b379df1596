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
