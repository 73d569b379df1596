/** Load options for documents: the custom folders of `GET /v1/docs/folders/metadata`. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { hiBobRequest } from '../transport';

const valueOf = (field: unknown) =>
	field !== null && typeof field === 'object' ? (field as { value?: unknown }).value : field;

export async function getDocumentFolders(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = await hiBobRequest(this, { method: 'GET', path: '/v1/docs/folders/metadata' });
	const folders = Array.isArray(body) ? (body as Array<Record<string, unknown>>) : [];
	return folders
		.filter((folder) => valueOf(folder?.folderType) === 'custom')
		.map((folder) => ({ name: String(valueOf(folder.name)), value: String(valueOf(folder.id)) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
