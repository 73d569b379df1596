/**
 * Employee IDs in the snapshot. HiBob IDs are 19-digit decimal strings: base 62 stores them in 11
 * characters instead of 19. Anything else (leading zero, letters, more digits) is kept verbatim behind
 * '~', which base 62 never produces, so every ID round-trips exactly. The IDs exceed 2^53: the
 * conversion splits them into two plain numbers (hot path: once per employee per baseline).
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const RAW_ID_PREFIX = '~';
const BASE62_ID = /^[1-9]\d{0,18}$/;

/** A base-62 digit's value, -1 for any other character. */
function base62Digit(code: number): number {
	if (code >= 48 && code <= 57) return code - 48; // 0-9
	if (code >= 65 && code <= 90) return code - 55; // A-Z
	if (code >= 97 && code <= 122) return code - 61; // a-z
	return -1;
}

export function encodeEmployeeId(id: string): string {
	if (!BASE62_ID.test(id)) return RAW_ID_PREFIX + id;
	// high × 10^9 + low with high < 10^10: exact in two plain numbers.
	let high = id.length > 9 ? Number(id.slice(0, id.length - 9)) : 0;
	let low = Number(id.length > 9 ? id.slice(id.length - 9) : id);
	let encoded = '';
	while (high > 0 || low > 0) {
		const highQuotient = Math.floor(high / 62);
		const current = (high - highQuotient * 62) * 1e9 + low;
		const lowQuotient = Math.floor(current / 62);
		encoded = BASE62[current - lowQuotient * 62] + encoded;
		high = highQuotient;
		low = lowQuotient;
	}
	return encoded;
}

/**
 * The ID, or undefined when `encoded` is not what encodeEmployeeId writes for some ID (a hand edit):
 * only the canonical form decodes, so each ID has exactly one stored form.
 */
export function decodeEmployeeId(encoded: string): string | undefined {
	if (encoded.startsWith(RAW_ID_PREFIX)) {
		const id = encoded.slice(RAW_ID_PREFIX.length);
		return BASE62_ID.test(id) ? undefined : id;
	}
	if (encoded.length === 0 || encoded.length > 11 || encoded.charCodeAt(0) === 48) return undefined;
	// Below 62^11 < 10^9 × 2^36: high × 10^9 + low, exact in two plain numbers.
	let high = 0;
	let low = 0;
	for (let at = 0; at < encoded.length; at++) {
		const digit = base62Digit(encoded.charCodeAt(at));
		if (digit < 0) return undefined;
		low = low * 62 + digit;
		const carry = Math.floor(low / 1e9);
		low -= carry * 1e9;
		high = high * 62 + carry;
	}
	const id = high > 0 ? String(high) + String(low).padStart(9, '0') : String(low);
	return id.length <= 19 ? id : undefined;
}

/** Numeric order for decimal IDs (shorter first), so snapshots and events are deterministic. */
export function compareEmployeeIds(left: string, right: string): number {
	if (left.length !== right.length) return left.length - right.length;
	return left < right ? -1 : left > right ? 1 : 0;
}
