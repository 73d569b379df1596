/**
 * What the trigger stores: bytes of JSON.stringify(static data) per employee after a baseline on
 * simulated companies of 1k and 10k employees. Measured when written: default options 59.5 (1k) and
 * 52.6 (10k) bytes per employee; every event on (so the default watched fields are stored too) 68.8 and
 * 68.5; every event with Keep Previous Values off (digests only) 84.5 and 71.9, and 86.2 and 72.7 once
 * the digests were keyed (HMAC-SHA256 cut to 11 base64url characters). The engine's target is ≤ 96.
 */
import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, pollOk, searches, startSim, useSimulatorClock } from './helpers';

describe('HiBob Trigger: stored state size', () => {
	let sim: RunningSimulator;
	useSimulatorClock(() => sim);
	afterEach(async () => {
		await sim.stop();
	});

	it.each([
		[1_000, 'default options', 64, {}],
		[10_000, 'default options', 64, {}],
		[1_000, 'every event', 80, { events: ALL_EVENTS }],
		[10_000, 'every event', 80, { events: ALL_EVENTS }],
		[
			1_000,
			'every event, digests only',
			96,
			{ events: ALL_EVENTS, options: { keepPreviousValues: false } },
		],
		[
			10_000,
			'every event, digests only',
			96,
			{ events: ALL_EVENTS, options: { keepPreviousValues: false } },
		],
	])(
		'%i employees, %s: at most %j bytes per employee after one search',
		async (employees, _name, limit, parameters) => {
			sim = await startSim({ employees, seed: 11 });
			const run = await pollOk({ sim, parameters });
			expect(searches(sim)).toHaveLength(1);
			const stored = JSON.stringify(run.staticData);
			expect(stored).toContain('lifecycleSnapshot');
			expect(Buffer.byteLength(stored) / employees).toBeLessThanOrEqual(limit);
		},
		120_000,
	);
});
