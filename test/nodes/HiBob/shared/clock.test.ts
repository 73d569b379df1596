import { clockNow, clockSettings, systemClock } from '../../../../nodes/HiBob/shared/clock';
import { transportSettings } from '../../../../nodes/HiBob/transport';

describe('the nodes’ clock', () => {
	afterEach(() => {
		transportSettings.clock = systemClock;
	});

	it('is the system clock by default', () => {
		const before = Date.now();
		const now = clockNow();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});

	it('is the one the transport uses: replacing the transport clock moves "now" for every reader', () => {
		const fixed = { ...systemClock, now: () => Date.parse('2026-11-21T09:00:00Z') };
		transportSettings.clock = fixed;
		expect(clockSettings.clock).toBe(fixed);
		expect(transportSettings.clock).toBe(fixed);
		expect(clockNow()).toBe(Date.parse('2026-11-21T09:00:00Z'));
	});
});
