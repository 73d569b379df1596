/**
 * Time for every node: "now", waiting (n8n's `sleep`, since the community rules forbid timers) and the
 * randomness of retry jitter. One process-wide clock, which tests and benchmarks replace (through
 * `transportSettings.clock`) with one whose sleep returns at once.
 */
import { sleep } from 'n8n-workflow';

export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
	random(): number;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
	random: () => Math.random(),
};

/** The clock in use; replace `clock`, never the object. */
export const clockSettings: { clock: Clock } = { clock: systemClock };

/** Milliseconds since the epoch on the clock in use. */
export function clockNow(): number {
	return clockSettings.clock.now();
}
