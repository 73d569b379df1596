/**
 * Document → Get Many: `GET /v1/docs/people/{id}`, the documents of one employee in the folders the
 * service user may view. HiBob's answer carries each document's name and download link; any more it
 * sends (e.g. folder details) is passed on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { stringifyIds } from '../../core/employeeIds';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { DOCS_PERMISSION, RESOURCE } from './shared';
import { returnAllProperties } from '../../shared/returnAll';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose documents to list' }),
	...returnAllProperties,
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = readEmployeeParameter(this, itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const path = `/v1/docs/people/${employeeId}`;
		const body = await explainStatus(
			this,
			itemIndex,
			{
				403: { message: `HiBob refused the documents of employee ${employeeId} (403)`, description: DOCS_PERMISSION },
				404: unknownEmployee(employeeId),
			},
			async () => await hiBobRequest(this, { method: 'GET', path, itemIndex }),
		); // prettier-ignore
		const list =
			body !== null && typeof body === 'object' ? (body as IDataObject).documents : undefined;
		if (!Array.isArray(list))
			throw new NodeOperationError(this.getNode(), `HiBob's answer to GET ${path} has no "documents" list`, { itemIndex, description: 'Nothing was output for this item. Try again; if it persists, report it.' }); // prettier-ignore
		return (list as IDataObject[])
			.filter((entry) => entry !== null && typeof entry === 'object')
			.slice(0, limit)
			.map((entry) => stringifyIds({ employeeId, name: entry.documentName ?? null, ...entry }));
	});
}

export const getAll: HiBobOperation = { description, execute };
