/**
 * HiBob's employee shape, read once, here: each employee carries nested category
 * objects keyed by jsonPath (nulls kept) AND "/category/field": {"value": …} slash keys (non-null values
 * only), plus `humanReadable` with APPEND. A field the service user may not read, or an unknown one, is
 * silently absent from both. IDs are 19-digit strings and stay strings. Pure: no n8n, no HTTP.
 */
import type { FieldIndex } from './fields';
import { defaultJsonPath, SIMPLIFIED_FIELDS, slashKey } from './fields';
import { ABSENT, atSegments, defineOwn, ownValue, pathSegments } from './json';

export type RawEmployee = Record<string, unknown>;

/** HiBob's limit on `fields` in one people search. */
export const MAX_SEARCH_FIELDS = 400;

/**
 * Path segments by dotted path, computed once: a trigger poll reads a dozen fields of every employee,
 * so this is a hot path: split once, not per read (nor the slash key per miss). Field IDs and JSON paths
 * come from metadata and options, a small, stable set; the cap keeps a pathological caller bounded.
 */
const SEGMENTS = new Map<string, readonly string[]>();
const SLASH_KEYS = new Map<string, string>();
const DEFAULT_PATHS = new Map<string, string>();
const CACHE_LIMIT = 10_000;

function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
	let value = cache.get(key);
	if (value === undefined) {
		value = compute(key);
		if (cache.size >= CACHE_LIMIT) cache.clear();
		cache.set(key, value);
	}
	return value;
}

/** Segments of a path that is not a safe one (core/json pathSegments): it reads as absent. */
const UNSAFE: readonly string[] = Object.freeze([]);

function segmentsOf(path: string): readonly string[] {
	return cached(SEGMENTS, path, (text) => pathSegments(text) ?? UNSAFE);
}

function atPath(source: unknown, path: string): unknown {
	const keys = segmentsOf(path);
	return keys === UNSAFE ? ABSENT : atSegments(source, keys);
}

/** A search answer's employees; undefined when the body is not HiBob's `{employees: […]}`. */
export function employeesOf(body: unknown): RawEmployee[] | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const employees = (body as { employees?: unknown }).employees;
	return Array.isArray(employees) ? (employees as RawEmployee[]) : undefined;
}

/**
 * A field's machine value: nested first, then the slash key. `undefined` when the answer does not
 * carry the field at all (not permitted, unknown, not requested); `null` when it is empty.
 */
export function readField(employee: RawEmployee, fieldId: string, index?: FieldIndex): unknown {
	const nested = atPath(
		employee,
		index ? index.jsonPath(fieldId) : cached(DEFAULT_PATHS, fieldId, defaultJsonPath),
	);
	if (nested !== ABSENT) return nested;
	const slash = ownValue(employee, cached(SLASH_KEYS, fieldId, slashKey));
	if (slash && typeof slash === 'object' && 'value' in slash)
		return (slash as { value: unknown }).value;
	return undefined;
}

/** The human-readable label HiBob sent for a field (APPEND mode), if any. */
export function readLabel(employee: RawEmployee, fieldId: string, index?: FieldIndex): unknown {
	const labels = employee.humanReadable;
	if (!labels || typeof labels !== 'object') return undefined;
	const value = atPath(
		labels,
		index ? index.jsonPath(fieldId) : cached(DEFAULT_PATHS, fieldId, defaultJsonPath),
	);
	return value === ABSENT ? undefined : value;
}

/** An ISO calendar date or UTC timestamp, as HiBob's machine values carry dates. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The label worth showing beside a machine value, or undefined. Labels name list items and people
 * (a department ID becomes "Engineering", a manager or site ID a name); HiBob also "labels" dates in the company's display format (26/11/2026),
 * booleans as Yes/No and numbers as strings, which say nothing more and which no other node parses,
 * so those keep their machine values only.
 */
export function labelFor(value: unknown, label: unknown): unknown {
	if (label === undefined || label === null || value === null || value === undefined)
		return undefined;
	if (String(label) === String(value) || typeof value === 'boolean') return undefined;
	if (typeof value === 'string' && ISO_DATE.test(value)) return undefined;
	return label;
}

export function employeeId(employee: RawEmployee): string {
	const id = readField(employee, 'root.id');
	return id === undefined || id === null ? '' : String(id);
}

/** HiBob's answer as output: the nested form only, without the duplicated slash keys. */
export function withoutSlashKeys(employee: RawEmployee): RawEmployee {
	const output: RawEmployee = {};
	for (const key of Object.keys(employee)) {
		if (key.charCodeAt(0) !== 47 /* '/' */) defineOwn(output, key, employee[key]);
	}
	return output;
}

/**
 * The "Simplified" output (both nodes): a few flat fields; list fields as labels when HiBob sent them
 * (humanReadable APPEND), dates and IDs as machine values, the manager's ID plus their name.
 */
export function simplify(employee: RawEmployee, index?: FieldIndex): RawEmployee {
	const output: RawEmployee = {};
	for (const { fieldId, name, kind } of SIMPLIFIED_FIELDS) {
		const value = readField(employee, fieldId, index);
		if (value === undefined) continue;
		const label = readLabel(employee, fieldId, index);
		if (kind === 'manager') {
			output[name] = value;
			if (value !== null) output.manager = label ?? null;
		} else {
			output[name] = kind === 'list' && label !== undefined && value !== null ? label : value;
		}
	}
	return output;
}

interface FieldPlan {
	fieldId: string;
	keys: readonly string[];
	slashKey: string;
}

/** Read plans per field list (and FieldIndex): a trigger reads the same list for every employee. */
const PLANS = new WeakMap<readonly string[], { index?: FieldIndex; plans: FieldPlan[] }>();

function plansFor(fieldIds: readonly string[], index?: FieldIndex): FieldPlan[] {
	const known = PLANS.get(fieldIds);
	// The list is checked, not trusted: a caller may reuse and change its array.
	if (
		known &&
		known.index === index &&
		known.plans.length === fieldIds.length &&
		known.plans.every((plan, at) => plan.fieldId === fieldIds[at])
	) {
		return known.plans;
	}
	const plans = fieldIds.map((fieldId) => ({
		fieldId,
		keys: segmentsOf(index ? index.jsonPath(fieldId) : defaultJsonPath(fieldId)),
		slashKey: slashKey(fieldId),
	}));
	PLANS.set(fieldIds, { index, plans });
	return plans;
}

/** readField with the path work done beforehand. */
function readPlanned(employee: RawEmployee, plan: FieldPlan): unknown {
	const current = plan.keys === UNSAFE ? ABSENT : atSegments(employee, plan.keys);
	if (current !== ABSENT) return current;
	const slash = ownValue(employee, plan.slashKey);
	if (slash && typeof slash === 'object' && 'value' in slash)
		return (slash as { value: unknown }).value;
	return undefined;
}

/** Machine values of `fieldIds` in one flat map (undefined = not in the answer). */
export function flatValues(
	employee: RawEmployee,
	fieldIds: readonly string[],
	index?: FieldIndex,
): Record<string, unknown> {
	const plans = plansFor(fieldIds, index);
	const values: Record<string, unknown> = {};
	for (let at = 0; at < plans.length; at++) {
		values[plans[at].fieldId] = readPlanned(employee, plans[at]);
	}
	return values;
}

/**
 * Requested fields that no returned employee carries: HiBob drops fields the service user may not
 * read without a word, so this is how a missing permission shows. Empty for no employees.
 */
export function fieldsMissingFromAll(
	employees: readonly RawEmployee[],
	fieldIds: readonly string[],
	index?: FieldIndex,
): string[] {
	if (employees.length === 0) return [];
	return fieldIds.filter((fieldId) =>
		employees.every((employee) => readField(employee, fieldId, index) === undefined),
	);
}
