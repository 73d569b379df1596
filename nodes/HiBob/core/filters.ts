/**
 * Client-side employee filters. HiBob's people search filters only on `root.id` / `root.email`,
 * so every other condition is evaluated here, over the machine values HiBob
 * returns. Shared by the action node (Employee → Get Many) and the trigger. Pure: no n8n, no HTTP.
 *
 *   checkFilterSyntax(conditions);                         // before any request
 *   const lists = listsNeeded(conditions, fieldIndex);     // named lists to load (maybe none)
 *   const filter = compileFilters(conditions, fieldIndex, namedLists);
 *   request fields ∪ filter.fieldIds; keep employees where filter.matches(flatValues(e, filter.fieldIds))
 *
 * Semantics:
 * - All conditions must hold (AND). No conditions: everything matches, fingerprint ''.
 * - List fields hold list item IDs; a condition value may be the item's label ("Engineering",
 *   case-insensitive, name or value) or its ID. Multi-list fields match when any selected item matches.
 * - Text compares case-insensitively and trimmed; numbers numerically; booleans accept
 *   true/false/yes/no/1/0; dates compare as calendar dates (YYYY-MM-DD, the time part is ignored).
 * - A field the answer does not carry (undefined: not permitted) counts as empty.
 */
import { dateLikeText, toCalendarDate } from './dates';
import { InputError } from './errors';
import type { FieldIndex, FieldMetadata } from './fields';
import type { NamedList, NamedListInput, NamedListItem } from './namedLists';
import { flattenItems, parseNamedList } from './namedLists';

export const FILTER_OPERATORS = [
	'equals',
	'notEquals',
	'contains',
	'isOneOf',
	'isEmpty',
	'isNotEmpty',
	'dateBefore',
	'dateAfter',
] as const;

export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** One condition as a user (or the trigger's settings) states it. */
export interface FilterCondition {
	/** A field ID from the metadata, e.g. `work.department`. */
	field: string;
	operator: string;
	/** The compared value; `isOneOf` takes a comma-separated string or an array; unused by isEmpty/isNotEmpty. */
	value?: unknown;
}

/** The named lists filters read labels from: parsed lists or HiBob's own shape. */
export type NamedListSource =
	| readonly NamedListInput[]
	| ((listId: string) => NamedListInput | undefined);

export interface CompiledFilters {
	/** Fields the conditions read: request them and pass their values to `matches`. */
	fieldIds: string[];
	/** Whether an employee's flat machine values (field ID → value; undefined = absent) pass every condition. */
	matches(values: Record<string, unknown>): boolean;
	/** Stable text of the resolved conditions ('' for none): equal fingerprints filter alike. */
	fingerprint: string;
}

const FIELD_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const LIST_TYPES = new Set(['list', 'multi-list', 'hierarchy-list', 'list_id']);
const DATE_TYPES = new Set(['date', 'time']);
const NO_VALUE: ReadonlySet<string> = new Set(['isEmpty', 'isNotEmpty']);

const OPERATOR_NAMES: Record<FilterOperator, string> = {
	equals: 'equals',
	notEquals: 'not equals',
	contains: 'contains',
	isOneOf: 'is one of',
	isEmpty: 'is empty',
	isNotEmpty: 'is not empty',
	dateBefore: 'date before',
	dateAfter: 'date after',
};

function isOperator(value: string): value is FilterOperator {
	return (FILTER_OPERATORS as readonly string[]).includes(value);
}

function position(index: number): string {
	return `Filter ${index + 1}`;
}

/** Checks what can be checked without HiBob's metadata: field ID shape, operator, presence of a value. */
export function checkFilterSyntax(conditions: readonly FilterCondition[]): void {
	conditions.forEach((condition, index) => {
		const field = typeof condition.field === 'string' ? condition.field.trim() : '';
		if (field === '') {
			throw new InputError(
				`${position(index)} has no field`,
				'Choose the field to compare, or remove the filter.',
			);
		}
		if (!FIELD_ID.test(field)) {
			throw new InputError(
				`${position(index)}: "${field}" is not a HiBob field ID`,
				'Field IDs look like "work.department" or "work.custom.field_1711886937296". Pick the field from the list, or use an ID from Company → Get Fields.',
			);
		}
		if (!isOperator(condition.operator)) {
			throw new InputError(
				`${position(index)}: unknown operator "${String(condition.operator)}"`,
				`Use one of: ${FILTER_OPERATORS.join(', ')}.`,
			);
		}
		if (!NO_VALUE.has(condition.operator) && expectedTexts(condition.value).length === 0) {
			throw new InputError(
				`${position(index)} (${field} ${OPERATOR_NAMES[condition.operator]}) needs a value`,
				'Enter the value to compare with, or use "Is Empty" / "Is Not Empty".',
			);
		}
	});
}

/** The condition's value(s) as trimmed non-empty texts (isOneOf splits on commas). */
function expectedTexts(value: unknown, split = false): string[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap((entry) => expectedTexts(entry, false));
	const text = dateLikeText(value) ?? String(value);
	const parts = split ? text.split(',') : [text];
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** The unknown field IDs among the conditions (empty when all exist). */
export function unknownFilterFields(
	conditions: readonly FilterCondition[],
	fieldIndex: FieldIndex,
): string[] {
	const unknown = conditions
		.map((condition) => String(condition.field ?? '').trim())
		.filter((field) => !fieldIndex.has(field));
	return [...new Set(unknown)];
}

/** Named lists whose labels `compileFilters` will resolve: load these (no list needed ⇒ []). */
export function listsNeeded(
	conditions: readonly FilterCondition[],
	fieldIndex: FieldIndex,
): string[] {
	const lists = new Set<string>();
	for (const condition of conditions) {
		if (NO_VALUE.has(condition.operator)) continue;
		const field = fieldIndex.get(String(condition.field ?? '').trim());
		if (field?.listId && LIST_TYPES.has(field.type)) lists.add(field.listId);
	}
	return [...lists];
}

function lookupList(source: NamedListSource | undefined, listId: string): NamedList | undefined {
	if (!source) return undefined;
	const found =
		typeof source === 'function' ? source(listId) : source.find((list) => list.name === listId);
	return found ? parseNamedList(found, listId) : undefined;
}

const norm = (value: unknown): string => String(value).trim().toLowerCase();

interface ListResolver {
	listId: string;
	/** Item IDs (lower-cased) for a label or ID; undefined when nothing matches. */
	resolve(text: string): string[] | undefined;
	label(id: unknown): string | undefined;
	someLabels(): string[];
}

function listResolver(list: NamedList): ListResolver {
	const items = flattenItems(list.items);
	const byId = new Map<string, NamedListItem>();
	for (const item of items) byId.set(norm(item.id), item);
	return {
		listId: list.name,
		resolve(text) {
			const wanted = norm(text);
			const ids = items
				.filter(
					(item) =>
						norm(item.id) === wanted ||
						norm(item.name) === wanted ||
						norm(item.value) === wanted,
				)
				.map((item) => norm(item.id));
			return ids.length > 0 ? [...new Set(ids)].sort() : undefined;
		},
		label(id) {
			const item = byId.get(norm(id));
			return item?.name;
		},
		someLabels() {
			return items.slice(0, 8).map((item) => item.name);
		},
	};
}

/** The primitive values inside a field value: arrays flattened, employee objects by id/email/name. */
function atoms(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) return value.flatMap(atoms);
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		const keys = ['id', 'email', 'displayName', 'name', 'value'].filter(
			(key) => record[key] !== undefined && record[key] !== null && typeof record[key] !== 'object',
		);
		return keys.length > 0 ? keys.map((key) => record[key]) : [JSON.stringify(value)];
	}
	return [value];
}

function isEmptyValue(value: unknown): boolean {
	return atoms(value).every((atom) => String(atom).trim() === '');
}

function parseBoolean(text: string): boolean | undefined {
	const value = norm(text);
	if (['true', 'yes', '1'].includes(value)) return true;
	if (['false', 'no', '0'].includes(value)) return false;
	return undefined;
}

type Kind = 'list' | 'date' | 'number' | 'boolean' | 'text';

function kindOf(field: FieldMetadata, list: ListResolver | undefined): Kind {
	if (LIST_TYPES.has(field.type) && list) return 'list';
	if (DATE_TYPES.has(field.type)) return 'date';
	if (field.type === 'number') return 'number';
	if (field.type === 'boolean') return 'boolean';
	return 'text';
}

interface Compiled {
	fieldId: string;
	operator: FilterOperator;
	expected: string[];
	test(actual: unknown): boolean;
}

function compileOne(
	condition: FilterCondition,
	index: number,
	fieldIndex: FieldIndex,
	namedLists: NamedListSource | undefined,
): Compiled {
	const fieldId = condition.field.trim();
	const field = fieldIndex.get(fieldId) as FieldMetadata;
	const operator = condition.operator as FilterOperator;
	const where = `${position(index)} (${field.name} ${OPERATOR_NAMES[operator]})`;

	if (operator === 'isEmpty' || operator === 'isNotEmpty') {
		const wantEmpty = operator === 'isEmpty';
		return {
			fieldId,
			operator,
			expected: [],
			test: (actual) => isEmptyValue(actual) === wantEmpty,
		};
	}

	const list =
		field.listId && LIST_TYPES.has(field.type)
			? (() => {
					const found = lookupList(namedLists, field.listId);
					return found ? listResolver(found) : undefined;
				})()
			: undefined;
	const kind = kindOf(field, list);
	const texts = expectedTexts(condition.value, operator === 'isOneOf');

	if (operator === 'dateBefore' || operator === 'dateAfter') {
		if (kind !== 'date') {
			throw new InputError(
				`${where}: ${field.name} (${fieldId}) is a ${field.type} field, not a date`,
				'Date Before / Date After work on date fields such as work.startDate or internal.terminationDate.',
			);
		}
	}

	const expected = texts.map((text) => {
		if (kind === 'date' && operator !== 'contains') {
			const date = toCalendarDate(text);
			if (!date) {
				throw new InputError(
					`${where}: "${text}" is not a date`,
					'Write dates as YYYY-MM-DD, e.g. 2026-01-31.',
				);
			}
			return [date];
		}
		if (kind === 'boolean' && operator !== 'contains') {
			const flag = parseBoolean(text);
			if (flag === undefined) {
				throw new InputError(`${where}: "${text}" is not true or false`, 'Use true or false.');
			}
			return [String(flag)];
		}
		if (kind === 'list' && list && operator !== 'contains') {
			const ids = list.resolve(text);
			if (!ids) {
				throw new InputError(
					`${where}: "${text}" is not an item of the HiBob list "${list.listId}"`,
					`Use an item's label or ID. Valid labels include: ${list.someLabels().join(', ')}. Company → Get Named List shows them all.`,
				);
			}
			return ids;
		}
		return [norm(text)];
	});
	const wanted = new Set(expected.flat());

	const equalsAtom = (atom: unknown): boolean => {
		switch (kind) {
			case 'date': {
				const date = toCalendarDate(atom);
				return date !== undefined && wanted.has(date);
			}
			case 'boolean': {
				const flag = typeof atom === 'boolean' ? atom : parseBoolean(String(atom));
				return flag !== undefined && wanted.has(String(flag));
			}
			case 'number': {
				const number = Number(atom);
				return [...wanted].some((text) =>
					Number.isFinite(number) && text !== '' && Number.isFinite(Number(text))
						? Number(text) === number
						: text === norm(atom),
				);
			}
			default:
				return wanted.has(norm(atom));
		}
	};

	let test: (actual: unknown) => boolean;
	switch (operator) {
		case 'equals':
		case 'isOneOf':
			test = (actual) => atoms(actual).some(equalsAtom);
			break;
		case 'notEquals':
			test = (actual) => !atoms(actual).some(equalsAtom);
			break;
		case 'contains': {
			const needles = [...wanted];
			test = (actual) =>
				atoms(actual).some((atom) => {
					const haystacks = [norm(atom)];
					const label = list?.label(atom);
					if (label !== undefined) haystacks.push(norm(label));
					return needles.some((needle) => haystacks.some((hay) => hay.includes(needle)));
				});
			break;
		}
		case 'dateBefore':
		case 'dateAfter': {
			const limit = [...wanted][0];
			const before = operator === 'dateBefore';
			test = (actual) => {
				const date = toCalendarDate(atoms(actual)[0]);
				if (date === undefined) return false;
				return before ? date < limit : date > limit;
			};
			break;
		}
		default:
			test = () => false;
	}
	return { fieldId, operator, expected: [...wanted].sort(), test };
}

/**
 * Validates `conditions` against the field metadata and named lists and compiles them into one
 * predicate. Throws an InputError for the first problem (all unknown fields are named at once).
 */
export function compileFilters(
	conditions: readonly FilterCondition[],
	fieldIndex: FieldIndex,
	namedLists?: NamedListSource,
): CompiledFilters {
	checkFilterSyntax(conditions);
	const unknown = unknownFilterFields(conditions, fieldIndex);
	if (unknown.length > 0) {
		throw new InputError(
			`The filters use ${unknown.length === 1 ? 'a field' : 'fields'} HiBob does not have: ${unknown.join(', ')}`,
			'Pick the field from the list, or use an ID from Company → Get Fields (custom fields look like work.custom.field_1711886937296).',
		);
	}
	const compiled = conditions.map((condition, index) =>
		compileOne(condition, index, fieldIndex, namedLists),
	);
	const fieldIds = [...new Set(compiled.map((condition) => condition.fieldId))];
	return {
		fieldIds,
		matches: (values) => compiled.every((condition) => condition.test(values[condition.fieldId])),
		fingerprint:
			compiled.length === 0
				? ''
				: `f1:${JSON.stringify(compiled.map((c) => [c.fieldId, c.operator, c.expected]))}`,
	};
}
