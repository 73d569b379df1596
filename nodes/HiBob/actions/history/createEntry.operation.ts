/**
 * Employee History → Create Entry: `POST /v1/people/{id}/work` or `/employment` with an effective
 * date and the columns to set (200, no body). HiBob takes list columns as item IDs (labels are
 * resolved against the list the field's metadata names), wants a site on every Work entry, and copies
 * unset columns from the row before the date; the node sends the Work row's carried-over columns
 * itself, as Employee → Update does. A repeated POST could add a second row, so it is never repeated.
 * The pay and training tables (Salary, Equity, Variable Pay, Training) are written by payEntry.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InputError } from '../../core/errors';
import type { WorkRow } from '../../core/update';
import { rowInEffect, workEntryBody } from '../../core/update';
import { EMAIL_PATTERN, requireDate, resolveListItem } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest, hiBobWrite } from '../../transport';
import {
	employeeIdByEmail,
	listItems,
	targetEmployeeId,
	todayInWorkflowZone,
} from '../employee/writeSupport';
import type { HiBobOperation } from '../types';
import { RESOURCE } from './shared';
import { createPayEntry, payColumnProperties } from './payEntry';
import { readWritableTable, writableTableProperty } from './writableTable';
import { isPayTable } from '../../core/payTables';

const show = { resource: [RESOURCE], operation: ['createEntry'] };

const listHint =
	'Choose from the list, or specify the name or ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

export const description = updateDisplayOptions({ show }, [
	writableTableProperty('Which history table to add the row to'),
	employeeLocator({
		description:
			'The employee to add the history row to: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Effective Date',
		name: 'effectiveDate',
		type: 'dateTime',
		default: '',
		description:
			"The date the row takes effect (a calendar date); empty means today in the workflow's time zone",
		displayOptions: { hide: { table: ['training'] } },
	},
	{
		displayName: 'Work Columns',
		name: 'workColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: {},
		displayOptions: { show: { table: ['work'] } },
		options: [
			{
				displayName: 'Department',
				name: 'department',
				type: 'string',
				default: '',
				description: `An item of the department list, by name (e.g. Engineering) or ID. ${listHint}.`,
			},
			{
				displayName: 'Job Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'An item of the job title list, by name or ID',
			},
			{
				displayName: 'Manager',
				name: 'reportsTo',
				type: 'string',
				default: '',
				description: "The manager's HiBob ID or work email",
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				description: 'Why the change, stored with the row',
			},
			{
				displayName: 'Site',
				name: 'site',
				type: 'string',
				default: '',
				description:
					'An item of the site list, by name or ID; empty keeps the site of the row in effect on that date',
			},
		],
	},
	{
		displayName: 'Employment Columns',
		name: 'employmentColumns',
		type: 'collection',
		placeholder: 'Add Column',
		default: {},
		displayOptions: { show: { table: ['employment'] } },
		options: [
			{
				displayName: 'Contract',
				name: 'contract',
				type: 'string',
				default: '',
				description:
					'An item of the employment contract list (e.g. Full time), by name, "Parent › Item" or ID',
			},
			{
				displayName: 'Employment Type',
				name: 'type',
				type: 'string',
				default: '',
				description: 'An item of the employment type list (e.g. Permanent), by name or ID',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				description: 'Why the change, stored with the row',
			},
			{
				displayName: 'Weekly Hours',
				name: 'weeklyHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Contracted hours per week; 0 leaves it as HiBob copies it',
			},
		],
	},
	...payColumnProperties,
]);

/** Each list column, the employee field whose metadata names its list, and its fallback list. */
const LIST_COLUMNS: Record<string, { fieldId: string; list: string; what: string }> = {
	department: { fieldId: 'work.department', list: 'department', what: 'a department' },
	title: { fieldId: 'work.title', list: 'title', what: 'a job title' },
	site: { fieldId: 'work.siteId', list: 'site', what: 'a site' },
	// A live tenant's metadata names these lists; the metadata is read first, these are fallbacks.
	type: {
		fieldId: 'payroll.employment.type',
		list: 'payrollEmploymentType',
		what: 'an employment type',
	},
	contract: {
		fieldId: 'payroll.employment.contract',
		list: 'employmentstatus',
		what: 'an employment contract',
	},
};

function given(columns: Record<string, unknown>, key: string): string | undefined {
	const value = columns[key];
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const table = readWritableTable(this, itemIndex);
		const rawDate = this.getNodeParameter('effectiveDate', itemIndex, '');
		const effectiveDate =
			rawDate === '' || rawDate === null || rawDate === undefined
				? todayInWorkflowZone(this)
				: requireDate(rawDate, 'Effective Date');
		if (isPayTable(table)) return await createPayEntry(this, itemIndex, table, effectiveDate);
		const columns = this.getNodeParameter(
			table === 'work' ? 'workColumns' : 'employmentColumns',
			itemIndex,
			{},
		) as Record<string, unknown>;
		const reason = given(columns, 'reason');
		const manager = table === 'work' ? given(columns, 'reportsTo') : undefined;
		if (manager !== undefined && !/^\d+$/.test(manager) && !EMAIL_PATTERN.test(manager))
			throw new InputError(
				`Manager "${manager}" is neither a HiBob employee ID nor an email`,
				"Give the manager's HiBob ID (19 digits, as text) or work email. Nothing was sent to HiBob.",
			);
		const weeklyHours = Number(columns.weeklyHours ?? 0);
		if (table === 'employment' && (!Number.isFinite(weeklyHours) || weeklyHours < 0))
			throw new InputError(
				`Weekly Hours ${String(columns.weeklyHours)} is not a number of hours`,
				'Give the weekly hours as a number, e.g. 37.5. Nothing was sent to HiBob.',
			);
		const listKeys = (
			table === 'work' ? ['site', 'title', 'department'] : ['type', 'contract']
		).filter((key) => given(columns, key) !== undefined);
		if (
			listKeys.length === 0 &&
			manager === undefined &&
			!(table === 'employment' && weeklyHours > 0)
		)
			throw new InputError(
				'No column to set',
				`Add at least one of the ${table === 'work' ? 'Work' : 'Employment'} Columns: HiBob would only copy the previous row. Nothing was sent to HiBob.`,
			);
		const employeeId = await targetEmployeeId(this, itemIndex);
		// Labels become item IDs of the list each field's metadata names.
		const fields = await loadFieldIndex(this, itemIndex);
		const ids: Record<string, string> = {};
		for (const key of listKeys) {
			const { fieldId, list, what } = LIST_COLUMNS[key];
			const listName = fields.get(fieldId)?.listId ?? list;
			ids[key] = resolveListItem(
				await listItems(this, listName, itemIndex),
				given(columns, key),
				what,
			).id;
		}
		let body: Record<string, unknown>;
		if (table === 'work') {
			const managerId =
				manager === undefined
					? undefined
					: /^\d+$/.test(manager)
						? manager
						: await employeeIdByEmail(this, manager, itemIndex);
			const rows = (await hiBobRequest<{ values?: WorkRow[] }>(this, {
				method: 'GET',
				path: `/v1/people/${employeeId}/work`,
				itemIndex,
			})) ?? { values: [] };
			const work: Parameters<typeof workEntryBody>[0] = {};
			if (ids.site !== undefined) work.siteId = ids.site;
			if (ids.title !== undefined) work.title = ids.title;
			if (ids.department !== undefined) work.department = ids.department;
			if (managerId !== undefined) work.reportsTo = managerId;
			body = workEntryBody(
				work,
				effectiveDate,
				rowInEffect(rows.values ?? [], effectiveDate),
				reason,
			);
		} else {
			body = { effectiveDate, ...ids };
			if (weeklyHours > 0) body.weeklyHours = weeklyHours;
			if (reason !== undefined) body.reason = reason;
		}
		await hiBobWrite(this, {
			method: 'POST',
			path: `/v1/people/${employeeId}/${table}`,
			body: body as IDataObject,
			write: {
				idempotent: false,
				checkInBob: `the employee's ${table === 'work' ? 'Work' : 'Employment'} history for an entry effective ${effectiveDate}`,
			},
			itemIndex,
		});
		return {
			success: true,
			operation: 'createEntry',
			employeeId,
			table,
			effectiveDate,
			written: body as IDataObject,
		};
	});
}

export const createEntry: HiBobOperation = { description, execute };
