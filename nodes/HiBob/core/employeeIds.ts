/**
 * Employee IDs as people type or map them: the one rule for every operation. HiBob's employee IDs
 * (`root.id`) are 19-digit strings such as `3332883884017713238`: larger than 2^53, so an ID that went
 * through a JS number has already lost its last digits and must be refused, not sent. Pure: no n8n,
 * no HTTP.
 */
import { InputError } from './errors';

/** How many digits a HiBob employee ID has. */
export const EMPLOYEE_ID_DIGITS = 19;

const EMPLOYEE_ID = new RegExp(`^[0-9]{${EMPLOYEE_ID_DIGITS}}$`);

export const EMPLOYEE_ID_EXAMPLE = '3332883884017713238';

const ID_HINT = `HiBob employee IDs have ${EMPLOYEE_ID_DIGITS} digits (root.id from Employee → Get or Get Many), e.g. ${EMPLOYEE_ID_EXAMPLE}, given as text. Nothing was sent to HiBob for this item.`;

/** Whether `text` is a HiBob employee ID (exactly, no spaces). */
export function isEmployeeId(text: string): boolean {
	return EMPLOYEE_ID.test(text);
}

/**
 * One employee ID from a parameter value, trimmed; throws an InputError saying what is wrong. `hint`
 * replaces the general advice where the parameter offers more (e.g. a lookup by email).
 */
export function parseEmployeeId(value: unknown, hint: string = ID_HINT): string {
	if (typeof value === 'number' || typeof value === 'bigint') {
		throw new InputError(
			`The employee ID ${String(value)} arrived as a number, so its last digits may be wrong`,
			`HiBob employee IDs have ${EMPLOYEE_ID_DIGITS} digits, more than a JavaScript number holds exactly. Pass the ID as text (e.g. from a string column, or with .toString() on the original value). Nothing was sent to HiBob for this item.`,
		);
	}
	if (typeof value !== 'string') {
		throw new InputError(`An employee ID must be text, got ${describe(value)}`, hint);
	}
	const id = value.trim();
	if (id === '') throw new InputError('The employee ID is empty', hint);
	if (!isEmployeeId(id)) {
		throw new InputError(
			`"${id.length > 60 ? `${id.slice(0, 60)}…` : id}" is not a HiBob employee ID`,
			hint,
		);
	}
	return id;
}

/**
 * A list of employee IDs: an array (from an expression) or text separated by commas, semicolons,
 * spaces or line breaks. Duplicates are dropped, order kept. Throws an InputError for the first bad one.
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
	if (ids.length === 0) throw new InputError('No employee IDs were given', ID_HINT);
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
 * strings on employees, so output keeps one form.
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
