/**
 * Employee → Update, planned before anything is sent. HiBob's `PUT /people/{id}` takes the nested
 * shape reads return (each field at its metadata `jsonPath`, root fields top-level) and list values as
 * item IDs; it answers 304 and stores nothing for title, department, site and manager, which only the
 * effective-dated Work table holds. So the plan splits the fields: plain fields go in the PUT body,
 * Work fields become one Work entry that carries over the other columns of the row in effect on its
 * date. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import type { FieldIndex, FieldMetadata } from './fields';
import { setAtPath } from './json';
import type { ListItemLike } from './writes';
import { EMAIL_PATTERN, requireDate, resolveListItem } from './writes';

/** Work-table columns by the employee field they hold (the simulator and HiBob name them alike). */
export const WORK_COLUMNS: Record<string, 'title' | 'department' | 'siteId' | 'reportsTo'> = {
	'work.title': 'title',
	'work.department': 'department',
	'work.siteId': 'siteId',
	'work.site': 'siteId',
	'work.manager': 'reportsTo',
	'work.reportsTo': 'reportsTo',
};

/** The employee field each Work column is reported as. */
export const WORK_FIELD_OF = {
	title: 'work.title',
	department: 'work.department',
	siteId: 'work.siteId',
	reportsTo: 'work.manager',
} as const;

/** Fields the update cannot set, each with where to set it instead. */
const NOT_UPDATABLE: Record<string, string> = {
	'root.id': 'The employee ID is assigned by HiBob.',
	'root.companyId': 'The company ID is assigned by HiBob.',
	'root.displayName': 'HiBob builds the display name from first name and surname.',
	'root.creationDateTime': 'HiBob sets it when the employee is created.',
	'root.email': 'Use Employee → Update Work Email: the work email is the Bob login.',
	'work.startDate': 'Use Employee → Set Start Date.',
	'work.originalStartDate': 'HiBob sets it from the first start date.',
	'work.secondLevelManager': "HiBob derives it from the manager's manager.",
	'work.isManager': 'HiBob derives it from who reports to the employee.',
	'work.activeEffectiveDate': 'HiBob derives it from the Work history.',
};

/** Resource-mapper keys cannot hold dots safely, so field IDs are stored with `__` instead. */
export function mapperKey(fieldId: string): string {
	return fieldId.replace(/\./g, '__');
}

/** Why a field cannot be written by Update, or undefined when it can. */
export function notUpdatableReason(field: FieldMetadata): string | undefined {
	if (NOT_UPDATABLE[field.id]) return NOT_UPDATABLE[field.id];
	if (WORK_COLUMNS[field.id]) return undefined;
	if (field.categoryId === 'lifecycle')
		return 'Lifecycle fields change through Employee → Terminate or in Bob.';
	if (field.historical)
		return 'HiBob stores it only as a dated history row: use Employee History → Create Entry.';
	return undefined;
}

export interface EmployeeValue {
	/** An employee ID, or an email still to be resolved to one. */
	id?: string;
	email?: string;
}

export type PlannedValue = unknown | EmployeeValue;

export interface UpdatePlan {
	/** Field ID → value to PUT (employee-reference values may still be emails, see `emails`). */
	fields: Record<string, unknown>;
	/** Work columns to write as one entry (title/department item IDs; reportsTo an employee). */
	work: { title?: string; department?: string; siteId?: string; reportsTo?: EmployeeValue };
	/** Field IDs whose employee value is an email the glue must turn into an ID. */
	emails: Array<{ fieldId: string; email: string }>;
}

function listOf(field: FieldMetadata, lists: Map<string, ListItemLike[]>): ListItemLike[] {
	const items = field.listId ? lists.get(field.listId) : undefined;
	if (!items)
		throw new InputError(
			`HiBob's list "${field.listId ?? '?'}" for ${field.name} could not be read`,
			'The service user needs to read company lists. Nothing was sent to HiBob.',
		);
	return items;
}

function wrongType(field: FieldMetadata, expected: string, value: unknown): InputError {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
	return new InputError(
		`${field.name} (${field.id}) must be ${expected}, got ${shown}`,
		`Give ${field.name} as ${expected}. Nothing was sent to HiBob.`,
	);
}

function employeeValue(field: FieldMetadata, value: unknown): EmployeeValue {
	const text =
		typeof value === 'string' ? value.trim() : typeof value === 'bigint' ? String(value) : '';
	if (/^\d{15,20}$/.test(text)) return { id: text };
	if (EMAIL_PATTERN.test(text)) return { email: text };
	throw wrongType(field, "an employee's HiBob ID (19 digits, as text) or work email", value);
}

/** One value in its field's own type, list labels resolved to item IDs. */
export function convertValue(
	field: FieldMetadata,
	value: unknown,
	lists: Map<string, ListItemLike[]>,
): PlannedValue {
	if (value === null || value === '') return null;
	switch (field.type) {
		case 'date':
			return requireDate(value, `${field.name} (${field.id})`);
		case 'number': {
			const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
			if (!Number.isFinite(n)) throw wrongType(field, 'a number', value);
			return n;
		}
		case 'boolean':
			if (typeof value === 'boolean') return value;
			if (value === 'true' || value === 'false') return value === 'true';
			throw wrongType(field, 'true or false', value);
		case 'list':
			return resolveListItem(listOf(field, lists), value, `an item of ${field.name}`).id;
		case 'multi-list': {
			const parts = Array.isArray(value)
				? value
				: typeof value === 'string'
					? value
							.split(',')
							.map((part) => part.trim())
							.filter((part) => part !== '')
					: [value];
			const items = listOf(field, lists);
			return parts.map((part) => resolveListItem(items, part, `an item of ${field.name}`).id);
		}
		case 'employee-reference':
		case 'employee':
			return employeeValue(field, value);
		case 'currency': {
			const record = value as { value?: unknown; currency?: unknown };
			if (
				!record ||
				typeof record !== 'object' ||
				typeof record.value !== 'number' ||
				typeof record.currency !== 'string'
			)
				throw wrongType(field, 'an object {"value": 1000, "currency": "EUR"}', value);
			return { value: record.value, currency: record.currency };
		}
		default:
			if (typeof value === 'string') return value;
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			throw wrongType(field, 'text', value);
	}
}

/** What an operation's field mapper may set, and how its errors name the operation and parameter. */
export interface FieldRules {
	/** "changed by Update", "set by Create". */
	verb: string;
	/** The mapper parameter's display name. */
	parameter: string;
	/** Why a field cannot be set here (with where to set it instead), or undefined when it can. */
	refusal: (field: FieldMetadata) => string | undefined;
}

export const UPDATE_RULES: FieldRules = {
	verb: 'changed by Update',
	parameter: 'Fields to Update',
	refusal: notUpdatableReason,
};

/**
 * Every mapped value (keys: `mapperKey(field ID)` or field IDs) checked in its field's own type and
 * split into plain fields and Work columns, list labels resolved to item IDs; nothing is sent.
 */
export function planFields(
	mapped: Record<string, unknown>,
	index: FieldIndex,
	lists: Map<string, ListItemLike[]>,
	rules: FieldRules,
): UpdatePlan {
	const byKey = new Map(index.fields.map((field) => [mapperKey(field.id), field]));
	const plan: UpdatePlan = { fields: {}, work: {}, emails: [] };
	for (const [key, raw] of Object.entries(mapped)) {
		if (raw === undefined) continue;
		const field = byKey.get(key) ?? index.get(key);
		if (!field)
			throw new InputError(
				`HiBob has no field "${key.replace(/__/g, '.')}"`,
				`Open ${rules.parameter} and pick the field again (it may have been deleted or renamed in Bob). Nothing was sent to HiBob.`,
			);
		const reason = rules.refusal(field);
		if (reason)
			throw new InputError(
				`${field.name} (${field.id}) cannot be ${rules.verb}`,
				`${reason} Nothing was sent to HiBob.`,
			);
		const column = WORK_COLUMNS[field.id];
		if (column) {
			if (raw === null || raw === '') {
				if (column !== 'reportsTo')
					throw new InputError(
						`${field.name} cannot be emptied`,
						`Give a value for ${field.name}, or remove it from ${rules.parameter}. Nothing was sent to HiBob.`,
					);
				plan.work.reportsTo = {};
				continue;
			}
			if (column === 'reportsTo') plan.work.reportsTo = employeeValue(field, raw);
			else if (field.id === 'work.site')
				plan.work.siteId = resolveListItem(lists.get('site') ?? [], raw, 'a site').id;
			else plan.work[column] = String(convertValue(field, raw, lists));
			continue;
		}
		const value = convertValue(field, raw, lists);
		if (
			value &&
			typeof value === 'object' &&
			('id' in value || 'email' in value) &&
			!Array.isArray(value)
		) {
			const ref = value as EmployeeValue;
			if (ref.email) plan.emails.push({ fieldId: field.id, email: ref.email });
			plan.fields[field.id] = ref.id ?? ref.email;
		} else plan.fields[field.id] = value;
	}
	return plan;
}

/** The plan for one item's mapped values: at least one field, each one Update can change. */
export function planUpdate(
	mapped: Record<string, unknown>,
	index: FieldIndex,
	lists: Map<string, ListItemLike[]>,
): UpdatePlan {
	const plan = planFields(mapped, index, lists, UPDATE_RULES);
	if (Object.keys(plan.fields).length === 0 && Object.keys(plan.work).length === 0)
		throw new InputError(
			'No fields to update',
			'Add at least one field under Fields to Update. Nothing was sent to HiBob.',
		);
	return plan;
}

/** The nested PUT body: each value at its field's jsonPath (root fields top-level). */
export function nestedBody(
	fields: Record<string, unknown>,
	index: FieldIndex,
): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const [fieldId, value] of Object.entries(fields)) {
		if (!setAtPath(body, index.jsonPath(fieldId), value))
			throw new InputError(
				`HiBob's field "${fieldId}" has a JSON path that cannot be written`,
				'Its path contains an empty, "__proto__", "constructor" or "prototype" segment. Nothing was sent to HiBob.',
			);
	}
	return body;
}

export interface WorkRow {
	effectiveDate?: unknown;
	siteId?: unknown;
	site?: unknown;
	title?: unknown;
	department?: unknown;
	reportsTo?: unknown;
}

/** The Work row in effect on `date`: the last one whose effective date is on or before it. */
export function rowInEffect(rows: WorkRow[], date: string): WorkRow | undefined {
	let found: WorkRow | undefined;
	for (const row of [...rows].sort((a, b) =>
		String(a.effectiveDate).localeCompare(String(b.effectiveDate)),
	))
		if (String(row.effectiveDate) <= date) found = row;
	return found;
}

/**
 * The Work entry body: the changed columns over the row in effect on that date (HiBob wants the site
 * on every entry, and copies other columns from the row before the date; sending them keeps the
 * entry what the user sees in the node).
 */
export function workEntryBody(
	work: { title?: string; department?: string; siteId?: string; reportsTo?: string | null },
	effectiveDate: string,
	previous: WorkRow | undefined,
	reason?: string,
): Record<string, unknown> {
	const idOf = (value: unknown) => {
		if (value === null || value === undefined) return undefined;
		if (typeof value === 'object') {
			const id = (value as { id?: unknown }).id;
			return id === undefined || id === null ? undefined : String(id);
		}
		return String(value);
	};
	const siteId = work.siteId ?? idOf(previous?.siteId);
	if (siteId === undefined)
		throw new InputError(
			'The employee has no Work entry to take the site from',
			'Add Site to Fields to Update: HiBob needs a site on every Work entry. Nothing was sent to HiBob.',
		);
	const body: Record<string, unknown> = {
		effectiveDate,
		siteId: /^\d+$/.test(siteId) ? Number(siteId) : siteId,
	};
	const title = work.title ?? idOf(previous?.title);
	const department = work.department ?? idOf(previous?.department);
	const manager = work.reportsTo === undefined ? idOf(previous?.reportsTo) : work.reportsTo;
	if (title !== undefined) body.title = title;
	if (department !== undefined) body.department = department;
	// null removes the manager; leaving it out would make HiBob copy the previous row's.
	if (manager === null) body.reportsTo = null;
	else if (manager !== undefined) body.reportsTo = { id: manager };
	if (reason) body.reason = reason;
	return body;
}
