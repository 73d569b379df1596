import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { validateChangesWindow } from '../../core/timeOff';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { optionsCollection } from '../../shared/optionsCollection';
import { clockNow } from '../../shared/clock';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { listOf, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['getRequestChanges'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		required: true,
		description:
			"Changes made at or after this moment (when the request was created, canceled…, not the leave dates). At most 6 months ago. Without a time zone it is read in the workflow's time zone, e.g. {{ $now.minus({ days: 7 }) }}.",
	},
	optionsCollection([
		{
			displayName: 'Include Pending',
			name: 'includePending',
			type: 'boolean',
			default: false,
			description: 'Whether to include requests still waiting for approval (change type Pending)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description:
				'Changes made before this moment; after Since and at most 6 months after it. Without it: up to now.',
		},
	]),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const window = validateChangesWindow({
			since: this.getNodeParameter('since', itemIndex, ''),
			to: options.to,
			// The transport's clock, so the 6-month rule and the requests agree (and tests can fix "now").
			nowMs: clockNow(),
			timeZone: this.getTimezone(),
		});
		const path = '/v1/timeoff/requests/changes';
		const body = await hiBobRequest(this, {
			method: 'GET',
			path,
			qs: {
				since: window.since,
				...(window.to ? { to: window.to } : {}),
				includePending: options.includePending === true,
			},
			itemIndex,
		});
		return listOf(this, body, 'changes', path, itemIndex);
	});
}

export const getRequestChanges: HiBobOperation = { description, execute };
