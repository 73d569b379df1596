/**
 * The one place that talks HTTP to HiBob. Every operation, the trigger, list searches and load options
 * call `hiBobRequest`; nothing else builds a request.
 *
 * - Base URL from the credential (core/baseUrl: https only, loopback http for local testing).
 * - JSON in and out; `Content-Type: application/json` only when there is a body: HiBob answers some
 *   GETs carrying it with 400 HTML.
 * - The body is read as text and parsed here, so that a 200 HTML page (HiBob's answer to unknown paths)
 *   or a cut-off answer is an error that says so, never data. With `raw`, the caller gets the
 *   bytes as received instead (no decoding, no JSON.parse) after the same checks.
 * - Retries per retry.ts, waiting with n8n's `sleep` through an injectable clock. Reads and idempotent
 *   writes are repeated after a 5xx or a dropped connection; a write that is not idempotent never is:
 *   its outcome is unknown, and the error says what to check in Bob before running it again. A 429 was
 *   not processed, so it is waited out and repeated for every request; 401/403 never are.
 * - Writes (`hiBobWrite`) report HiBob's 304 ("nothing changed") as `unchanged`, not as an error.
 * - Failures become NodeApiError with what happened and how to fix it (errors.ts). Nothing from the
 *   request (headers, auth) is attached to an error, and the token is scrubbed from any text HiBob echoes
 *   before that text is cut to length.
 * - The token stays with the credential's origin: redirects are never followed (any 3xx but a write's
 *   304 is an error naming where it pointed), and every path is checked (core/urlPath) so no `.`/`..`
 *   segment reaches another endpoint.
 * - Answers are read as a stream and counted: a successful answer larger than `maxAnswerBytes` is an
 *   error naming the cap (n8n's request helper itself buffers without limit), and at most
 *   `ERROR_BODY_BYTES` of an error answer is read.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resolveBaseUrl } from '../core/baseUrl';
import type { InputError } from '../core/errors';
import { memoPerContext } from '../core/memo';
import { assertSafePath } from '../core/urlPath';
import type { Clock } from '../shared/clock';
import { clockSettings } from '../shared/clock';
import type { FailureText } from './errors';
import {
	hiBobErrorText,
	htmlFailure,
	invalidJsonFailure,
	networkFailure,
	redirectFailure,
	statusFailure,
	tooLargeFailure,
	unknownOutcomeFailure,
} from './errors';
import type { RetryPolicy, SendOutcome } from './retry';
import { DEFAULT_RETRY_POLICY, decideRetry, headerValue } from './retry';

export const CREDENTIAL_TYPE = 'hiBobApi';

export type HiBobContext =
	| IExecuteFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions;

export type { Clock } from '../shared/clock';
export { systemClock } from '../shared/clock';

/** The most of a successful answer the package reads into memory (128 MiB), unless a request says otherwise. */
export const MAX_ANSWER_BYTES = 128 * 1024 * 1024;

/** The most of an error answer (a non-2xx status) that is read: enough for any error text HiBob sends. */
export const ERROR_BODY_BYTES = 64 * 1024;

/**
 * Process-wide transport settings (replaced by tests and benchmarks): the retry policy, the clock,
 * which is the nodes' one clock in shared/clock.ts (setting it here sets it for every reader of "now"),
 * and the answer-size cap.
 */
export const transportSettings: {
	clock: Clock;
	retryPolicy: RetryPolicy;
	maxAnswerBytes: number;
} = {
	get clock(): Clock {
		return clockSettings.clock;
	},
	set clock(clock: Clock) {
		clockSettings.clock = clock;
	},
	retryPolicy: DEFAULT_RETRY_POLICY,
	maxAnswerBytes: MAX_ANSWER_BYTES,
};

/** What makes a request a write, and how safe repeating it is. */
export interface HiBobWriteOptions {
	/**
	 * Sending it twice has the same effect as once (a PUT that sets values): repeated after a 5xx or a
	 * dropped connection like a read. A POST that creates, terminates, invites or adds a row is not.
	 */
	idempotent: boolean;
	/** What to look at in Bob when the outcome is unknown, e.g. "the employee's Employment table". */
	checkInBob: string;
}

export interface HiBobRequest {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path under the base URL, starting with /v1. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** A ready multipart/form-data body (file uploads) instead of JSON: its bytes and Content-Type. */
	multipart?: { body: Buffer; contentType: string };
	/** Set for every request that changes data in HiBob; absent for reads (HiBob's POST searches too). */
	write?: HiBobWriteOptions;
	/** The input item this request serves, for the error's item index. */
	itemIndex?: number;
	/** Absolute time (ms since epoch) after which no retry wait may end, e.g. a poll's budget. */
	deadline?: number;
	/**
	 * Reads a successful answer's body from the bytes as received (not decoded, not parsed) instead of
	 * `JSON.parse`; its result is what the request resolves to. The status, empty-body and HTML checks
	 * still apply, and a `SyntaxError` it throws counts as a cut-off answer (retried like one).
	 */
	raw?: (body: Buffer) => unknown;
	/**
	 * Told the status and headers of a successful (2xx) answer before its body is read, e.g. to tell
	 * a 204 "not ready yet" from an empty 200, or to read a `Location` header.
	 */
	onAnswer?: (answer: { status: number; headers: Record<string, unknown> }) => void;
	/** A larger (or smaller) cap than `transportSettings.maxAnswerBytes` for this request's answer. */
	maxAnswerBytes?: number;
}

interface Credentials {
	baseUrl: string;
	secrets: string[];
}

const credentialsByContext = new WeakMap<object, Promise<Credentials>>();

async function loadCredentials(
	context: HiBobContext,
	itemIndex: number | undefined,
): Promise<Credentials> {
	const data = await context.getCredentials(CREDENTIAL_TYPE, itemIndex ?? 0);
	const token = typeof data.token === 'string' ? data.token : '';
	const serviceUserId = typeof data.serviceUserId === 'string' ? data.serviceUserId : '';
	const secrets = token ? [token, Buffer.from(`${serviceUserId}:${token}`).toString('base64')] : [];
	let baseUrl: string;
	try {
		baseUrl = resolveBaseUrl(data);
	} catch (error) {
		// resolveBaseUrl's messages already say how to fix the credential.
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex,
			description: 'Nothing was sent to HiBob.',
		});
	}
	return { baseUrl, secrets };
}

function credentialsFor(
	context: HiBobContext,
	itemIndex: number | undefined,
): Promise<Credentials> {
	// A failed lookup is not cached: the next call reports it again with its own item index.
	return memoPerContext(credentialsByContext, context, () => loadCredentials(context, itemIndex));
}

/** Removes the token (and the Basic header built from it) from text that may echo them. */
export function scrub(text: string, secrets: string[]): string {
	let result = text;
	// A secret shorter than this would also match ordinary words; real HiBob tokens are far longer.
	for (const secret of secrets)
		if (secret.length >= 6) result = result.split(secret).join('[redacted]');
	return result;
}

function isHtml(contentType: string | undefined, text: string): boolean {
	if (contentType && /text\/html/i.test(contentType)) return true;
	return /^\s*</.test(text);
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return body === undefined || body === null ? '' : JSON.stringify(body);
}

function bodyBytes(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	return Buffer.from(bodyText(body), 'utf8');
}

interface ReadableBody {
	destroy(): void;
	[Symbol.asyncIterator](): AsyncIterator<unknown>;
}

function isReadableBody(body: unknown): body is ReadableBody {
	return (
		body !== null &&
		typeof body === 'object' &&
		typeof (body as { destroy?: unknown }).destroy === 'function' &&
		typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
	);
}

/** Stops reading an answer that is not needed (a redirect), so its connection is freed. */
function discardBody(body: unknown): void {
	if (isReadableBody(body)) body.destroy();
}

/**
 * The answer's bytes, read up to `cap`: `over` when there were more (the rest is not read and the
 * connection is closed). A body n8n's helper already buffered is measured the same way.
 */
async function readCapped(body: unknown, cap: number): Promise<{ bytes: Buffer; over: boolean }> {
	if (!isReadableBody(body)) {
		const bytes = bodyBytes(body);
		return bytes.length > cap
			? { bytes: bytes.subarray(0, cap), over: true }
			: { bytes, over: false };
	}
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		const bytes = bodyBytes(chunk);
		if (size + bytes.length > cap) {
			chunks.push(bytes.subarray(0, cap - size));
			body.destroy();
			return { bytes: Buffer.concat(chunks, cap), over: true };
		}
		chunks.push(bytes);
		size += bytes.length;
	}
	return { bytes: Buffer.concat(chunks, size), over: false };
}

/** Text as n8n's helper decodes it: UTF-8 without a byte-order mark. */
function utf8Text(bytes: Buffer): string {
	const text = bytes.toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The origin a redirect's Location points to (relative ones resolved against the request's URL). */
function redirectTarget(location: string | undefined, requestUrl: string): string | undefined {
	if (!location) return undefined;
	try {
		return new URL(location, requestUrl).origin;
	} catch {
		return undefined;
	}
}

/** The first character after leading whitespace ('' for a blank body), without decoding the rest. */
function leadingText(bytes: Buffer): string {
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d)
			return bytes.toString('utf8', index, index + 1);
	}
	return '';
}

/** The network error code behind a failed helper call (ECONNRESET, ETIMEDOUT, …), if there was one. */
function networkCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const record = current as { code?: unknown; cause?: unknown; httpCode?: unknown };
		if (typeof record.code === 'string' && /^E[A-Z_]+$/.test(record.code)) return record.code;
		current = record.cause;
	}
	const message = error instanceof Error ? error.message : '';
	const match = /\b(E[A-Z]{4,})\b/.exec(message);
	if (match) return match[1];
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	if (/timeout/i.test(message)) return 'ETIMEDOUT';
	return undefined;
}

function apiError(
	context: HiBobContext,
	failure: FailureText,
	details: { httpCode?: number; itemIndex?: number; secrets: string[]; retryAfterMs?: number },
): NodeApiError {
	const message = scrub(failure.message, details.secrets);
	const description = scrub(failure.description, details.secrets);
	const httpCode = details.httpCode === undefined ? undefined : String(details.httpCode);
	const cause =
		details.httpCode === 429
			? 'rate-limited'
			: details.httpCode === 401
				? 'credential-invalid'
				: details.httpCode !== undefined && details.httpCode >= 500
					? 'temporarily-unavailable'
					: undefined;
	return new NodeApiError(context.getNode(), { message, description, httpCode } as JsonObject, {
		message,
		description,
		httpCode,
		itemIndex: details.itemIndex,
		...(cause === undefined
			? {}
			: {
					failure:
						cause === 'credential-invalid'
							? { cause }
							: { cause, ...(details.retryAfterMs ? { retryAfterMs: details.retryAfterMs } : {}) },
				}),
	});
}

/**
 * Whether a failed attempt may have been applied by HiBob: a server error, a connection dropped before
 * the answer, or a 2xx whose body was cut off. A 4xx (429 included) was refused, so nothing happened.
 */
function outcomeUnknown(outcome: SendOutcome): boolean {
	if (outcome.kind === 'status') return outcome.status >= 500;
	return true;
}

/**
 * The one error for an answer HiBob's API does not document (a 200 without the expected list or
 * page): `HiBob's answer to <request> <problem>`, what was (not) done, and what to do. `consequence`
 * defaults to the action node's "Nothing was output for this item."
 */
export function unexpectedAnswer(
	context: Pick<HiBobContext, 'getNode'>,
	request: string,
	problem: string,
	options: { itemIndex?: number; consequence?: string } = {},
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `HiBob's answer to ${request} ${problem}`, {
		itemIndex: options.itemIndex,
		description: `${options.consequence ?? 'Nothing was output for this item.'} Try again; if it persists, check the credential's base URL or report it.`,
	});
}

/** Sends one HiBob request (with retries) and returns the parsed JSON body (null for an empty body). */
export async function hiBobRequest<T = unknown>(
	context: HiBobContext,
	request: HiBobRequest,
): Promise<T> {
	return (await exchange<T>(context, request)).body as T;
}

/** What a write got back: HiBob answers many writes with an empty body (`body` null), some with 304. */
export interface WriteResult<T = unknown> {
	status: number;
	body: T | null;
	/** HiBob answered 304: the values were already so (or the field is historical), nothing was stored. */
	unchanged: boolean;
}

/** Sends one write to HiBob under the write rules above. */
export async function hiBobWrite<T = unknown>(
	context: HiBobContext,
	request: HiBobRequest & { write: HiBobWriteOptions },
): Promise<WriteResult<T>> {
	const { status, body } = await exchange<T>(context, request);
	return { status, body, unchanged: status === 304 };
}

async function exchange<T>(
	context: HiBobContext,
	request: HiBobRequest,
): Promise<{ status: number; body: T | null }> {
	const { clock, retryPolicy } = transportSettings;
	const maxAnswerBytes = request.maxAnswerBytes ?? transportSettings.maxAnswerBytes;
	try {
		assertSafePath(request.path);
	} catch (error) {
		const problem = error as InputError;
		throw new NodeOperationError(context.getNode(), problem.message, {
			itemIndex: request.itemIndex,
			description: problem.hint,
		});
	}
	const { baseUrl, secrets } = await credentialsFor(context, request.itemIndex);
	// Repeating is harmless for reads and idempotent writes only; retry.ts calls that `read`.
	const read = request.write === undefined || request.write.idempotent;
	const hasBody = request.body !== undefined;
	const { multipart } = request;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers: multipart
			? { Accept: 'application/json', 'Content-Type': multipart.contentType }
			: hasBody
				? { Accept: 'application/json', 'Content-Type': 'application/json' }
				: { Accept: 'application/json' },
		...(request.qs ? { qs: request.qs } : {}),
		...(multipart
			? { body: multipart.body }
			: hasBody
				? { body: JSON.stringify(request.body) }
				: {}),
		// Read as a stream so the size can be counted and capped (see readCapped).
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Never follow a redirect: the token and the body would go wherever it points.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	const where = { method: request.method, path: request.path };

	let waitedMs = 0;
	for (let attempt = 1; ; attempt++) {
		let outcome: SendOutcome;
		let failure: FailureText;
		let httpCode: number | undefined;
		let retryAfterMs: number | undefined;
		let response: IN8nHttpFullResponse | undefined;
		let thrown: unknown;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				CREDENTIAL_TYPE,
				{ ...options },
			)) as IN8nHttpFullResponse;
		} catch (error) {
			thrown = error;
		}
		let answer: { bytes: Buffer; over: boolean } | undefined;
		if (response !== undefined) {
			const status = Number(response.statusCode);
			const headers = (response.headers ?? {}) as Record<string, unknown>;
			if (status >= 300 && status < 400 && status !== 304) {
				discardBody(response.body);
				throw apiError(
					context,
					redirectFailure(where, status, redirectTarget(headerValue(headers, 'location'), options.url), baseUrl),
					{ httpCode: status, itemIndex: request.itemIndex, secrets },
				); // prettier-ignore
			}
			const success = status >= 200 && status < 300;
			const cap = success ? maxAnswerBytes : ERROR_BODY_BYTES;
			const declared = Number(headerValue(headers, 'content-length'));
			if (success && Number.isFinite(declared) && declared > cap) {
				discardBody(response.body);
				throw apiError(context, tooLargeFailure(where, cap), {
					itemIndex: request.itemIndex,
					secrets,
				});
			}
			try {
				answer = await readCapped(response.body, cap);
			} catch (error) {
				// The connection broke while the answer was arriving.
				response = undefined;
				thrown = networkCode(error) === undefined ? Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) : error;
			} // prettier-ignore
			if (answer?.over && success)
				throw apiError(context, tooLargeFailure(where, cap), {
					itemIndex: request.itemIndex,
					secrets,
				});
		}

		if (response === undefined || answer === undefined) {
			// The helper throws only when no HTTP answer arrived (status errors are ignored above), or when
			// the credential's own guard refused the URL: that one is final and already says what to do.
			const code = networkCode(thrown) ?? 'NO_RESPONSE';
			if (code === 'NO_RESPONSE') {
				const text = thrown instanceof Error ? thrown.message : String(thrown);
				throw apiError(
					context,
					{
						message: scrub(text, secrets) || 'The request to HiBob was not sent',
						description: 'Nothing was received from HiBob. Check the HiBob credential.',
					},
					{ itemIndex: request.itemIndex, secrets },
				);
			}
			outcome = { kind: 'network', code };
			failure = networkFailure(code, { ...where, attempts: attempt });
		} else {
			const status = Number(response.statusCode);
			const headers = (response.headers ?? {}) as Record<string, unknown>;
			const bytes = request.raw && status >= 200 && status < 300 ? answer.bytes : undefined;
			// A raw answer is only looked at up to its first character; the rest stays undecoded.
			const text = bytes ? leadingText(bytes) : utf8Text(answer.bytes);
			if (status === 304 && request.write) return { status, body: null };
			if (status >= 200 && status < 300) {
				request.onAnswer?.({ status, headers });
				if (text.trim() === '') return { status, body: null };
				if (isHtml(headerValue(headers, 'content-type'), text)) {
					throw apiError(context, htmlFailure(where), {
						httpCode: status,
						itemIndex: request.itemIndex,
						secrets,
					});
				}
				let parsed: T | undefined;
				let parseFailed = false;
				try {
					parsed = (request.raw && bytes ? request.raw(bytes) : JSON.parse(text)) as T;
				} catch (error) {
					if (!(error instanceof SyntaxError))
						throw new NodeOperationError(context.getNode(), error as Error, {
							itemIndex: request.itemIndex,
						});
					parseFailed = true;
				}
				if (!parseFailed) return { status, body: parsed as T };
				outcome = { kind: 'invalidJson' };
				failure = invalidJsonFailure({ ...where, attempts: attempt });
			} else {
				outcome = { kind: 'status', status, headers };
				httpCode = status;
				failure = statusFailure(
					status,
					// The token is removed before the text is cut to length, so no part of it survives the cut.
					isHtml(headerValue(headers, 'content-type'), text)
						? undefined
						: hiBobErrorText(scrub(text, secrets)),
					{ ...where, attempts: attempt },
				);
			}
		}

		const now = clock.now();
		const decision = decideRetry(
			outcome,
			{
				attempt,
				read,
				waitedMs,
				nowMs: now,
				random: clock.random(),
				remainingBudgetMs: request.deadline === undefined ? undefined : request.deadline - now,
			},
			retryPolicy,
		);
		if (!decision.retry) {
			if (!read && request.write && outcomeUnknown(outcome)) {
				throw apiError(context, unknownOutcomeFailure(failure, request.write.checkInBob), {
					httpCode,
					itemIndex: request.itemIndex,
					secrets,
				});
			}
			if (outcome.kind === 'status' && outcome.status === 429) {
				retryAfterMs = decideRetry(
					outcome,
					{ attempt: 1, read, waitedMs: 0, nowMs: now, random: 0.5 },
					{
						...retryPolicy,
						maxAttempts: 2,
						maxTotalWaitMs: Number.MAX_SAFE_INTEGER,
						maxDelayMs: Number.MAX_SAFE_INTEGER,
					},
				).waitMs;
			}
			throw apiError(context, failure, {
				httpCode,
				itemIndex: request.itemIndex,
				secrets,
				retryAfterMs,
			});
		}
		await clock.sleep(decision.waitMs);
		waitedMs += decision.waitMs;
	}
}

/** Fetching what HiBob links to (document downloads) never goes through the credential: download.ts. */
export { downloadWithoutCredential } from './download';
export type { Downloaded } from './download';
