/** Small list helpers the core and the glue share. Pure. */

/** Splits `values` into runs of at most `size`, in order. */
export function chunk<T>(values: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		chunks.push(values.slice(start, start + size));
	return chunks;
}

/** A list parameter as texts: a picked list (blank entries dropped) or comma-separated text, trimmed. */
export function stringList(value: unknown): string[] {
	if (Array.isArray(value))
		return value.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
	if (typeof value === 'string' && value.trim() !== '')
		return value
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
	return [];
}
