import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { validateOutTodayQuery } from '../../core/timeOff';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { optionsCollection } from '../../shared/optionsCollection';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { INCLUDE_HOURLY_OPTION, INCLUDE_PRIVATE_OPTION, listOf, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['outToday'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Site Name or ID',
		name: 'siteId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getSites' },
		default: '',
		description:
			'Only people of this site (work.siteId); empty for all sites. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	optionsCollection([
		INCLUDE_HOURLY_OPTION,
		INCLUDE_PRIVATE_OPTION,
		{
			displayName: 'Today',
			name: 'today',
			type: 'dateTime',
			default: '',
			description:
				"The day to report instead of today. Without it HiBob uses today's date in UTC; use {{ $today }} for the workflow's time zone.",
		},
	]),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const query = validateOutTodayQuery({
			today: options.today,
			siteId: this.getNodeParameter('siteId', itemIndex, ''),
		});
		const qs: IDataObject = {
			includeHourly: options.includeHourly === true,
			includePrivate: options.includePrivate === true,
			...query,
		};
		const path = '/v1/timeoff/outtoday';
		const body = await hiBobRequest(this, { method: 'GET', path, qs, itemIndex });
		return listOf(this, body, 'outs', path, itemIndex);
	});
}

export const outToday: HiBobOperation = { description, execute };
