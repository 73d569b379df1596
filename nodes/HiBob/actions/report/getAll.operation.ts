/** Report → Get Many: the saved reports the service user may see (`GET /v1/company/reports`), with their folders. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { parseReports } from '../../core/reports';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import { forbiddenReports, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Folder ID',
		name: 'folderId',
		type: 'string',
		default: '',
		placeholder: 'e.g. people',
		description: "Only reports in this folder (the reports' folderId). Empty: every folder.",
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const folderId = String(this.getNodeParameter('folderId', itemIndex, '')).trim();
		const body = await explainStatus(this, itemIndex, { 403: forbiddenReports }, async () =>
			hiBobRequest(this, { method: 'GET', path: '/v1/company/reports', itemIndex }),
		);
		const reports = parseReports(body);
		if (!reports)
			throw unexpectedAnswer(this, 'GET /v1/company/reports', 'has no list of reports (views)', {
				itemIndex,
			});
		return reports
			.filter((report) => folderId === '' || report.folderId === folderId)
			.map((report) => ({ ...report }) as unknown as IDataObject);
	});
}

export const getAll: HiBobOperation = { description, execute };
