/**
 * Employee → Create: `POST /v1/people` with HiBob's five mandatory fields (first name, surname, work
 * email, site, start date) and any other field of its metadata through the same resource mapper as
 * Update, in one nested body (`{firstName, surname, email, work: {site, startDate, …}, …}`). HiBob
 * answers with the new employee (their ID). A repeated POST after an unknown outcome could create the
 * person twice, so it is never repeated; the site, labels and value types are checked against HiBob's
 * lists and field metadata first so a typo fails before anything is sent.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { createRequest, givenValues, nameForCreate, planCreate } from '../../core/create';
import { InputError } from '../../core/errors';
import type { FieldIndex } from '../../core/fields';
import { requireDate, requireEmail, resolveListItem } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	fieldMapper,
	listItems,
	listsByName,
	mappedValues,
	resolvePlannedEmails,
	writeOutput,
} from './writeSupport';

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
		typeOptions: { loadOptionsMethod: 'getCreateSites' },
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
	{
		displayName: 'Other Fields',
		name: 'otherFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		description:
			'Any other fields to set at creation, from HiBob\'s field metadata (custom fields included). Job Title, Department and Manager become their first Work history entry from the start date. List fields take the label as Bob shows it ("Engineering") or the item ID; Manager and other employee fields take an employee ID or work email.',
		typeOptions: {
			resourceMapper: fieldMapper('getEmployeeCreateFields', 'Other Fields'),
		},
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
		const mapped = mappedValues(this, 'otherFields', items, itemIndex);
		const sites = await listItems(this, 'site', itemIndex);
		const site = resolveListItem(sites, siteValue, 'a site');
		// HiBob's create takes the site by its name (its own example does), unlike PUT and Work entries.
		const input = {
			firstName,
			surname,
			email,
			site: nameForCreate(sites, site, 'Site'),
			startDate,
		};
		let request = createRequest(input);
		let fieldIndex: FieldIndex | undefined;
		if (Object.keys(givenValues(mapped)).length > 0) {
			fieldIndex = await loadFieldIndex(this, itemIndex);
			const lists = await listsByName(this, itemIndex);
			// Every other field checked (types, labels) before the POST.
			const plan = planCreate(mapped, fieldIndex, lists);
			const manager = (await resolvePlannedEmails(this, plan, itemIndex)) ?? undefined;
			request = createRequest(input, plan, manager, fieldIndex, lists);
		}
		const body = request.body as IDataObject;
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
			expected: request.expected,
			fieldIndex,
			...(Object.keys(request.how).length > 0 ? { extra: { how: request.how } } : {}),
		});
	});
}

export const create: HiBobOperation = { description, execute };
