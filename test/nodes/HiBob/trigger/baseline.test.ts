/**
 * Dates already due when the baseline is taken, while HiBob has not yet flipped the status (it flips
 * overnight in the site's time zone, later than a workflow in a time zone ahead of it sees the new day):
 * the flip is news, and is reported exactly once.
 */
import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, eventsFor, pollOk, useTriggerSimulator } from './helpers';

describe('HiBob Trigger: dates already due at the baseline', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS };
	const timezone = 'Pacific/Auckland';

	it('reports the termination and the start when HiBob flips them after the baseline', async () => {
		sim.control.setNow({ now: '2026-11-21T08:00:00.000Z' });
		const leaver = sim.control.listEmployees({ lifecycleStatus: 'employed' })[5].id;
		sim.control.terminate({ employeeId: leaver, terminationDate: '2026-11-21' });
		const joiner = sim.control.hire({
			firstName: 'Kai',
			surname: 'Ora',
			startDate: '2026-11-22',
		}).id;

		// The 22nd in Auckland, still the 21st for HiBob (the simulator works in UTC): the last day has
		// passed and the first day has come, but HiBob still says Employed and Hired.
		sim.control.setNow({ now: '2026-11-21T12:00:00.000Z' });
		expect(sim.control.getEmployee({ employeeId: leaver }).lifecycleStatus).toBe('employed');
		expect(sim.control.getEmployee({ employeeId: joiner }).lifecycleStatus).toBe('hired');
		const baseline = await pollOk({ sim, parameters, timezone });
		expect(baseline.events).toEqual([]);
		const again = await pollOk({ sim, parameters, timezone, staticData: baseline.staticData });
		expect(eventsFor(again.events, [leaver, joiner])).toEqual([]);

		// HiBob catches up overnight.
		sim.control.setNow({ now: '2026-11-22T12:00:00.000Z' });
		const flipped = await pollOk({ sim, parameters, timezone, staticData: again.staticData });
		expect(eventsFor(flipped.events, [leaver, joiner])).toEqual(
			[
				[joiner, 'employeeStarted'],
				[joiner, 'lifecycleStatusChanged'],
				[leaver, 'employeeTerminated'],
				[leaver, 'lifecycleStatusChanged'],
			].sort((a, b) => a.join().localeCompare(b.join())),
		);
		const terminated = flipped.events.find(
			(event) => event.employeeId === leaver && event.event === 'employeeTerminated',
		);
		expect(terminated?.effectiveDate).toBe('2026-11-21');

		const later = await pollOk({ sim, parameters, timezone, staticData: flipped.staticData });
		expect(eventsFor(later.events, [leaver, joiner])).toEqual([]);
	});
});
