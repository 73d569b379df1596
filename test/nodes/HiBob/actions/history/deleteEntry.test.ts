import type { IDataObject } from 'n8n-workflow';

import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import type { RunOptions } from '../employee/helpers';
import { byId, failureOf, jsonOf, pairedOf, runEmployee } from '../employee/helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee History → Delete Entry', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 40, seed: 13, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	// The Employee helper runs the HiBob node; these parameters pick the history resource.
	const run = async (parameters: IDataObject, options: RunOptions = {}) =>
		await runEmployee(
			sim,
			{ resource: 'employeeHistory', operation: 'deleteEntry', ...parameters },
			options,
		);
	const withRows = (table: 'work' | 'employment', n = 0) =>
		[...sim.simulator.company.employees.values()].filter((e) => e[table].length >= 2)[n];
	const deletes = () => sim.log.entries().filter((entry) => entry.method === 'DELETE');

	it('DELETEs the Work row by its ID once; HiBob no longer has it', async () => {
		const e = withRows('work');
		const row = e.work[e.work.length - 1];
		const result = await run({ table: 'work', employee: byId(e.id), entryId: String(row.id) });
		expect(deletes()).toEqual([expect.objectContaining({ path: `/v1/people/${e.id}/work/${row.id}`, status: 200 })]);
		expect(jsonOf(result)).toEqual([{ success: true, operation: 'deleteEntry', employeeId: e.id, table: 'work', deletedEntryId: String(row.id) }]);
		expect(e.work.some((r) => r.id === row.id)).toBe(false);
	}); // prettier-ignore

	it('an Employment row too', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0];
		const employee = sim.simulator.company.employees.get(e.id)!;
		sim.simulator.company.addRow(employee, 'employment', '2026-06-01', { ...employee.employment[0].data });
		const row = employee.employment.find((r) => r.effectiveDate === '2026-06-01')!;
		await run({ table: 'employment', employee: byId(e.id), entryId: String(row.id) });
		expect(deletes().map((entry) => entry.path)).toEqual([`/v1/people/${e.id}/employment/${row.id}`]);
		expect(employee.employment.some((r) => r.id === row.id)).toBe(false);
	}); // prettier-ignore

	it.each([
		['no entry ID', { entryId: '' }, 'Entry ID is required'],
		['an entry ID that is not a number', { entryId: 'row-4' }, 'Entry ID "row-4" is not a history entry ID'],
		['the Lifecycle table', { table: 'lifecycle' }, `"lifecycle" is not a history table HiBob's API can write`],
	])('%s: a clear error, nothing sent', async (_name, extra, message) => {
		const e = withRows('work');
		const failure = await failureOf(run({ table: 'work', employee: byId(e.id), entryId: String(e.work[1].id), ...extra }));
		expect(failure.message).toBe(message);
		expect(failure.context.itemIndex).toBe(0);
		expect(sim.log.entries()).toEqual([]);
	}); // prettier-ignore

	it('an unknown outcome is never repeated: exactly one request, the item says what to check', async () => {
		const e = withRows('work');
		const row = e.work[e.work.length - 1];
		sim.control.injectFault({ kind: 'reset', method: 'DELETE', path: '/v1/people/', afterApply: true });
		const failure = await failureOf(run({ table: 'work', employee: byId(e.id), entryId: String(row.id) }));
		expect(failure.message).toMatch(/may or may not have applied/);
		expect(failure.description).toMatch(new RegExp(`entry ${row.id} is still in the employee's Work history`));
		expect(deletes()).toHaveLength(1);
	}); // prettier-ignore

	it("HiBob's refusal (the only row) fails that item; continue on fail keeps the item index and the other item", async () => {
		const only = [...sim.simulator.company.employees.values()].find((e) => e.employment.length === 1)!;
		const e = withRows('work');
		const row = e.work[e.work.length - 1];
		const result = await run({ table: '={{ $json.table }}', employee: '={{ $json.who }}', entryId: '={{ $json.entry }}' }, {
			items: [
				{ json: { table: 'employment', who: only.id, entry: String(only.employment[0].id) } },
				{ json: { table: 'work', who: e.id, entry: String(row.id) } },
			],
			continueOnFail: true,
		});
		expect(pairedOf(result)).toEqual([0, 1]);
		expect(jsonOf(result)[0].error).toMatch(/400|only employment entry/i);
		expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, deletedEntryId: String(row.id) }));
	}); // prettier-ignore
});
