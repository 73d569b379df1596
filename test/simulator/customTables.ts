/**
 * Custom tables (`/v1/people/custom-tables/…`): the tables' metadata (`/metadata`: `{tables: [...]}`,
 * `/metadata/{tableId}`: one table), an employee's rows (GET `{values: [rows]}`, optional
 * `includeHumanReadable=true`), one row added (POST `{values: [{columnId: value}]}`), changed (PUT
 * `/{entryId}`, the columns to change) or deleted (DELETE `/{entryId}`), each write answered 200 with
 * no body. List columns name their list `<tableId>.<columnId>` in `typeData.listId` and take item IDs
 * (numeric strings); multi-list columns take an array of them; currency columns `{value, currency}`;
 * employee-reference columns an employee ID; mandatory columns must be present on create and not
 * null on update. A table lives in a category; without that category the service user gets 403. A GET
 * here that carries `Content-Type: application/json` is answered 400 with an HTML page, as a live
 * tenant answered it.
 */
import { canReadCategory, inScope, type ServiceUser } from './access';
import { apiError, empty, json } from './answers';
import type { Company, Employee, ListItem } from './company';
import type { Handler, RouteContext } from './routes';
import type { ApiResponse } from './simulator';
import { isIsoDate } from './util';
import { canEdit } from './writes';

export type ColumnType =
	| 'text'
	| 'text-area'
	| 'number'
	| 'date'
	| 'list'
	| 'multi-list'
	| 'hierarchy-list'
	| 'currency'
	| 'employee-reference'
	| 'document';

export interface CustomColumn {
	id: string;
	name: string;
	description: string;
	mandatory: boolean;
	type: ColumnType;
	typeData?: { listId: string };
}

export interface CustomTable {
	id: string;
	category: string;
	name: string;
	description: string;
	columns: CustomColumn[];
}

interface CustomState {
	tables: CustomTable[];
	/** `${employeeId}|${tableId}` → rows */
	rows: Map<string, Array<Record<string, unknown>>>;
	nextId: number;
}

export const EQUIPMENT_TABLE = '1663597900001';
export const CERTIFICATIONS_TABLE = '1663597900002';

const col = (
	id: string,
	name: string,
	type: ColumnType,
	mandatory = false,
	tableId = EQUIPMENT_TABLE,
): CustomColumn => ({
	id,
	name,
	description: '',
	mandatory,
	type,
	...(type.endsWith('list') ? { typeData: { listId: `${tableId}.${id}` } } : {}),
});

const item = (id: string, name: string): ListItem => ({
	id,
	value: name,
	name,
	archived: false,
	children: [],
});

const states = new WeakMap<Company, CustomState>();

/** The company's custom tables; their list columns' lists are added to the company's named lists. */
export function customTablesOf(company: Company): CustomState {
	let state = states.get(company);
	if (state) return state;
	const tables: CustomTable[] = [
		{
			id: EQUIPMENT_TABLE,
			category: 'category_1663597800001',
			name: 'Equipment',
			description: 'Hardware lent to the employee',
			columns: [
				col('column_1663598000001', 'Item', 'text', true),
				col('column_1663598000002', 'Type', 'list', true),
				col('column_1663598000003', 'Serial number', 'text'),
				col('column_1663598000004', 'Assigned on', 'date'),
				col('column_1663598000005', 'Value', 'currency'),
				col('column_1663598000006', 'Accessories', 'multi-list'),
				col('column_1663598000007', 'Approved by', 'employee-reference'),
				col('column_1663598000008', 'Notes', 'text-area'),
			],
		},
		{
			id: CERTIFICATIONS_TABLE,
			category: 'category_1663597800002',
			name: 'Certifications',
			description: '',
			columns: [
				col('column_1663598100001', 'Certification', 'text', true, CERTIFICATIONS_TABLE),
				col('column_1663598100002', 'Level', 'list', false, CERTIFICATIONS_TABLE),
				col('column_1663598100003', 'Expires', 'date', false, CERTIFICATIONS_TABLE),
				col('column_1663598100004', 'Hours', 'number', false, CERTIFICATIONS_TABLE),
			],
		},
	];
	const lists: Record<string, ListItem[]> = {
		[`${EQUIPMENT_TABLE}.column_1663598000002`]: [item('252614471', 'Laptop'), item('252614472', 'Phone'), item('252614473', 'Monitor')],
		[`${EQUIPMENT_TABLE}.column_1663598000006`]: [item('252614475', 'Charger'), item('252614476', 'Dock'), item('252614477', 'Headset')],
		[`${CERTIFICATIONS_TABLE}.column_1663598100002`]: [item('252614481', 'Foundation'), item('252614482', 'Advanced')],
	}; // prettier-ignore
	for (const [name, items] of Object.entries(lists)) company.lists.set(name, { name, items });
	state = { tables, rows: new Map(), nextId: 1_021_000 };
	let n = 0;
	for (const e of company.employees.values()) {
		if (n++ % 2 !== 0) continue;
		state.rows.set(`${e.id}|${EQUIPMENT_TABLE}`, [
			{
				id: state.nextId++,
				column_1663598000001: 'MacBook Pro 14',
				column_1663598000002: '252614471',
				column_1663598000003: `C02${e.id.slice(-6)}`,
				column_1663598000004: String(e.values['work.startDate'] ?? company.today),
				column_1663598000006: ['252614475'],
			},
		]);
	}
	states.set(company, state);
	return state;
}

function listLabel(company: Company, listId: string | undefined, id: unknown): string {
	const found = company.lists.get(listId ?? '')?.items.find((i) => String(i.id) === String(id));
	return found ? found.name : String(id);
}

function humanReadable(company: Company, table: CustomTable, row: Record<string, unknown>) {
	const out: Record<string, string> = {};
	for (const c of table.columns) {
		const v = row[c.id];
		if (v === undefined || v === null) continue;
		if (c.type === 'list' || c.type === 'hierarchy-list') out[c.id] = listLabel(company, c.typeData?.listId, v);
		else if (c.type === 'multi-list') out[c.id] = (Array.isArray(v) ? v : [v]).map((x) => listLabel(company, c.typeData?.listId, x)).join(',');
		else if (c.type === 'currency') {
			const m = v as { value?: unknown; currency?: unknown };
			out[c.id] = `${String(m.currency)} ${String(m.value)}`;
		} else if (c.type === 'employee-reference') {
			const e = company.employees.get(String(v));
			out[c.id] = e ? `${String(e.values['root.firstName'] ?? '')} ${String(e.values['root.surname'] ?? '')}`.trim() : String(v);
		} else out[c.id] = String(v);
	}
	return out;
} // prettier-ignore

/** The first problem with a column's value, or undefined. */
function columnProblem(company: Company, c: CustomColumn, v: unknown): string | undefined {
	if (v === null) return c.mandatory ? `Column ${c.id} (${c.name}) is mandatory` : undefined;
	const inList = (x: unknown) =>
		!!company.lists.get(c.typeData?.listId ?? '')?.items.some((i) => String(i.id) === String(x));
	switch (c.type) {
		case 'text':
		case 'text-area':
			return typeof v === 'string' ? undefined : `Column ${c.id} (${c.name}) takes text`;
		case 'number':
			return typeof v === 'number' && Number.isFinite(v) ? undefined : `Column ${c.id} (${c.name}) takes a number`;
		case 'date':
			return isIsoDate(v) ? undefined : `Column ${c.id} (${c.name}) takes a date YYYY-MM-DD`;
		case 'list':
		case 'hierarchy-list':
			return (typeof v === 'string' || typeof v === 'number') && inList(v) ? undefined : `Column ${c.id} (${c.name}): ${JSON.stringify(v)} is not an item ID of list ${c.typeData?.listId}`;
		case 'multi-list':
			return Array.isArray(v) && v.every(inList) ? undefined : `Column ${c.id} (${c.name}) takes an array of item IDs of list ${c.typeData?.listId}`;
		case 'currency': {
			const m = v as { value?: unknown; currency?: unknown };
			return typeof v === 'object' && typeof m.value === 'number' && typeof m.currency === 'string' && /^[A-Z]{3}$/.test(m.currency) ? undefined : `Column ${c.id} (${c.name}) takes {value, currency} with a three-letter currency`;
		}
		case 'employee-reference':
			return company.employees.has(String(v)) ? undefined : `Column ${c.id} (${c.name}): no employee ${String(v)}`;
		default:
			return undefined;
	}
} // prettier-ignore

function rowProblem(
	company: Company,
	table: CustomTable,
	values: Record<string, unknown>,
	creating: boolean,
): string | undefined {
	for (const key of Object.keys(values))
		if (!table.columns.some((c) => c.id === key))
			return `Column ${key} is not in table ${table.id}`;
	for (const c of table.columns) {
		if (!(c.id in values)) {
			if (creating && c.mandatory) return `Column ${c.id} (${c.name}) is mandatory`;
			continue;
		}
		const wrong = columnProblem(company, c, values[c.id]);
		if (wrong) return wrong;
	}
	return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);

function header(req: { headers: Record<string, string | string[] | undefined> }, name: string) {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

export function customTablesRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, query } = ctx;
	if (rest[0] !== 'people' || rest[1] !== 'custom-tables') return undefined;
	const state = customTablesOf(company);
	const visible = (user: ServiceUser) =>
		state.tables.filter((t) => canReadCategory(user, t.category));
	if (method === 'GET' && rest[2] === 'metadata') {
		if (rest.length === 3)
			return {
				name: 'custom-tables-metadata',
				run: (user) => json(200, { tables: visible(user) }),
			};
		if (rest.length === 4)
			return {
				name: 'custom-table-metadata',
				run: (user) => {
					const table = visible(user).find((t) => t.id === rest[3]);
					return table ? json(200, table) : apiError(404, 'custom.table.not.found', `Custom table ${rest[3]} not found`);
				},
			}; // prettier-ignore
		return undefined;
	}
	if (rest.length < 4 || rest.length > 5) return undefined;
	const [, , employeeId, tableId, entryId] = rest;
	const target = (user: ServiceUser, edit: boolean): { e: Employee; table: CustomTable } | ApiResponse => {
		const e = company.employees.get(employeeId);
		if (!e || !inScope(company, user, e)) return apiError(404, 'employee.not.found', `Employee ${employeeId} not found`);
		const table = state.tables.find((t) => t.id === tableId);
		if (!table) return apiError(404, 'custom.table.not.found', `Custom table ${tableId} not found`);
		if (!canReadCategory(user, table.category) || (edit && !canEdit(user, table.category)))
			return apiError(403, 'forbidden', `No permission to ${edit ? 'edit' : 'view'} table ${table.name} of ${employeeId}`);
		return { e, table };
	}; // prettier-ignore
	const key = `${employeeId}|${tableId}`;
	const rowsOf = () => {
		let rows = state.rows.get(key);
		if (!rows) state.rows.set(key, (rows = []));
		return rows;
	};
	if (method === 'GET' && rest.length === 4)
		return {
			name: 'custom-table-rows',
			run: (user, _body, req) => {
				if (/application\/json/i.test(header(req, 'content-type') ?? ''))
					return { status: 400, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: '<html><body><h1>400 Bad Request</h1></body></html>' };
				const t = target(user, false);
				if ('status' in t) return t;
				const human = query.get('includeHumanReadable') === 'true';
				return json(200, { values: rowsOf().map((r) => (human ? { ...r, humanReadable: humanReadable(company, t.table, r) } : r)) });
			},
		}; // prettier-ignore
	if (method === 'POST' && rest.length === 4)
		return {
			name: 'custom-table-entry',
			run: (user, body) => {
				const t = target(user, true);
				if ('status' in t) return t;
				const values = isObject(body) && Array.isArray(body.values) ? body.values : undefined;
				if (!values || values.length !== 1 || !isObject(values[0]))
					return apiError(400, 'bad.request', 'The body must be {"values": [{"<columnId>": value, ...}]}');
				const wrong = rowProblem(company, t.table, values[0], true);
				if (wrong) return apiError(400, 'bad.request', wrong);
				rowsOf().push({ ...values[0], id: state.nextId++ });
				return empty();
			},
		}; // prettier-ignore
	if ((method === 'PUT' || method === 'DELETE') && rest.length === 5)
		return {
			name: method === 'PUT' ? 'custom-table-update' : 'custom-table-delete',
			run: (user, body) => {
				const t = target(user, true);
				if ('status' in t) return t;
				const rows = rowsOf();
				const index = rows.findIndex((r) => String(r.id) === entryId);
				if (index < 0) return apiError(404, 'entry.not.found', `Entry ${entryId} not found in table ${t.table.name}`);
				if (method === 'DELETE') {
					rows.splice(index, 1);
					return empty();
				}
				if (!isObject(body)) return apiError(400, 'bad.request', 'The body must be an object of column IDs and values');
				const values = { ...body };
				delete values.id;
				const wrong = rowProblem(company, t.table, values, false);
				if (wrong) return apiError(400, 'bad.request', wrong);
				rows[index] = { ...rows[index], ...values };
				return empty();
			},
		}; // prettier-ignore
	return undefined;
}
