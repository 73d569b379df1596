/**
 * Create Entry for the pay and training tables: the columns each table offers, and the write
 * (`POST /v1/people/{id}/{salaries|equities|variable|training}`, 200) followed by a read of the table,
 * so the output shows the row as Bob holds it, with the ID Delete Entry takes. A repeated POST would
 * add a second row, so it is never repeated after an unknown outcome.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { historyRow, parseEmployeeTable } from '../../core/history';
import type { PayTable } from '../../core/payTables';
import {
	GRANT_STATUSES,
	GRANT_TYPES,
	PAY_FREQUENCIES,
	PAY_TABLE_LABEL,
	payEntryBody,
	rowHolds,
	SALARY_PERIODS,
	TRAINING_FREQUENCIES,
	VARIABLE_PERIODS,
	VARIABLE_TYPES,
} from '../../core/payTables';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobRequest, hiBobWrite } from '../../transport';
import { targetEmployeeId } from '../employee/writeSupport';
import { TABLE_CATEGORY } from './shared';

const options = (values: string[]) => values.map((value) => ({ name: value, value }));

const currency: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: '',
	placeholder: 'e.g. EUR',
	description: 'Three-letter ISO 4217 code of the amount (e.g. EUR, USD, GBP)',
};

const reason: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	description: 'Why the change, stored with the row',
};

const dateColumn = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description,
});

/** The columns of a new row, one collection per table. */
export const payColumnProperties: INodeProperties[] = [
	{
		displayName: 'Salary Columns',
		name: 'salaryColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: { amount: 0, currency: '', payPeriod: 'Annual' },
		displayOptions: { show: { table: ['salaries'] } },
		options: [
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, description: 'The base salary for the pay period, e.g. 65000 (required)' }, // prettier-ignore
			{ ...currency, description: 'Three-letter ISO 4217 code of the salary (required), e.g. EUR' },
			{ displayName: 'Pay Frequency', name: 'payFrequency', type: 'options', options: options(PAY_FREQUENCIES), default: 'Monthly', description: 'How often the salary is paid' }, // prettier-ignore
			{ displayName: 'Pay Period', name: 'payPeriod', type: 'options', options: options(SALARY_PERIODS), default: 'Annual', description: 'What the amount is per' }, // prettier-ignore
		],
	},
	{
		displayName: 'Variable Pay Columns',
		name: 'variableColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: { amount: 0, currency: '', variableType: 'Bonus', paymentPeriod: 'Annual' },
		displayOptions: { show: { table: ['variable'] } },
		options: [
			{ displayName: 'Amount', name: 'amount', type: 'number', default: 0, description: 'The on-target amount (required)' }, // prettier-ignore
			{ displayName: 'Company %', name: 'companyPercent', type: 'number', default: 0, description: 'Company on-target weight, 0-100' }, // prettier-ignore
			{ ...currency, description: 'Three-letter ISO 4217 code of the amount (required), e.g. USD' },
			{ displayName: 'Department %', name: 'departmentPercent', type: 'number', default: 0, description: 'Department on-target weight, 0-100' }, // prettier-ignore
			{ displayName: 'Individual %', name: 'individualPercent', type: 'number', default: 0, description: 'Individual on-target weight, 0-100' }, // prettier-ignore
			{ displayName: 'Payment Period', name: 'paymentPeriod', type: 'options', options: options(VARIABLE_PERIODS), default: 'Annual' }, // prettier-ignore
			reason,
			{ displayName: 'Variable Type', name: 'variableType', type: 'options', options: options(VARIABLE_TYPES), default: 'Bonus' }, // prettier-ignore
		],
	},
	{
		displayName: 'Equity Columns',
		name: 'equityColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: { quantity: 0, equityType: '' },
		displayOptions: { show: { table: ['equities'] } },
		options: [
			{ ...currency, description: 'Three-letter ISO 4217 code of the exercise price, e.g. USD' },
			{ displayName: 'Equity Type', name: 'equityType', type: 'string', default: '', placeholder: 'e.g. Options', description: 'The type of the grant as Bob names it (required)' }, // prettier-ignore
			{ displayName: 'Exercise Price', name: 'exercisePrice', type: 'number', default: 0, description: 'Price per share; needs Currency' }, // prettier-ignore
			dateColumn('Grant Date', 'grantDate', 'The date the equity was granted'),
			{ displayName: 'Grant Status', name: 'grantStatus', type: 'options', options: options(GRANT_STATUSES), default: 'Granted' }, // prettier-ignore
			{ displayName: 'Grant Type', name: 'grantType', type: 'options', options: options(GRANT_TYPES), default: 'Initial Grant' }, // prettier-ignore
			dateColumn('Option Expiration', 'optionExpiration', 'When the options expire'),
			{ displayName: 'Quantity', name: 'quantity', type: 'number', default: 0, description: 'Number of shares or options granted (required)' }, // prettier-ignore
			reason,
			dateColumn('Vesting Commencement Date', 'vestingCommencementDate', 'When vesting starts'),
			{ displayName: 'Vesting Term', name: 'vestingTerm', type: 'string', default: '', description: 'Terms for exercising the grant' }, // prettier-ignore
		],
	},
	{
		displayName: 'Training Columns',
		name: 'trainingColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: { name: '' },
		displayOptions: { show: { table: ['training'] } },
		options: [
			{ displayName: 'Cost', name: 'cost', type: 'number', default: 0, description: 'What the training cost; needs Currency' }, // prettier-ignore
			{ ...currency, description: 'Three-letter ISO 4217 code of the cost, e.g. GBP' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			dateColumn('End Date', 'endDate', 'When the training was completed'),
			{ displayName: 'Frequency', name: 'frequency', type: 'options', options: options(TRAINING_FREQUENCIES), default: 'Once' }, // prettier-ignore
			dateColumn('Start Date', 'startDate', 'When the training starts'),
			{ displayName: 'Status', name: 'status', type: 'string', default: '', placeholder: 'e.g. Completed' }, // prettier-ignore
			{ displayName: 'Training Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Training', description: "The item of Bob's Training Name list, by its ID (required)" }, // prettier-ignore
		],
	},
];

const COLUMNS_PARAMETER: Record<PayTable, string> = {
	salaries: 'salaryColumns',
	variable: 'variableColumns',
	equities: 'equityColumns',
	training: 'trainingColumns',
};

/** Collections send n8n's defaults for untouched number fields; 0 there means "not given". */
function given(columns: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(columns))
		if (value !== 0 && value !== '' && value !== null && value !== undefined) out[key] = value;
	return out;
}

export async function createPayEntry(
	context: IExecuteFunctions,
	itemIndex: number,
	table: PayTable,
	effectiveDate: string,
): Promise<IDataObject> {
	const columns = context.getNodeParameter(COLUMNS_PARAMETER[table], itemIndex, {}) as Record<string, unknown>; // prettier-ignore
	const body = payEntryBody(table, given(columns), effectiveDate);
	const employeeId = await targetEmployeeId(context, itemIndex);
	const label = PAY_TABLE_LABEL[table];
	const path = `/v1/people/${employeeId}/${table}`;
	const permission = `The service user needs "Edit" on the ${TABLE_CATEGORY[table]} category for this employee in its permission group (Bob → Settings → Permission groups).`;
	const result = await explainStatus(
		context,
		itemIndex,
		{
			403: { message: `HiBob refused to add to the ${label} table of employee ${employeeId} (403)`, description: permission },
			404: unknownEmployee(employeeId),
		},
		async () =>
			await hiBobWrite(context, {
				method: 'POST',
				path,
				body: body as IDataObject,
				write: { idempotent: false, checkInBob: `the employee's ${label} table for the new row${table === 'training' ? '' : ` effective ${effectiveDate}`}` },
				itemIndex,
			}),
	); // prettier-ignore
	const output: IDataObject = { success: true, operation: 'createEntry', employeeId, table, ...(table === 'training' ? {} : { effectiveDate }), written: body as IDataObject }; // prettier-ignore
	const entryId = (result.body as { entryId?: unknown } | null)?.entryId;
	// What Bob holds now: the row with the written columns (the newest if several match).
	try {
		const rows = parseEmployeeTable(await hiBobRequest(context, { method: 'GET', path, itemIndex })) ?? []; // prettier-ignore
		const matching = rows.filter((row) => (entryId !== undefined ? String(row.id) === String(entryId) : rowHolds(row, body))); // prettier-ignore
		const row = matching.sort((a, b) => Number(b.id) - Number(a.id))[0];
		if (row) return { ...output, entryId: String(row.id), entry: historyRow(employeeId, row) as IDataObject }; // prettier-ignore
		return { ...output, readBackShowsWrite: false, note: `HiBob accepted the row, but the ${label} table read back does not show it yet (HiBob can take up to 20 seconds). "written" is what was sent.` }; // prettier-ignore
	} catch (error) {
		return { ...output, readBackShowsWrite: false, note: `HiBob accepted the row; reading the ${label} table back failed: ${(error as Error).message}` }; // prettier-ignore
	}
}
