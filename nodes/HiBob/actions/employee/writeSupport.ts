/**
 * What every Employee write shares: the target employee (the locator: from the list, by ID, or by work
 * email resolved with one people search), named-list items for labels, today in the workflow's time
 * zone, and the read-back that shows whether HiBob already returns what was written (it can lag up to
 * 20 s, and most writes answer with an empty body).
 */
import { DateTime } from 'luxon';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ResourceMapperTypeOptions,
} from 'n8n-workflow';

import type { FieldIndex } from '../../core/fields';
import type { RawEmployee } from '../../core/people';
import type { UpdatePlan } from '../../core/update';
import { employeesOf, readField, simplify } from '../../core/people';
import type { ListItemLike } from '../../core/writes';
import {
	idOfEmail,
	itemsOfList,
	READ_LAG_NOTE,
	requireEmail,
	sameValue,
	targetId,
} from '../../core/writes';
import { readLocator } from '../../shared/employeeLocator';
import { flattenItems, loadNamedLists } from '../../shared/metadata';
import { hiBobRequest } from '../../transport';

/** The employee's HiBob ID from the `employee` locator; an email costs one people search. */
export async function targetEmployeeId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter = 'employee',
): Promise<string> {
	const { mode, value } = readLocator(context.getNodeParameter(parameter, itemIndex, ''));
	const text = typeof value === 'string' ? value.trim() : value;
	if (mode === 'email' || (mode !== 'id' && typeof text === 'string' && text.includes('@'))) {
		return await employeeIdByEmail(
			context,
			requireEmail(text, "The employee's work email"),
			itemIndex,
		);
	}
	return targetId(text);
}

/** The ID of the employee with this work email (inactive people included), or an InputError. */
export async function employeeIdByEmail(
	context: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<string> {
	const body = await hiBobRequest(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: ['root.id', 'root.email'],
			filters: [
				{
					fieldPath: 'root.email',
					operator: 'equals',
					// As typed and lower-cased, each value once.
					values: [...new Set([email, email.toLowerCase()])],
				},
			],
			showInactive: true,
		},
		itemIndex,
	});
	return idOfEmail(
		(employeesOf(body) ?? []).map((employee) => ({
			id: readField(employee, 'root.id'),
			email: readField(employee, 'root.email'),
		})),
		email,
	);
}

/** Every item (children included) of a named list, for resolving labels to IDs. */
export async function listItems(
	context: IExecuteFunctions,
	listName: string,
	itemIndex: number,
): Promise<ListItemLike[]> {
	const lists = await loadNamedLists(context, itemIndex);
	return flattenItems(
		itemsOfList(
			lists.find((candidate) => candidate.name === listName),
			listName,
		),
	);
}

/** The field mapper's options (Update, Create): fields added one by one from HiBob's metadata. */
export function fieldMapper(resourceMapperMethod: string): ResourceMapperTypeOptions {
	return {
		resourceMapperMethod,
		mode: 'add',
		fieldWords: { singular: 'field', plural: 'fields' },
		addAllFields: false,
		multiKeyMatch: false,
		supportAutoMap: false,
	};
}

/** Every named list by name, children included, for resolving the labels of mapped fields. */
export async function listsByName(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<Map<string, ListItemLike[]>> {
	const lists = await loadNamedLists(context, itemIndex);
	return new Map(lists.map((list) => [list.name, flattenItems(list.items) as ListItemLike[]]));
}

/** A resource mapper parameter's values for one item (the item's JSON when auto-mapped). */
export function mappedValues(
	context: IExecuteFunctions,
	parameter: string,
	items: INodeExecutionData[],
	itemIndex: number,
): IDataObject {
	const mapping = context.getNodeParameter(parameter, itemIndex, {}) as {
		mappingMode?: string;
		value?: IDataObject | null;
	};
	return mapping.mappingMode === 'autoMapInputData' ? items[itemIndex].json : (mapping.value ?? {});
}

/**
 * The planned employee values given by email, each replaced by that employee's ID (one people search
 * each); returns the manager's ID (null: remove the manager; undefined: not given).
 */
export async function resolvePlannedEmails(
	context: IExecuteFunctions,
	plan: UpdatePlan,
	itemIndex: number,
): Promise<string | null | undefined> {
	for (const { fieldId, email } of plan.emails)
		plan.fields[fieldId] = await employeeIdByEmail(context, email, itemIndex);
	const ref = plan.work.reportsTo;
	if (!ref) return undefined;
	return ref.id ?? (ref.email ? await employeeIdByEmail(context, ref.email, itemIndex) : null);
}

/** Today as a calendar date in the workflow's time zone. */
export function todayInWorkflowZone(context: IExecuteFunctions): string {
	return DateTime.now().setZone(context.getTimezone()).toISODate() ?? DateTime.utc().toISODate()!;
}

/** The employee as HiBob returns them now (inactive included), or undefined when not found. */
export async function readBackEmployee(
	context: IExecuteFunctions,
	employeeId: string,
	fieldIds: string[],
	itemIndex: number,
): Promise<RawEmployee | undefined> {
	const body = await hiBobRequest(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: [...new Set(['root.id', 'root.email', 'root.displayName', ...fieldIds])],
			filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employeeId] }],
			showInactive: true,
			humanReadable: 'APPEND',
		},
		itemIndex,
	});
	return (employeesOf(body) ?? []).find(
		(employee) => String(readField(employee, 'root.id')) === employeeId,
	);
}

/**
 * The output of a write: what was sent, the employee as read back, and whether the read-back shows
 * every written value (`expected`: field ID → value written). When it does not, a note says so
 * instead of pretending.
 */
export async function writeOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	result: {
		employeeId: string;
		operation: string;
		written: IDataObject;
		expected: Record<string, unknown>;
		extra?: IDataObject;
		fieldIndex?: FieldIndex;
	},
): Promise<IDataObject> {
	const fieldIds = Object.keys(result.expected);
	const employee = await readBackEmployee(context, result.employeeId, fieldIds, itemIndex);
	const pending = employee
		? fieldIds.filter(
				(id) => !sameValue(result.expected[id], readField(employee, id, result.fieldIndex)),
			)
		: fieldIds;
	const output: IDataObject = {
		success: true,
		operation: result.operation,
		employeeId: result.employeeId,
		written: result.written,
		...(result.extra ?? {}),
		readBackShowsWrite: employee !== undefined && pending.length === 0,
		employee: employee ? (simplify(employee, result.fieldIndex) as IDataObject) : null,
	};
	if (employee === undefined || pending.length > 0) {
		output.note = READ_LAG_NOTE;
		if (pending.length > 0) output.notShownYet = pending;
	}
	return output;
}
