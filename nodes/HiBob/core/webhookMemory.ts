/**
 * The delivery keys a webhook trigger has already emitted, as plain JSON for n8n's static data, and the
 * age rule that makes the memory enough against replays: a key is kept for MEMORY_MAX_AGE_MS, and a
 * delivery dated (`triggeredAt`) earlier than DELIVERY_MAX_AGE_MS ago is ignored, so a captured
 * delivery can never outlive its key. The memory is bounded by time only: a key leaves it when it
 * expires, never to make room (MEMORY_MAX_KEYS is a ceiling at which new deliveries are refused for
 * Bob to re-send later, not a point at which unexpired keys are dropped). Pure.
 */

/** Bob's retry window is three days; a key is kept a little longer than that. */
export const MEMORY_MAX_AGE_MS = 4 * 24 * 60 * 60 * 1000;

/** Deliveries dated earlier than this are ignored: an hour inside the memory's own window. */
export const DELIVERY_MAX_AGE_MS = MEMORY_MAX_AGE_MS - 60 * 60 * 1000;

/** Deliveries dated later than this ahead of n8n's clock are ignored (clock skew allowance). */
export const DELIVERY_MAX_AHEAD_MS = 5 * 60 * 1000;

/**
 * Unexpired keys the memory holds at most: about 1 MB of static data (a key and its time take ~50
 * bytes). Reaching it means 20,000 deliveries in four days; new ones are then refused (Bob re-sends).
 */
export const MEMORY_MAX_KEYS = 20_000;

/**
 * Why a delivery dated `triggeredAt` (UTC ISO, or null when absent or unreadable) is outside the
 * window at `nowMs`; undefined when it is inside.
 */
export function deliveryAgeProblem(
	triggeredAt: string | null,
	nowMs: number,
): 'undated' | 'stale' | 'future' | undefined {
	const atMs = triggeredAt === null ? Number.NaN : Date.parse(triggeredAt);
	if (Number.isNaN(atMs)) return 'undated';
	if (nowMs - atMs > DELIVERY_MAX_AGE_MS) return 'stale';
	if (atMs - nowMs > DELIVERY_MAX_AHEAD_MS) return 'future';
	return undefined;
}

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

/** How many keys of the memory have not expired at `nowMs`. */
export function liveKeys(memory: DeliveryMemory, nowMs: number): number {
	let count = 0;
	for (const [, atMs] of memory) if (nowMs - atMs <= MEMORY_MAX_AGE_MS) count++;
	return count;
}

/** The memory with `keys` added and the expired ones dropped; an unexpired key is never dropped. */
export function remember(
	memory: DeliveryMemory,
	keys: readonly string[],
	nowMs: number,
): DeliveryMemory {
	const next = memory.filter(([, atMs]) => nowMs - atMs <= MEMORY_MAX_AGE_MS);
	const known = new Set(next.map(([key]) => key));
	for (const key of keys) {
		if (known.has(key)) continue;
		known.add(key);
		next.push([key, nowMs]);
	}
	return next;
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
