/**
 * People's documents: HiBob's size limits (5 MB; 1 MB into a custom folder), the multipart body of a
 * file upload (one part named `file`), folder paths and reading HiBob's answers. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_CUSTOM_UPLOAD_BYTES = 1024 * 1024;

export type FolderKind = 'shared' | 'confidential' | 'custom';

export interface FolderChoice {
	kind: FolderKind;
	/** The custom folder's ID (from `GET /v1/docs/folders/metadata`). */
	folderId?: string;
}

const NOT_SENT = 'Nothing was sent to HiBob.';

export function readFolder(kind: unknown, folderId: unknown): FolderChoice {
	if (kind === 'shared' || kind === 'confidential') return { kind };
	if (kind !== 'custom') throw new InputError(`"${String(kind)}" is not a document folder`, `Folder must be shared, confidential or custom. ${NOT_SENT}`);
	const id = typeof folderId === 'string' ? folderId.trim() : '';
	if (!/^[A-Za-z0-9-]{1,64}$/.test(id))
		throw new InputError(id === '' ? 'No custom folder is chosen' : `"${id.slice(0, 40)}" is not a HiBob folder ID`, `Pick the folder from the Custom Folder list (its IDs come from Bob's folder metadata). ${NOT_SENT}`);
	return { kind, folderId: id };
} // prettier-ignore

/** Path under `/v1/docs/people/{id}/` for uploads of a file, uploads from a URL, and deletes. */
export function folderPath(folder: FolderChoice, use: 'upload' | 'url' | 'delete'): string {
	if (folder.kind !== 'custom') return use === 'upload' ? `${folder.kind}/upload` : folder.kind;
	if (use === 'url') return `custom/${folder.folderId}`;
	return use === 'upload' ? `folders/${folder.folderId}/upload` : `folders/${folder.folderId}`;
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}

/** Refuses a file HiBob would refuse for its size, before it is sent. */
export function checkUploadSize(fileName: string, size: number, folder: FolderChoice): void {
	const limit = folder.kind === 'custom' ? MAX_CUSTOM_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
	if (size === 0) throw new InputError(`The file "${fileName}" is empty`, `Check that the binary property holds the file. ${NOT_SENT}`);
	if (size > limit)
		throw new InputError(
			`The file "${fileName}" is ${megabytes(size)}: HiBob takes at most ${limit / 1024 / 1024} MB${folder.kind === 'custom' ? ' into a custom folder' : ''}`,
			folder.kind === 'custom'
				? `Upload it to the shared or confidential folder (up to 5 MB), or make it smaller. ${NOT_SENT}`
				: `Make the file smaller (e.g. compress the PDF), or upload it from a URL. ${NOT_SENT}`,
		);
} // prettier-ignore

/** A multipart/form-data body with one `file` part, as HiBob's upload endpoints take it. */
export function multipartFile(input: { fileName: string; mimeType: string; data: Buffer; boundary: string }): { body: Buffer; contentType: string } {
	// Quotes and line breaks would end the header early; HiBob keeps the name as the document's name.
	const name = input.fileName.replace(/[\r\n]+/g, ' ').replace(/"/g, "'");
	const type = /^[\w.+-]+\/[\w.+-]+$/.test(input.mimeType) ? input.mimeType : 'application/octet-stream';
	const head = `--${input.boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head, 'utf8'), input.data, Buffer.from(`\r\n--${input.boundary}--\r\n`, 'utf8')]),
		contentType: `multipart/form-data; boundary=${input.boundary}`,
	};
} // prettier-ignore

/** The ID in HiBob's answer to an upload (`{id}`), as text; undefined when there is none. */
export function uploadedId(body: unknown): string | undefined {
	const id = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).id : body;
	return typeof id === 'number' || (typeof id === 'string' && id.trim() !== '') ? String(id).trim() : undefined;
} // prettier-ignore

/** An http(s) URL HiBob can fetch the document from. */
export function readDocumentUrl(value: unknown): string {
	const url = typeof value === 'string' ? value.trim() : '';
	if (!/^https?:\/\/[^\s/]+\S*$/i.test(url))
		throw new InputError(url === '' ? 'Document URL is empty' : `"${url.slice(0, 60)}" is not an http(s) URL`, `HiBob downloads the document from this address itself, so it must be public http(s). ${NOT_SENT}`);
	return url;
} // prettier-ignore
