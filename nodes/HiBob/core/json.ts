/**
 * Reading JSON of unknown shape (HiBob's answers, webhook bodies, stored state). Pure: no n8n.
 */

/** A plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
