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

/** One entry of HiBob's document list: its name and the pre-signed link to its file. */
export interface ListedDocument {
	documentName: string;
	downloadLink: string;
}

/** The documents of HiBob's list (`{documents: [{documentName, downloadLink}]}`) that have both. */
export function listedDocuments(body: unknown): ListedDocument[] | undefined {
	const list = body !== null && typeof body === 'object' ? (body as Record<string, unknown>).documents : undefined;
	if (!Array.isArray(list)) return undefined;
	return list.flatMap((entry) => {
		const e = entry as Record<string, unknown> | null;
		return e && typeof e.documentName === 'string' && typeof e.downloadLink === 'string'
			? [{ documentName: e.documentName, downloadLink: e.downloadLink }]
			: [];
	});
} // prettier-ignore

/** Document Name, trimmed, or an InputError. */
export function readDocumentName(value: unknown): string {
	const name = typeof value === 'string' ? value.trim() : '';
	if (name === '') throw new InputError('Document Name is empty', "Give the document's name as Document → Get Many lists it. Nothing was sent to HiBob.");
	return name;
} // prettier-ignore

/**
 * The documents named `name` (exact, then ignoring case and surrounding spaces). Several of that name
 * are an error unless `several` is `all`; none is an error naming what there is.
 */
export function pickDocuments(documents: ListedDocument[], name: string, several: 'error' | 'all'): ListedDocument[] {
	const wanted = readDocumentName(name);
	let found = documents.filter((d) => d.documentName === wanted);
	if (found.length === 0) found = documents.filter((d) => d.documentName.trim().toLowerCase() === wanted.toLowerCase());
	if (found.length === 0) {
		const names = documents.slice(0, 10).map((d) => `"${d.documentName}"`).join(', ');
		throw new InputError(`The employee has no document named "${wanted.slice(0, 80)}"`, documents.length === 0 ? 'HiBob lists no document of this employee in the folders the service user may view.' : `Their documents: ${names}${documents.length > 10 ? ', …' : ''}. Nothing was downloaded.`);
	}
	if (found.length > 1 && several === 'error')
		throw new InputError(`${found.length} documents of the employee are named "${wanted.slice(0, 80)}"`, 'Set "If Several Have the Name" to Download All, or rename the documents in Bob. Nothing was downloaded.');
	return found;
} // prettier-ignore

/** The file name a download should carry: the Content-Disposition's, else the document's name. */
export function downloadFileName(contentDisposition: string | undefined, documentName: string): string {
	const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(contentDisposition ?? '');
	if (star) {
		try {
			return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain name
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(contentDisposition ?? '');
	const name = (plain ? plain[1] : documentName).trim().replace(/[\\/]+/g, '_');
	return name === '' ? 'document' : name;
} // prettier-ignore

/** Max File Size (MB) as bytes, or an InputError. */
export function maxDownloadBytes(value: unknown): number {
	const mb = Number(value);
	if (!Number.isFinite(mb) || mb <= 0)
		throw new InputError(`Max File Size (MB) ${String(value)} is not a positive number`, 'Give the largest file to accept in megabytes, e.g. 10. Nothing was downloaded.');
	return Math.floor(mb * 1024 * 1024);
} // prettier-ignore
