/**
 * "Today" is the calendar date in the workflow's time zone; detectedAt stays UTC.
 */
import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, eventsFor, pollOk, useTriggerSimulator } from './helpers';

describe('HiBob Trigger: time zone', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS };

	it.each([
		// 2026-11-21T23:30Z is still the 21st in UTC, already the 22nd (12:30, NZDT) in Auckland.
		['UTC', ['employeeCreated', 'startDateApproaching'], '2026-11-21'],
		['Pacific/Auckland', ['employeeCreated', 'employeeStarted'], '2026-11-22'],
	])('at 23:30 UTC with time zone %s a start on the 22nd gives %j', async (timezone, expected, today) => {
		sim.control.setNow({ now: '2026-11-21T08:00:00.000Z' });
		const baseline = await pollOk({ sim, parameters, timezone });
		const hire = sim.control.hire({ firstName: 'Zoe', surname: 'Ne', startDate: '2026-11-22' }).id;
		sim.control.setNow({ now: '2026-11-21T23:30:00.000Z' });
		const run = await pollOk({ sim, parameters, timezone, staticData: baseline.staticData });
		expect(eventsFor(run.events, [hire]).map(([, event]) => event).sort()).toEqual([...expected].sort());
		for (const event of run.events) expect(event.detectedAt).toBe('2026-11-21T23:30:00.000Z');
		const stored = (run.staticData['node:HiBob Trigger'] as { lifecycleSnapshot: { t: string } }).lifecycleSnapshot;
		expect(stored.t).toBe(today);
	}); // prettier-ignore

	it('fires employeeStarted once when the date is reached before HiBob flips Hired to Employed', async () => {
		const timezone = 'Pacific/Auckland';
		sim.control.setNow({ now: '2026-11-21T08:00:00.000Z' });
		let state = (await pollOk({ sim, parameters, timezone })).staticData;
		const hire = sim.control.hire({ firstName: 'Kai', surname: 'Ora', startDate: '2026-11-23' }).id;
		state = (await pollOk({ sim, parameters, timezone, staticData: state })).staticData;

		// The 23rd in Auckland, still the 22nd for HiBob (the simulator works in UTC): Hired.
		sim.control.setNow({ now: '2026-11-22T12:00:00.000Z' });
		expect(sim.control.getEmployee({ employeeId: hire }).lifecycleStatus).toBe('hired');
		const early = await pollOk({ sim, parameters, timezone, staticData: state });
		expect(eventsFor(early.events, [hire])).toEqual([[hire, 'employeeStarted']]);

		// HiBob catches up: only the status change is news.
		sim.control.setNow({ now: '2026-11-23T12:00:00.000Z' });
		expect(sim.control.getEmployee({ employeeId: hire }).lifecycleStatus).toBe('employed');
		const flipped = await pollOk({ sim, parameters, timezone, staticData: early.staticData });
		expect(eventsFor(flipped.events, [hire])).toEqual([[hire, 'lifecycleStatusChanged']]);
	}); // prettier-ignore
});
