/**
 * Options → Keep Previous Values off, through n8n's PollContext: the stored state holds no employee
 * value in clear text, and a change still fires once, with current values and no previous ones.
 */
import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, eventsFor, pollOk, useTriggerSimulator } from './helpers';

describe('HiBob Trigger: Keep Previous Values off', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS, options: { keepPreviousValues: false, humanReadableLabels: false } };

	it('stores digests only, and reports a department move once without its previous value', async () => {
		const [moved] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(10, 11);
		const before = sim.control.getEmployee({ employeeId: moved.id }).values;
		const baseline = await pollOk({ sim, parameters });
		expect(baseline.output).toBeNull();
		const stored = JSON.stringify(baseline.staticData);
		for (const field of ['root.email', 'root.surname', 'work.department', 'work.startDate', 'work.title']) {
			expect(stored).not.toContain(JSON.stringify(before[field]));
		}

		const department = sim.control
			.listEmployees({ lifecycleStatus: 'employed' })
			.map((employee) => sim.control.getEmployee({ employeeId: employee.id }).values['work.department'])
			.find((id) => id !== before['work.department']);
		sim.control.changeFields({ employeeId: moved.id, fields: { 'work.department': department } });
		const run = await pollOk({ sim, parameters, staticData: baseline.staticData });
		expect(eventsFor(run.events, [moved.id])).toEqual([[moved.id, 'employeeUpdated']]);
		const [event] = run.events;
		expect(event).toMatchObject({
			previous: {},
			changes: [{ field: 'work.department', current: department }],
			current: { department },
		});
		expect(event.changes).toEqual([{ field: 'work.department', current: department }]);
		expect(JSON.stringify(run.staticData)).not.toContain(JSON.stringify(department));

		const again = await pollOk({ sim, parameters, staticData: run.staticData });
		expect(again.output).toBeNull();
	}); // prettier-ignore
});
