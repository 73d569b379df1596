/**
 * People's documents (`/v1/docs…`): folder metadata, an employee's documents, uploads (multipart part
 * `file`, or from a URL) into the shared, confidential or a custom folder, and deletes. Each folder has
 * its own permissions (view, upload, delete). Files over 5 MB are refused, over 1 MB for custom folders;
 * the status and text of that refusal are UNCONFIRMED.
 */
import type { ServiceUser } from './access';
import type { Company } from './company';
import { inScope } from './access';
import { apiError, empty, forbidden, json } from './answers';
import type { Handler, RouteContext } from './routes';
import type { ApiRequest, ApiResponse } from './simulator';
import { allowed, type Folder, type StoredDocument, type WorkState, workOf } from './work';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_CUSTOM_UPLOAD_BYTES = 1024 * 1024;

export interface MultipartPart {
	name: string;
	filename: string | null;
	contentType: string | null;
	/** The part's bytes as latin1 text (one character per byte). */
	data: string;
}

/** Splits a multipart/form-data body; null when the content type or the body is not multipart. */
export function parseMultipart(
	contentType: string | undefined,
	raw: Buffer,
): MultipartPart[] | null {
	const m = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '');
	if (!m) return null;
	const text = raw.toString('latin1');
	const delimiter = `--${m[1]}`;
	const chunks = text.split(delimiter);
	if (chunks.length < 3 || !chunks[chunks.length - 1].startsWith('--')) return null;
	const parts: MultipartPart[] = [];
	for (const chunk of chunks.slice(1, -1)) {
		const headerEnd = chunk.indexOf('\r\n\r\n');
		if (!chunk.startsWith('\r\n') || headerEnd < 0 || !chunk.endsWith('\r\n')) return null;
		const headers = chunk.slice(2, headerEnd);
		const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
		const name = /\bname="([^"]*)"/.exec(disposition)?.[1];
		if (name === undefined) return null;
		parts.push({
			name,
			filename: /\bfilename="([^"]*)"/.exec(disposition)?.[1] ?? null,
			contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1].trim() ?? null,
			data: chunk.slice(headerEnd + 4, -2),
		});
	}
	return parts;
}

/** What the request log shows for a multipart body: the parts without their bytes. */
export function multipartSummary(contentType: string | undefined, raw: Buffer): unknown {
	const parts = parseMultipart(contentType, raw);
	if (!parts) return undefined;
	return {
		multipart: parts.map((p) => ({ name: p.name, filename: p.filename, contentType: p.contentType, size: p.data.length })),
	}; // prettier-ignore
}

function folderJson(f: Folder) {
	return { id: { value: f.id }, name: { value: f.name }, folderType: { value: f.folderType } };
}

function documentJson(d: StoredDocument) {
	return {
		id: d.id,
		name: d.name,
		folderId: d.folderId,
		fileId: `file-${d.id}`,
		mimeType: d.mimeType,
		uploadedById: d.uploadedById,
		uploadDate: d.uploadDate,
		tags: d.tags,
	};
}

function header(req: ApiRequest, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

export function documentsRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, now } = ctx;
	if (rest[0] !== 'docs') return undefined;
	const state = workOf(company);
	if (method === 'GET' && rest.length === 3 && rest[1] === 'folders' && rest[2] === 'metadata')
		return { name: 'doc-folders', run: () => json(200, state.folders.map(folderJson)) };
	if (rest[1] !== 'people' || rest.length < 3) return undefined;
	const employeeId = rest[2];
	const withEmployee =
		(run: (user: ServiceUser, body: unknown, req: ApiRequest) => ApiResponse) =>
		(user: ServiceUser, body: unknown, req: ApiRequest): ApiResponse => {
			const e = company.employees.get(employeeId);
			if (!e || !inScope(company, user, e))
				return apiError(404, 'employee.not.found', `Employee ${employeeId} not found`);
			return run(user, body, req);
		};
	if (method === 'GET' && rest.length === 3)
		return {
			name: 'docs-list',
			run: withEmployee((user) =>
				json(200, {
					documents: [...state.documents.values()]
						.filter((d) => d.employeeId === employeeId && allowed(state, user.id, `docs.${d.folderId}.view`))
						.map((d) => ({ documentName: d.name, downloadLink: `https://app.hibob.com/api/docs/download/${d.id}` })),
				}),
			),
		}; // prettier-ignore
	const kind = rest[3];
	const byType = (type: 'shared' | 'confidential') =>
		state.folders.find((f) => f.folderType === type);
	const target = (): Folder | undefined => {
		if (kind === 'shared' || kind === 'confidential') return byType(kind);
		if (kind === 'folders' || kind === 'custom') return state.folders.find((f) => f.id === rest[4]);
		return undefined;
	};
	const isUpload =
		method === 'POST' &&
		(((kind === 'shared' || kind === 'confidential') &&
			rest.length === 5 &&
			rest[4] === 'upload') ||
			(kind === 'folders' && rest.length === 6 && rest[5] === 'upload'));
	if (isUpload)
		return {
			name: 'docs-upload',
			run: withEmployee((user, _body, req) => {
				const folder = target();
				if (!folder) return apiError(404, 'folder.not.found', `Folder ${rest[4]} not found`);
				if (!allowed(state, user.id, `docs.${folder.id}.upload`))
					return forbidden(`upload documents to the ${folder.name} folder`);
				const parts = parseMultipart(header(req, 'content-type'), req.rawBytes ?? Buffer.alloc(0));
				const file = parts?.find((p) => p.name === 'file');
				if (!file) return apiError(400, 'bad.request', 'A multipart/form-data body with a "file" part is required');
				const limit = folder.folderType === 'custom' ? MAX_CUSTOM_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
				if (file.data.length > limit)
					return apiError(400, 'file.too.large', `The file exceeds the ${limit / 1024 / 1024} MB limit`);
				const doc = store(state, {
					employeeId,
					folderId: folder.id,
					name: file.filename ?? 'file',
					mimeType: file.contentType ?? 'application/octet-stream',
					size: file.data.length,
					head: file.data.slice(0, 16),
					sourceUrl: null,
					tags: [],
					uploadedById: user.id,
					uploadDate: new Date(now).toISOString(),
				});
				return json(200, { id: doc.id });
			}),
		}; // prettier-ignore
	const isUrlUpload =
		method === 'POST' &&
		(((kind === 'shared' || kind === 'confidential') && rest.length === 4) ||
			(kind === 'custom' && rest.length === 5));
	if (isUrlUpload)
		return {
			name: 'docs-upload-url',
			run: withEmployee((user, body) => {
				const folder = target();
				if (!folder) return apiError(404, 'folder.not.found', `Folder ${rest[4]} not found`);
				if (!allowed(state, user.id, `docs.${folder.id}.upload`))
					return forbidden(`upload documents to the ${folder.name} folder`);
				const b = (body ?? {}) as { documentName?: unknown; documentUrl?: unknown; tags?: unknown };
				if (typeof b.documentName !== 'string' || b.documentName.trim() === '')
					return apiError(400, 'bad.request', 'documentName is required');
				if (typeof b.documentUrl !== 'string' || !/^https?:\/\/\S+$/.test(b.documentUrl))
					return apiError(400, 'bad.request', 'documentUrl must be an http(s) URL');
				const tags = Array.isArray(b.tags) ? b.tags.map(String) : [];
				const doc = store(state, {
					employeeId,
					folderId: folder.id,
					name: b.documentName,
					mimeType: 'application/octet-stream',
					size: 0,
					head: '',
					sourceUrl: b.documentUrl,
					tags,
					uploadedById: user.id,
					uploadDate: new Date(now).toISOString(),
				});
				return json(200, documentJson(doc));
			}),
		}; // prettier-ignore
	const isDelete =
		method === 'DELETE' &&
		(((kind === 'shared' || kind === 'confidential') && rest.length === 5) ||
			(kind === 'folders' && rest.length === 6));
	if (isDelete)
		return {
			name: 'docs-delete',
			run: withEmployee((user) => {
				const folder = target();
				if (!folder) return apiError(404, 'folder.not.found', `Folder ${rest[4]} not found`);
				if (!allowed(state, user.id, `docs.${folder.id}.delete`))
					return forbidden(`delete documents in the ${folder.name} folder`);
				const docId = rest[rest.length - 1];
				const doc = /^\d+$/.test(docId) ? state.documents.get(Number(docId)) : undefined;
				if (!doc || doc.employeeId !== employeeId || doc.folderId !== folder.id)
					return apiError(404, 'document.not.found', `Document ${docId} not found in the ${folder.name} folder`);
				state.documents.delete(doc.id);
				return empty();
			}),
		}; // prettier-ignore
	return undefined;
}

/** A document signed through Bob's eSign lands in the employee's shared folder. */
export function storeSignedDocument(
	company: Company,
	input: { employeeId: string; name: string; signedBy: string; at: string },
): StoredDocument {
	const state = workOf(company);
	const folder = state.folders.find((f) => f.folderType === 'shared')!;
	return store(state, {
		employeeId: input.employeeId,
		folderId: folder.id,
		name: input.name,
		mimeType: 'application/pdf',
		size: 1024,
		head: '%PDF-1.7',
		sourceUrl: null,
		tags: ['eSign'],
		uploadedById: input.signedBy,
		uploadDate: input.at,
	});
}

function store(state: WorkState, input: Omit<StoredDocument, 'id'>): StoredDocument {
	const doc: StoredDocument = { id: state.nextDocumentId++, ...input };
	state.documents.set(doc.id, doc);
	return doc;
}
