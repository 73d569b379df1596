/**
 * Reading JSON of unknown shape (HiBob's answers, webhook bodies, stored state) and building nested
 * output. Pure: no n8n.
 *
 * Every walk along a dotted path goes through the helpers below. A path comes from HiBob (field IDs,
 * the metadata's `jsonPath`, keys of an answer) or from a workflow, so it is never trusted: a segment
 * named `__proto__`, `constructor` or `prototype` is refused, a walk follows only an object's own
 * properties, and writes define own properties, so no path can reach or change `Object.prototype`.
 */

/** A plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Segment names that lead to an object's prototype instead of its data. */
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isForbiddenSegment(segment: string): boolean {
	return FORBIDDEN_SEGMENTS.has(segment);
}

/**
 * The segments of a dotted path, or undefined when the path is not a safe one: empty, with an empty
 * segment (`a..b`, `.a`), a control character, or a `__proto__` / `constructor` / `prototype` segment.
 * Spaces and other printable characters are allowed (HiBob's custom payroll fields carry them:
 * `payroll.variable.Executive bonus.amount`).
 */
export function pathSegments(path: string): string[] | undefined {
	if (typeof path !== 'string' || path === '' || path.length > 500) return undefined;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(path)) return undefined;
	const segments = path.split('.');
	for (const segment of segments) {
		if (segment === '' || segment.trim() !== segment || FORBIDDEN_SEGMENTS.has(segment))
			return undefined;
	}
	return segments;
}

/** Whether `path` is a dotted path every helper here will walk. */
export function isSafePath(path: string): boolean {
	return pathSegments(path) !== undefined;
}

export function hasOwn(target: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(target, key);
}

/** An own property of `target`, or undefined (never one inherited from a prototype). */
export function ownValue(target: unknown, key: string): unknown {
	if (target === null || typeof target !== 'object' || FORBIDDEN_SEGMENTS.has(key)) return undefined;
	return hasOwn(target, key) ? (target as Record<string, unknown>)[key] : undefined;
}

/** Defines `key` as an own, plain data property (an assignment to `__proto__` would set the prototype). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Sets `value` at a dotted `path` (`work.site` → `{work: {site}}`), replacing non-objects on the way.
 * Returns false, and writes nothing, when the path is not a safe one (see pathSegments).
 */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): boolean {
	const keys = pathSegments(path);
	if (!keys) return false;
	let current = target;
	for (let at = 0; at < keys.length - 1; at++) {
		const next = ownValue(current, keys[at]);
		if (!isRecord(next)) {
			const created: Record<string, unknown> = {};
			defineOwn(current, keys[at], created);
			current = created;
		} else current = next;
	}
	defineOwn(current, keys[keys.length - 1], value);
	return true;
}

/** Marks a path that leads nowhere (distinct from a present `undefined`). */
export const ABSENT: unique symbol = Symbol('absent');

/** The value at already-split `keys`, following own properties only; ABSENT when not there. */
export function atSegments(source: unknown, keys: readonly string[]): unknown {
	let current = source;
	for (let index = 0; index < keys.length; index++) {
		if (current === null || typeof current !== 'object') return ABSENT;
		const key = keys[index];
		if (FORBIDDEN_SEGMENTS.has(key) || !hasOwn(current, key)) return ABSENT;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/**
 * Removes `path` from a nested object and the parents it leaves empty. Does nothing for a path that
 * is not a safe one or not there.
 */
export function deleteAtPath(target: unknown, path: string): void {
	const keys = pathSegments(path);
	if (!keys) return;
	const parents: Array<Record<string, unknown>> = [];
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (!isRecord(node)) return;
		parents.push(node);
		node = ownValue(node, key);
	}
	const last = keys[keys.length - 1];
	if (!isRecord(node) || !hasOwn(node, last)) return;
	delete node[last];
	for (let depth = parents.length - 1; depth >= 0; depth--) {
		const child = ownValue(parents[depth], keys[depth]);
		if (isRecord(child) && Object.keys(child).length === 0) {
			delete parents[depth][keys[depth]];
		} else break;
	}
}
