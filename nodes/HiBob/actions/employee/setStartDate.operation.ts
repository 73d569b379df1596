/**
 * Employee → Set Start Date: `POST /v1/employees/{id}/start-date` with `{startDate, reason}` (200, no
 * body). HiBob records it as a change to the employee's start date; a repeated POST after an unknown
 * outcome could record it twice, so the transport never repeats it.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { requireDate } from '../../core/writes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { targetEmployeeId, writeOutput } from './writeSupport';

const show = { resource: ['employee'], operation: ['setStartDate'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({
		description:
			'The employee whose start date to change: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'New Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'The first day of employment (a calendar date; the time is ignored)',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'e.g. Start postponed by the candidate',
		description: 'Why the start date changed, stored with the change in Bob',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		// Checked before any request: a bad date fails the item with nothing sent.
		const startDate = requireDate(
			this.getNodeParameter('startDate', itemIndex, ''),
			'New Start Date',
		);
		const reason = String(this.getNodeParameter('reason', itemIndex, '') ?? '').trim();
		const employeeId = await targetEmployeeId(this, itemIndex);
		const body: Record<string, string> = { startDate };
		if (reason !== '') body.reason = reason;
		await hiBobWrite(this, {
			method: 'POST',
			path: `/v1/employees/${employeeId}/start-date`,
			body,
			write: { idempotent: false, checkInBob: "the employee's start date (Work section)" },
			itemIndex,
		});
		return await writeOutput(this, itemIndex, {
			employeeId,
			operation: 'setStartDate',
			written: body,
			expected: { 'work.startDate': startDate },
		});
	});
}

export const setStartDate: HiBobOperation = { description, execute };
