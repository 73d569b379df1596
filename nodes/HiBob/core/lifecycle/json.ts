/**
 * JSON helpers of the lifecycle engine. Three notions of "equal", each for one question:
 * - `canonicallyEqual`: is this a change for the user? Key order ignored (HiBob may send keys in any order).
 * - `sameJson`: may the stored value stand for this one? Key order included: storing or reporting either
 *   gives the same text.
 * - `sameJsonTree`: does the state need writing? The snapshot compared with the stored one as JSON text.
 */

/** JSON text with sorted object keys: equal values give equal keys. */
export function canonicalJson(value: unknown): string {
	if (value === undefined) return 'undefined';
	// Almost every HiBob value is a primitive: skip the replacer, it dominates a 10k-employee diff.
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	return JSON.stringify(value, (_key, inner: unknown) => {
		if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
		const sorted: Record<string, unknown> = {};
		for (const key of Object.keys(inner).sort())
			sorted[key] = (inner as Record<string, unknown>)[key];
		return sorted;
	});
}

/** `canonicalJson(left) === canonicalJson(right)`, without building the JSON for the usual cases. */
export function canonicallyEqual(left: unknown, right: unknown): boolean {
	if (left === right) return true;
	if (typeof left === 'string' && typeof right === 'string') return false;
	return canonicalJson(left) === canonicalJson(right);
}

/** True when both values are the same JSON, key order included. Stricter than canonicallyEqual. */
export function sameJson(left: unknown, right: unknown): boolean {
	if (left === right) return typeof left !== 'number' || !Number.isNaN(left);
	if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
		return false;
	return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * `JSON.stringify(left) === JSON.stringify(right)` for snapshots, without building either text: key order
 * included, and shared parts (the columns and ID list a quiet poll reuses) are equal by identity, so they
 * are not walked. Never true where the two JSON texts differ; may be false where they agree (an
 * `undefined` member, NaN), which only costs one needless write of the state.
 */
export function sameJsonTree(left: unknown, right: unknown): boolean {
	if (left === right) return typeof left !== 'number' || !Number.isNaN(left);
	if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null)
		return false;
	if (Array.isArray(left)) {
		if (!Array.isArray(right) || left.length !== right.length) return false;
		for (let index = 0; index < left.length; index++) {
			const a: unknown = left[index];
			const b: unknown = right[index];
			if (a !== b && !sameJsonTree(a, b)) return false;
		}
		return true;
	}
	if (Array.isArray(right)) return false;
	const leftKeys = Object.keys(left);
	const rightKeys = Object.keys(right);
	if (leftKeys.length !== rightKeys.length) return false;
	for (let index = 0; index < leftKeys.length; index++) {
		const key = leftKeys[index];
		if (key !== rightKeys[index]) return false;
		if (
			!sameJsonTree((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key])
		)
			return false;
	}
	return true;
}
