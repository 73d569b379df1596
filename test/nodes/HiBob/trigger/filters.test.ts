import type { RunningSimulator } from '../../../simulator';
import { eventsFor, poll, pollOk, searches, useTriggerSimulator } from './helpers';

describe('HiBob Trigger → Filters', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started), { employees: 80 });

	const engineering = {
		conditions: [{ field: 'work.department', operator: 'equals', value: 'engineering' }],
	};
	const parameters = (filters: object) => ({
		events: ['employeeUpdated', 'employeeRemoved', 'employeeCreated'],
		filters,
	});

	function departmentIdOf(label: string): string {
		const item = sim.simulator.company.lists.get('department')?.items.find((i) => i.name === label);
		if (!item) throw new Error(`no department ${label}`);
		return String(item.id);
	}

	function titleOtherThan(employeeId: string): string {
		const current = String(sim.control.getEmployee({ employeeId }).values['work.title']);
		const item = sim.simulator.company.lists
			.get('title')
			?.items.find((i) => String(i.id) !== current);
		return String(item?.id);
	}

	it('only employees matching the filter produce events; leaving the filter is a removal', async () => {
		const engineeringId = departmentIdOf('Engineering');
		const people = sim.control
			.listEmployees({ lifecycleStatus: 'employed' })
			.map((e) => sim.control.getEmployee({ employeeId: e.id }));
		const inside = people
			.filter((p) => String(p.values['work.department']) === engineeringId)
			.map((p) => p.id);
		const outside = people
			.filter((p) => String(p.values['work.department']) !== engineeringId)
			.map((p) => p.id);
		expect(inside.length).toBeGreaterThan(1);

		const baseline = await pollOk({ sim, parameters: parameters(engineering) });
		expect(baseline.events).toEqual([]);

		sim.control.changeFields({
			employeeId: inside[0],
			fields: { 'work.title': titleOtherThan(inside[0]) },
		});
		sim.control.changeFields({
			employeeId: outside[0],
			fields: { 'work.title': titleOtherThan(inside[0]) },
		});
		sim.control.changeFields({ employeeId: inside[1], fields: { 'work.department': 'Finance' } });
		sim.log.clear();
		const next = await pollOk({
			sim,
			parameters: parameters(engineering),
			staticData: baseline.staticData,
		});
		expect(eventsFor(next.events, [inside[0], inside[1], outside[0]])).toEqual(
			[
				[inside[0], 'employeeUpdated'],
				[inside[1], 'employeeRemoved'],
			].sort((a, b) => a.join().localeCompare(b.join())),
		);
		// Still one people search per poll; the filter only adds the metadata read.
		expect(searches(sim)).toHaveLength(1);
		const fieldsRead = sim.log.entries({ path: '/v1/company/people/fields' });
		expect(fieldsRead).toHaveLength(1);
	});

	it('a changed filter re-baselines quietly instead of reporting people entering or leaving it', async () => {
		const baseline = await pollOk({ sim, parameters: parameters(engineering) });
		const finance = {
			conditions: [{ field: 'work.department', operator: 'equals', value: 'Finance' }],
		};
		const changed = await pollOk({
			sim,
			parameters: parameters(finance),
			staticData: baseline.staticData,
		});
		expect(changed.events).toEqual([]);
		expect(changed.staticData).not.toEqual(baseline.staticData);
		// The same filter by label or by item ID is the same filter: no re-baseline, no events.
		const byId = {
			conditions: [
				{ field: 'work.department', operator: 'equals', value: departmentIdOf('Finance') },
			],
		};
		const same = await pollOk({
			sim,
			parameters: parameters(byId),
			staticData: changed.staticData,
		});
		expect(same.events).toEqual([]);
		expect(same.staticData).toEqual(changed.staticData);
	});

	it('a filter on a field that does not exist fails the poll before the people search and keeps the state', async () => {
		const baseline = await pollOk({ sim, parameters: parameters(engineering) });
		sim.log.clear();
		const bad = { conditions: [{ field: 'work.noSuchField', operator: 'equals', value: 'x' }] };
		const run = await poll({ sim, parameters: parameters(bad), staticData: baseline.staticData });
		expect(run.error?.message).toMatch(/noSuchField/);
		expect(searches(sim)).toHaveLength(0);
		expect(run.staticData).toEqual(baseline.staticData);
	});
});
