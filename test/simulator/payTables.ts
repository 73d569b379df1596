/**
 * The pay and training tables of an employee: `/v1/people/{id}/salaries|equities|variable|training`
 * (GET `{values: [rows]}`, POST one row → 200 with no body, DELETE `/{entryId}` → 200 with no body),
 * and the salaries through the bulk walk (`renderPayRows`, used by `GET /v1/bulk/people/salaries`).
 * Shapes as HiBob's reference documents them: money is `{value, currency}` with a three-letter
 * currency; salary `payPeriod` is Annual, Hourly, Daily, Weekly or Monthly; variable `paymentPeriod` is
 * Annual, Half-Yearly, Quarterly or Monthly; training `frequency` is Once, Weekly, Monthly or Yearly; two
 * salary rows may not share an effective date. Salaries and variable pay sit in the Payroll category,
 * equity in Equity, training in Training (a service user without the category gets 403). Which body
 * HiBob answers a refused row with is UNCONFIRMED; the simulator answers 400 `{key, error}`.
 */
import { canReadCategory, inScope, type ServiceUser } from './access';
import { apiError, empty, json } from './answers';
import type { Company, Employee } from './company';
import type { Handler, RouteContext } from './routes';
import { canEdit } from './writes';
import { addDays, isIsoDate } from './util';

export const PAY_TABLES = ['salaries', 'equities', 'variable', 'training'] as const;
export type PayTable = (typeof PAY_TABLES)[number];

export const PAY_CATEGORY: Record<PayTable, string> = {
	salaries: 'payroll',
	variable: 'payroll',
	equities: 'equity',
	training: 'training',
};

export const SALARY_PERIODS = ['Annual', 'Hourly', 'Daily', 'Weekly', 'Monthly'];
export const PAY_FREQUENCIES = ['Monthly', 'Semi Monthly', 'Weekly', 'Bi-Weekly'];
export const VARIABLE_PERIODS = ['Annual', 'Half-Yearly', 'Quarterly', 'Monthly'];
export const TRAINING_FREQUENCIES = ['Once', 'Weekly', 'Monthly', 'Yearly'];

interface PayRow {
	id: number;
	/** Salaries, variable pay and equity are dated; training rows have start and end dates instead. */
	effectiveDate?: string;
	creationDate: string;
	data: Record<string, unknown>;
}

interface PayState {
	rows: Map<string, Record<PayTable, PayRow[]>>;
	nextId: number;
}

const states = new WeakMap<Company, PayState>();

function stateOf(company: Company): PayState {
	let state = states.get(company);
	if (!state) {
		state = { rows: new Map(), nextId: 5_100_000 };
		states.set(company, state);
	}
	return state;
}

function digitsOf(id: string): number {
	let n = 0;
	for (const ch of id.slice(-6)) n = (n * 10 + (Number(ch) || 0)) % 1_000_003;
	return n;
}

/** An employee's rows, generated on first use from the ID (the same company gives the same rows). */
function rowsOf(company: Company, e: Employee): Record<PayTable, PayRow[]> {
	const state = stateOf(company);
	let rows = state.rows.get(e.id);
	if (rows) return rows;
	const n = digitsOf(e.id);
	const start = String(e.values['work.startDate'] ?? company.today);
	const currency = n % 3 === 0 ? 'USD' : n % 3 === 1 ? 'GBP' : 'EUR';
	const row = (effectiveDate: string | undefined, data: Record<string, unknown>): PayRow => ({
		id: state.nextId++,
		effectiveDate,
		creationDate: start,
		data,
	});
	rows = {
		salaries: [
			row(start, {
				base: { value: 40_000 + (n % 60) * 1_000, currency },
				payPeriod: 'Annual',
				payFrequency: 'Monthly',
				reason: 'Hired',
			}),
		],
		variable:
			n % 3 === 0
				? [
						row(start, {
							amount: { value: 5_000, currency },
							variableType: 'Bonus',
							payoutType: 'amount',
							paymentPeriod: 'Annual',
							companyPercent: 50,
							departmentPercent: 25,
							individualPercent: 25,
						}),
					]
				: [],
		equities:
			n % 4 === 0
				? [
						row(start, {
							quantity: 1_000,
							equityType: 'Options',
							grantDate: start,
							vestingCommencementDate: start,
							exercisePrice: { value: 1.5, currency: 'USD' },
							grantType: 'Initial Grant',
							grantStatus: 'Granted',
						}),
					]
				: [],
		training:
			n % 2 === 0
				? [
						row(undefined, {
							name: 'Training',
							description: 'Security awareness',
							status: 'Completed',
							frequency: 'Yearly',
							startDate: start,
							endDate: addDays(start, 1),
							cost: { value: 150, currency },
						}),
					]
				: [],
	};
	state.rows.set(e.id, rows);
	return rows;
}

/** The rows as HiBob answers them: dated rows carry endEffectiveDate and isCurrent; IDs are numbers. */
export function renderPayRows(
	company: Company,
	e: Employee,
	table: PayTable,
	history: boolean,
): Array<Record<string, unknown>> {
	const rows = rowsOf(company, e)[table];
	if (table === 'training') return rows.map((r) => ({ id: r.id, ...r.data, customColumns: {} }));
	const sorted = [...rows].sort((a, b) =>
		String(a.effectiveDate).localeCompare(String(b.effectiveDate)),
	);
	let current = -1;
	sorted.forEach((r, i) => {
		if (String(r.effectiveDate) <= company.today) current = i;
	});
	if (current < 0) current = 0;
	const out: Array<Record<string, unknown>> = [];
	sorted.forEach((r, i) => {
		if (!history && i !== current) return;
		const next = sorted[i + 1];
		out.push({
			id: r.id,
			effectiveDate: r.effectiveDate,
			endEffectiveDate: next ? addDays(String(next.effectiveDate), -1) : null,
			isCurrent: i === current,
			canBeDeleted: sorted.length > 1,
			...r.data,
			creationDate: r.creationDate,
			modificationDate: r.creationDate,
			...(table === 'salaries' ? { activeEffectiveDate: r.effectiveDate } : {}),
			customColumns: {},
		});
	});
	return out;
}

type Check = string | undefined;

function money(value: unknown, what: string): Check {
	if (value === null || typeof value !== 'object' || Array.isArray(value))
		return `${what} must be an object {value, currency}`;
	const m = value as { value?: unknown; currency?: unknown };
	if (typeof m.value !== 'number' || !Number.isFinite(m.value))
		return `${what}.value must be a number`;
	if (typeof m.currency !== 'string' || !/^[A-Z]{3}$/.test(m.currency))
		return `${what}.currency must be a three-letter currency code`;
	return undefined;
}

function oneOf(value: unknown, allowed: string[], what: string, required: boolean): Check {
	if (value === undefined || value === null) return required ? `${what} is required` : undefined;
	return allowed.includes(String(value))
		? undefined
		: `${what} must be one of: ${allowed.join(', ')}`;
}

function date(value: unknown, what: string, required: boolean): Check {
	if (value === undefined || value === null) return required ? `${what} is required` : undefined;
	return typeof value === 'string' && isIsoDate(value) ? undefined : `${what} must be YYYY-MM-DD`;
}

function text(value: unknown, what: string, required: boolean): Check {
	if (value === undefined || value === null) return required ? `${what} is required` : undefined;
	return typeof value === 'string' && value.trim() !== '' ? undefined : `${what} must be text`;
}

const COLUMNS: Record<PayTable, string[]> = {
	salaries: ['effectiveDate', 'base', 'payPeriod', 'payFrequency', 'reason', 'customColumns'],
	variable: ['effectiveDate', 'amount', 'variableType', 'paymentPeriod', 'companyPercent', 'departmentPercent', 'individualPercent', 'reason'],
	equities: ['effectiveDate', 'quantity', 'equityType', 'grantDate', 'vestingCommencementDate', 'optionExpiration', 'exercisePrice', 'vestingTerm', 'grantType', 'grantStatus', 'grantNumber', 'consentNumber', 'vestingSchedule', 'reason'],
	training: ['name', 'description', 'cost', 'status', 'frequency', 'startDate', 'endDate', 'documentId', 'customColumns'],
}; // prettier-ignore

/** The first problem with a row to add, or undefined. */
function problem(table: PayTable, b: Record<string, unknown>, existing: PayRow[]): Check {
	const unknown = Object.keys(b).filter((k) => !COLUMNS[table].includes(k));
	if (unknown.length > 0) return `Unknown column(s): ${unknown.join(', ')}`;
	const percent = (k: string): Check =>
		b[k] === undefined || (typeof b[k] === 'number' && (b[k] as number) >= 0 && (b[k] as number) <= 100)
			? undefined
			: `${k} must be a percentage (0-100)`; // prettier-ignore
	switch (table) {
		case 'salaries': {
			const first =
				date(b.effectiveDate, 'effectiveDate', true) ??
				money(b.base, 'base') ??
				oneOf(b.payPeriod, SALARY_PERIODS, 'payPeriod', true) ??
				oneOf(b.payFrequency, PAY_FREQUENCIES, 'payFrequency', false);
			if (first) return first;
			if (existing.some((r) => r.effectiveDate === b.effectiveDate))
				return `A salary entry effective ${String(b.effectiveDate)} already exists`;
			return undefined;
		}
		case 'variable':
			return (
				date(b.effectiveDate, 'effectiveDate', true) ??
				money(b.amount, 'amount') ??
				text(b.variableType, 'variableType', true) ??
				oneOf(b.paymentPeriod, VARIABLE_PERIODS, 'paymentPeriod', true) ??
				percent('companyPercent') ??
				percent('departmentPercent') ??
				percent('individualPercent')
			);
		case 'equities':
			return (
				date(b.effectiveDate, 'effectiveDate', true) ??
				(typeof b.quantity === 'number' && b.quantity > 0 ? undefined : 'quantity must be a positive number') ??
				text(b.equityType, 'equityType', true) ??
				date(b.grantDate, 'grantDate', false) ??
				date(b.vestingCommencementDate, 'vestingCommencementDate', false) ??
				date(b.optionExpiration, 'optionExpiration', false) ??
				(b.exercisePrice === undefined ? undefined : money(b.exercisePrice, 'exercisePrice'))
			); // prettier-ignore
		case 'training':
			return (
				text(b.name, 'name', true) ??
				oneOf(b.frequency, TRAINING_FREQUENCIES, 'frequency', false) ??
				date(b.startDate, 'startDate', false) ??
				date(b.endDate, 'endDate', false) ??
				(b.cost === undefined ? undefined : money(b.cost, 'cost'))
			);
	}
}

export function payTablesRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, now } = ctx;
	if (rest[0] !== 'people' || rest.length < 3 || rest.length > 4) return undefined;
	const table = rest[2] as PayTable;
	if (!PAY_TABLES.includes(table)) return undefined;
	const employeeId = rest[1];
	const category = PAY_CATEGORY[table];
	const target = (user: ServiceUser, edit: boolean): Employee | ReturnType<typeof json> => {
		const e = company.employees.get(employeeId);
		if (!e || !inScope(company, user, e))
			return apiError(404, 'employee.not.found', `Employee ${employeeId} not found`);
		if (!canReadCategory(user, category) || (edit && !canEdit(user, category)))
			return apiError(403, 'forbidden', `No permission to ${edit ? 'edit' : 'view'} the ${table} table of ${employeeId}`); // prettier-ignore
		return e;
	};
	const isEmployee = (v: unknown): v is Employee =>
		typeof v === 'object' && v !== null && 'values' in v;
	if (method === 'GET' && rest.length === 3)
		return {
			name: 'pay-table',
			run: (user) => {
				const e = target(user, false);
				if (!isEmployee(e)) return e;
				return json(200, { values: renderPayRows(company, e, table, user.permissions?.history !== false) });
			},
		}; // prettier-ignore
	if (method === 'POST' && rest.length === 3)
		return {
			name: 'pay-entry',
			run: (user, body) => {
				const e = target(user, true);
				if (!isEmployee(e)) return e;
				if (body === null || typeof body !== 'object' || Array.isArray(body))
					return apiError(400, 'bad.request', 'The request body must be a JSON object');
				const rows = rowsOf(company, e)[table];
				const b = body as Record<string, unknown>;
				const wrong = problem(table, b, rows);
				if (wrong) return apiError(400, 'bad.request', wrong);
				const { effectiveDate, ...data } = b;
				rows.push({
					id: stateOf(company).nextId++,
					effectiveDate: table === 'training' ? undefined : String(effectiveDate),
					creationDate: new Date(now).toISOString().slice(0, 10),
					data,
				});
				return empty();
			},
		};
	if (method === 'DELETE' && rest.length === 4)
		return {
			name: 'pay-delete',
			run: (user) => {
				const e = target(user, true);
				if (!isEmployee(e)) return e;
				const rows = rowsOf(company, e)[table];
				const index = rows.findIndex((r) => String(r.id) === rest[3]);
				if (index < 0) return apiError(404, 'entry.not.found', `Entry ${rest[3]} not found in the ${table} table`);
				rows.splice(index, 1);
				return empty();
			},
		}; // prettier-ignore
	return undefined;
}
