import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { validateDateRange } from '../../core/timeOff';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { optionsCollection } from '../../shared/optionsCollection';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { INCLUDE_HOURLY_OPTION, INCLUDE_PRIVATE_OPTION, listOf, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['whosOut'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			'First day of the range (a calendar date; a time part is ignored), e.g. 2026-11-21',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Last day of the range, inclusive; on or after From, e.g. 2026-11-30',
	},
	optionsCollection([
		INCLUDE_HOURLY_OPTION,
		{
			displayName: 'Include Pending',
			name: 'includePending',
			type: 'boolean',
			default: false,
			description: 'Whether to include requests still waiting for approval (status Pending)',
		},
		INCLUDE_PRIVATE_OPTION,
	]),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const range = validateDateRange(
			this.getNodeParameter('from', itemIndex, ''),
			this.getNodeParameter('to', itemIndex, ''),
		);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const path = '/v1/timeoff/whosout';
		const body = await hiBobRequest(this, {
			method: 'GET',
			path,
			qs: {
				from: range.from,
				to: range.to,
				includeHourly: options.includeHourly === true,
				includePrivate: options.includePrivate === true,
				includePending: options.includePending === true,
			},
			itemIndex,
		});
		return listOf(this, body, 'outs', path, itemIndex);
	});
}

export const whosOut: HiBobOperation = { description, execute };
