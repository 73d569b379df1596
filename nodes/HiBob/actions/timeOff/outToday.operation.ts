import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toCalendarDate } from '../../core/timeOff';
import { mapItems } from '../../shared/items';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { listOf, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['outToday'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Site Name or ID',
		name: 'siteId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSites' },
		default: '',
		description:
			'Only people of this site (work.siteId); empty for all sites. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Include Hourly',
				name: 'includeHourly',
				type: 'boolean',
				default: false,
				description: 'Whether to include time off requested in hours, not only whole or half days',
			},
			{
				displayName: 'Include Private',
				name: 'includePrivate',
				type: 'boolean',
				default: false,
				description:
					'Whether to include requests of private policy types (the service user needs permission to see them)',
			},
			{
				displayName: 'Today',
				name: 'today',
				type: 'dateTime',
				default: '',
				description:
					"The day to report instead of today. Without it HiBob uses today's date in UTC; use {{ $today }} for the workflow's time zone.",
			},
		],
	},
];

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {
			includeHourly: options.includeHourly === true,
			includePrivate: options.includePrivate === true,
		};
		if (options.today !== undefined && options.today !== null && options.today !== '') {
			const today = toCalendarDate(options.today);
			if (!today) {
				throw new NodeOperationError(
					this.getNode(),
					`"Today" must be a date, got "${String(options.today)}"`,
					{
						itemIndex,
						description:
							'Give a date such as 2026-11-21, or remove the option. Nothing was sent to HiBob.',
					},
				);
			}
			qs.today = today;
		}
		const site = this.getNodeParameter('siteId', itemIndex, '') as unknown;
		const siteId = typeof site === 'number' ? String(site) : String(site ?? '').trim();
		if (siteId !== '') {
			if (!/^[\w.-]+$/.test(siteId)) {
				throw new NodeOperationError(this.getNode(), `"${siteId}" is not a site ID`, {
					itemIndex,
					description:
						'Pick a site from the list, or give the ID of an item of the "site" named list (Company → Get Named List), e.g. 2606110. Nothing was sent to HiBob.',
				});
			}
			qs.siteId = siteId;
		}
		const path = '/v1/timeoff/outtoday';
		const body = await hiBobRequest(this, { method: 'GET', path, qs, itemIndex });
		return listOf(this, body, 'outs', path, itemIndex);
	});
}

export const outToday: HiBobOperation = { description, execute };
