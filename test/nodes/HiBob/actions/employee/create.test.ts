import type { IDataObject } from 'n8n-workflow';

import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { failureOf, jsonOf, pairedOf, runEmployee } from './helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

describe('HiBob → Employee → Create', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 30, seed: 14, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	const sites = () =>
		sim.simulator.company.lists.get('site')!.items.filter((item) => !item.archived);
	const creates = () =>
		sim.log
			.entries({ path: '/v1/people' })
			.filter((entry) => entry.method === 'POST' && entry.path === '/v1/people');
	const hire = (extra: IDataObject = {}): IDataObject => ({
		operation: 'create',
		firstName: 'Ada',
		surname: 'Quinn',
		email: 'ada.quinn@acme-sim.com',
		site: String(sites()[0].id),
		startDate: '2026-12-01T00:00:00',
		...extra,
	});
	const byEmail = (email: string) =>
		[...sim.simulator.company.employees.values()].filter(
			(e) => String(e.values['root.email']).toLowerCase() === email,
		);

	it('POSTs the five mandatory fields nested, once, and returns the new employee read back by ID', async () => {
		const site = sites()[0];
		const result = await runEmployee(sim, hire());
		expect(creates()).toEqual([expect.objectContaining({ status: 200, body: { firstName: 'Ada', surname: 'Quinn', email: 'ada.quinn@acme-sim.com', work: { site: site.name, startDate: '2026-12-01' } } })]);
		const [created] = byEmail('ada.quinn@acme-sim.com');
		expect(created).toBeDefined();
		expect(jsonOf(result)).toEqual([expect.objectContaining({ success: true, operation: 'create', employeeId: created.id, readBackShowsWrite: true, employee: expect.objectContaining({ id: created.id, email: 'ada.quinn@acme-sim.com', startDate: '2026-12-01' }) })]);
		const readBack = sim.log.entries({ path: '/v1/people/search' }).at(-1)!;
		expect(readBack.body).toEqual(expect.objectContaining({ filters: [{ fieldPath: 'root.id', operator: 'equals', values: [created.id] }] }));
	}); // prettier-ignore

	it('a site given by its label (any case) is resolved', async () => {
		const site = sites()[1];
		await runEmployee(sim, hire({ site: site.name.toUpperCase() }));
		expect((creates()[0].body as { work: IDataObject }).work.site).toBe(site.name);
	});

	it('says plainly when the read-back does not show the new employee yet (HiBob lags)', async () => {
		sim.control.configure({ readLagMs: 20_000 });
		const result = await runEmployee(sim, hire());
		const [created] = byEmail('ada.quinn@acme-sim.com');
		expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, employeeId: created.id, readBackShowsWrite: false, employee: null, note: expect.stringMatching(/up to 20 seconds/) }));
	}); // prettier-ignore

	it.each([
		['no first name', { firstName: ' ' }, 'First Name is required'],
		['no surname', { surname: '' }, 'Surname is required'],
		['a malformed email', { email: 'ada at acme' }, 'Work Email "ada at acme" is not a valid email address'],
		['no site', { site: '' }, 'Site is required'],
		['no start date', { startDate: '' }, 'Start Date is required'],
		['a malformed start date', { startDate: '1 Dec' }, 'Start Date "1 Dec" is not a date'],
	])('%s: a clear error for that item, and nothing is sent', async (_name, extra, message) => {
		const failure = await failureOf(runEmployee(sim, hire(extra)));
		expect(failure.message).toBe(message);
		expect(failure.context.itemIndex).toBe(0);
		expect(sim.log.entries()).toEqual([]);
	}); // prettier-ignore

	it('a site that matches none names the closest, and nothing is written', async () => {
		const site = sites()[0];
		const failure = await failureOf(runEmployee(sim, hire({ site: `${site.name}x` })));
		expect(failure.message).toBe(`"${site.name}x" is not a site in HiBob`);
		expect(failure.description).toContain(`"${site.name}"`);
		expect(creates()).toEqual([]);
	}); // prettier-ignore

	it('a dropped connection after HiBob created them: exactly one POST, the item says to check Bob', async () => {
		sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/people', afterApply: true });
		const failure = await failureOf(runEmployee(sim, hire()));
		expect(failure.message).toMatch(/may or may not have applied/);
		expect(failure.description).toMatch(/ada.quinn@acme-sim.com exists/);
		expect(creates()).toHaveLength(1);
		expect(byEmail('ada.quinn@acme-sim.com')).toHaveLength(1);
	}); // prettier-ignore

	it('continue on fail: the bad item becomes its error item with its index, the other is created', async () => {
		const result = await runEmployee(sim, hire({ email: '={{ $json.email }}' }), {
			items: [{ json: { email: 'not-an-email' } }, { json: { email: 'bo.ray@acme-sim.com' } }],
			continueOnFail: true,
		});
		expect(pairedOf(result)).toEqual([0, 1]);
		expect(jsonOf(result)[0]).toEqual({ error: 'Work Email "not-an-email" is not a valid email address', description: expect.stringMatching(/Nothing was sent/) });
		expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, operation: 'create' }));
		expect(creates()).toHaveLength(1);
	}); // prettier-ignore

	it("HiBob's refusal (email already used) fails that item", async () => {
		const taken = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0].email;
		const failure = await failureOf(runEmployee(sim, hire({ email: taken })));
		expect(failure.message).toMatch(/400|already used/);
		expect(creates()).toHaveLength(1);
	});
});
