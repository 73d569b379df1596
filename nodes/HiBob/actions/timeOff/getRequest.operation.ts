/** Time Off → Get Request: `GET /v1/timeoff/employees/{id}/requests/{requestId}`. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { stringifyIds } from '../../core/employeeIds';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	existingRequestProperties,
	readExistingRequest,
	TIME_OFF_PERMISSION,
} from './requestParameters';
import { RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['getRequest'] };

export const description = updateDisplayOptions({ show }, [...existingRequestProperties]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const { employeeId, requestId } = readExistingRequest(this, itemIndex);
		const body = await explainStatus(
			this,
			itemIndex,
			{
				403: { message: `HiBob refused the time-off requests of employee ${employeeId} (403)`, description: TIME_OFF_PERMISSION },
				404: { message: `HiBob has no time-off request ${requestId} for employee ${employeeId}`, description: 'Check both IDs: a request belongs to one employee. An edited request gets a new ID (see previousRequestId in Get Request Changes).' },
			},
			async () => await hiBobRequest(this, { method: 'GET', path: `/v1/timeoff/employees/${employeeId}/requests/${requestId}`, itemIndex }),
		); // prettier-ignore
		return stringifyIds((body ?? {}) as IDataObject);
	});
}

export const getRequest: HiBobOperation = { description, execute };
