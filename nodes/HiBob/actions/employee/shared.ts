/**
 * What Get and Get Many share: the output parameters, turning the chosen fields into the request's
 * field list, shaping HiBob's answer into output, and the permission diagnostics (HiBob drops fields
 * the service user may not read without a word).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { categoryPermission } from '../../core/access';
import type { FieldIndex } from '../../core/fields';
import { DEFAULT_SET, expandDefaultSet, SIMPLIFIED_FIELDS } from '../../core/fields';
import { deleteAtPath, setAtPath } from '../../core/json';
import { stringList } from '../../core/lists';
import type { RawEmployee } from '../../core/people';
import {
	fieldsMissingFromAll,
	MAX_SEARCH_FIELDS,
	readField,
	readLabel,
	simplify,
	withoutSlashKeys,
} from '../../core/people';

export type OutputMode = 'simplified' | 'full';
export type HumanReadable = 'off' | 'append' | 'replace';

export const outputProperties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Full',
				value: 'full',
				description:
					"HiBob's record with the fields you choose, nested by category (e.g. work.department); list fields hold list item IDs unless Human-Readable Values says otherwise",
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description:
					'A few flat fields (ID, displayName, firstName, surname, email, title, department, site, managerId, manager, startDate, lifecycleStatus, terminationDate) with lists as labels (e.g. "Engineering")',
			},
		],
		default: 'simplified',
		description: 'How much of each employee to return',
	},
	{
		displayName: 'Field Names or IDs',
		name: 'fields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmployeeFields' },
		default: [],
		description:
			'Fields to return (custom fields included). Empty or "Default Set": ID, email, names, title, department, site, manager, start date, lifecycle status, status and termination date. The ID is always returned. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { output: ['full'] } },
	},
	{
		displayName: 'Human-Readable Values',
		name: 'humanReadable',
		type: 'options',
		options: [
			{
				name: 'Append',
				value: 'append',
				description:
					'Keep machine values and add a humanReadable object with labels and formatted dates',
			},
			{
				name: 'Off',
				value: 'off',
				description: 'Machine values only: list item IDs, ISO dates, employee IDs',
			},
			{
				name: 'Replace',
				value: 'replace',
				description: 'Labels and formatted dates instead of machine values',
			},
		],
		default: 'off',
		description:
			'Whether HiBob should also (or instead) send display values, e.g. "Engineering" for a department ID',
		displayOptions: { show: { output: ['full'] } },
	},
];

export interface OutputSettings {
	mode: OutputMode;
	humanReadable: HumanReadable;
	/** Fields the output shows (full mode): the chosen ones, root.id first. */
	outputFieldIds: string[];
}

/** Reads Output / Fields / Human-Readable Values for one item (fields are checked later, against metadata). */
export function readOutputSettings(
	context: IExecuteFunctions,
	itemIndex: number,
): OutputSettings & { chosen: string[] } {
	const mode = context.getNodeParameter('output', itemIndex, 'simplified') as OutputMode;
	if (mode !== 'full') {
		return {
			mode: 'simplified',
			humanReadable: 'append',
			outputFieldIds: SIMPLIFIED_FIELDS.map((field) => field.fieldId),
			chosen: [],
		};
	}
	const chosen = stringList(context.getNodeParameter('fields', itemIndex, []));
	const humanReadable = context.getNodeParameter(
		'humanReadable',
		itemIndex,
		'off',
	) as HumanReadable;
	const ids = expandDefaultSet(chosen.length === 0 ? [DEFAULT_SET] : chosen);
	return {
		mode,
		humanReadable: ['append', 'replace'].includes(humanReadable) ? humanReadable : 'off',
		outputFieldIds: [...new Set(['root.id', ...ids])],
		chosen,
	};
}

/** A people search asks for at most 400 fields (HiBob's limit): more is refused before the search. */
export function checkSearchFieldCount(
	context: IExecuteFunctions,
	itemIndex: number,
	requestedFieldIds: readonly string[],
): void {
	if (requestedFieldIds.length <= MAX_SEARCH_FIELDS) return;
	throw new NodeOperationError(
		context.getNode(),
		`Too many fields: the people search would ask for ${requestedFieldIds.length} (HiBob allows ${MAX_SEARCH_FIELDS})`,
		{
			itemIndex,
			description: `Choose at most ${MAX_SEARCH_FIELDS} fields in "Fields" (the node adds the ID and email it matches on, and the fields your filters read). No search was sent to HiBob.`,
		},
	);
}

/** Field IDs HiBob's metadata does not know, or throws nothing when all are known. */
export function checkFieldsExist(
	context: IExecuteFunctions,
	itemIndex: number,
	fieldIds: readonly string[],
	fieldIndex: FieldIndex,
): void {
	const unknown = fieldIds.filter((id) => !fieldIndex.has(id));
	if (unknown.length === 0) return;
	throw new NodeOperationError(
		context.getNode(),
		`HiBob has no ${unknown.length === 1 ? 'field' : 'fields'} ${unknown.map((id) => `"${id}"`).join(', ')}`,
		{
			itemIndex,
			description:
				'Pick fields from the "Fields" list, or use IDs from Company → Get Fields (dot notation, e.g. work.department or work.custom.field_1711886937296). Nothing was sent to HiBob.',
		},
	);
}

// ---------- shaping the answer ----------

/**
 * One employee in "Full" form: HiBob's nested shape without slash keys, only the output fields
 * (fields requested for filters or matching are dropped), IDs kept as strings. `replaceLabels`
 * puts the humanReadable labels in place of machine values (HiBob's REPLACE, done here when machine
 * values were needed for matching or filtering).
 */
export function fullEmployee(
	employee: RawEmployee,
	settings: { outputFieldIds: readonly string[]; requestedFieldIds: readonly string[] },
	fieldIndex: FieldIndex,
	replaceLabels: boolean,
): IDataObject {
	if (replaceLabels) {
		const output: IDataObject = {};
		for (const fieldId of settings.outputFieldIds) {
			const machine = readField(employee, fieldId, fieldIndex);
			if (machine === undefined) continue;
			const label = readLabel(employee, fieldId, fieldIndex);
			setAtPath(
				output,
				fieldIndex.jsonPath(fieldId),
				fieldId === 'root.id' ? machine : label !== undefined ? label : machine,
			);
		}
		return output;
	}
	const output = JSON.parse(JSON.stringify(withoutSlashKeys(employee))) as IDataObject;
	const shown = new Set(settings.outputFieldIds);
	for (const fieldId of settings.requestedFieldIds) {
		if (shown.has(fieldId)) continue;
		const path = fieldIndex.jsonPath(fieldId);
		// Another shown field may live below or above this one (e.g. work.reportsTo vs work.reportsTo.id).
		const overlaps = [...shown].some((other) => {
			const otherPath = fieldIndex.jsonPath(other);
			return otherPath.startsWith(`${path}.`) || path.startsWith(`${otherPath}.`);
		});
		if (overlaps) continue;
		deleteAtPath(output, path);
		if (output.humanReadable) deleteAtPath(output.humanReadable, path);
	}
	return output;
}

/** One employee in "Simplified" form: flat, labels for list fields and the manager's name. */
export function simplifiedEmployee(employee: RawEmployee, fieldIndex: FieldIndex): IDataObject {
	return simplify(employee, fieldIndex) as IDataObject;
}

// ---------- diagnostics ----------

/**
 * A hint naming requested fields that no returned employee carries, and the permission categories to
 * grant. Undefined when nothing is missing (or nobody was returned).
 */
export function missingFieldsHint(
	employees: readonly RawEmployee[],
	requestedFieldIds: readonly string[],
	fieldIndex: FieldIndex,
): string | undefined {
	const missing = fieldsMissingFromAll(employees, requestedFieldIds, fieldIndex);
	if (missing.length === 0) return undefined;
	const byCategory = new Map<string, string[]>();
	for (const fieldId of missing) {
		const category = fieldIndex.category(fieldId).displayName;
		const name = fieldIndex.get(fieldId)?.name;
		byCategory.set(category, [
			...(byCategory.get(category) ?? []),
			name ? `${name} (${fieldId})` : fieldId,
		]);
	}
	const categories = [...byCategory.keys()];
	const list = [...byCategory.entries()]
		.map(([category, fields]) => `${category}: ${fields.join(', ')}`)
		.join('; ');
	return `HiBob returned no value for these fields for any employee, so the service user probably may not read them — ${list}. In Bob, give the service user's permission group access to the ${categories.map((c) => `"${c}"`).join(', ')} ${categories.length === 1 ? 'category' : 'categories'}: ${categories.map(categoryPermission).join('; ')}. HiBob leaves such fields out without an error; Company → Check Access lists every category the service user lacks.`;
}

export function nobodyVisibleHint(includeInactive: boolean): string {
	return `HiBob returned no employees. If the service user should see people: in Bob, add it to a permission group (Settings → Integrations → Service users) and check that group's "Whose data can members access" condition (HiBob's default covers only employed people).${includeInactive ? '' : ' Hired people who have not started yet and terminated people only appear with Include Inactive on.'}`;
}

/** The `humanReadable` key of a search body; REPLACE only when no machine value is needed here. */
export function humanReadableBody(
	humanReadable: HumanReadable,
	machineValuesNeeded: boolean,
): { humanReadable?: 'APPEND' | 'REPLACE' } {
	if (humanReadable === 'append') return { humanReadable: 'APPEND' };
	if (humanReadable === 'replace')
		return { humanReadable: machineValuesNeeded ? 'APPEND' : 'REPLACE' };
	return {};
}
