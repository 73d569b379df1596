/**
 * When to try a HiBob request again, and how long to wait first. Pure: the transport feeds it what it
 * saw, a clock decides nothing here.
 *
 * HiBob's 429 carries X-RateLimit-Reset (Unix epoch seconds); Retry-After is not documented
 * but read defensively; otherwise exponential backoff with jitter. 401/403 are never repeated: HiBob's
 * WAF blocks callers that repeat them (≥50 in 10 s). 5xx and dropped connections are repeated for reads
 * only, since a write may have been applied.
 */
export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	/** Waiting allowed across all retries of one request. */
	maxTotalWaitMs: number;
	/** First backoff step; doubles each attempt. */
	baseDelayMs: number;
	/** Cap on one backoff step and on one rate-limit wait. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	maxTotalWaitMs: 120_000,
	baseDelayMs: 2_000,
	maxDelayMs: 65_000,
};

/** How one send of a request ended: an HTTP status, a network error, or a body that is not JSON. */
export type SendOutcome =
	| { kind: 'status'; status: number; headers: Record<string, unknown> }
	| { kind: 'network'; code: string }
	| { kind: 'invalidJson' };

const TRANSIENT_STATUSES = new Set([502, 503, 504]);

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (Array.isArray(value)) return value.length > 0 ? String(value[0]) : undefined;
		return value === undefined || value === null ? undefined : String(value);
	}
	return undefined;
}

/** Milliseconds to wait before a 429 is retried, from HiBob's headers; undefined when neither is usable. */
export function rateLimitWaitMs(
	headers: Record<string, unknown>,
	nowMs: number,
): number | undefined {
	const reset = Number(headerValue(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset > 0) {
		// The window resets at that second; one more second covers rounding on HiBob's side.
		return Math.max(0, reset * 1000 - nowMs) + 1000;
	}
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		const date = Date.parse(retryAfter);
		if (Number.isFinite(date)) return Math.max(0, date - nowMs);
	}
	return undefined;
}

export function backoffMs(policy: RetryPolicy, attempt: number, random: number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	// "Equal jitter": at least half the step, so waits grow, spread so parallel callers drift apart.
	return Math.round(step / 2 + (step / 2) * random);
}

export interface RetryDecision {
	retry: boolean;
	waitMs: number;
}

/**
 * Whether attempt number `attempt` (1-based) that ended in `outcome` should be retried, and after how
 * long. `waitedMs` is what earlier retries already waited; `remainingBudgetMs` what the caller may still
 * spend (a poll's budget), if it has one.
 */
export function decideRetry(
	outcome: SendOutcome,
	context: {
		attempt: number;
		read: boolean;
		waitedMs: number;
		nowMs: number;
		random: number;
		remainingBudgetMs?: number;
	},
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
	const stop: RetryDecision = { retry: false, waitMs: 0 };
	if (context.attempt >= policy.maxAttempts) return stop;

	let waitMs: number;
	if (outcome.kind === 'status' && outcome.status === 429) {
		waitMs =
			rateLimitWaitMs(outcome.headers, context.nowMs) ??
			backoffMs(policy, context.attempt, context.random);
		if (waitMs > policy.maxDelayMs) return stop;
	} else if (
		context.read &&
		((outcome.kind === 'status' && TRANSIENT_STATUSES.has(outcome.status)) ||
			outcome.kind === 'network' ||
			outcome.kind === 'invalidJson')
	) {
		waitMs = backoffMs(policy, context.attempt, context.random);
	} else {
		return stop;
	}

	if (context.waitedMs + waitMs > policy.maxTotalWaitMs) return stop;
	if (context.remainingBudgetMs !== undefined && waitMs >= context.remainingBudgetMs) return stop;
	return { retry: true, waitMs };
}
