/**
 * Employee IDs as people type or map them. HiBob's backend IDs are 19-digit strings
 * (`3332883884017713238`, hibob-api.md §2.2): larger than 2^53, so an ID that went through a JS number
 * has already lost its last digits and must be refused, not sent. Pure: no n8n, no HTTP.
 */

/** Digits only; HiBob's IDs have 19, older or sandbox tenants are not known to differ (UNCONFIRMED). */
const EMPLOYEE_ID = /^\d{1,20}$/;

export const EMPLOYEE_ID_EXAMPLE = '3332883884017713238';

export class EmployeeIdError extends Error {}

/** One employee ID from a parameter value, trimmed; throws EmployeeIdError with what is wrong. */
export function parseEmployeeId(value: unknown): string {
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value < 0) {
			throw new EmployeeIdError(
				`The employee ID ${String(value)} arrived as a number and has lost digits`,
			);
		}
		return String(value);
	}
	if (typeof value === 'bigint') return value.toString();
	if (typeof value !== 'string') {
		throw new EmployeeIdError(`An employee ID must be text, got ${describe(value)}`);
	}
	const id = value.trim();
	if (id === '') throw new EmployeeIdError('The employee ID is empty');
	if (!EMPLOYEE_ID.test(id)) {
		throw new EmployeeIdError(
			`"${id.length > 60 ? `${id.slice(0, 60)}…` : id}" is not a HiBob employee ID`,
		);
	}
	return id;
}

/**
 * A list of employee IDs: an array (from an expression) or text separated by commas, semicolons,
 * spaces or line breaks. Duplicates are dropped, order kept. Throws EmployeeIdError for the first bad one.
 */
export function parseEmployeeIds(value: unknown): string[] {
	const parts: unknown[] = Array.isArray(value)
		? value.flatMap((entry) => (typeof entry === 'string' ? splitList(entry) : [entry]))
		: typeof value === 'string'
			? splitList(value)
			: value === undefined || value === null
				? []
				: [value];
	const ids: string[] = [];
	const seen = new Set<string>();
	for (const part of parts) {
		const id = parseEmployeeId(part);
		if (seen.has(id)) continue;
		seen.add(id);
		ids.push(id);
	}
	if (ids.length === 0) throw new EmployeeIdError('No employee IDs were given');
	return ids;
}

function splitList(text: string): string[] {
	return text.split(/[\s,;]+/).filter((part) => part !== '');
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * A HiBob record with its IDs as strings: `id` and every key ending in `Id` (employeeId, requestId,
 * siteId, changedById…), at any depth. Row and request IDs come as JSON numbers; list item IDs are
 * strings on employees (§2.2), so output keeps one form.
 */
export function stringifyIds<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => stringifyIds(entry) as unknown) as T;
	if (value === null || typeof value !== 'object') return value;
	const output: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		output[key] =
			typeof entry === 'number' && (key === 'id' || key.endsWith('Id'))
				? String(entry)
				: stringifyIds(entry);
	}
	return output as T;
}
