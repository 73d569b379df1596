/**
 * The safety guard: a lost permission or a narrowed access scope must fail the poll loudly, emit nothing
 * and keep the state; a raised threshold lets a real mass change through.
 */
import type { RunningSimulator } from '../../../simulator';
import { ALL_EVENTS, poll, pollOk, useTriggerSimulator } from './helpers';

describe('HiBob Trigger: safety guard', () => {
	let sim: RunningSimulator;
	useTriggerSimulator((started) => (sim = started));

	const parameters = { events: ALL_EVENTS };

	it('fails when the Lifecycle category is removed from the service user, keeps the state, then catches up once restored', async () => {
		const baseline = await pollOk({ sim, parameters });
		const leaver = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2].id;
		sim.control.terminate({ employeeId: leaver, terminationDate: '2027-01-31' });
		sim.control.updateServiceUser({
			id: sim.serviceUser.id,
			permissions: { categories: ['root', 'about', 'work', 'employment', 'personal', 'home', 'payroll'], scope: 'all' },
		});
		const failed = await poll({ sim, parameters, staticData: baseline.staticData });
		expect(failed.error?.constructor.name).toBe('NodeOperationError');
		expect(failed.error?.message).toMatch(/^Safety check: HiBob returned no value for internal\.lifecycleStatus, internal\.status, internal\.terminationDate/);
		expect(failed.error?.message).toMatch(/lost a permission/);
		expect(failed.error?.description).toMatch(/permission group/);
		expect(failed.output).toBeNull();
		expect(failed.staticData).toEqual(baseline.staticData);
		expect(failed.dataChanged).toBe(false);

		sim.control.updateServiceUser({ id: sim.serviceUser.id, permissions: { categories: '*', scope: 'all' } });
		const restored = await pollOk({ sim, parameters, staticData: failed.staticData });
		expect(restored.events.map((e) => [e.employeeId, e.event])).toEqual([[leaver, 'terminationScheduled']]);
	}); // prettier-ignore

	it('fails when the access scope is narrowed to Employed people (HiBob\'s default condition)', async () => {
		const baseline = await pollOk({ sim, parameters });
		const hidden = sim.control.state().employees - sim.control.listEmployees({ lifecycleStatus: 'employed' }).length;
		expect(hidden).toBeGreaterThan(12);
		sim.control.updateServiceUser({ id: sim.serviceUser.id, permissions: { categories: '*', scope: 'employed-only' } });
		const failed = await poll({ sim, parameters, staticData: baseline.staticData });
		expect(failed.error?.message).toMatch(new RegExp(`^Safety check: ${hidden} of 120 known employees would be reported as removed or terminated`));
		expect(failed.error?.message).toMatch(/access scope or permissions changed/);
		expect(failed.error?.description).toMatch(/Safety Limit \(% of Employees\)/);
		expect(failed.error?.description).toMatch(new RegExp(`Safety Limit \\(Employees\\)" to at least ${hidden}`));
		expect(failed.output).toBeNull();
		expect(failed.staticData).toEqual(baseline.staticData);
		expect(failed.dataChanged).toBe(false);
	}); // prettier-ignore

	it('blocks a real mass termination by default and lets it through, exactly once, with a raised threshold', async () => {
		const baseline = await pollOk({ sim, parameters });
		const leavers = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(0, 15).map((e) => e.id);
		for (const employeeId of leavers) sim.control.terminate({ employeeId });

		const blocked = await poll({ sim, parameters, staticData: baseline.staticData });
		expect(blocked.error?.message).toMatch(/^Safety check: 15 of 120 known employees .*\(the safety limit is 12: 10% of known employees, at least 5\)/);
		expect(blocked.staticData).toEqual(baseline.staticData);

		const raised = { ...parameters, options: { safetyMaxPercent: 20 } };
		const through = await pollOk({ sim, parameters: raised, staticData: blocked.staticData });
		const terminated = through.events.filter((e) => e.event === 'employeeTerminated').map((e) => e.employeeId);
		expect(terminated.sort()).toEqual([...leavers].sort());

		const again = await pollOk({ sim, parameters: raised, staticData: through.staticData });
		expect(again.events.filter((e) => e.event === 'employeeTerminated')).toEqual([]);
	}); // prettier-ignore

	it('takes no baseline of nobody: a service user without a permission group fails the poll until it sees people', async () => {
		sim.control.updateServiceUser({ id: sim.serviceUser.id, permissions: null });
		const failed = await poll({ sim, parameters: { ...parameters, options: { emitExistingOnFirstRun: false } } });
		expect(failed.error?.message).toBe('HiBob returned no employees');
		expect(failed.error?.description).toMatch(/permission group/);
		expect(JSON.stringify(failed.staticData)).not.toContain('lifecycleSnapshot');
		sim.control.updateServiceUser({ id: sim.serviceUser.id, permissions: { categories: '*', scope: 'all' } });
		const baseline = await pollOk({ sim, parameters, staticData: failed.staticData });
		expect(baseline.output).toBeNull();
		expect(JSON.stringify(baseline.staticData)).toContain('lifecycleSnapshot');
	}); // prettier-ignore

	it('the minimum count also raises the limit', async () => {
		const baseline = await pollOk({ sim, parameters });
		const leavers = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(0, 15).map((e) => e.id);
		for (const employeeId of leavers) sim.control.terminate({ employeeId });
		const through = await pollOk({ sim, parameters: { ...parameters, options: { safetyMaxCount: 15 } }, staticData: baseline.staticData });
		expect(through.events.filter((e) => e.event === 'employeeTerminated')).toHaveLength(15);
	}); // prettier-ignore
});
