/**
 * Avatars: the image URL given to Set Avatar, and HiBob's answer to an avatar read, which is the
 * avatar's URL as text (the reference declares no content type). A JSON string or `{url}` is read
 * too, should HiBob answer one. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { isRecord } from './json';

/** An http(s) URL HiBob can fetch the image from, or an InputError. */
export function readImageUrl(value: unknown): string {
	const url = typeof value === 'string' ? value.trim() : '';
	if (!/^https?:\/\/[^\s/]+\S*$/i.test(url))
		throw new InputError(
			url === '' ? 'Image URL is empty' : `"${url.slice(0, 60)}" is not an http(s) URL`,
			'Give the public http(s) address of the image (e.g. a Slack or Google profile photo URL): HiBob downloads it itself. Nothing was sent to HiBob.',
		);
	return url;
}

/** The avatar URL in HiBob's answer, or null when the answer is empty (no avatar). */
export function avatarUrlOf(bytes: Buffer): string | null {
	const text = bytes.toString('utf8').trim();
	if (text === '') return null;
	if (text.startsWith('"') || text.startsWith('{')) {
		const parsed: unknown = JSON.parse(text);
		if (typeof parsed === 'string') return parsed.trim() === '' ? null : parsed.trim();
		if (isRecord(parsed) && typeof parsed.url === 'string') return parsed.url;
		throw new SyntaxError('not an avatar URL');
	}
	if (!/^https?:\/\/\S+$/i.test(text)) throw new SyntaxError('not an avatar URL');
	return text;
}
