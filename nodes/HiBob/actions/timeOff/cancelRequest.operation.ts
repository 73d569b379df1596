/**
 * Time Off → Cancel Request: `DELETE /v1/timeoff/employees/{id}/requests/{requestId}` (200, no body).
 * Not repeated when its outcome is unknown: a second cancel of a canceled request is refused by HiBob.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	checkRequestsOf,
	existingRequestProperties,
	readExistingRequest,
	TIME_OFF_PERMISSION,
} from './requestParameters';
import { RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['cancelRequest'] };

export const description = updateDisplayOptions({ show }, [...existingRequestProperties]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const { employeeId, requestId } = readExistingRequest(this, itemIndex);
		await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused to cancel time-off request ${requestId} (400)`, description: 'It may be canceled already, or in a state HiBob does not cancel through its API.' },
				403: { message: `HiBob refused to cancel time off of employee ${employeeId} (403)`, description: TIME_OFF_PERMISSION },
				404: { message: `HiBob has no time-off request ${requestId} for employee ${employeeId}`, description: 'Check both IDs: a request belongs to one employee.' },
			},
			async () =>
				await hiBobWrite(this, {
					method: 'DELETE',
					path: `/v1/timeoff/employees/${employeeId}/requests/${requestId}`,
					write: { idempotent: false, checkInBob: checkRequestsOf(employeeId) },
					itemIndex,
				}),
		); // prettier-ignore
		return { employeeId, requestId, canceled: true };
	});
}

export const cancelRequest: HiBobOperation = { description, execute };
