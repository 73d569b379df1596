/**
 * What people read when a HiBob request fails: what happened and how to fix it, per case.
 * Pure text; the transport wraps it in NodeApiError.
 */
export interface FailureText {
	message: string;
	description: string;
}

/** The most of HiBob's own error text an error message quotes. */
export const ERROR_TEXT_CHARS = 300;

function cut(text: string): string {
	return text.length > ERROR_TEXT_CHARS ? `${text.slice(0, ERROR_TEXT_CHARS)}…` : text;
}

/**
 * HiBob's error text from an error body, at most ERROR_TEXT_CHARS long. The caller removes secrets
 * first: cutting before that could leave part of an echoed token behind.
 */
export function hiBobErrorText(body: unknown): string | undefined {
	const text = errorText(body);
	return text === undefined ? undefined : cut(text);
}

/** HiBob's error bodies come in several envelopes: {key,error}, {error,message}, {errors:{…}}. */
function errorText(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const text = body.trim();
		if (text === '' || text.startsWith('<')) return undefined;
		if (text.startsWith('{')) {
			try {
				return errorText(JSON.parse(text));
			} catch {
				return text;
			}
		}
		return text;
	}
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	for (const key of ['error', 'message', 'errorMessage']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	if (record.errors && typeof record.errors === 'object') {
		const parts = Object.entries(record.errors as Record<string, unknown>).map(
			([field, detail]) => {
				const text = errorText(detail);
				return text ? `${field}: ${text}` : field;
			},
		);
		if (parts.length > 0) return parts.join('; ');
	}
	return undefined;
}

function withHiBobSays(text: string, detail: string | undefined): string {
	return detail ? `${text} HiBob said: "${detail}"` : text;
}

export function statusFailure(
	status: number,
	detail: string | undefined,
	request: { method: string; path: string; attempts: number },
): FailureText {
	const where = `${request.method} ${request.path}`;
	switch (status) {
		case 400:
			return {
				message: `HiBob rejected the request as invalid (400)`,
				description: withHiBobSays(
					`Check the node's parameters (field IDs, filters, dates) for ${where}.`,
					detail,
				),
			};
		case 401:
			return {
				message: 'HiBob rejected the service user ID or token (401)',
				description:
					'Check the Service User ID and Token in the HiBob credential, and that its Environment matches where the service user was created (a sandbox service user only works against the sandbox). The request was not repeated: HiBob blocks callers that repeat failed logins.',
			};
		case 403:
			return {
				message: 'HiBob refused access (403)',
				description: withHiBobSays(
					`The service user may not call ${where}. In Bob, add the service user to a permission group that grants this data (Settings → Permission groups), or, if your account restricts API access by IP, allow the address n8n calls from.`,
					detail,
				),
			};
		case 404:
			return {
				message: 'Not found in HiBob (404)',
				description: withHiBobSays(
					`HiBob has nothing at ${where}, or the service user may not see it. Check the ID, email or name you passed.`,
					detail,
				),
			};
		case 429:
			return {
				message: `HiBob's rate limit is still exceeded after ${request.attempts} attempt${request.attempts === 1 ? '' : 's'} (429)`,
				description:
					'HiBob allows 50 people searches a minute per service user. Poll less often, spread workflows that use the same service user over time, or give busy workflows their own service user.',
			};
		default:
			if (status >= 500) {
				return {
					message: `HiBob is unavailable right now (${status})`,
					description: withHiBobSays(
						`HiBob answered ${where} with a server error${request.attempts > 1 ? ` ${request.attempts} times` : ''}. This is usually temporary: try again in a few minutes.`,
						detail,
					),
				};
			}
			return {
				message: `HiBob answered with status ${status}`,
				description: withHiBobSays(`Unexpected answer to ${where}.`, detail),
			};
	}
}

/**
 * A 3xx answer. Redirects are never followed: the request carries the service user's token (and
 * its body the request's data), and HiBob's API does not redirect.
 */
export function redirectFailure(
	request: { method: string; path: string },
	status: number,
	targetOrigin: string | undefined,
	baseUrl: string,
): FailureText {
	const to = targetOrigin ? ` to ${targetOrigin}` : '';
	return {
		message: `HiBob's address redirected the request${to} (${status}); redirects are not followed`,
		description: `${request.method} ${request.path} was answered with a redirect${to}. The node never follows a redirect, so the service user's token and the request's data stay with ${new URL(baseUrl).origin}; nothing was sent${to}. HiBob's API does not redirect: check the credential's Environment, and for Custom its Base URL (and any proxy in front of it).`,
	};
}

/** A successful answer larger than the cap the node reads into memory. */
export function tooLargeFailure(
	request: { method: string; path: string },
	capBytes: number,
): FailureText {
	const mib = capBytes / 1024 / 1024;
	const size =
		mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB` : `${capBytes} bytes`;
	return {
		message: `HiBob's answer is larger than ${size}, the most this node reads`,
		description: `The answer to ${request.method} ${request.path} was not read past ${size} and nothing was output. Ask for less at a time: fewer fields, a filter, or fewer items per run.`,
	};
}

export function htmlFailure(request: { method: string; path: string }): FailureText {
	return {
		message: 'HiBob answered with a web page instead of data',
		description: `${request.method} ${request.path} returned HTML. HiBob does that for addresses it does not serve: check the credential's Environment, and for Custom its Base URL (e.g. https://api.hibob.com, without extra path).`,
	};
}

export function invalidJsonFailure(request: {
	method: string;
	path: string;
	attempts: number;
}): FailureText {
	return {
		message: "HiBob's answer could not be read (invalid JSON)",
		description: `The answer to ${request.method} ${request.path} was not valid JSON${request.attempts > 1 ? ` ${request.attempts} times in a row` : ''}; it may have been cut off in transit. Try again; if it persists, check any proxy between n8n and HiBob.`,
	};
}

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
};

// The code stays out of the message: n8n replaces a message that names a network code with its own
// generic text, which would hide that it was HiBob that could not be reached.
export function networkFailure(
	code: string,
	request: { method: string; path: string; attempts: number },
): FailureText {
	return {
		message: `Could not reach HiBob: ${NETWORK_WORDS[code] ?? 'the network request failed'}`,
		description: `${request.method} ${request.path} failed before HiBob answered (${code})${request.attempts > 1 ? `, ${request.attempts} times` : ''}. Check n8n's network access to HiBob and the credential's Environment and Base URL.`,
	};
}

/**
 * A write that was sent once and whose outcome is unknown (server error, dropped connection, cut-off
 * answer). It is never repeated: repeating could create, terminate or add a row twice.
 */
export function unknownOutcomeFailure(failure: FailureText, checkInBob: string): FailureText {
	return {
		message: `HiBob may or may not have applied this change — ${failure.message}`,
		description: `${failure.description} The request was sent once and not repeated, since repeating it could apply it twice. Check ${checkInBob} in Bob before running it again.`,
	};
}
