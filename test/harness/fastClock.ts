/**
 * A transport clock whose sleep returns at once and moves time forward, so retry waits are asserted
 * as numbers instead of being waited for.
 */
import type { Clock } from '../../nodes/HiBob/transport';
import { transportSettings } from '../../nodes/HiBob/transport';
import { DEFAULT_RETRY_POLICY } from '../../nodes/HiBob/transport/retry';

export interface FastClock extends Clock {
	sleeps: number[];
	advance(ms: number): void;
}

export function fastClock(startMs = Date.parse('2026-11-21T09:00:00Z'), random = 0.5): FastClock {
	let now = startMs;
	const sleeps: number[] = [];
	return {
		sleeps,
		now: () => now,
		random: () => random,
		advance(ms: number) {
			now += ms;
		},
		async sleep(ms: number) {
			sleeps.push(ms);
			now += ms;
		},
	};
}

/**
 * Installs a new clock from `make` (and the default retry policy) in the transport before each test
 * of the current file or block, and restores the transport's settings after it.
 */
export function useTransportClock<C extends Clock>(make: () => C, initial?: C): { current: C } {
	const holder = { current: initial as C };
	const original = { ...transportSettings };
	beforeEach(() => {
		holder.current = make();
		transportSettings.clock = holder.current;
		transportSettings.retryPolicy = DEFAULT_RETRY_POLICY;
	});
	afterAll(() => {
		Object.assign(transportSettings, original);
	});
	return holder;
}

/** Installs a fast clock (and the default retry policy) for the current test file. */
export function useFastClock(startMs?: number, random?: number): { current: FastClock } {
	return useTransportClock(() => fastClock(startMs, random), fastClock(startMs, random));
}
