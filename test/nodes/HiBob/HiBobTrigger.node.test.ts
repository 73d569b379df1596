/**
 * The HiBob Trigger through n8n-core's real PollContext against the simulator, with the simulator's
 * clock moved between polls and the static data JSON-round-tripped between polls as n8n stores it.
 */
import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../nodes/HiBob/HiBob.node';
import { LIFECYCLE_EVENTS, lifecycleFieldIds } from '../../../nodes/HiBob/core/lifecycle';
import { HiBobTrigger } from '../../../nodes/HiBob/HiBobTrigger.node';
import { DEFAULT_EVENTS } from '../../../nodes/HiBob/trigger/description';
import { SNAPSHOT_KEY } from '../../../nodes/HiBob/trigger/poll';
import type { RunningSimulator } from '../../simulator';
import {
	ALL_EVENTS,
	eventsFor,
	pollOk,
	searches,
	TODAY,
	useTriggerSimulator,
} from './trigger/helpers';

const NODE_KEY = 'node:HiBob Trigger';

function snapshotOf(staticData: IDataObject): IDataObject | undefined {
	return (staticData[NODE_KEY] as IDataObject | undefined)?.[SNAPSHOT_KEY] as
		| IDataObject
		| undefined;
}

describe('HiBob Trigger: description', () => {
	const { description } = new HiBobTrigger();

	it('is an n8n polling trigger without inputs, not a tool', () => {
		expect(description).toEqual(
			expect.objectContaining({
				name: 'hiBobTrigger',
				displayName: 'HiBob Trigger',
				polling: true,
				group: ['trigger'],
				inputs: [],
				icon: { light: 'file:hibob.svg', dark: 'file:hibob.dark.svg' },
			}),
		);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.subtitle).toEqual(expect.any(String));
		// n8n adds Poll Times itself.
		expect(description.properties.some((property) => property.name === 'pollTimes')).toBe(false);
	});

	it('offers exactly the engine events, with the documented default', () => {
		const events = description.properties.find((property) => property.name === 'events');
		expect(events?.options?.map((option) => (option as { value: string }).value).sort()).toEqual(
			[...LIFECYCLE_EVENTS].sort(),
		);
		expect(events?.default).toEqual(DEFAULT_EVENTS);
	});

	// n8n's node panel lists a trigger whose name without "Trigger" is an action node's name under
	// that node's entry, and shows the trigger's description there ("What happens next?" included):
	// the text describes the whole HiBob entry, its actions first. The browser test reads it on screen.
	it("describes the node panel's HiBob entry: the actions and the trigger's events", () => {
		expect(description.name.replace('Trigger', '')).toBe(new HiBob().description.name);
		expect(description.description).toMatch(/^Read and write HiBob/);
		expect(description.description).toMatch(/lifecycle/i);
		expect(description.description).toMatch(/time-off/i);
	});
});

describe('HiBob Trigger: polls against the simulator', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	describe('baseline', () => {
		it('takes a baseline with exactly one people search and emits nothing', async () => {
			const run = await pollOk({ sim });
			expect(run.output).toBeNull();
			const calls = sim.log.entries();
			expect(calls).toHaveLength(1);
			expect(calls[0]).toEqual(expect.objectContaining({ method: 'POST', path: '/v1/people/search' }));
			const body = calls[0].body as IDataObject;
			expect(body.showInactive).toBe(true);
			// Labels are on by default: HiBob's human-readable values come in the same search.
			expect(body.humanReadable).toBe('APPEND');
			// Engine fields plus the Default Set, nothing else.
			expect(new Set(body.fields as string[])).toEqual(
				new Set([
					...lifecycleFieldIds({ watchedFields: [] }),
					'root.firstName',
					'root.surname',
					'work.title',
					'work.department',
					'work.site',
					'work.siteId',
					'work.manager',
				]),
			);
			const snapshot = snapshotOf(run.staticData);
			expect(snapshot).toEqual(expect.objectContaining({ v: 1, t: TODAY }));
			expect((snapshot?.i as string[]).length).toBe(sim.control.state().employees);
			expect(run.dataChanged).toBe(true);
		}); // prettier-ignore

		it('a second quiet poll emits nothing and leaves the stored state untouched', async () => {
			const first = await pollOk({ sim });
			sim.log.clear();
			const second = await pollOk({ sim, staticData: first.staticData });
			expect(second.output).toBeNull();
			expect(searches(sim)).toHaveLength(1);
			expect(second.staticData).toEqual(first.staticData);
			expect(second.dataChanged).toBe(false);
		});

		it('a quiet poll on a new day stores the new day (no event, but the state moved)', async () => {
			const first = await pollOk({ sim });
			sim.control.advanceDays({ days: 1 });
			const second = await pollOk({ sim, staticData: first.staticData });
			expect(second.output).toBeNull();
			expect(second.dataChanged).toBe(true);
			expect(snapshotOf(second.staticData)?.t).not.toBe(snapshotOf(first.staticData)?.t);
			const third = await pollOk({ sim, staticData: second.staticData });
			expect(third.dataChanged).toBe(false);
		});
	});

	describe('a scripted company history: every event exactly once', () => {
		it('hire, start, leave, termination, rehire, field change and deletion over several polls', async () => {
			const parameters = { events: ALL_EVENTS, options: { humanReadableLabels: false } };
			const employed = sim.control.listEmployees({ lifecycleStatus: 'employed' });
			const [leaver, onLeave, moved, deleted] = employed.slice(20, 24).map((e) => e.id);
			const rehired = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0].id;
			const all: IDataObject[] = [];
			let state: IDataObject = {};
			const run = async () => {
				sim.log.clear();
				const result = await pollOk({ sim, parameters, staticData: state });
				expect(searches(sim)).toHaveLength(1);
				expect(sim.log.entries()).toHaveLength(1);
				state = result.staticData;
				all.push(...result.events);
				return result.events;
			};

			expect(await run()).toEqual([]);

			const nina = sim.control.hire({ firstName: 'Nina', surname: 'Park', startDate: '2026-11-25', department: 'Engineering' }).id; // prettier-ignore
			const before = sim.control.getEmployee({ employeeId: moved }).values['work.department'];
			sim.control.changeFields({ employeeId: moved, fields: { 'work.department': before === sim.control.getEmployee({ employeeId: nina }).values['work.department'] ? 'Finance' : 'Engineering' } }); // prettier-ignore
			const after = sim.control.getEmployee({ employeeId: moved }).values['work.department'];
			const ids = [nina, leaver, onLeave, moved, deleted, rehired];

			let events = await run();
			expect(eventsFor(events, ids)).toEqual(
				[
					[nina, 'employeeCreated'],
					[nina, 'startDateApproaching'],
					[moved, 'employeeUpdated'],
				].sort((a, b) => a.join().localeCompare(b.join())),
			);
			const created = events.find((e) => e.employeeId === nina && e.event === 'employeeCreated');
			expect(created).toEqual(
				expect.objectContaining({
					email: 'nina.park@acme-sim.com',
					displayName: 'Nina Park',
					effectiveDate: '2026-11-25',
					detectedAt: '2026-11-21T12:00:00.000Z',
					previous: null,
					changes: [],
				}),
			);
			expect(events.find((e) => e.employeeId === nina && e.event === 'startDateApproaching')?.effectiveDate).toBe('2026-11-25'); // prettier-ignore
			const updated = events.find((e) => e.employeeId === moved) as IDataObject;
			expect(updated.changes).toEqual([{ field: 'work.department', previous: before, current: after }]);
			expect((updated.previous as IDataObject).department).toBe(before);
			expect((updated.current as IDataObject).department).toBe(after);
			expect((updated.employee as IDataObject).work).toEqual(expect.objectContaining({ department: after })); // prettier-ignore

			sim.control.terminate({ employeeId: leaver, terminationDate: '2026-11-30' });
			sim.control.startLeave({ employeeId: onLeave });
			events = await run();
			expect(eventsFor(events, ids)).toEqual([
				[leaver, 'terminationScheduled'],
				[onLeave, 'leaveStarted'],
				[onLeave, 'lifecycleStatusChanged'],
			].sort((a, b) => a.join().localeCompare(b.join()))); // prettier-ignore
			expect(events.find((e) => e.event === 'terminationScheduled' && e.employeeId === leaver)?.effectiveDate).toBe('2026-11-30'); // prettier-ignore

			// The simulator switches Nina from Hired to Employed on her start date.
			sim.control.setToday({ today: '2026-11-25' });
			expect(sim.control.getEmployee({ employeeId: nina }).lifecycleStatus).toBe('employed');
			events = await run();
			expect(eventsFor(events, ids)).toEqual([
				[nina, 'employeeStarted'],
				[nina, 'lifecycleStatusChanged'],
			]);
			expect(events.find((e) => e.event === 'employeeStarted')?.effectiveDate).toBe('2026-11-25');

			sim.control.endLeave({ employeeId: onLeave });
			events = await run();
			expect(eventsFor(events, ids)).toEqual([
				[onLeave, 'leaveEnded'],
				[onLeave, 'lifecycleStatusChanged'],
			]);

			sim.control.setToday({ today: '2026-12-01' });
			sim.control.deleteEmployee({ employeeId: deleted });
			sim.control.rehire({ employeeId: rehired, startDate: '2026-12-03' });
			events = await run();
			expect(eventsFor(events, ids)).toEqual([
				[leaver, 'employeeTerminated'],
				[leaver, 'lifecycleStatusChanged'],
				[deleted, 'employeeRemoved'],
				[rehired, 'employeeRehired'],
				[rehired, 'lifecycleStatusChanged'],
				[rehired, 'startDateApproaching'],
			].sort((a, b) => a.join().localeCompare(b.join()))); // prettier-ignore
			expect(events.find((e) => e.event === 'employeeTerminated')?.effectiveDate).toBe('2026-11-30');
			const removed = events.find((e) => e.event === 'employeeRemoved') as IDataObject;
			expect(removed).toEqual(expect.objectContaining({ current: null, employeeId: deleted }));
			expect((removed.previous as IDataObject).email).toEqual(expect.stringContaining('@'));
		expect(removed.employee).toEqual(
			expect.objectContaining({
				id: deleted,
				email: (removed.previous as IDataObject).email,
				internal: expect.objectContaining({ lifecycleStatus: 'employed' }),
			}),
		);

			sim.control.setToday({ today: '2026-12-03' });
			events = await run();
			expect(eventsFor(events, ids)).toEqual([
				[rehired, 'employeeStarted'],
				[rehired, 'lifecycleStatusChanged'],
			]);

			sim.control.setToday({ today: '2026-12-04' });
			expect(eventsFor(await run(), ids)).toEqual([]);

			// Across the whole history: no event twice (status changes differ by their transition).
			const keys = all.map((e) => `${e.employeeId}|${e.event}|${e.effectiveDate}|${JSON.stringify(e.changes)}`);
			expect(new Set(keys).size).toBe(keys.length);
			for (const event of all) {
				expect(event.employeeId).toMatch(/^\d{19}$/);
				expect(event.detectedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
				expect(Object.keys(event.employee as IDataObject).some((key) => key.startsWith('/'))).toBe(false);
			}
		}); // prettier-ignore
	});
});
