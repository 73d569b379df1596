/**
 * Employee → Create, planned before anything is sent. HiBob's `POST /people` takes its five mandatory
 * fields and any other field of its metadata in the nested read shape. Unlike an update it also takes
 * title, department and manager inside `work`: creating the employee creates their first Work history
 * row, effective from the start date. Site, title and department go by name, as HiBob's own example
 * sends them; other list fields go as item IDs, as reads return them. Pure: no n8n, no HTTP.
 */
import type { FieldMetadata } from './fields';
import { FieldIndex } from './fields';
import type { FieldRules, UpdatePlan } from './update';
import { nestedBody, notUpdatableReason, planFields, WORK_COLUMNS, WORK_FIELD_OF } from './update';
import { InputError } from './errors';
import type { ListItemLike } from './writes';
import { itemPath } from './writes';

/**
 * The name Create sends for a list item (HiBob's create takes site, title and department by name, as
 * its example does, and matches the name itself): refused when another item shares the name, since
 * Bob would then pick one of them.
 */
export function nameForCreate(
	items: readonly ListItemLike[],
	item: ListItemLike,
	what: string,
): string {
	const lower = item.name.toLowerCase();
	const others = items.filter(
		(other) => other.id !== item.id && !other.archived && other.name.toLowerCase() === lower,
	);
	if (others.length === 0) return item.name;
	throw new InputError(
		`${what} "${itemPath(item)}" shares its name with ${others.map((other) => `"${itemPath(other)}" (ID ${other.id})`).join(', ')}`,
		`HiBob's create takes ${what} by name and would pick one of them itself. Create the employee without it, then set it with Employee → Update (which sends the item's ID), or rename one in Bob. Nothing was sent to HiBob.`,
	);
}

/** Fields that are Create's own parameters, by the parameter's display name. */
const PARAMETER_OF: Record<string, string> = {
	'root.firstName': 'First Name',
	'root.surname': 'Surname',
	'root.email': 'Work Email',
	'work.site': 'Site',
	'work.siteId': 'Site',
	'work.startDate': 'Start Date',
};

/** Why Other Fields cannot set a field at creation, or undefined when it can. */
export function notCreatableReason(field: FieldMetadata): string | undefined {
	const parameter = PARAMETER_OF[field.id];
	if (parameter)
		return `It is Create's own ${parameter} parameter: give it there, and remove it from Other Fields.`;
	if (field.categoryId === 'lifecycle')
		return 'HiBob sets the lifecycle itself when it creates the employee (hired, then employed from the start date); change it later with Employee → Terminate or in Bob.';
	if (field.historical && !WORK_COLUMNS[field.id])
		return 'HiBob stores it only as a dated history row: create the employee first, then add the row with Employee History → Create Entry.';
	return notUpdatableReason(field);
}

export const CREATE_RULES: FieldRules = {
	verb: 'set by Create',
	parameter: 'Other Fields',
	refusal: notCreatableReason,
};

/** The Other Fields given a value: a field left empty is not given (at creation there is nothing to clear). */
export function givenValues(mapped: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(mapped).filter(
			([, value]) => value !== undefined && value !== null && value !== '',
		),
	);
}

/** Other Fields checked in their own types and planned, labels resolved; none given: an empty plan. */
export function planCreate(
	mapped: Record<string, unknown>,
	index: FieldIndex,
	lists: Map<string, ListItemLike[]>,
): UpdatePlan {
	return planFields(givenValues(mapped), index, lists, CREATE_RULES);
}

export interface CreateInput {
	firstName: string;
	surname: string;
	email: string;
	/** The site's name. */
	site: string;
	startDate: string;
}

export interface CreateRequest {
	body: Record<string, unknown>;
	/** Field ID → how Other Fields' values were written. */
	how: Record<string, string>;
	/** Field ID → the value a read-back shows once HiBob has it (list items as IDs). */
	expected: Record<string, unknown>;
}

/**
 * The nested `POST /people` body: the five fields, Other Fields at their jsonPath, and Work columns
 * inside `work` (`manager`: the manager's employee ID, already resolved from an email).
 */
export function createRequest(
	input: CreateInput,
	plan: UpdatePlan = { fields: {}, work: {}, emails: [] },
	manager?: string,
	index: FieldIndex = new FieldIndex([]),
	lists: Map<string, ListItemLike[]> = new Map(),
): CreateRequest {
	const { work: otherWork, ...others } = nestedBody(plan.fields, index) as {
		work?: Record<string, unknown>;
	};
	const how: Record<string, string> = {};
	const expected: Record<string, unknown> = {
		'root.email': input.email,
		'work.startDate': input.startDate,
	};
	for (const [fieldId, value] of Object.entries(plan.fields)) {
		how[fieldId] = 'set at creation';
		expected[fieldId] = value;
	}
	const work: Record<string, unknown> = {
		site: input.site,
		startDate: input.startDate,
		...otherWork,
	};
	const firstRow = `first Work history entry, effective ${input.startDate}`;
	for (const column of ['title', 'department'] as const) {
		const id = plan.work[column];
		if (id === undefined) continue;
		const listId = index.get(WORK_FIELD_OF[column])?.listId ?? column;
		const items = lists.get(listId) ?? [];
		const item = items.find((candidate) => candidate.id === id);
		work[column] = item
			? nameForCreate(items, item, index.get(WORK_FIELD_OF[column])?.name ?? column)
			: id;
		how[WORK_FIELD_OF[column]] = firstRow;
		expected[WORK_FIELD_OF[column]] = id;
	}
	if (manager !== undefined) {
		work.manager = manager;
		how[WORK_FIELD_OF.reportsTo] = firstRow;
		expected[WORK_FIELD_OF.reportsTo] = manager;
	}
	return {
		body: {
			firstName: input.firstName,
			surname: input.surname,
			email: input.email,
			...others,
			work,
		},
		how,
		expected,
	};
}
