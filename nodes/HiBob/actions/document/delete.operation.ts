/**
 * Document → Delete: `DELETE /v1/docs/people/{id}/{shared|confidential}/{docId}` or
 * `…/folders/{folderId}/{docId}`. Not repeated when its outcome is unknown.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { folderPath } from '../../core/documents';
import { InputError } from '../../core/errors';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	checkDocumentsOf,
	DOCS_PERMISSION,
	folderProperties,
	readFolderParameters,
	RESOURCE,
} from './shared';

const show = { resource: [RESOURCE], operation: ['delete'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose document to delete' }),
	...folderProperties,
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7300001',
		description: 'The documentId output by Upload',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = readEmployeeParameter(this, itemIndex);
		const folder = readFolderParameters(this, itemIndex);
		const documentId = String(this.getNodeParameter('documentId', itemIndex, '')).trim();
		if (!/^\d{1,20}$/.test(documentId))
			throw new InputError(
				documentId === ''
					? 'The document ID is empty'
					: `"${documentId.slice(0, 40)}" is not a HiBob document ID`,
				'A document ID is a number: the documentId output by Document → Upload. Nothing was sent to HiBob.',
			);
		await explainStatus(
			this,
			itemIndex,
			{
				403: { message: `HiBob refused to delete documents of employee ${employeeId} (403)`, description: DOCS_PERMISSION },
				404: { message: `HiBob has no document ${documentId} in that folder of employee ${employeeId}`, description: 'Check the document ID and the folder: a document is deleted from the folder it is in.' },
			},
			async () => await hiBobWrite(this, { method: 'DELETE', path: `/v1/docs/people/${employeeId}/${folderPath(folder, 'delete')}/${documentId}`, write: { idempotent: false, checkInBob: checkDocumentsOf(employeeId) }, itemIndex }),
		); // prettier-ignore
		return { employeeId, folder: folder.kind, documentId, deleted: true };
	});
}

export const deleteDocument: HiBobOperation = { description, execute };
