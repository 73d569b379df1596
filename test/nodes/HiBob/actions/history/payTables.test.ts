/**
 * Employee History on the pay and training tables (Salary, Equity, Variable Pay, Training): Get, Get Many
 * (salaries in bulk), Create Entry (checked before sending, never repeated, read back) and Delete Entry,
 * through n8n-core's real contexts against the simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import type { RunOptions } from '../employee/helpers';
import { byEmail, byId, failureOf, jsonOf, runEmployee } from '../employee/helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee History → pay and training tables', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 30, seed: 15, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	const run = async (parameters: IDataObject, options: RunOptions = {}) =>
		await runEmployee(sim, { resource: 'employeeHistory', ...parameters }, options);
	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const writes = () => sim.log.entries({ path: '/v1/people/' }).filter((e) => e.method !== 'GET' && e.path !== '/v1/people/search'); // prettier-ignore
	const salary = { amount: 72000, currency: 'eur', payPeriod: 'Annual', payFrequency: 'Monthly' };

	it('Get reads a salary table: one item per row, IDs as text, base {value, currency}', async () => {
		const e = employed();
		const rows = jsonOf(await run({ operation: 'get', table: 'salaries', employee: byId(e.id) }));
		expect(rows).toEqual([expect.objectContaining({ employeeId: e.id, id: expect.stringMatching(/^\d+$/), isCurrent: true, base: { value: expect.any(Number), currency: expect.stringMatching(/^[A-Z]{3}$/) }, payPeriod: 'Annual' })]);
	}); // prettier-ignore

	it('Get reads training rows (not dated by effectiveDate)', async () => {
		const rows = (await Promise.all([0, 1, 2, 3].map(async (n) => jsonOf(await run({ operation: 'get', table: 'training', employee: byId(employed(n).id) }))))).flat();
		expect(rows.length).toBeGreaterThan(0);
		expect(rows[0]).toEqual(expect.objectContaining({ name: 'Training', frequency: 'Yearly', startDate: expect.any(String) }));
	}); // prettier-ignore

	it('Get Many reads salaries through the bulk endpoint, and refuses a table HiBob has no bulk read of', async () => {
		const rows = jsonOf(await run({ operation: 'getAll', table: 'salaries', employees: 'all', returnAll: true }));
		expect(rows.length).toBe(30);
		expect(sim.log.entries({ path: '/v1/bulk/people/salaries' })).toHaveLength(1);
		const failure = await failureOf(run({ operation: 'getAll', table: 'equities', employees: 'all', returnAll: true }));
		expect(failure.message).toBe('HiBob has no bulk read of the equities table');
		expect(sim.log.entries({ path: '/v1/bulk/' })).toHaveLength(1);
	}); // prettier-ignore

	it('Get: 403 without the Payroll category names the category', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: ['root', 'work'], scope: 'all' } });
		const failure = await failureOf(run({ operation: 'get', table: 'salaries', employee: byId(employed().id) }, { user: { id: user.id, token: user.token! } }));
		expect(failure.message).toMatch(/refused the salaries history .*\(403\)/);
		expect(failure.description).toMatch(/Payroll category/);
	}); // prettier-ignore

	it('Create Entry (Salary): one POST with the currency upper-cased, then the row as Bob holds it, whose ID Delete Entry removes', async () => {
		const e = employed(1);
		const created = jsonOf(await run({ operation: 'createEntry', table: 'salaries', employee: byEmail(e.email), effectiveDate: '2027-01-01T00:00:00', salaryColumns: salary }))[0];
		expect(writes().map((w) => [w.method, w.path, w.body])).toEqual([['POST', `/v1/people/${e.id}/salaries`, { effectiveDate: '2027-01-01', base: { value: 72000, currency: 'EUR' }, payPeriod: 'Annual', payFrequency: 'Monthly' }]]);
		expect(created).toEqual(expect.objectContaining({ success: true, table: 'salaries', employeeId: e.id, effectiveDate: '2027-01-01', entryId: expect.stringMatching(/^\d+$/), entry: expect.objectContaining({ effectiveDate: '2027-01-01', base: { value: 72000, currency: 'EUR' }, isCurrent: false }) }));
		const deleted = jsonOf(await run({ operation: 'deleteEntry', table: 'salaries', employee: byId(e.id), entryId: created.entryId }));
		expect(deleted).toEqual([{ success: true, operation: 'deleteEntry', employeeId: e.id, table: 'salaries', deletedEntryId: created.entryId }]);
		const left = jsonOf(await run({ operation: 'get', table: 'salaries', employee: byId(e.id) }));
		expect(left.map((r) => r.effectiveDate)).not.toContain('2027-01-01');
	}); // prettier-ignore

	it('Create Entry (Variable Pay, Equity, Training) sends the reference\'s columns', async () => {
		const e = employed(2);
		await run({ operation: 'createEntry', table: 'variable', employee: byId(e.id), effectiveDate: '2027-01-01', variableColumns: { amount: 5000, currency: 'USD', variableType: 'Commission', paymentPeriod: 'Quarterly', individualPercent: 100, reason: 'Sales plan' } });
		await run({ operation: 'createEntry', table: 'equities', employee: byId(e.id), effectiveDate: '2027-01-01', equityColumns: { quantity: 800, equityType: 'RSU', grantDate: '2027-01-01', exercisePrice: 1.25, currency: 'usd', grantType: 'Merit Grant' } });
		const training = jsonOf(await run({ operation: 'createEntry', table: 'training', employee: byId(e.id), trainingColumns: { name: 'Training', frequency: 'Once', startDate: '2027-02-01', endDate: '2027-02-02', cost: 300, currency: 'GBP' } }))[0];
		expect(writes().map((w) => w.body)).toEqual([
			{ effectiveDate: '2027-01-01', amount: { value: 5000, currency: 'USD' }, variableType: 'Commission', paymentPeriod: 'Quarterly', individualPercent: 100, reason: 'Sales plan' },
			{ effectiveDate: '2027-01-01', quantity: 800, equityType: 'RSU', grantDate: '2027-01-01', exercisePrice: { value: 1.25, currency: 'USD' }, grantType: 'Merit Grant' },
			{ name: 'Training', frequency: 'Once', startDate: '2027-02-01', endDate: '2027-02-02', cost: { value: 300, currency: 'GBP' } },
		]);
		expect(training).toEqual(expect.objectContaining({ table: 'training', entry: expect.objectContaining({ startDate: '2027-02-01', cost: { value: 300, currency: 'GBP' } }) }));
		expect(training).not.toHaveProperty('effectiveDate');
	}); // prettier-ignore

	it.each([
		['no amount', 'salaries', { salaryColumns: { currency: 'EUR' } }, /^Amount is required$/],
		['no currency', 'salaries', { salaryColumns: { amount: 100 } }, /^Currency is required$/],
		['a made-up currency', 'salaries', { salaryColumns: { amount: 100, currency: 'EUX' } }, /^Currency "EUX" is not a currency code$/],
		['a currency name', 'salaries', { salaryColumns: { amount: 100, currency: 'euros' } }, /is not a currency code/],
		['an unknown pay period', 'salaries', { salaryColumns: { ...salary, payPeriod: 'Fortnightly' } }, /^Pay Period "Fortnightly" is not one HiBob takes$/],
		['an unknown payment period', 'variable', { variableColumns: { amount: 1, currency: 'USD', variableType: 'Bonus', paymentPeriod: 'Weekly' } }, /Payment Period "Weekly"/],
		['a percentage over 100', 'variable', { variableColumns: { amount: 1, currency: 'USD', variableType: 'Bonus', companyPercent: 120 } }, /Company % 120 is not a percentage/],
		['no equity type', 'equities', { equityColumns: { quantity: 10 } }, /^Equity Type is required$/],
		['an exercise price without currency', 'equities', { equityColumns: { quantity: 10, equityType: 'RSU', exercisePrice: 2 } }, /^Currency is required$/],
		['no training name', 'training', { trainingColumns: { frequency: 'Once' } }, /^Training Name is required$/],
		['an end before the start', 'training', { trainingColumns: { name: 'Training', startDate: '2027-02-02', endDate: '2027-02-01' } }, /End Date 2027-02-01 is before Start Date 2027-02-02/],
		['a malformed date', 'salaries', { effectiveDate: '01/13/2027', salaryColumns: salary }, /Effective Date "01\/13\/2027" is not a date/],
	])('Create Entry with %s: a clear error and nothing is sent', async (_name, table, extra, message) => {
		const failure = await failureOf(run({ operation: 'createEntry', table, employee: byId(employed().id), effectiveDate: '2027-01-01', ...extra }));
		expect(failure.message).toMatch(message);
		expect(failure.description).toMatch(/Nothing was sent to HiBob/);
		expect(sim.log.entries({ path: '/v1/' })).toEqual([]);
	}); // prettier-ignore

	it('Create Entry: HiBob refusing the row (400, e.g. a second salary on one date) is reported, not repeated', async () => {
		const e = employed(3);
		const start = jsonOf(await run({ operation: 'get', table: 'salaries', employee: byId(e.id) }))[0].effectiveDate as string;
		sim.log.clear();
		const failure = await failureOf(run({ operation: 'createEntry', table: 'salaries', employee: byId(e.id), effectiveDate: start, salaryColumns: salary }));
		expect(failure.message).toMatch(/400/);
		expect(writes()).toHaveLength(1);
	}); // prettier-ignore

	it('Create Entry: a dropped connection is not repeated, and the error says what to check in Bob', async () => {
		sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/people/' });
		const failure = await failureOf(run({ operation: 'createEntry', table: 'salaries', employee: byId(employed().id), effectiveDate: '2027-01-01', salaryColumns: salary }));
		expect(writes()).toHaveLength(1);
		expect(failure.description).toMatch(/Salary table for the new row effective 2027-01-01/);
	}); // prettier-ignore

	it('Create Entry: 403 without edit rights names the category; 404 for an unknown employee', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: '*', editCategories: ['work'], scope: 'all' } });
		const refused = await failureOf(run({ operation: 'createEntry', table: 'equities', employee: byId(employed().id), effectiveDate: '2027-01-01', equityColumns: { quantity: 1, equityType: 'RSU' } }, { user: { id: user.id, token: user.token! } }));
		expect(refused.message).toMatch(/refused to add to the Equity table .*\(403\)/);
		expect(refused.description).toMatch(/Equity category/);
		const unknown = await failureOf(run({ operation: 'createEntry', table: 'salaries', employee: byId('1234567890123456789'), effectiveDate: '2027-01-01', salaryColumns: salary }));
		expect(unknown.message).toMatch(/no employee with ID 1234567890123456789/);
	}); // prettier-ignore

	it('Delete Entry: an unknown entry ID is HiBob\'s 404; a non-numeric ID is refused before sending', async () => {
		const failure = await failureOf(run({ operation: 'deleteEntry', table: 'variable', employee: byId(employed().id), entryId: '999' }));
		expect(failure.message).toMatch(/404|not found/i);
		const bad = await failureOf(run({ operation: 'deleteEntry', table: 'variable', employee: byId(employed().id), entryId: 'abc' }));
		expect(bad.message).toBe('Entry ID "abc" is not a history entry ID');
	}); // prettier-ignore
});
