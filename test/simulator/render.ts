/**
 * People reads: request validation and the employee object HiBob returns.
 * Usable without HTTP, e.g. by benchmarks: `searchPeople(company, user, body)`.
 */
import { canReadField, inScope, type ServiceUser } from './access';
import type { Company, Employee, FieldValue } from './company';
import { defaultFieldIds, type FieldDef } from './fields';
import { formatDate } from './util';

export type HumanReadableMode = '' | 'APPEND' | 'REPLACE';

export interface ApiError {
	key: string;
	error: string;
}

export type ReadResult<T> = { status: number; body: T | ApiError };

export const MAX_FIELDS = 400;
const FILTER_PATHS = new Set(['root.id', 'root.email']);

/**
 * Case-insensitivity of `append`/`replace` is UNCONFIRMED: the simulator takes the stricter
 * reading and accepts only upper case; anything else is an invalid value, which HiBob ignores.
 */
export function parseHumanReadable(value: unknown): HumanReadableMode {
	return value === 'APPEND' || value === 'REPLACE' ? value : '';
}

function badRequest(error: string, key = 'bad.request'): ApiError {
	return { key, error };
}

/**
 * Requested IDs → fields this service user may read, in request order, duplicates dropped. Unknown
 * and unpermitted IDs vanish without a warning ("silent omission").
 */
export function resolveFields(
	company: Company,
	user: ServiceUser,
	requested: string[] | undefined,
): FieldDef[] {
	const ids = requested ?? defaultFieldIds(company.fields);
	const seen = new Set<string>();
	const out: FieldDef[] = [];
	for (const id of ids) {
		if (seen.has(id)) continue;
		seen.add(id);
		const f = company.fieldById.get(id);
		if (f && canReadField(user, f)) out.push(f);
	}
	return out;
}

/**
 * `fields` absent ⇒ default set. An explicit empty array is UNCONFIRMED: the stricter reading is taken
 * (no fields, so every employee comes back as `{}`), so a client cannot rely on `[]` meaning "default".
 */
function validateFields(fields: unknown): string[] | undefined | ApiError {
	if (fields === undefined || fields === null) return undefined;
	if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
		return badRequest('fields must be an array of field IDs');
	if (fields.length > MAX_FIELDS)
		return badRequest(`Too many fields: at most ${MAX_FIELDS} field IDs per request`);
	return fields as string[];
}

function isApiError(v: unknown): v is ApiError {
	return typeof v === 'object' && v !== null && 'key' in v && 'error' in v;
}

function shortDateFormat(dateFormat: string): string {
	return dateFormat.replace(/[^a-zA-Z]*yyyy[^a-zA-Z]*/, '');
}

/** The display string HiBob puts in `humanReadable` (field-type table). */
export function humanLabel(
	company: Company,
	field: FieldDef,
	value: FieldValue,
	dateFormat: string,
): string | null {
	if (value === null) return null;
	const listId = field.typeData.listId;
	switch (field.type) {
		case 'list':
		case 'list_id':
		case 'hierarchy-list':
			return (listId && company.labels.get(listId)?.get(String(value))) ?? String(value);
		case 'multi-list':
			return (value as string[])
				.map((v) => (listId && company.labels.get(listId)?.get(v)) ?? v)
				.join(', ');
		case 'boolean':
			return value ? 'Yes' : 'No';
		case 'number':
			return String(value);
		case 'date':
			return formatDate(String(value), dateFormat);
		case 'short-date': {
			const [m, d] = String(value).split('-');
			return shortDateFormat(dateFormat).replace('MM', m).replace('dd', d);
		}
		case 'time': {
			const s = String(value);
			return `${formatDate(s.slice(0, 10), dateFormat)} ${s.slice(11, 16)}`;
		}
		case 'currency': {
			const c = value as { value: number; currency: string };
			return `${c.value} ${c.currency}`;
		}
		case 'employee-reference': {
			if (field.id === 'root.id') return String(value);
			const ref = company.employees.get(String(value));
			return ref ? String(ref.values['root.displayName']) : String(value);
		}
		case 'employee':
			return String((value as Record<string, unknown>).displayName ?? '');
		default:
			return String(value);
	}
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node = target;
	for (let i = 0; i < path.length - 1; i++) {
		const key = path[i];
		let next = node[key] as Record<string, unknown> | undefined;
		// A field below an empty one (the manager's email under no manager) leaves the parent null.
		if (next === null && value === null) return;
		if (next === undefined || next === null || typeof next !== 'object') {
			next = {};
			node[key] = next;
		}
		node = next;
	}
	node[path[path.length - 1]] = value;
}

/**
 * One employee as HiBob returns it: nested objects by jsonPath (root fields top-level, nulls kept)
 * plus `"/cat/field": {"value": …}` slash keys for non-null values only. APPEND adds a nested
 * `humanReadable` object with non-null labels; REPLACE puts labels in place of the nested values and,
 * following HiBob's example (UNCONFIRMED otherwise), sends no slash keys.
 */
export function renderEmployee(
	company: Company,
	e: Employee,
	fields: FieldDef[],
	mode: HumanReadableMode,
	dateFormat: string,
): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const human: Record<string, unknown> | undefined = mode === 'APPEND' ? {} : undefined;
	for (const f of fields) {
		const value = company.value(e, f.id);
		if (mode === 'REPLACE') {
			setPath(out, f.path, humanLabel(company, f, value, dateFormat));
			continue;
		}
		setPath(out, f.path, value);
		if (value !== null) {
			out[f.slashKey] = { value };
			if (human) setPath(human, f.path, humanLabel(company, f, value, dateFormat));
		}
	}
	if (human) out.humanReadable = human;
	return out;
}

export interface SearchSettings {
	dateFormat: string;
}

/** `POST /v1/people/search`. */
export function searchPeople(
	company: Company,
	user: ServiceUser,
	body: unknown,
	settings: SearchSettings = { dateFormat: 'dd/MM/yyyy' },
): ReadResult<{ employees: Array<Record<string, unknown>> }> {
	const b = (body ?? {}) as Record<string, unknown>;
	if (typeof b !== 'object' || Array.isArray(b))
		return { status: 400, body: badRequest('The request body must be a JSON object') };
	const requested = validateFields(b.fields);
	if (isApiError(requested)) return { status: 400, body: requested };
	let filter: { fieldPath: string; values: string[] } | undefined;
	if (b.filters !== undefined && b.filters !== null) {
		if (!Array.isArray(b.filters))
			return { status: 400, body: badRequest('filters must be an array') };
		if (b.filters.length > 1)
			return { status: 400, body: badRequest('Only one filter is supported', 'invalid.filter') };
		if (b.filters.length === 1) {
			const f = b.filters[0] as Record<string, unknown> | null;
			if (typeof f !== 'object' || f === null)
				return { status: 400, body: badRequest('A filter must be an object', 'invalid.filter') };
			if (typeof f.fieldPath !== 'string' || !FILTER_PATHS.has(f.fieldPath))
				return {
					status: 400,
					body: badRequest(
						`Filtering by ${String(f.fieldPath)} is not supported; use root.id or root.email`,
						'invalid.filter',
					),
				};
			if (f.operator !== 'equals')
				return {
					status: 400,
					body: badRequest(
						`Unsupported operator ${String(f.operator)}; use equals`,
						'invalid.filter',
					),
				};
			if (
				!Array.isArray(f.values) ||
				f.values.length === 0 ||
				!f.values.every((v) => typeof v === 'string')
			)
				return {
					status: 400,
					body: badRequest('Missing required field: values', 'invalid.filter'),
				};
			filter = { fieldPath: f.fieldPath, values: f.values as string[] };
		}
	}
	// Only a JSON boolean true counts; "true" as a string leaves the default (false) in place.
	const showInactive = b.showInactive === true;
	const mode = parseHumanReadable(b.humanReadable);
	const fields = resolveFields(company, user, requested);

	let candidates: Iterable<Employee>;
	if (filter) {
		const found: Employee[] = [];
		const seen = new Set<string>();
		for (const v of filter.values) {
			const e =
				filter.fieldPath === 'root.id'
					? company.employees.get(v)
					: company.employees.get(company.byEmail.get(v.toLowerCase()) ?? '');
			if (e && !seen.has(e.id)) {
				seen.add(e.id);
				found.push(e);
			}
		}
		candidates = found;
	} else candidates = company.employees.values();

	const employees: Array<Record<string, unknown>> = [];
	if (user.permissions) {
		for (const e of candidates) {
			if (!showInactive && !company.isActive(e)) continue;
			if (!inScope(company, user, e)) continue;
			employees.push(renderEmployee(company, e, fields, mode, settings.dateFormat));
		}
	}
	return { status: 200, body: { employees } };
}

/**
 * `POST /v1/people/{identifier}`: ID or email, bare employee object, 404 when unknown or outside
 * the service user's access scope (HiBob's 403-vs-404 choice is UNCONFIRMED; 404 never leaks whether
 * the person exists). `filters`/`showInactive` are not part of this contract and are ignored.
 */
export function readEmployee(
	company: Company,
	user: ServiceUser,
	identifier: string,
	body: unknown,
	settings: SearchSettings,
): ReadResult<Record<string, unknown>> {
	const b = (body ?? {}) as Record<string, unknown>;
	if (typeof b !== 'object' || Array.isArray(b))
		return { status: 400, body: badRequest('The request body must be a JSON object') };
	const requested = validateFields(b.fields);
	if (isApiError(requested)) return { status: 400, body: requested };
	const e = company.findByIdOrEmail(identifier);
	if (!e || !inScope(company, user, e))
		return {
			status: 404,
			body: { key: 'employee.not.found', error: `Employee ${identifier} not found` },
		};
	const fields = resolveFields(company, user, requested);
	return {
		status: 200,
		body: renderEmployee(
			company,
			e,
			fields,
			parseHumanReadable(b.humanReadable),
			settings.dateFormat,
		),
	};
}
