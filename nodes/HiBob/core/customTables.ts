/**
 * Custom tables (`/v1/people/custom-tables/…`): their metadata (`{tables: [{id, name, category,
 * description, columns: [{id, name, type, mandatory, typeData: {listId}}]}]}`), table and entry IDs as
 * they may appear in a URL path, and the checking of a row's values against the table's columns before
 * anything is sent. List columns name their list in `typeData.listId` (`<tableId>.<columnId>`) and take
 * item IDs; the labels a person gives are resolved by the caller (core/writes `resolveListItem`), as are
 * employees given by email. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { isRecord } from './json';
import { requireCurrency } from './payTables';
import { EMAIL_PATTERN, requireDate } from './writes';

export interface CustomColumn {
	id: string;
	name: string;
	type: string;
	mandatory: boolean;
	listId?: string;
	description?: string;
}

export interface CustomTableMeta {
	id: string;
	name: string;
	category?: string;
	description?: string;
	columns: CustomColumn[];
}

const NOT_SENT = 'Nothing was sent to HiBob.';

function readColumn(raw: unknown): CustomColumn | undefined {
	if (!isRecord(raw) || typeof raw.id !== 'string' || raw.id === '') return undefined;
	const typeData = isRecord(raw.typeData) ? raw.typeData : {};
	return {
		id: raw.id,
		name: typeof raw.name === 'string' && raw.name !== '' ? raw.name : raw.id,
		type: typeof raw.type === 'string' ? raw.type : 'text',
		mandatory: raw.mandatory === true,
		...(typeof typeData.listId === 'string' ? { listId: typeData.listId } : {}),
		...(typeof raw.description === 'string' && raw.description !== '' ? { description: raw.description } : {}),
	}; // prettier-ignore
}

/** One table's metadata; undefined when the answer is not one. */
export function readTableMeta(raw: unknown): CustomTableMeta | undefined {
	if (!isRecord(raw) || (typeof raw.id !== 'string' && typeof raw.id !== 'number'))
		return undefined;
	const columns = Array.isArray(raw.columns) ? raw.columns.flatMap((c) => readColumn(c) ?? []) : [];
	return {
		id: String(raw.id),
		name: typeof raw.name === 'string' ? raw.name : String(raw.id),
		...(typeof raw.category === 'string' ? { category: raw.category } : {}),
		...(typeof raw.description === 'string' ? { description: raw.description } : {}),
		columns,
	};
}

/** `GET /people/custom-tables/metadata`'s tables; undefined when the answer has no `tables` list. */
export function readTablesMeta(body: unknown): CustomTableMeta[] | undefined {
	const list = isRecord(body) ? body.tables : Array.isArray(body) ? body : undefined;
	if (!Array.isArray(list)) return undefined;
	return list.flatMap((t) => readTableMeta(t) ?? []);
}

/** A custom table ID fit for a URL path, or an InputError. */
export function readTableId(value: unknown): string {
	const id = String(value ?? '').trim();
	if (!/^[A-Za-z0-9_.-]{1,100}$/.test(id) || /^\.+$/.test(id))
		throw new InputError(
			id === '' ? 'No custom table is chosen' : `"${id.slice(0, 40)}" is not a custom table ID`,
			`Pick the table from the list (its IDs come from Custom Table → Get Metadata). ${NOT_SENT}`,
		);
	return id;
}

/** A row's ID (HiBob's are whole numbers), or an InputError. */
export function readEntryId(value: unknown): string {
	const id = String(value ?? '').trim();
	if (!/^\d{1,20}$/.test(id))
		throw new InputError(
			id === '' ? 'Row ID is required' : `Row ID "${id.slice(0, 40)}" is not a custom table row ID`,
			`Give the row's \`id\` from Custom Table → Get Many (a whole number). ${NOT_SENT}`,
		);
	return id;
}

/** A list value to resolve: the labels or IDs given for a list or multi-list column. */
export interface ListLookup {
	columnId: string;
	column: string;
	listId: string;
	values: string[];
	multi: boolean;
}

export interface RowPlan {
	/** Columns whose values are final. */
	body: Record<string, unknown>;
	/** List columns: labels or IDs to resolve to item IDs. */
	lists: ListLookup[];
	/** Employee-reference columns given as an email (an ID is final and already in `body`). */
	emails: Array<{ columnId: string; email: string }>;
}

function isBlank(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

function labelOf(column: CustomColumn): string {
	return `Column "${column.name}"`;
}

function money(column: CustomColumn, value: unknown): { value: number; currency: string } {
	let amount: unknown;
	let currency: unknown;
	if (isRecord(value)) {
		amount = value.value;
		currency = value.currency;
	} else {
		const match = /^\s*(-?[\d.,]+)\s*([A-Za-z]{3})\s*$|^\s*([A-Za-z]{3})\s*(-?[\d.,]+)\s*$/.exec(String(value));
		amount = match ? (match[1] ?? match[4]).replace(/,/g, '') : undefined;
		currency = match ? (match[2] ?? match[3]) : undefined;
	} // prettier-ignore
	const n = Number(amount);
	if (amount === undefined || amount === '' || !Number.isFinite(n))
		throw new InputError(`${labelOf(column)} takes an amount and a currency`, `Give it as {"value": 700, "currency": "EUR"} or as text "700 EUR". ${NOT_SENT}`); // prettier-ignore
	return { value: n, currency: requireCurrency(currency, `${labelOf(column)}'s currency`) };
}

/**
 * The checked values of a row: every key must be a column of the table (by ID), each value fits its
 * column's type; creating needs every mandatory column, an update may not empty one. Empty values are
 * left out on create and sent as null on update (clearing the column).
 */
export function planRow(
	table: CustomTableMeta,
	values: Record<string, unknown>,
	creating: boolean,
): RowPlan {
	const byId = new Map(table.columns.map((c) => [c.id, c]));
	const plan: RowPlan = { body: {}, lists: [], emails: [] };
	for (const key of Object.keys(values)) {
		if (!byId.has(key))
			throw new InputError(`"${key}" is not a column of the custom table "${table.name}"`, `Its columns: ${table.columns.map((c) => `${c.name} (${c.id})`).join(', ')}. Refresh the column list in the node. ${NOT_SENT}`); // prettier-ignore
	}
	for (const column of table.columns) {
		const given = Object.prototype.hasOwnProperty.call(values, column.id);
		const value = given ? values[column.id] : undefined;
		if (isBlank(value)) {
			if (column.mandatory && (creating || given))
				throw new InputError(`${labelOf(column)} is mandatory in "${table.name}"`, `Give it a value${creating ? '' : ' (an update may not empty it)'}. ${NOT_SENT}`); // prettier-ignore
			if (given && !creating) plan.body[column.id] = null;
			continue;
		}
		switch (column.type) {
			case 'number': {
				const n = typeof value === 'number' ? value : Number(String(value).trim());
				if (!Number.isFinite(n)) throw new InputError(`${labelOf(column)} takes a number, not "${String(value).slice(0, 40)}"`, `Give a number, e.g. 12. ${NOT_SENT}`); // prettier-ignore
				plan.body[column.id] = n;
				break;
			}
			case 'date':
				plan.body[column.id] = requireDate(value, labelOf(column));
				break;
			case 'currency':
				plan.body[column.id] = money(column, value);
				break;
			case 'list':
			case 'hierarchy-list':
			case 'multi-list': {
				const multi = column.type === 'multi-list';
				const parts = Array.isArray(value)
					? value.map(String)
					: multi
						? String(value).split(',')
						: [String(value)];
				const texts = parts.map((p) => p.trim()).filter((p) => p !== '');
				if (!column.listId) throw new InputError(`${labelOf(column)} names no list in HiBob's metadata`, `Report it. ${NOT_SENT}`); // prettier-ignore
				plan.lists.push({ columnId: column.id, column: column.name, listId: column.listId, values: texts, multi }); // prettier-ignore
				break;
			}
			case 'employee-reference': {
				const text = String(value).trim();
				if (/^\d+$/.test(text)) plan.body[column.id] = text;
				else if (EMAIL_PATTERN.test(text)) plan.emails.push({ columnId: column.id, email: text });
				else throw new InputError(`${labelOf(column)} takes an employee's HiBob ID or work email, not "${text.slice(0, 40)}"`, NOT_SENT); // prettier-ignore
				break;
			}
			case 'document':
				throw new InputError(`${labelOf(column)} is a document column`, `Attach documents in Bob; the node does not write document columns. ${NOT_SENT}`); // prettier-ignore
			default:
				if (typeof value === 'object')
					throw new InputError(`${labelOf(column)} takes text`, NOT_SENT);
				plan.body[column.id] = String(value);
		}
	}
	if (creating && Object.keys(plan.body).length + plan.lists.length + plan.emails.length === 0)
		throw new InputError(`No column to set in "${table.name}"`, `Add at least one column. ${NOT_SENT}`); // prettier-ignore
	return plan;
}

/** Whether a row read back holds the values written (IDs compared as text, money by value and currency). */
export function rowHoldsValues(
	row: Record<string, unknown>,
	written: Record<string, unknown>,
): boolean {
	const norm = (v: unknown): string => (Array.isArray(v) ? v.map(norm).sort().join(',') : isRecord(v) ? `${String(v.value)} ${String(v.currency)}` : String(v ?? null)); // prettier-ignore
	return Object.entries(written).every(([key, value]) => norm(value) === norm(row[key]));
}
