/**
 * Values placed in a URL path. `encodeURIComponent` leaves `.` alone, and the URL parser n8n's HTTP
 * stack uses resolves `.` and `..` (also written `%2e`) as dot-segments: a List Name of ".." would
 * send `GET /v1/company/named-lists/..` to `GET /v1/company/`, another endpoint, with the same token.
 * The one rule: a path value is never empty, never `.` or `..` (in any spelling), and never holds `/`,
 * `\`, `?` or `#`. Path builders use `pathSegment`; the transport checks every finished path with
 * `assertSafePath`, so a builder that forgets still sends nothing. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';

/** `.` or `..`, also percent-encoded (`%2e`, `%2E`), which URL parsers treat as the same. */
function isDotSegment(segment: string): boolean {
	return /^(?:\.|%2e){1,2}$/i.test(segment);
}

/** Why `value` cannot be one path segment, or undefined when it can. */
function segmentProblem(value: string): string | undefined {
	if (value === '') return 'is empty';
	if (isDotSegment(value)) return 'is a dot-segment ("." or "..")';
	if (/[/\\?#]/.test(value)) return 'contains "/", "\\", "?" or "#"';
	if (/%(?:2f|5c|3f|23)/i.test(value)) return 'contains an encoded "/", "\\", "?" or "#"';
	return undefined;
}

/**
 * `value` as one encoded URL path segment, or an InputError naming `label` (e.g. "List Name") before
 * anything is sent.
 */
export function pathSegment(value: unknown, label: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	const problem = segmentProblem(text);
	if (problem !== undefined) {
		const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
		throw new InputError(
			`${label} "${shown}" ${problem} and cannot be used in a HiBob address`,
			`Give ${label} as HiBob names it (letters, digits, "-", "_" and "."; e.g. from the list in the node). Nothing was sent to HiBob.`,
		);
	}
	return encodeURIComponent(text);
}

/**
 * Throws an InputError unless `path` is an absolute path (`/v1/…`) whose every segment is safe: no
 * empty, `.` or `..` segment, no `\`, and no `?` or `#` (a query goes in `qs`).
 */
export function assertSafePath(path: string): void {
	const problem = !path.startsWith('/')
		? 'does not start with "/"'
		: /[?#\\]/.test(path)
			? 'contains "?", "#" or "\\"'
			: path
						.slice(1)
						.split('/')
						.some((segment) => segment === '' || isDotSegment(segment))
				? 'has an empty, "." or ".." segment'
				: undefined;
	if (problem !== undefined) {
		const shown = path.length > 80 ? `${path.slice(0, 80)}…` : path;
		throw new InputError(
			`The HiBob address "${shown}" ${problem} and was not sent`,
			'A value placed in the address (a name, type or ID) is not one HiBob uses. Check the values the node was given. Nothing was sent to HiBob.',
		);
	}
}
