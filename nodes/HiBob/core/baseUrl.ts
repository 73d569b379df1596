/**
 * Where a HiBob credential points. Pure: used by the credential's `authenticate` (every request, the
 * credential test included) and by the transport, so the rule lives in one place.
 *
 * HiBob's production API is https://api.hibob.com and its sandbox https://api.sandbox.hibob.com; the
 * API lives under /v1 on both (https://apidocs.hibob.com). A custom URL must be https so the token never travels in clear text; plain
 * http is allowed only for loopback hosts (a local simulator).
 */
import { InputError } from './errors';

export type HiBobEnvironment = 'production' | 'sandbox' | 'custom';

export const HIBOB_BASE_URLS: Record<Exclude<HiBobEnvironment, 'custom'>, string> = {
	production: 'https://api.hibob.com',
	sandbox: 'https://api.sandbox.hibob.com',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Throws an InputError unless `url` is https, or http on a loopback host. */
export function assertSafeUrl(url: string): URL {
	if (!URL.canParse(url)) {
		throw new InputError(
			`The Base URL "${url}" in the HiBob credential is not a valid URL. Use the form https://api.example.com, or pick Production or Sandbox as the environment.`,
		);
	}
	const parsed = new URL(url);
	if (parsed.protocol === 'https:') return parsed;
	if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
	throw new InputError(
		`The Base URL "${parsed.origin}" in the HiBob credential is refused: it must start with https:// so the service user's token is never sent in clear text (plain http is allowed only for localhost, 127.0.0.1 and [::1]). Fix the Base URL in the HiBob credential.`,
	);
}

/**
 * The origin requests go to, without a trailing slash and without `/v1` (request paths carry it),
 * so "https://api.example.com/v1/" and "https://api.example.com" mean the same.
 */
export function resolveBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	const environment = (credentials.environment ?? 'production') as string;
	if (environment === 'production' || environment === 'sandbox')
		return HIBOB_BASE_URLS[environment];
	if (environment !== 'custom') {
		throw new InputError(
			`Unknown HiBob environment "${environment}". Open the HiBob credential and choose Production, Sandbox or Custom.`,
		);
	}
	const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
	if (raw === '') {
		throw new InputError(
			'The HiBob credential uses a custom environment but its Base URL is empty. Enter it (e.g. https://api.hibob.com) or choose Production or Sandbox.',
		);
	}
	const parsed = assertSafeUrl(raw);
	const path = parsed.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '');
	return `${parsed.origin}${path}`;
}

/** How HTTP clients join a base URL and a relative URL (axios: one slash between them). */
function joined(base: string, url: string): string {
	return url === '' ? base : `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/**
 * Throws an InputError unless a request for `url` (relative to `baseURL` when it has one, else to
 * `ownBase`) goes to the origin of `ownBase`, the credential's own base URL. The allowed origin comes
 * from the credential only; the request's `baseURL` is one more thing checked against it. Both ways
 * of resolving a relative URL (the URL standard's, and the plain joining HTTP clients do) must land
 * there, so neither `//other.host/x` nor a base URL elsewhere gets the token.
 */
export function assertSameOrigin(url: string, baseURL: string | undefined, ownBase: string): void {
	const ownOrigin = new URL(ownBase).origin;
	const base = baseURL === undefined || baseURL === '' ? ownBase : baseURL;
	const candidates: string[] = [];
	try {
		candidates.push(new URL(url, base).origin);
		// A scheme-less URL (no "x:" and not "//host") is joined to the base by HTTP clients.
		if (!/^[a-z][a-z\d+.-]*:/i.test(url) && !/^[\\/]{2}/.test(url))
			candidates.push(new URL(joined(base, url)).origin);
	} catch {
		candidates.push('(not a valid URL)');
	}
	const other = candidates.find((origin) => origin !== ownOrigin);
	if (other !== undefined) {
		throw new InputError(
			`The HiBob credential may only be used for ${ownOrigin}; this request was for ${other} and was not sent`,
			`The credential sends the service user's token only to its own Environment or Base URL. To call another address, use a credential made for it. Nothing was sent.`,
		);
	}
}
