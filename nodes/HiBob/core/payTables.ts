/**
 * The pay and training tables an employee has in Bob (`/v1/people/{id}/salaries|equities|variable|
 * training`): which columns a new row takes, checked before anything is sent. HiBob's reference: money
 * is `{value, currency}` with a three-letter (ISO 4217) currency; a salary needs `base` and `payPeriod`
 * (Annual, Hourly, Daily, Weekly, Monthly; `payFrequency` Monthly, Semi Monthly, Weekly, Bi-Weekly); a
 * variable payment `amount`, `variableType` and `paymentPeriod` (Annual, Half-Yearly, Quarterly,
 * Monthly); an equity grant `quantity` and `equityType`; salaries, variable pay and equity are dated by
 * `effectiveDate`, training rows by `startDate` / `endDate` (frequency Once, Weekly, Monthly, Yearly).
 * Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { optionalDate } from './writes';

export const PAY_TABLES = ['salaries', 'equities', 'variable', 'training'] as const;
export type PayTable = (typeof PAY_TABLES)[number];

export function isPayTable(value: unknown): value is PayTable {
	return typeof value === 'string' && (PAY_TABLES as readonly string[]).includes(value);
}

export const PAY_TABLE_LABEL: Record<PayTable, string> = {
	salaries: 'Salary',
	equities: 'Equity',
	variable: 'Variable pay',
	training: 'Training',
};

export const SALARY_PERIODS = ['Annual', 'Hourly', 'Daily', 'Weekly', 'Monthly'];
export const PAY_FREQUENCIES = ['Monthly', 'Semi Monthly', 'Weekly', 'Bi-Weekly'];
export const VARIABLE_PERIODS = ['Annual', 'Half-Yearly', 'Quarterly', 'Monthly'];
export const VARIABLE_TYPES = ['Bonus', 'ExecutiveBonus', 'Commission'];
export const TRAINING_FREQUENCIES = ['Once', 'Weekly', 'Monthly', 'Yearly'];
export const GRANT_TYPES = ['Initial Grant', 'Merit Grant'];
export const GRANT_STATUSES = ['Granted', 'Pending Approval'];

const NOT_SENT = 'Nothing was sent to HiBob.';

let knownCurrencies: Set<string> | undefined;

/** ISO 4217 codes the runtime knows (empty when it cannot list them: then any three letters pass). */
function currencies(): Set<string> {
	if (knownCurrencies) return knownCurrencies;
	const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
	try {
		knownCurrencies = new Set(intl.supportedValuesOf ? intl.supportedValuesOf('currency') : []);
	} catch {
		knownCurrencies = new Set();
	}
	return knownCurrencies;
}

/** A three-letter ISO 4217 currency code (upper-cased), or an InputError. */
export function requireCurrency(value: unknown, label: string): string {
	const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
	const known = currencies();
	if (!/^[A-Z]{3}$/.test(code) || (known.size > 0 && !known.has(code)))
		throw new InputError(
			code === '' ? `${label} is required` : `${label} "${String(value).trim().slice(0, 20)}" is not a currency code`,
			`Give the three-letter ISO 4217 code, e.g. EUR, USD or GBP. ${NOT_SENT}`,
		); // prettier-ignore
	return code;
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const t = String(value).trim();
	return t === '' ? undefined : t;
}

function requireAmount(value: unknown, label: string, positive: boolean): number {
	const n = typeof value === 'number' ? value : Number(text(value) ?? NaN);
	if (!Number.isFinite(n) || (positive ? n <= 0 : n < 0))
		throw new InputError(
			value === undefined || value === '' ? `${label} is required` : `${label} ${String(value)} is not ${positive ? 'a positive' : 'a'} number`,
			`Give ${label} as a number, e.g. 65000. ${NOT_SENT}`,
		); // prettier-ignore
	return n;
}

function oneOf(value: unknown, allowed: string[], label: string): string | undefined {
	const t = text(value);
	if (t === undefined) return undefined;
	const found = allowed.find((a) => a.toLowerCase() === t.toLowerCase());
	if (!found)
		throw new InputError(`${label} "${t.slice(0, 40)}" is not one HiBob takes`, `${label} must be one of: ${allowed.join(', ')}. ${NOT_SENT}`); // prettier-ignore
	return found;
}

function percent(value: unknown, label: string): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0 || n > 100)
		throw new InputError(`${label} ${String(value)} is not a percentage`, `Give a number from 0 to 100. ${NOT_SENT}`); // prettier-ignore
	return n;
}

/**
 * The body of a new row of a pay or training table from the node's columns (a collection; empty
 * strings and absent keys mean "not given"), or an InputError naming the first problem.
 * `effectiveDate` is the row's calendar date (not used for training).
 */
export function payEntryBody(
	table: PayTable,
	columns: Record<string, unknown>,
	effectiveDate: string,
): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	const put = (key: string, value: unknown) => {
		if (value !== undefined) body[key] = value;
	};
	switch (table) {
		case 'salaries': {
			body.effectiveDate = effectiveDate;
			body.base = { value: requireAmount(columns.amount, 'Amount', true), currency: requireCurrency(columns.currency, 'Currency') }; // prettier-ignore
			body.payPeriod = oneOf(columns.payPeriod, SALARY_PERIODS, 'Pay Period') ?? 'Annual';
			put('payFrequency', oneOf(columns.payFrequency, PAY_FREQUENCIES, 'Pay Frequency'));
			return body;
		}
		case 'variable': {
			body.effectiveDate = effectiveDate;
			body.amount = { value: requireAmount(columns.amount, 'Amount', true), currency: requireCurrency(columns.currency, 'Currency') }; // prettier-ignore
			const type = oneOf(columns.variableType, VARIABLE_TYPES, 'Variable Type');
			if (type === undefined)
				throw new InputError('Variable Type is required', `Choose Bonus, ExecutiveBonus or Commission. ${NOT_SENT}`); // prettier-ignore
			body.variableType = type;
			body.paymentPeriod =
				oneOf(columns.paymentPeriod, VARIABLE_PERIODS, 'Payment Period') ?? 'Annual';
			put('companyPercent', percent(columns.companyPercent, 'Company %'));
			put('departmentPercent', percent(columns.departmentPercent, 'Department %'));
			put('individualPercent', percent(columns.individualPercent, 'Individual %'));
			put('reason', text(columns.reason));
			return body;
		}
		case 'equities': {
			body.effectiveDate = effectiveDate;
			body.quantity = requireAmount(columns.quantity, 'Quantity', true);
			const equityType = text(columns.equityType);
			if (equityType === undefined)
				throw new InputError('Equity Type is required', `Give the type of the grant as Bob names it, e.g. Options or RSU. ${NOT_SENT}`); // prettier-ignore
			body.equityType = equityType;
			put('grantDate', optionalDate(columns.grantDate, 'Grant Date'));
			put('vestingCommencementDate', optionalDate(columns.vestingCommencementDate, 'Vesting Commencement Date')); // prettier-ignore
			put('optionExpiration', optionalDate(columns.optionExpiration, 'Option Expiration'));
			if (text(columns.exercisePrice) !== undefined)
				body.exercisePrice = { value: requireAmount(columns.exercisePrice, 'Exercise Price', false), currency: requireCurrency(columns.currency, 'Currency') }; // prettier-ignore
			put('grantType', oneOf(columns.grantType, GRANT_TYPES, 'Grant Type'));
			put('grantStatus', oneOf(columns.grantStatus, GRANT_STATUSES, 'Grant Status'));
			put('vestingTerm', text(columns.vestingTerm));
			put('reason', text(columns.reason));
			return body;
		}
		case 'training': {
			const name = text(columns.name);
			if (name === undefined)
				throw new InputError('Training Name is required', `Give the training's item of Bob's Training Name list (its ID, e.g. Training). ${NOT_SENT}`); // prettier-ignore
			body.name = name;
			put('description', text(columns.description));
			put('status', text(columns.status));
			put('frequency', oneOf(columns.frequency, TRAINING_FREQUENCIES, 'Frequency'));
			const startDate = optionalDate(columns.startDate, 'Start Date');
			const endDate = optionalDate(columns.endDate, 'End Date');
			if (startDate && endDate && endDate < startDate)
				throw new InputError(`End Date ${endDate} is before Start Date ${startDate}`, `Give an end date on or after the start date. ${NOT_SENT}`); // prettier-ignore
			put('startDate', startDate);
			put('endDate', endDate);
			if (text(columns.cost) !== undefined)
				body.cost = { value: requireAmount(columns.cost, 'Cost', false), currency: requireCurrency(columns.currency, 'Currency') }; // prettier-ignore
			return body;
		}
	}
}

/** Whether a row read back holds every column that was written (money compared by value and currency). */
export function rowHolds(row: Record<string, unknown>, written: Record<string, unknown>): boolean {
	return Object.entries(written).every(([key, value]) => {
		const read = row[key];
		if (value !== null && typeof value === 'object') {
			const w = value as Record<string, unknown>;
			const r = (read ?? {}) as Record<string, unknown>;
			return Object.keys(w).every((k) => String(w[k]) === String(r[k]));
		}
		return String(value) === String(read);
	});
}
