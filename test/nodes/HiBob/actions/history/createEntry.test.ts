import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import type { RunOptions } from '../employee/helpers';
import { byEmail, byId, failureOf, jsonOf, pairedOf, runEmployee } from '../employee/helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee History → Create Entry', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 40, seed: 15, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	// The Employee helper runs the HiBob node; these parameters pick the history resource.
	const run = async (parameters: IDataObject, options: RunOptions = {}) =>
		await runEmployee(
			sim,
			{ resource: 'employeeHistory', operation: 'createEntry', ...parameters },
			options,
		);
	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const raw = (id: string) => sim.simulator.company.employees.get(id)!;
	const item = (list: string, n: number) =>
		sim.simulator.company.lists.get(list)!.items.filter((i) => !i.archived)[n];
	const posts = () =>
		sim.log
			.entries({ path: '/v1/people/' })
			.filter((entry) => entry.method === 'POST' && entry.path !== '/v1/people/search');

	it('Work: the department label becomes its ID, the other columns are carried over, one POST; HiBob has the row', async () => {
		const e = employed();
		const dept = item('department', 2);
		const before = raw(e.id).work.at(-1)!;
		const result = await run({ table: 'work', employee: byId(e.id), effectiveDate: '2027-01-01T00:00:00', workColumns: { department: dept.name.toLowerCase(), reason: 'Reorg' } });
		expect(posts()).toHaveLength(1);
		expect(posts()[0]).toEqual(expect.objectContaining({ path: `/v1/people/${e.id}/work`, status: 200 }));
		expect(posts()[0].body).toEqual(expect.objectContaining({ effectiveDate: '2027-01-01', department: String(dept.id), siteId: Number(before.data.siteId), reason: 'Reorg' }));
		expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, operation: 'createEntry', employeeId: e.id, table: 'work', effectiveDate: '2027-01-01' })]);
		expect(raw(e.id).work.find((r) => r.effectiveDate === '2027-01-01')?.data.department).toBe(String(dept.id));
	}); // prettier-ignore

	it('Work: the manager by email is resolved to their ID (reportsTo {id}); no date means today in the workflow zone', async () => {
		const [e, m] = [employed(1), employed(2)];
		await run({ table: 'work', employee: byEmail(e.email), effectiveDate: '', workColumns: { reportsTo: m.email } });
		expect(posts()[0].body).toEqual(expect.objectContaining({ effectiveDate: DateTime.utc().toISODate(), reportsTo: { id: m.id } }));
	}); // prettier-ignore

	it('Employment: type and contract labels as IDs, weekly hours', async () => {
		const e = employed();
		const [type, contract] = [item('payrollEmploymentType', 1), item('employmentstatus', 1)];
		await run({ table: 'employment', employee: byId(e.id), effectiveDate: '2027-02-01', employmentColumns: { type: type.name, contract: String(contract.id), weeklyHours: 30 } });
		expect(posts()).toEqual([expect.objectContaining({ path: `/v1/people/${e.id}/employment`, status: 200, body: { effectiveDate: '2027-02-01', type: String(type.id), contract: String(contract.id), weeklyHours: 30 } })]);
	}); // prettier-ignore

	it('Employment: without the fields in the metadata, the lists are the live names (payrollEmploymentType, employmentstatus)', async () => {
		const company = sim.simulator.company;
		const saved = company.fields;
		Object.assign(company, { fields: saved.filter((field) => !field.id.startsWith('payroll.employment.')) });
		try {
			const e = employed();
			const [type, contract] = [item('payrollEmploymentType', 2), item('employmentstatus', 2)];
			await run({ table: 'employment', employee: byId(e.id), effectiveDate: '2027-02-02', employmentColumns: { type: type.name, contract: contract.name } });
			expect(posts()[0].body).toEqual(expect.objectContaining({ type: String(type.id), contract: String(contract.id) }));
		} finally {
			Object.assign(company, { fields: saved });
		}
	}); // prettier-ignore

	it('Work: a site given by label resolves through the list of the site field (work.siteId)', async () => {
		const e = employed(3);
		const site = item('site', 2);
		await run({ table: 'work', employee: byId(e.id), effectiveDate: '2027-01-05', workColumns: { site: site.name.toLowerCase() } });
		expect(posts()[0].body).toEqual(expect.objectContaining({ siteId: Number(site.id) }));
	}); // prettier-ignore

	it.each([
		['a malformed date', { effectiveDate: '2027-13-45', workColumns: { department: 'x' } }, /Effective Date "2027-13-45" is not a date/],
		['no column', { workColumns: {} }, /No column to set/],
		['a manager that is neither ID nor email', { workColumns: { reportsTo: 'Amy' } }, /neither a HiBob employee ID nor an email/],
	])('%s: a clear error, nothing sent', async (_name, extra, message) => {
		const failure = await failureOf(run({ table: 'work', employee: byId(employed().id), ...extra }));
		expect(failure.message).toMatch(message);
		expect(failure.context.itemIndex).toBe(0);
		expect(sim.log.entries()).toEqual([]);
	}); // prettier-ignore

	it('a label that matches no list item names the closest, and nothing is written', async () => {
		const dept = item('department', 0);
		const failure = await failureOf(run({ table: 'work', employee: byId(employed().id), workColumns: { department: `${dept.name}zz` } }));
		expect(failure.message).toBe(`"${dept.name}zz" is not a department in HiBob`);
		expect(failure.description).toContain(`"${dept.name}"`);
		expect(posts()).toEqual([]);
	}); // prettier-ignore

	it('an unknown outcome is never repeated: exactly one POST, the item says what to check', async () => {
		const e = employed();
		sim.control.injectFault({ kind: 'reset', method: 'POST', path: `/v1/people/${e.id}/employment`, afterApply: true });
		const failure = await failureOf(run({ table: 'employment', employee: byId(e.id), effectiveDate: '2027-03-01', employmentColumns: { weeklyHours: 20 } }));
		expect(failure.message).toMatch(/may or may not have applied/);
		expect(failure.description).toMatch(/Employment history for an entry effective 2027-03-01/);
		expect(posts()).toHaveLength(1);
		expect(raw(e.id).employment.filter((r) => r.effectiveDate === '2027-03-01')).toHaveLength(1);
	}); // prettier-ignore

	it('continue on fail keeps the item index and pairedItem; the good item is written', async () => {
		const e = employed(3);
		const result = await run({ table: 'employment', employee: byId(e.id), effectiveDate: '={{ $json.date }}', employmentColumns: { weeklyHours: 25 } }, {
			items: [{ json: { date: 'later' } }, { json: { date: '2027-04-01' } }],
			continueOnFail: true,
		});
		expect(pairedOf(result)).toEqual([0, 1]);
		expect(jsonOf(result)[0]).toEqual({ error: 'Effective Date "later" is not a date', description: expect.stringMatching(/Nothing was sent/) });
		expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, effectiveDate: '2027-04-01' }));
		expect(posts()).toHaveLength(1);
	}); // prettier-ignore
});
