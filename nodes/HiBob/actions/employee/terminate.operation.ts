/**
 * Employee → Terminate: `POST /v1/employees/{id}/terminate`. HiBob adds a Lifecycle row; the person
 * becomes Terminated at midnight after the termination date. HiBob has no API to undo a termination,
 * and a repeated POST could add a second one, so an unknown outcome is never retried.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { resolveListItem, terminateBody } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { listItems, targetEmployeeId, writeOutput } from './writeSupport';

const show = { resource: ['employee'], operation: ['terminate'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName:
			"Terminating cannot be undone through HiBob's API: to reverse it, an admin edits the Lifecycle history in Bob. The person becomes Terminated at midnight after the termination date.",
		name: 'terminateNotice',
		type: 'notice',
		default: '',
	},
	employeeLocator({
		description:
			'The employee to terminate: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Termination Date',
		name: 'terminationDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Their last employed day (a calendar date; the time is ignored)',
	},
	{
		displayName: 'Options',
		name: 'terminateOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Last Day of Work',
				name: 'lastDayOfWork',
				type: 'dateTime',
				default: '',
				description: 'On or before the termination date; the days in between are garden leave',
			},
			{
				displayName: 'Notice Period Length',
				name: 'noticePeriodLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Length of the notice period; 0 sends none',
			},
			{
				displayName: 'Notice Period Unit',
				name: 'noticePeriodUnit',
				type: 'options',
				options: [
					{ name: 'Days', value: 'days' },
					{ name: 'Weeks', value: 'weeks' },
					{ name: 'Months', value: 'month' },
					{ name: 'Years', value: 'years' },
				],
				default: 'weeks',
			},
			{
				displayName: 'Reason Name or ID',
				name: 'terminationReason',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTerminationReasons' },
				default: '',
				description:
					'An item of HiBob\'s termination reason list. Choose from the list, or specify the name or ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Reason Type Name or ID',
				name: 'reasonType',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTerminationReasonTypes' },
				default: '',
				description:
					'An item of HiBob\'s lifecycle reason type list (e.g. Voluntary). Choose from the list, or specify the name or ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const options = this.getNodeParameter('terminateOptions', itemIndex, {}) as Record<
			string,
			unknown
		>;
		const given = (key: string) => {
			const value = options[key];
			return value === undefined || value === null || String(value).trim() === ''
				? undefined
				: value;
		};
		// Checked before any request: a bad date fails the item with nothing sent.
		const body = terminateBody({
			terminationDate: this.getNodeParameter('terminationDate', itemIndex, ''),
			lastDayOfWork: options.lastDayOfWork,
			noticePeriodLength: options.noticePeriodLength,
			noticePeriodUnit: options.noticePeriodUnit,
		});
		const employeeId = await targetEmployeeId(this, itemIndex);
		// Labels ("Resignation") become the item IDs HiBob takes in these fields.
		for (const [key, list, what] of [
			['terminationReason', 'terminationreason', 'a termination reason'],
			['reasonType', 'lifecycleReasonType', 'a termination reason type'],
		] as const) {
			const value = given(key);
			if (value !== undefined)
				body[key] = resolveListItem(await listItems(this, list, itemIndex), value, what).id;
		}
		await hiBobWrite(this, {
			method: 'POST',
			path: `/v1/employees/${employeeId}/terminate`,
			body: body as never,
			write: {
				idempotent: false,
				checkInBob: "the employee's Lifecycle history (a termination entry)",
			},
			itemIndex,
		});
		return await writeOutput(this, itemIndex, {
			employeeId,
			operation: 'terminate',
			written: body as never,
			expected: { 'internal.terminationDate': body.terminationDate },
		});
	});
}

export const terminate: HiBobOperation = { description, execute };
