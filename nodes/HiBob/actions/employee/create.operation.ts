/**
 * Employee → Create: `POST /v1/people` with HiBob's five mandatory fields (first name, surname, work
 * email, site, start date) in the nested shape (`{firstName, surname, email, work: {site,
 * startDate}}`). HiBob answers with the new employee (their ID). A repeated POST after an unknown
 * outcome could create the person twice, so it is never repeated; the site is resolved against
 * HiBob's site list first so a typo fails before anything is sent.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { InputError } from '../../core/errors';
import { requireDate, requireEmail, resolveListItem } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { listItems, writeOutput } from './writeSupport';

const show = { resource: ['employee'], operation: ['create'] };

export const description: INodeProperties[] = updateDisplayOptions({ show }, [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Surname',
		name: 'surname',
		type: 'string',
		required: true,
		default: '',
	},
	{
		displayName: 'Work Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. amy.miles@acme.com',
		required: true,
		default: '',
		description: 'Their work email, which becomes their Bob login; no other employee may have it',
	},
	{
		displayName: 'Site Name or ID',
		name: 'site',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSites' },
		required: true,
		default: '',
		description:
			'Where they work, from HiBob\'s site list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Their first day of employment (a calendar date; the time is ignored)',
	},
]);

function requireText(value: unknown, label: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '')
		throw new InputError(
			`${label} is required`,
			`HiBob needs first name, surname, work email, site and start date to create an employee. Nothing was sent to HiBob.`,
		);
	return text;
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		// HiBob's five mandatory fields, checked before any request.
		const firstName = requireText(this.getNodeParameter('firstName', itemIndex, ''), 'First Name');
		const surname = requireText(this.getNodeParameter('surname', itemIndex, ''), 'Surname');
		const email = requireEmail(this.getNodeParameter('email', itemIndex, ''), 'Work Email');
		const siteValue = requireText(
			String(this.getNodeParameter('site', itemIndex, '') ?? ''),
			'Site',
		);
		const startDate = requireDate(this.getNodeParameter('startDate', itemIndex, ''), 'Start Date');
		const site = resolveListItem(await listItems(this, 'site', itemIndex), siteValue, 'a site');
		// HiBob's create takes the site by its name (its own example does), unlike PUT and Work entries.
		const body: IDataObject = { firstName, surname, email, work: { site: site.name, startDate } };
		const { body: answer } = await hiBobWrite<{ id?: unknown }>(this, {
			method: 'POST',
			path: '/v1/people',
			body,
			write: {
				idempotent: false,
				checkInBob: `whether an employee with work email ${email} exists`,
			},
			itemIndex,
		});
		const id = answer?.id;
		if (id === undefined || id === null || String(id) === '')
			throw new InputError(
				`HiBob created the employee but its answer has no ID`,
				`Look up ${email} in Bob (or with Employee → Get by email) before running this again, or it would create them twice.`,
			);
		return await writeOutput(this, itemIndex, {
			employeeId: String(id),
			operation: 'create',
			written: body,
			expected: { 'root.email': email, 'work.startDate': startDate },
		});
	});
}

export const create: HiBobOperation = { description, execute };
