/**
 * The trigger's quiet short path relies on an unchanged company answering byte for byte alike (real
 * HiBob promises no order of people; the simulator keeps its answers deterministic, so that tests and
 * benchmarks see the short path fire, and a change always shows in the bytes).
 */
import { type RunningSimulator } from '../index';
import { search, start } from './helpers';

describe('simulator: people search answers are deterministic for an unchanged company', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await start();
	});
	afterEach(async () => {
		await sim.stop();
	});

	const body = {
		fields: ['root.id', 'root.displayName', 'work.department', 'internal.lifecycleStatus'],
		showInactive: true,
	};

	it('answers repeated searches with the same bytes, with and without labels, as time passes within the day', async () => {
		const first = await search(sim, body);
		const labelled = await search(sim, { ...body, humanReadable: 'APPEND' });
		sim.control.advanceTime({ ms: 3 * 60 * 60 * 1000 });
		expect((await search(sim, body)).text).toBe(first.text);
		expect((await search(sim, { ...body, humanReadable: 'APPEND' })).text).toBe(labelled.text);
		expect(first.json.employees.length).toBeGreaterThan(50);
	});

	it('answers alike from a fresh simulator with the same seed, and differently after a change', async () => {
		const first = await search(sim, body);
		const twin = await start();
		try {
			expect((await search(twin, body)).text).toBe(first.text);
		} finally {
			await twin.stop();
		}
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0];
		sim.control.startLeave({ employeeId: employee.id });
		expect((await search(sim, body)).text).not.toBe(first.text);
	});
});
