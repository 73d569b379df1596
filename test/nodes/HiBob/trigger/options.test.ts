/**
 * The trigger's options: first-run emission, configuration changes, output fields, labels, lifecycle
 * history enrichment, and exact 19-digit IDs.
 */
import type { IDataObject } from 'n8n-workflow';

import { CUSTOM_COST_CENTER } from '../../../simulator';
import type { RunningSimulator } from '../../../simulator';
import {
	ALL_EVENTS,
	bulkLifecycleCalls,
	eventsFor,
	pollOk,
	searches,
	TODAY,
	useTriggerSimulator,
} from './helpers';

const NODE_KEY = 'node:HiBob Trigger';
const fingerprintOf = (staticData: IDataObject) =>
	((staticData[NODE_KEY] as IDataObject).lifecycleSnapshot as IDataObject).c;

describe('HiBob Trigger: options', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	/** A department (list item ID) different from the employee's, with its name. */
	function otherDepartment(employeeId: string): { id: string; name: string } {
		const current = String(sim.control.getEmployee({ employeeId }).values['work.department']);
		const item = sim.simulator.company.lists
			.get('department')
			?.items.find((entry) => String(entry.id) !== current && !entry.archived);
		if (!item) throw new Error('no other department');
		return { id: String(item.id), name: item.name };
	}

	function departmentName(id: unknown): string | undefined {
		return sim.simulator.company.lists.get('department')?.items.find((entry) => String(entry.id) === String(id))?.name; // prettier-ignore
	}

	describe('Emit Existing Employees on First Run', () => {
		it('emits employeeCreated for everyone on the first run only', async () => {
			const parameters = { options: { emitExistingOnFirstRun: true } };
			const first = await pollOk({ sim, parameters });
			expect(first.events).toHaveLength(120);
			expect(new Set(first.events.map((e) => e.event))).toEqual(new Set(['employeeCreated']));
			expect(new Set(first.events.map((e) => e.employeeId)).size).toBe(120);
			const second = await pollOk({ sim, parameters, staticData: first.staticData });
			expect(second.output).toBeNull();
		});

		it('is off by default', async () => {
			expect((await pollOk({ sim })).output).toBeNull();
		});
	});

	describe('configuration changes', () => {
		it('a changed watched-field list re-baselines quietly (even with Emit Existing on), then watches the new fields', async () => {
			const [moved, other] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(30, 32).map((e) => e.id);
			const watchDepartment = { events: ALL_EVENTS, options: { emitExistingOnFirstRun: true, humanReadableLabels: false } };
			const first = await pollOk({ sim, parameters: watchDepartment });
			expect(first.events).toHaveLength(120);

			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': otherDepartment(moved).id } });
			const watchTitle = { ...watchDepartment, watchedFields: ['work.title'] };
			const rebaselined = await pollOk({ sim, parameters: watchTitle, staticData: first.staticData });
			expect(rebaselined.output).toBeNull();
			expect(rebaselined.dataChanged).toBe(true);
			expect(fingerprintOf(rebaselined.staticData)).not.toBe(fingerprintOf(first.staticData));

			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': otherDepartment(moved).id } });
			const title = sim.control.getEmployee({ employeeId: other }).values['work.title'];
			const ownTitle = sim.control.getEmployee({ employeeId: moved }).values['work.title'];
			const newTitle = title !== ownTitle ? title : sim.simulator.company.lists.get('title')?.items.find((i) => String(i.id) !== String(ownTitle))?.id;
			sim.control.changeFields({ employeeId: moved, fields: { 'work.title': newTitle } });
			const next = await pollOk({ sim, parameters: watchTitle, staticData: rebaselined.staticData });
			expect(next.events.map((e) => [e.employeeId, e.event])).toEqual([[moved, 'employeeUpdated']]);
			expect(next.events[0].changes).toEqual([{ field: 'work.title', previous: ownTitle, current: String(newTitle) }]);
		}); // prettier-ignore

		it('turning an event on or changing Lead Days keeps the baseline', async () => {
			const first = await pollOk({ sim, parameters: { events: ['employeeCreated'] } });
			const hire = sim.control.hire({ firstName: 'Lea', surname: 'Dtime', startDate: '2026-12-01' }).id;
			const next = await pollOk({ sim, parameters: { events: ['employeeCreated', 'startDateApproaching'], leadDays: 10 }, staticData: first.staticData });
			expect(fingerprintOf(next.staticData)).toBe(fingerprintOf(first.staticData));
			expect(eventsFor(next.events, [hire])).toEqual([[hire, 'employeeCreated'], [hire, 'startDateApproaching']]);
		}); // prettier-ignore

		it('only the chosen events are emitted; the others are still tracked', async () => {
			const parameters = { events: ['employeeTerminated'] };
			const first = await pollOk({ sim, parameters });
			const leaver = sim.control.listEmployees({ lifecycleStatus: 'employed' })[40].id;
			sim.control.hire({ firstName: 'Not', surname: 'Emitted', startDate: '2027-01-04' });
			sim.control.terminate({ employeeId: leaver, terminationDate: '2026-11-25' });
			const second = await pollOk({ sim, parameters, staticData: first.staticData });
			expect(second.output).toBeNull();
			sim.control.setToday({ today: '2026-11-26' });
			const third = await pollOk({ sim, parameters, staticData: second.staticData });
			expect(eventsFor(third.events, [leaver])).toEqual([[leaver, 'employeeTerminated']]);
			expect(new Set(third.events.map((e) => e.event))).toEqual(new Set(['employeeTerminated']));
		}); // prettier-ignore

		it('Lead Days decides when startDateApproaching fires', async () => {
			const parameters = { events: ['startDateApproaching'], leadDays: 3 };
			let state = (await pollOk({ sim, parameters })).staticData;
			const hire = sim.control.hire({
				firstName: 'Three',
				surname: 'Days',
				startDate: '2026-11-30',
			}).id;
			const fired: string[] = [];
			for (const today of ['2026-11-21', '2026-11-26', '2026-11-27', '2026-11-28']) {
				sim.control.setToday({ today });
				const run = await pollOk({ sim, parameters, staticData: state });
				state = run.staticData;
				if (eventsFor(run.events, [hire]).length > 0) fired.push(today);
			}
			expect(fired).toEqual(['2026-11-27']);
		});
	});

	describe('output fields', () => {
		it('requests only engine + chosen fields and outputs exactly the chosen ones, nested, without slash keys', async () => {
			const parameters = { events: ALL_EVENTS, outputFields: ['root.email', CUSTOM_COST_CENTER] };
			const first = await pollOk({ sim, parameters });
			const hire = sim.control.hire({ firstName: 'Out', surname: 'Put', startDate: '2027-01-11' });
			sim.control.changeFields({ employeeId: hire.id, fields: { [CUSTOM_COST_CENTER]: 'CC-42' } });
			sim.log.clear();
			const run = await pollOk({ sim, parameters, staticData: first.staticData });
			expect((searches(sim)[0].body as IDataObject).fields).toContain(CUSTOM_COST_CENTER);
			const created = run.events.find((e) => e.employeeId === hire.id) as IDataObject;
			expect(created.employee).toEqual({ id: hire.id, email: 'out.put@acme-sim.com', work: { custom: { field_1711886937296: 'CC-42' } } });
		}); // prettier-ignore

		it('Simplified output', async () => {
			const parameters = { options: { employeeOutput: 'simplified', humanReadableLabels: false } };
			const first = await pollOk({ sim, parameters });
			const hire = sim.control.hire({ firstName: 'Sim', surname: 'Ple', startDate: '2027-01-11', department: 'Finance', title: 'Accountant', site: 'Berlin' }); // prettier-ignore
			const run = await pollOk({ sim, parameters, staticData: first.staticData });
			const employee = run.events.find((e) => e.employeeId === hire.id)?.employee as IDataObject;
			expect(employee).toEqual(expect.objectContaining({ id: hire.id, displayName: 'Sim Ple', email: 'sim.ple@acme-sim.com', site: 'Berlin', startDate: '2027-01-11', lifecycleStatus: 'hired' })); // prettier-ignore
			expect(employee.work).toBeUndefined();
		});
	});

	describe('human-readable labels', () => {
		it('labels list values from HiBob\'s APPEND answer in the same single search, by default', async () => {
			const parameters = { events: ALL_EVENTS };
			const first = await pollOk({ sim, parameters });
			const moved = sim.control.listEmployees({ lifecycleStatus: 'employed' })[12].id;
			const before = sim.control.getEmployee({ employeeId: moved }).values['work.department'];
			const target = otherDepartment(moved);
			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': target.id } });
			sim.log.clear();
			const run = await pollOk({ sim, parameters, staticData: first.staticData });
			expect(sim.log.entries()).toHaveLength(1);
			expect((searches(sim)[0].body as IDataObject).humanReadable).toBe('APPEND');
			const updated = run.events.find((e) => e.employeeId === moved && e.event === 'employeeUpdated') as IDataObject; // prettier-ignore
			expect(updated.changes).toEqual([{ field: 'work.department', previous: before, current: target.id, previousLabel: departmentName(before), currentLabel: target.name }]); // prettier-ignore
			expect(updated.currentLabels).toEqual(expect.objectContaining({ department: target.name }));
			expect(updated.previousLabels).toEqual(expect.objectContaining({ department: departmentName(before) }));
			expect(((updated.employee as IDataObject).humanReadable as IDataObject).work).toEqual(expect.objectContaining({ department: target.name })); // prettier-ignore
		}); // prettier-ignore

		it('keeps dates ISO with labels on: labels are for list values, in the Simplified employee and beside it', async () => {
			const parameters = {
				events: ALL_EVENTS,
				options: { humanReadableLabels: true, employeeOutput: 'simplified' },
			};
			const first = await pollOk({ sim, parameters });
			const hire = sim.control.hire({ firstName: 'Iso', surname: 'Date', startDate: '2026-11-26', department: 'Finance' }); // prettier-ignore
			const leaving = sim.control.listEmployees({ lifecycleStatus: 'employed' })[20].id;
			sim.control.terminate({ employeeId: leaving, terminationDate: '2026-12-31' });
			const run = await pollOk({ sim, parameters, staticData: first.staticData });
			const created = run.events.find((e) => e.employeeId === hire.id && e.event === 'employeeCreated') as IDataObject; // prettier-ignore
			const scheduled = run.events.find((e) => e.employeeId === leaving && e.event === 'terminationScheduled') as IDataObject; // prettier-ignore
			expect(created.employee).toEqual(expect.objectContaining({ startDate: '2026-11-26', department: 'Finance', lifecycleStatus: 'Hired' })); // prettier-ignore
			expect((scheduled.employee as IDataObject).terminationDate).toBe('2026-12-31');
			expect(created.currentLabels).toEqual(expect.objectContaining({ lifecycleStatus: 'Hired', department: 'Finance' })); // prettier-ignore
			expect(created.currentLabels).not.toHaveProperty('startDate');
			expect(scheduled.changes).toContainEqual({ field: 'internal.terminationDate', previous: null, current: '2026-12-31' }); // prettier-ignore
			// Bob's display format (26/11/2026) appears nowhere in the events.
			expect(JSON.stringify(run.events).match(/"[^"]*":"\d{2}\/\d{2}\/\d{4}"/g)).toBeNull();
		});

		it("keeps dates ISO in the Nested employee's labels too, and labels list values there", async () => {
			const parameters = { options: { humanReadableLabels: true, emitExistingOnFirstRun: true } };
			const run = await pollOk({ sim, parameters });
			const employee = run.events[0].employee as IDataObject;
			expect(((employee.humanReadable as IDataObject).work as IDataObject).department).toEqual(expect.any(String)); // prettier-ignore
			expect(JSON.stringify(run.events).match(/"[^"]*":"\d{2}\/\d{2}\/\d{4}"/g)).toBeNull();
		});

		it('adds no labels when off', async () => {
			const off = { events: ALL_EVENTS, options: { humanReadableLabels: false } };
			const first = await pollOk({ sim, parameters: off });
			const moved = sim.control.listEmployees({ lifecycleStatus: 'employed' })[12].id;
			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': otherDepartment(moved).id } });
			const run = await pollOk({ sim, parameters: off, staticData: first.staticData });
			expect(run.events[0].currentLabels).toBeUndefined();
			expect((run.events[0].employee as IDataObject).humanReadable).toBeUndefined();
			expect(JSON.stringify(run.events[0].changes)).not.toContain('Label');
		}); // prettier-ignore
	});

	describe('lifecycle history enrichment', () => {
		const parameters = { events: ALL_EVENTS, options: { includeLifecycleHistory: true } };

		it('one bulk call per 200 changed employees, rows attached, exact 19-digit IDs', async () => {
			const first = await pollOk({ sim, parameters });
			const hires = Array.from({ length: 250 }, (_, index) =>
				sim.control.hire({ firstName: `Bulk${index}`, surname: 'Hire', startDate: '2027-03-01' }).id,
			);
			sim.log.clear();
			const run = await pollOk({ sim, parameters: { ...parameters }, staticData: first.staticData });
			expect(searches(sim)).toHaveLength(1);
			const calls = bulkLifecycleCalls(sim);
			expect(calls).toHaveLength(2);
			const requested = calls.flatMap((call) => call.query.employeeIds.split(','));
			for (const call of calls) expect(call.query.employeeIds.split(',').length).toBeLessThanOrEqual(200);
			expect(requested.sort()).toEqual([...hires].sort());
			expect(run.events).toHaveLength(250);
			for (const event of run.events) {
				expect(event.employeeId).toMatch(/^\d{19}$/);
				expect(hires).toContain(event.employeeId);
				expect(event.lifecycleChange).toEqual(expect.objectContaining({ status: 'Hired', effectiveDate: TODAY, employeeStatus: 'Inactive' }));
				expect(event.lifecycleHistory).toEqual([expect.objectContaining({ status: 'Hired', isCurrent: true })]);
			}
		}); // prettier-ignore

		it('an employee whose rows continue on the next page gets all of them, each once (HiBob pages by table rows)', async () => {
			const run = await pollOk({ sim, parameters: { ...parameters, options: { ...parameters.options, emitExistingOnFirstRun: true } } });
			expect(run.events).toHaveLength(120);
			const calls = bulkLifecycleCalls(sim);
			const rows = sim.control.listEmployees().map((e) => sim.control.getEmployee({ employeeId: e.id }).lifecycle);
			expect(calls).toHaveLength(Math.ceil(rows.reduce((n, list) => n + list.length, 0) / 200));
			expect(calls.length).toBeGreaterThan(1);
			for (const event of run.events) {
				const expected = sim.control.getEmployee({ employeeId: String(event.employeeId) }).lifecycle;
				expect((event.lifecycleHistory as IDataObject[]).map((row) => String(row.id))).toEqual(expected.map((row) => String(row.id)));
			}
		}); // prettier-ignore

		it('adds the real effective date of a status change, and makes no bulk call without lifecycle events', async () => {
			const first = await pollOk({ sim, parameters });
			const [onLeave, moved] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(50, 52).map((e) => e.id);
			sim.control.startLeave({ employeeId: onLeave, type: 'parental leave', startDate: '2026-11-19' });
			sim.log.clear();
			const run = await pollOk({ sim, parameters, staticData: first.staticData });
			expect(bulkLifecycleCalls(sim)).toHaveLength(1);
			expect(bulkLifecycleCalls(sim)[0].query.employeeIds).toBe(onLeave);
			const started = run.events.find((e) => e.event === 'leaveStarted') as IDataObject;
			expect(started.effectiveDate).toBe('2026-11-19');
			expect(started.lifecycleChange).toEqual(expect.objectContaining({ status: 'Parental leave', effectiveDate: '2026-11-19' }));

			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': otherDepartment(moved).id } });
			sim.log.clear();
			const update = await pollOk({ sim, parameters, staticData: run.staticData });
			expect(update.events.map((e) => e.event)).toEqual(['employeeUpdated']);
			expect(bulkLifecycleCalls(sim)).toHaveLength(0);
			expect(update.events[0].lifecycleHistory).toBeUndefined();
		}); // prettier-ignore
	});
});
