/**
 * The one credential-less reader: fetches a URL HiBob handed out (a document's pre-signed download
 * link) through n8n's plain `httpRequest`, so the HiBob credential is never attached and never reaches
 * another host. No headers beyond Accept are sent, so a redirect carries nothing sensitive; at most 3
 * are followed. The body is read as a stream and the read stops once it passes `maxBytes` (or at once
 * when Content-Length says so), so a file over the cap is never held in memory. Not retried: the
 * caller says what to do instead.
 */
import type { IExecuteFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface Downloaded {
	body: Buffer;
	contentType?: string;
	contentDisposition?: string;
}

interface ByteStream {
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
	destroy?: () => void;
}

function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

function isStream(value: unknown): value is ByteStream {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as ByteStream)[Symbol.asyncIterator] === 'function'
	);
}

function chunkBytes(chunk: unknown): Buffer {
	if (Buffer.isBuffer(chunk)) return chunk;
	if (chunk instanceof Uint8Array) return Buffer.from(chunk);
	return Buffer.from(String(chunk));
}

/** What the link's host is called in messages (the signature in its query never is shown). */
export function linkHost(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'an invalid address';
	}
}

export async function downloadWithoutCredential(
	context: IExecuteFunctions,
	request: { url: string; maxBytes: number; itemIndex: number; what: string },
): Promise<Downloaded> {
	const { url, maxBytes, itemIndex, what } = request;
	const host = linkHost(url);
	const fail = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), message, { itemIndex, description });
	const mb = String(Math.round((maxBytes / 1024 / 1024) * 100) / 100);
	const tooBig = (size: string) =>
		fail(
			`${what[0].toUpperCase()}${what.slice(1)} is larger than the ${mb} MB limit (${size})`,
			'Raise Max File Size (MB) in the operation, or download it in Bob. Nothing was output for this item.',
		);
	if (!/^https?:\/\//i.test(url))
		throw fail(`HiBob's download link for ${what} is not an http(s) URL`, 'Nothing was downloaded. Report it if it persists.'); // prettier-ignore
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequest({
			method: 'GET',
			url,
			headers: { Accept: '*/*' },
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			maxRedirects: 3,
			json: false,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw fail(`Could not download ${what} from ${host}`, `${(error as Error).message}. The link HiBob gave is fetched without the HiBob credential; check that n8n can reach ${host}.`); // prettier-ignore
	}
	const status = Number(response.statusCode);
	const headers = (response.headers ?? {}) as Record<string, unknown>;
	const stream = response.body;
	const stop = () => (isStream(stream) ? stream.destroy?.() : undefined);
	if (status < 200 || status >= 300) {
		stop();
		throw fail(
			`${host} refused the download of ${what} (${status})`,
			status === 403 || status === 400
				? "HiBob's download links are signed and expire: run the node again for a fresh link. Nothing was output for this item."
				: 'Nothing was output for this item. Try again; if it persists, download it in Bob.',
		);
	}
	const declared = Number(headerOf(headers, 'content-length'));
	if (Number.isFinite(declared) && declared > maxBytes) {
		stop();
		throw tooBig(`${declared} bytes`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	if (isStream(stream)) {
		for await (const chunk of stream) {
			const bytes = chunkBytes(chunk);
			size += bytes.length;
			if (size > maxBytes) {
				stop();
				throw tooBig(`more than ${maxBytes} bytes`);
			}
			chunks.push(bytes);
		}
	} else if (stream !== undefined && stream !== null) {
		const bytes = chunkBytes(stream);
		if (bytes.length > maxBytes) throw tooBig(`${bytes.length} bytes`);
		chunks.push(bytes);
	}
	return {
		body: Buffer.concat(chunks),
		contentType: headerOf(headers, 'content-type'),
		contentDisposition: headerOf(headers, 'content-disposition'),
	};
}
