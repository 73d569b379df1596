import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { getEmployeeCreateFields } from '../../../../../nodes/HiBob/methods/updateFields';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { CUSTOM_COST_CENTER, CUSTOM_DESK_NUMBER } from '../../../../simulator';
import { failureOf, jsonOf, pairedOf, runEmployee } from './helpers';

const key = (fieldId: string) => fieldId.replace(/\./g, '__');
const others = (fields: IDataObject): IDataObject => ({
	otherFields: {
		mappingMode: 'defineBelow',
		value: Object.fromEntries(Object.entries(fields).map(([id, v]) => [key(id), v])),
	},
});

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

	describe('Other Fields (the same field mapper as Update)', () => {
		const list = (name: string) =>
			sim.simulator.company.lists.get(name)!.items.filter((item) => !item.archived);
		const employed = (n: number) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
		const writes = () =>
			sim.log
				.entries()
				.filter((entry) => entry.method !== 'GET' && entry.path !== '/v1/people/search');

		it('offers what creation can set, custom fields included; not the five parameters, lifecycle or history-only fields', async () => {
			const context = loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'employee', operation: 'create' }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token) });
			const { fields } = await getEmployeeCreateFields.call(context);
			const ids = fields.map((field) => field.id);
			expect(ids).toEqual(expect.arrayContaining([key('work.title'), key('work.department'), key('work.manager'), key(CUSTOM_COST_CENTER), key('home.mobilePhone'), key('personal.pronouns'), key('root.secondName')]));
			for (const gone of ['root.firstName', 'root.surname', 'root.email', 'work.siteId', 'work.site', 'work.startDate', 'internal.terminationDate', 'payroll.employment.type', 'root.displayName']) expect(ids).not.toContain(key(gone));
			expect(fields.find((field) => field.id === key(CUSTOM_DESK_NUMBER))).toEqual(expect.objectContaining({ type: 'number', required: false }));
		}); // prettier-ignore

		it('title and department by label, the manager by email, custom and personal fields: one nested POST, then the employee read back with them', async () => {
			const site = sites()[0];
			const title = list('title')[1];
			const dept = list('department')[2];
			const manager = employed(4);
			const pronoun = list('pronouns')[0];
			const result = await runEmployee(sim, hire(others({ 'work.title': title.name.toUpperCase(), 'work.department': dept.name.toLowerCase(), 'work.manager': manager.email, [CUSTOM_COST_CENTER]: 'CC-42', [CUSTOM_DESK_NUMBER]: '12', 'home.mobilePhone': '+44 7700 900000', 'personal.pronouns': pronoun.name })));
			expect(writes().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['POST /v1/people']);
			expect(creates()[0].body).toEqual({ firstName: 'Ada', surname: 'Quinn', email: 'ada.quinn@acme-sim.com', home: { mobilePhone: '+44 7700 900000' }, personal: { pronouns: String(pronoun.id) }, work: { site: site.name, startDate: '2026-12-01', title: title.name, department: dept.name, manager: manager.id, custom: { field_1711886937296: 'CC-42', field_1711887012345: 12 } } });
			const [created] = byEmail('ada.quinn@acme-sim.com');
			expect(created.values).toEqual(expect.objectContaining({ 'work.title': String(title.id), 'work.department': String(dept.id), 'work.manager': manager.id, [CUSTOM_DESK_NUMBER]: 12 }));
			const [out] = jsonOf(result);
			const firstRow = 'first Work history entry, effective 2026-12-01';
			expect(out).toEqual(expect.objectContaining({ success: true, operation: 'create', employeeId: created.id, readBackShowsWrite: true, how: { 'work.title': firstRow, 'work.department': firstRow, 'work.manager': firstRow, [CUSTOM_COST_CENTER]: 'set at creation', [CUSTOM_DESK_NUMBER]: 'set at creation', 'home.mobilePhone': 'set at creation', 'personal.pronouns': 'set at creation' } }));
			expect(out.employee).toEqual(expect.objectContaining({ id: created.id }));
			const readBack = sim.log.entries({ path: '/v1/people/search' }).at(-1)!.body as { fields: string[] };
			expect(readBack.fields).toEqual(expect.arrayContaining(['work.department', 'work.manager', CUSTOM_COST_CENTER]));
		}); // prettier-ignore

		it('a department given by its list ID is sent by name, as for the site', async () => {
			const dept = list('department')[3];
			await runEmployee(sim, hire(others({ 'work.department': String(dept.id) })));
			expect((creates()[0].body as { work: IDataObject }).work.department).toBe(dept.name);
		}); // prettier-ignore

		it('an empty mapper, or fields left empty, sends exactly what the five fields alone send', async () => {
			await runEmployee(sim, hire());
			const alone = sim.log.entries().map((entry) => ({ method: entry.method, path: entry.path, body: entry.path === '/v1/people' ? entry.body : undefined }));
			sim.log.clear();
			await runEmployee(sim, hire({ email: 'bo.ray@acme-sim.com', ...others({ 'work.title': null, [CUSTOM_COST_CENTER]: '' }) }));
			const withEmpty = sim.log.entries().map((entry) => ({ method: entry.method, path: entry.path, body: entry.path === '/v1/people' ? entry.body : undefined }));
			expect(withEmpty).toEqual(alone.map((entry) => (entry.body ? { ...entry, body: { ...(entry.body as IDataObject), email: 'bo.ray@acme-sim.com' } } : entry)));
			expect(withEmpty.map((entry) => entry.path)).not.toContain('/v1/company/people/fields');
		}); // prettier-ignore

		it('says which written fields the read-back does not show yet (HiBob lags)', async () => {
			sim.control.configure({ readLagMs: 20_000 });
			const result = await runEmployee(sim, hire(others({ [CUSTOM_COST_CENTER]: 'CC-1' })));
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, readBackShowsWrite: false, notShownYet: expect.arrayContaining([CUSTOM_COST_CENTER]), note: expect.stringMatching(/up to 20 seconds/) }));
		}); // prettier-ignore

		it.each([
			['an unknown field', { 'work.custom.field_999': 'x' }, 'HiBob has no field "work.custom.field_999"', /Other Fields/],
			['a number field given text', { [CUSTOM_DESK_NUMBER]: 'twelve' }, 'Desk number (work.custom.field_1711887012345) must be a number, got "twelve"', /Nothing was sent/],
			['a department label matching no item', { 'work.department': 'Enginering' }, '"Enginering" is not an item of Department in HiBob', /The closest are: .*"Engineering"/],
			['a manager that is neither an ID nor an email', { 'work.manager': 'the boss' }, /Manager \(work\.manager\) must be an employee's HiBob ID/, /Nothing was sent/],
			['the site again', { 'work.siteId': 'x' }, 'Site (work.siteId) cannot be set by Create', /Create's own Site parameter/],
			['the first name again', { 'root.firstName': 'Eve' }, 'First name (root.firstName) cannot be set by Create', /Create's own First Name parameter/],
			['the work email again', { 'root.email': 'eve@acme-sim.com' }, 'Email (root.email) cannot be set by Create', /Create's own Work Email parameter/],
			['a lifecycle field', { 'internal.terminationDate': '2027-01-01' }, 'Termination date (internal.terminationDate) cannot be set by Create', /HiBob sets the lifecycle itself/],
			['a history-only field', { 'payroll.employment.type': 'Full-time' }, 'Employment type (payroll.employment.type) cannot be set by Create', /create the employee first, then add the row with Employee History → Create Entry/],
		])('%s: a clear error for that item, and no POST', async (_name, fields, message, hint) => {
			const failure = await failureOf(runEmployee(sim, hire(others(fields))));
			if (typeof message === 'string') expect(failure.message).toBe(message);
			else expect(failure.message).toMatch(message);
			expect(failure.description).toMatch(hint);
			expect(failure.context.itemIndex).toBe(0);
			expect(writes()).toEqual([]);
		}); // prettier-ignore

		it('a manager email that matches no employee fails before the POST', async () => {
			const failure = await failureOf(runEmployee(sim, hire(others({ 'work.manager': 'nobody@acme-sim.com' }))));
			expect(failure.message).toMatch(/nobody@acme-sim.com/);
			expect(writes()).toEqual([]);
		}); // prettier-ignore
	});

	describe('sites and list fields of every kind', () => {
		const context = () => loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'employee', operation: 'create' }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token) }); // prettier-ignore

		it('the required Site dropdown offers the sites only, no "All Sites"', async () => {
			const options = await new HiBob().methods.loadOptions.getCreateSites.call(context());
			expect(options.map((option) => option.name).sort()).toEqual(sites().map((site) => site.name).sort());
			expect(options.every((option) => option.value !== '')).toBe(true);
			const site = new HiBob().description.properties.find((p) => p.name === 'site' && p.displayOptions?.show?.operation?.includes('create'));
			expect(site?.typeOptions?.loadOptionsMethod).toBe('getCreateSites');
		}); // prettier-ignore

		it('Other Fields: a list_id field and a hierarchy leaf given by labels are sent as item IDs', async () => {
			const result = await runEmployee(sim, hire(others({ 'employee.employerId': 'acme ltd', 'work.custom.field_1711887100001': 'EMEA › Sales' })));
			expect(creates()[0].body).toEqual(expect.objectContaining({ employee: { employerId: '7001' }, work: expect.objectContaining({ custom: { field_1711887100001: '7801' } }) }));
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, readBackShowsWrite: true }));
		}); // prettier-ignore

		describe('two sites with the same name', () => {
			const twin = { id: 9990001, value: 'Berlin', name: 'Berlin', archived: false, children: [] };
			beforeEach(() => {
				const list = sim.simulator.company.lists.get('site')!;
				sim.simulator.company.addList('site', [...list.items, twin]);
			});

			it('a site label two sites share is an error naming both, and nothing is created', async () => {
				const failure = await failureOf(runEmployee(sim, hire({ site: 'Berlin' })));
				expect(failure.message).toBe('"Berlin" is ambiguous for a site: 2 items have that name');
				expect(failure.description).toMatch(/"Berlin" \(ID \d+\), "Berlin" \(ID 9990001\)/);
				expect(creates()).toEqual([]);
			}); // prettier-ignore

			it('picked by ID, the site is still refused: Create sends the name and Bob would pick one', async () => {
				const failure = await failureOf(runEmployee(sim, hire({ site: '9990001' })));
				expect(failure.message).toMatch(/Site "Berlin" shares its name with "Berlin" \(ID \d+\)/);
				expect(failure.description).toMatch(/Employee → Update/);
				expect(creates()).toEqual([]);
			}); // prettier-ignore
		});
	});
});
