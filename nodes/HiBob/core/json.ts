/**
 * Reading JSON of unknown shape (HiBob's answers, webhook bodies, stored state) and building nested
 * output. Pure: no n8n.
 */

/** A plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets `value` at a dotted `path` (`work.site` → `{work: {site}}`), replacing non-objects on the way. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
	const keys = path.split('.');
	let current = target;
	for (const key of keys.slice(0, -1)) {
		const next = current[key];
		if (next === null || typeof next !== 'object' || Array.isArray(next)) current[key] = {};
		current = current[key] as Record<string, unknown>;
	}
	current[keys[keys.length - 1]] = value;
}
