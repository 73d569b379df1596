/**
 * Document → Download: the file of one of an employee's documents as n8n binary data. HiBob's document
 * list (`GET /v1/docs/people/{id}`) gives each document's name and a pre-signed download link, which
 * may point at another host; the file is fetched from that link without the HiBob credential
 * (transport/download.ts), up to a size the user sets.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	downloadFileName,
	listedDocuments,
	maxDownloadBytes,
	pickDocuments,
	readDocumentName,
} from '../../core/documents';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { asNodeError, errorItem } from '../../shared/items';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { downloadWithoutCredential, hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import { DOCS_PERMISSION, RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['download'] };

export const DEFAULT_MAX_MB = 10;

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose document to download' }),
	{
		displayName: 'Document Name',
		name: 'documentName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. contract.pdf',
		description: "The document's name as Document → Get Many lists it (documentName)",
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: DEFAULT_MAX_MB,
		description:
			"A larger file is not downloaded (the item fails with a clear error), so one big file cannot fill n8n's memory",
	},
	{
		displayName: 'If Several Have the Name',
		name: 'several',
		type: 'options',
		options: [
			{ name: 'Fail the Item', value: 'error', description: 'Refuse to guess which one is meant' },
			{ name: 'Download All', value: 'all', description: 'One output item per file' },
		],
		default: 'error',
	},
]);

async function downloadItem(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const documentName = readDocumentName(context.getNodeParameter('documentName', itemIndex, ''));
	const property = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const maxBytes = maxDownloadBytes(
		context.getNodeParameter('maxFileSizeMb', itemIndex, DEFAULT_MAX_MB),
	);
	const several =
		context.getNodeParameter('several', itemIndex, 'error') === 'all' ? 'all' : 'error';
	const employeeId = readEmployeeParameter(context, itemIndex);
	const path = `/v1/docs/people/${employeeId}`;
	const body = await explainStatus(
		context,
		itemIndex,
		{
			403: { message: `HiBob refused the documents of employee ${employeeId} (403)`, description: DOCS_PERMISSION },
			404: unknownEmployee(employeeId),
		},
		async () => await hiBobRequest(context, { method: 'GET', path, itemIndex }),
	); // prettier-ignore
	const documents = listedDocuments(body);
	if (documents === undefined)
		throw unexpectedAnswer(context, `GET ${path}`, 'has no "documents" list', { itemIndex });
	const output: INodeExecutionData[] = [];
	for (const document of pickDocuments(documents, documentName, several)) {
		const file = await downloadWithoutCredential(context, {
			url: document.downloadLink,
			maxBytes,
			itemIndex,
			what: `the document "${document.documentName}"`,
		});
		const fileName = downloadFileName(file.contentDisposition, document.documentName);
		const mimeType = file.contentType?.split(';')[0].trim() || undefined;
		const binary = await context.helpers.prepareBinaryData(file.body, fileName, mimeType);
		output.push({
			json: { employeeId, documentName: document.documentName, fileName, mimeType: binary.mimeType, size: file.body.length },
			binary: { [property]: binary },
			pairedItem: { item: itemIndex },
		}); // prettier-ignore
	}
	return output;
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await downloadItem(this, itemIndex)));
		} catch (error) {
			const failure = asNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push(errorItem(failure, itemIndex));
		}
	}
	return output;
}

export const download: HiBobOperation = { description, execute };
