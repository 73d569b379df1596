/**
 * The "Filters" parameter shared by Employee → Get Many and the HiBob Trigger: its definition, how it is
 * read, and how it is checked and compiled (through the pure core/filters engine) into n8n errors.
 * HiBob's people search filters only by ID or email, so both nodes filter after reading.
 */
import type { IDataObject, INodeProperties, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FieldIndex } from '../core/fields';
import type { CompiledFilters, FilterCondition } from '../core/filters';
import { InputError } from '../core/errors';
import { checkFilterSyntax, compileFilters, listsNeeded } from '../core/filters';
import type { HiBobContext } from '../transport';
import { asNodeError } from './items';
import { loadNamedLists } from './metadata';

export function filtersProperty(description: string): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description,
		options: [
			{
				displayName: 'Condition',
				name: 'conditions',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'field',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getFilterFields' },
						default: '',
						description:
							'The employee field to compare, e.g. work.department. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{
								name: 'Contains',
								value: 'contains',
								description: 'Text (or list label) contains the value, ignoring case',
							},
							{
								name: 'Date After',
								value: 'dateAfter',
								description: 'Date field is after the date (YYYY-MM-DD)',
							},
							{
								name: 'Date Before',
								value: 'dateBefore',
								description: 'Date field is before the date (YYYY-MM-DD)',
							},
							{
								name: 'Equals',
								value: 'equals',
								description:
									'Equal to the value, ignoring case; list fields take the label (e.g. Engineering) or item ID',
							},
							{ name: 'Is Empty', value: 'isEmpty' },
							{ name: 'Is Not Empty', value: 'isNotEmpty' },
							{
								name: 'Is One Of',
								value: 'isOneOf',
								description: 'Equal to one of several comma-separated values',
							},
							{
								name: 'Not Equals',
								value: 'notEquals',
								description: 'Not equal to the value (empty fields count as not equal)',
							},
						],
						default: 'equals',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Engineering',
						description:
							'Value to compare with: a list label or ID, text, a number, true/false, or a date as YYYY-MM-DD. Is One Of takes several, separated by commas.',
						displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
					},
				],
			},
		],
	};
}

/** The conditions of a "Filters" parameter value. */
export function filterConditions(parameter: unknown): FilterCondition[] {
	const conditions = ((parameter ?? {}) as IDataObject).conditions ?? [];
	return (Array.isArray(conditions) ? (conditions as IDataObject[]) : []).map((condition) => ({
		field: String(condition.field ?? '').trim(),
		operator: String(condition.operator ?? 'equals'),
		value: condition.value,
	}));
}

/** The n8n error for a failed filter check, its hint followed by what was (not) done about it. */
function filterFailure(
	context: HiBobContext,
	error: unknown,
	itemIndex: number | undefined,
	consequence: string,
): NodeApiError | NodeOperationError {
	const failure =
		error instanceof InputError
			? new InputError(error.message, `${error.hint ?? ''} ${consequence}`.trim())
			: error;
	return asNodeError(context, failure, itemIndex);
}

/** What can be checked without HiBob (field ID shapes, operators, values), before any request. */
export function checkFilterParameter(
	context: HiBobContext,
	conditions: readonly FilterCondition[],
	itemIndex: number | undefined,
	consequence: string,
): void {
	try {
		checkFilterSyntax(conditions);
	} catch (error) {
		throw filterFailure(context, error, itemIndex, consequence);
	}
}

/** Compiles checked conditions against the field metadata, loading named lists only when labels need them. */
export async function compileFilterParameter(
	context: HiBobContext,
	conditions: readonly FilterCondition[],
	fieldIndex: FieldIndex,
	itemIndex: number | undefined,
	consequence: string,
): Promise<CompiledFilters> {
	const lists = listsNeeded(conditions, fieldIndex);
	const namedLists = lists.length > 0 ? await loadNamedLists(context, itemIndex) : [];
	try {
		return compileFilters(conditions, fieldIndex, namedLists);
	} catch (error) {
		throw filterFailure(context, error, itemIndex, consequence);
	}
}
