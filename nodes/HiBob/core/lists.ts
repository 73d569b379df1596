/** Small list helpers the core and the glue share. Pure. */

/** Splits `values` into runs of at most `size`, in order. */
export function chunk<T>(values: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		chunks.push(values.slice(start, start + size));
	return chunks;
}
