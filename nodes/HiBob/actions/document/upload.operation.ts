/**
 * Document → Upload: a binary property of the input item (multipart, `POST
 * /v1/docs/people/{id}/{shared|confidential}/upload` or `…/folders/{folderId}/upload`) or a document
 * HiBob fetches from a URL (`POST …/{shared|confidential}` or `…/custom/{folderId}`). Sizes are checked
 * before sending. An upload is not repeated when its outcome is unknown (it would file a second copy).
 */
import { updateDisplayOptions } from '../../shared/displayOptions';
import { randomBytes } from 'node:crypto';

import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	checkUploadSize,
	folderPath,
	multipartFile,
	readDocumentUrl,
	uploadedId,
} from '../../core/documents';
import { stringifyIds } from '../../core/employeeIds';
import { InputError } from '../../core/errors';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { explainStatus, type StatusExplanations } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	checkDocumentsOf,
	DOCS_PERMISSION,
	folderProperties,
	readFolderParameters,
	RESOURCE,
} from './shared';

const show = { resource: [RESOURCE], operation: ['upload'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose documents get the file' }),
	...folderProperties,
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A file of the input item (e.g. from Read Binary File or HTTP Request)' },
			{ name: 'URL', value: 'url', description: 'HiBob downloads the document from a public URL' },
		],
		default: 'binary',
	}, // prettier-ignore
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
		description: 'At most 5 MB (1 MB into a custom folder)',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'Document URL',
		name: 'documentUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://files.example.com/contract.pdf',
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Document Name',
		name: 'documentName',
		type: 'string',
		default: '',
		description: "The document's name in Bob. Empty: the file's name.",
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'Document Name',
		name: 'documentName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Employment contract.pdf',
		description: "The document's name in Bob (HiBob does not take it from the URL)",
		displayOptions: { show: { source: ['url'] } },
	},
]);

/**
 * A binary's size in bytes without reading it: n8n's `bytes`, else the stored file's metadata (binary
 * data kept outside the item), else the length of the base64 text kept in the item.
 */
async function binarySize(context: IExecuteFunctions, binary: IBinaryData): Promise<number | undefined> {
	if (typeof binary.bytes === 'number' && Number.isFinite(binary.bytes)) return binary.bytes;
	if (binary.id) {
		const metadata = await context.helpers.getBinaryMetadata(binary.id);
		return typeof metadata.fileSize === 'number' ? metadata.fileSize : undefined;
	}
	if (typeof binary.data === 'string' && binary.data !== '') {
		const text = binary.data;
		const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
		return Math.floor((text.length * 3) / 4) - padding;
	}
	return undefined;
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = readEmployeeParameter(this, itemIndex);
		const folder = readFolderParameters(this, itemIndex);
		const source = this.getNodeParameter('source', itemIndex, 'binary') as string;
		const givenName = String(this.getNodeParameter('documentName', itemIndex, '')).trim();
		const base = `/v1/docs/people/${employeeId}`;
		const explanations: StatusExplanations = {
			400: { message: 'HiBob refused the document (400)', description: 'Check the size (5 MB, 1 MB into a custom folder), the file and the folder against what HiBob said. Nothing was filed.' },
			403: { message: `HiBob refused to file documents for employee ${employeeId} (403)`, description: DOCS_PERMISSION },
			404: { message: `HiBob has no employee ${employeeId} or no such folder`, description: "Check the employee ID (root.id) and the folder: the service user's permission group must include the employee." },
		}; // prettier-ignore
		const write = { idempotent: false, checkInBob: checkDocumentsOf(employeeId) };
		if (source === 'url') {
			const documentUrl = readDocumentUrl(this.getNodeParameter('documentUrl', itemIndex, ''));
			if (givenName === '')
				throw new InputError(
					'Document Name is empty',
					'A document from a URL needs a name in Bob. Nothing was sent to HiBob.',
				);
			const { body } = await explainStatus(this, itemIndex, explanations, async () =>
				await hiBobWrite(this, { method: 'POST', path: `${base}/${folderPath(folder, 'url')}`, body: { documentName: givenName, documentUrl }, write, itemIndex }),
			); // prettier-ignore
			const document = stringifyIds((body ?? {}) as IDataObject);
			return {
				employeeId,
				folder: folder.kind,
				documentId: uploadedId(body) ?? null,
				name: givenName,
				...document,
			};
		}
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const fileName =
			givenName ||
			binary.fileName ||
			`${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		// The size is checked from the binary's metadata first, so an oversized file is refused without
		// being read into memory (in filesystem or S3 mode it would be loaded whole).
		const declaredSize = await binarySize(this, binary);
		if (declaredSize !== undefined) checkUploadSize(fileName, declaredSize, folder);
		const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		checkUploadSize(fileName, data.length, folder);
		const multipart = multipartFile({
			fileName,
			mimeType: binary.mimeType,
			data,
			boundary: `----n8n-hibob-${randomBytes(12).toString('hex')}`,
		});
		const { body } = await explainStatus(this, itemIndex, explanations, async () =>
			await hiBobWrite(this, { method: 'POST', path: `${base}/${folderPath(folder, 'upload')}`, multipart, write, itemIndex }),
		); // prettier-ignore
		return {
			employeeId,
			folder: folder.kind,
			...(folder.folderId ? { folderId: folder.folderId } : {}),
			documentId: uploadedId(body) ?? null,
			name: fileName,
			size: data.length,
		};
	});
}

export const upload: HiBobOperation = { description, execute };
