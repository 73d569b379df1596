/**
 * HR dates are calendar dates `YYYY-MM-DD` with no time zone (hibob-api.md §5.3); the trigger passes
 * `today` already computed in the workflow's time zone. Day numbers keep the arithmetic exact.
 */
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01, or undefined when the value is not a real `YYYY-MM-DD` date. */
export function dateToDayNumber(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = DATE_PATTERN.exec(value);
	if (!match) return undefined;
	const days = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
	// Rejects 2026-02-30 and years Date.UTC maps elsewhere (0000-0099).
	return dayNumberToDate(days) === value ? days : undefined;
}

export function dayNumberToDate(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function isCalendarDate(value: unknown): value is string {
	return dateToDayNumber(value) !== undefined;
}
