/**
 * "Fetch Test Event" (manual mode): real data at once, and the saved state is never touched.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, poll, pollOk, searches, useTriggerSimulator } from './helpers';

describe('HiBob Trigger: manual mode', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS };

	it('returns the events that would fire now, leaves the static data byte-identical, and the next active poll still emits them', async () => {
		const baseline = await pollOk({ sim, parameters });
		const moved = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3].id;
		const department = sim.control.getEmployee({ employeeId: moved }).values['work.department'];
		const finance = sim.control.changeFields({ employeeId: moved, fields: { 'work.department': 'Finance' } });
		if (sim.control.getEmployee({ employeeId: finance.id }).values['work.department'] === department)
			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': 'Engineering' } });
		const stored = JSON.stringify(baseline.staticData);

		sim.log.clear();
		const manual = await pollOk({ sim, parameters, staticData: baseline.staticData, mode: 'manual' });
		expect(searches(sim)).toHaveLength(1);
		expect(manual.events.map((e) => [e.employeeId, e.event])).toEqual([[moved, 'employeeUpdated']]);
		expect(manual.events[0].sample).toBeUndefined();
		expect(JSON.stringify(manual.staticData)).toBe(stored);
		expect(manual.dataChanged).toBe(false);

		const active = await pollOk({ sim, parameters, staticData: manual.staticData });
		expect(active.events.map((e) => [e.employeeId, e.event])).toEqual([[moved, 'employeeUpdated']]);
		expect(JSON.stringify(active.staticData)).not.toBe(stored);
	}); // prettier-ignore

	it('with nothing pending, returns a few of the newest employees as marked samples, state untouched', async () => {
		const baseline = await pollOk({ sim, parameters });
		const stored = JSON.stringify(baseline.staticData);
		const newest = sim.control.hire({ firstName: 'Sam', surname: 'Ple', startDate: '2027-03-01' });
		// Seen by the active trigger first, so nothing is pending in manual mode.
		const seen = await pollOk({ sim, parameters, staticData: baseline.staticData });
		expect(seen.events.some((e) => e.employeeId === newest.id)).toBe(true);
		const seenState = JSON.stringify(seen.staticData);

		const manual = await pollOk({ sim, parameters, staticData: seen.staticData, mode: 'manual' });
		expect(manual.events).toHaveLength(3);
		for (const event of manual.events) {
			expect(event).toEqual(expect.objectContaining({ event: 'employeeCreated', sample: true, previous: null, changes: [] }));
			expect(event.employee).toEqual(expect.objectContaining({ id: event.employeeId }));
		}
		const starts = manual.events.map((e) => (e.current as IDataObject).startDate as string);
		expect(starts).toEqual([...starts].sort().reverse());
		expect(manual.events[0].employeeId).toBe(newest.id);
		expect(JSON.stringify(manual.staticData)).toBe(seenState);
		expect(manual.dataChanged).toBe(false);
		expect(seenState).not.toBe(stored);
	}); // prettier-ignore

	it('samples follow the selected events: only Employee Terminated → terminated people as employeeTerminated', async () => {
		const only = { events: ['employeeTerminated'] };
		const manual = await pollOk({ sim, parameters: only, mode: 'manual' });
		expect(manual.events).toHaveLength(3);
		const terminated = new Set(sim.control.listEmployees({ lifecycleStatus: 'terminated' }).map((e) => e.id));
		for (const event of manual.events) {
			expect(event).toEqual(expect.objectContaining({ event: 'employeeTerminated', sample: true }));
			expect(terminated.has(String(event.employeeId))).toBe(true);
		}
		const leave = await pollOk({ sim, parameters: { events: ['leaveStarted', 'employeeUpdated'] }, mode: 'manual' });
		expect(new Set(leave.events.map((e) => e.event))).toEqual(new Set(['leaveStarted']));
	}); // prettier-ignore

	it('on a never-activated trigger, returns samples and stores no snapshot', async () => {
		const manual = await pollOk({ sim, parameters, mode: 'manual' });
		expect(manual.events.length).toBe(3);
		expect(manual.events.every((e) => e.sample === true)).toBe(true);
		expect(JSON.stringify(manual.staticData)).not.toContain('lifecycleSnapshot');
		expect(manual.dataChanged).toBe(false);
	});

	it('reports a tripped safety guard in manual mode too, without touching the state', async () => {
		const baseline = await pollOk({ sim, parameters });
		sim.control.updateServiceUser({
			id: sim.serviceUser.id,
			permissions: { categories: ['root', 'work', 'about', 'employment'], scope: 'all' },
		});
		const manual = await poll({ sim, parameters, staticData: baseline.staticData, mode: 'manual' });
		expect(manual.error?.message).toMatch(/permission/);
		expect(manual.staticData).toEqual(baseline.staticData);
		expect(manual.dataChanged).toBe(false);
	});
});
