import { CUSTOM_COST_CENTER, type RunningSimulator } from '../index';
import { call, search, start } from './helpers';

describe('simulator: POST /v1/people/search', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	const someEmployee = (status = 'employed') =>
		sim.control.listEmployees({ lifecycleStatus: status })[0];

	describe('validation', () => {
		const cases: Array<[string, unknown]> = [
			['two filters', { filters: [{ fieldPath: 'root.id', operator: 'equals', values: ['1'] }, { fieldPath: 'root.id', operator: 'equals', values: ['2'] }] }],
			['an unsupported fieldPath', { filters: [{ fieldPath: 'work.department', operator: 'equals', values: ['1'] }] }],
			['an operator other than equals', { filters: [{ fieldPath: 'root.id', operator: 'contains', values: ['1'] }] }],
			['empty values', { filters: [{ fieldPath: 'root.email', operator: 'equals', values: [] }] }],
			['missing values', { filters: [{ fieldPath: 'root.email', operator: 'equals' }] }],
			['more than 400 fields', { fields: Array.from({ length: 401 }, (_, i) => `work.custom.field_${i}`) }],
			['fields that are not an array', { fields: 'root.id' }],
		]; // prettier-ignore
		it.each(cases)('answers 400 {key, error} for %s', async (_label, body) => {
			const r = await search(sim, body);
			expect(r.status).toBe(400);
			expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
		});

		it('accepts exactly 400 fields (unknown ones are dropped)', async () => {
			const fields = ['root.id', ...Array.from({ length: 399 }, (_, i) => `x.y${i}`)];
			const r = await search(sim, { fields });
			expect(r.status).toBe(200);
			expect(Object.keys(r.json.employees[0])).toEqual(['id', '/root/id']);
		});
	});

	it('returns only Active employees by default and adds Inactive ones with showInactive: true', async () => {
		const all = sim.control.listEmployees();
		const active = all.filter((e) => e.status === 'Active');
		expect(active.length).toBeLessThan(all.length);
		const byDefault = await search(sim, { fields: ['root.id'] });
		expect(byDefault.json.employees.map((e: { id: string }) => e.id).sort()).toEqual(
			active.map((e) => e.id).sort(),
		);
		const inactive = await search(sim, { fields: ['root.id'], showInactive: true });
		expect(inactive.json.employees).toHaveLength(all.length);
		// No pagination: everything in one answer, no response_metadata.
		expect(Object.keys(inactive.json)).toEqual(['employees']);
	});

	it('filters by root.id and by root.email (case-insensitive), returning {"employees": []} for no match', async () => {
		const [a, b] = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 2 });
		const byId = await search(sim, {
			fields: ['root.id'],
			filters: [{ fieldPath: 'root.id', operator: 'equals', values: [a.id, b.id, '1'] }],
		});
		expect(byId.json.employees.map((e: { id: string }) => e.id).sort()).toEqual(
			[a.id, b.id].sort(),
		);
		const byEmail = await search(sim, {
			fields: ['root.email'],
			filters: [{ fieldPath: 'root.email', operator: 'equals', values: [a.email.toUpperCase()] }],
		});
		expect(byEmail.json.employees).toEqual([{ email: a.email, '/root/email': { value: a.email } }]);
		const none = await search(sim, {
			filters: [{ fieldPath: 'root.email', operator: 'equals', values: ['nobody@example.com'] }],
		});
		expect(none.json).toEqual({ employees: [] });
	});

	it('a filtered Inactive employee still needs showInactive: true', async () => {
		const t = someEmployee('terminated');
		const filters = [{ fieldPath: 'root.id', operator: 'equals', values: [t.id] }];
		expect((await search(sim, { fields: ['root.id'], filters })).json.employees).toEqual([]);
		const r = await search(sim, { fields: ['root.id'], filters, showInactive: true });
		expect(r.json.employees).toHaveLength(1);
	});

	it('nests values by jsonPath (root fields top-level, nulls kept) and adds slash keys for non-null values only', async () => {
		const e = someEmployee();
		const r = await search(sim, {
			fields: ['root.id', 'root.displayName', 'work.department', 'internal.terminationDate', 'work.siteId', 'work.site', 'root.companyId', CUSTOM_COST_CENTER, 'payroll.employment.type'],
			filters: [{ fieldPath: 'root.id', operator: 'equals', values: [e.id] }],
		}); // prettier-ignore
		const p = r.json.employees[0];
		expect(p.id).toBe(e.id);
		expect(p.displayName).toBe(e.displayName);
		expect(p.root).toBeUndefined();
		expect(p.internal).toEqual({ terminationDate: null });
		expect(p['/internal/terminationDate']).toBeUndefined();
		expect(p.work.department).toMatch(/^\d+$/);
		expect(p['/work/department']).toEqual({ value: p.work.department });
		expect(typeof p.work.siteId).toBe('number');
		expect(typeof p.work.site).toBe('string');
		expect(typeof p.companyId).toBe('number');
		expect(p.payroll.employment.type).toMatch(/^\d+$/);
		expect(p['/payroll/employment/type']).toEqual({ value: p.payroll.employment.type });
		const cc = p.work.custom.field_1711886937296;
		if (cc === null) expect(p['/work/custom/field_1711886937296']).toBeUndefined();
		else expect(p['/work/custom/field_1711886937296']).toEqual({ value: cc });
		expect(p['/root/id']).toEqual({ value: e.id });
	});

	it('serves work.reportsTo as {id, firstName, surname, email, displayName} and work.manager as an ID', async () => {
		const withManager = (await search(sim, { fields: ['root.id', 'work.manager', 'work.reportsTo'] })).json.employees.find(
			(p: { work: { manager: string | null } }) => p.work.manager !== null,
		); // prettier-ignore
		const manager = sim.control.getEmployee({ employeeId: withManager.work.manager });
		expect(withManager.work.reportsTo).toEqual({
			id: manager.id,
			firstName: manager.values['root.firstName'],
			surname: manager.values['root.surname'],
			email: manager.email,
			displayName: manager.displayName,
		});
	});

	it('silently omits unknown fields and fields of categories the user may not read', async () => {
		const user = sim.control.addServiceUser({
			permissions: { categories: ['root', 'work'], scope: 'all' },
		});
		const r = await search(
			sim,
			{
				fields: [
					'root.id',
					'work.title',
					'internal.lifecycleStatus',
					'payroll.employment.type',
					'no.such.field',
				],
			},
			sim.authHeader(user),
		);
		expect(r.status).toBe(200);
		for (const p of r.json.employees) {
			expect(Object.keys(p).sort()).toEqual(['/root/id', '/work/title', 'id', 'work']);
			expect(p.internal).toBeUndefined();
			expect(p.payroll).toBeUndefined();
		}
	});

	it('omits per-field denied fields while keeping the rest of the category', async () => {
		const user = sim.control.addServiceUser({
			permissions: { categories: '*', deniedFields: ['work.title'], scope: 'all' },
		});
		const r = await search(
			sim,
			{ fields: ['work.title', 'work.department'] },
			sim.authHeader(user),
		);
		expect(Object.keys(r.json.employees[0].work)).toEqual(['department']);
	});

	it('uses the default field set when fields is omitted: root basics + about, employment and work', async () => {
		const r = await search(sim, {});
		const p = r.json.employees[0];
		expect(p).toEqual(
			expect.objectContaining({ id: expect.any(String), companyId: expect.any(Number), email: expect.any(String), firstName: expect.any(String), surname: expect.any(String), displayName: expect.any(String), creationDateTime: expect.any(String) }),
		); // prettier-ignore
		expect(p.work).toEqual(
			expect.objectContaining({ startDate: expect.any(String), department: expect.any(String) }),
		);
		expect(p.about).toBeDefined();
		expect(p.payroll.employment).toBeDefined();
		expect(p.internal).toBeUndefined();
		expect(p.personal).toBeUndefined();
		expect(p.payroll.salary).toBeUndefined();
	});

	describe('humanReadable', () => {
		const fields = ['root.id', 'work.department', 'work.startDate', 'internal.lifecycleStatus', 'work.isManager', 'payroll.employment.weeklyHours', 'internal.terminationDate', 'about.hobbies', 'work.manager']; // prettier-ignore
		const pick = async (humanReadable?: unknown) => {
			const ceo = sim.control.listEmployees({ limit: 1 })[0];
			const report = sim.control.listEmployees().find((e) => sim.control.getEmployee({ employeeId: e.id }).values['work.manager'] === ceo.id)!; // prettier-ignore
			const r = await search(sim, {
				fields,
				humanReadable,
				filters: [{ fieldPath: 'root.id', operator: 'equals', values: [ceo.id, report.id] }],
			});
			const byId = (id: string) => r.json.employees.find((p: { id: string }) => p.id === id);
			return { ceo: byId(ceo.id), report: byId(report.id), ceoSummary: ceo };
		};

		it('APPEND adds a nested humanReadable object with labels for non-null values only', async () => {
			const { ceo, report, ceoSummary } = await pick('APPEND');
			const lists = (await call(sim, 'GET', '/v1/company/named-lists/department')).json;
			const dept = lists.items.find((i: { id: number }) => String(i.id) === ceo.work.department);
			const [y, m, d] = ceo.work.startDate.split('-');
			expect(ceo.humanReadable).toEqual({
				id: ceo.id,
				work: { department: dept.name, startDate: `${d}/${m}/${y}`, isManager: 'Yes' },
				internal: { lifecycleStatus: 'Employed' },
				payroll: { employment: { weeklyHours: String(ceo.payroll.employment.weeklyHours) } },
				...(ceo.about.hobbies ? { about: { hobbies: ceo.about.hobbies.join(', ') } } : {}),
			}); // prettier-ignore
			expect(ceo['/work/department']).toEqual({ value: ceo.work.department });
			expect(ceo.internal.terminationDate).toBeNull();
			expect(report.humanReadable.work.manager).toBe(ceoSummary.displayName);
		});

		it('REPLACE puts labels in place of values, keeps nulls and sends no slash keys', async () => {
			const { ceo } = await pick('REPLACE');
			expect(ceo.internal).toEqual({ lifecycleStatus: 'Employed', terminationDate: null });
			expect(ceo.work.isManager).toBe('Yes');
			expect(ceo.work.department).not.toMatch(/^\d+$/);
			expect(Object.keys(ceo).filter((k) => k.startsWith('/'))).toEqual([]);
			expect(ceo.humanReadable).toBeUndefined();
		});

		it.each([[undefined], [''], ['append'], ['BOTH'], [42]])(
			'treats %p as no humanReadable',
			async (mode) => {
				const { ceo } = await pick(mode);
				expect(ceo.humanReadable).toBeUndefined();
				expect(ceo.internal.lifecycleStatus).toBe('employed');
				expect(ceo['/internal/lifecycleStatus']).toEqual({ value: 'employed' });
			},
		);

		it('uses the configured display date format', async () => {
			sim.control.configure({ dateFormat: 'MM/dd/yyyy' });
			try {
				const { ceo } = await pick('APPEND');
				const [y, m, d] = ceo.work.startDate.split('-');
				expect(ceo.humanReadable.work.startDate).toBe(`${m}/${d}/${y}`);
			} finally {
				sim.control.configure({ dateFormat: 'dd/MM/yyyy' });
			}
		});
	});

	describe('POST /v1/people/{identifier}', () => {
		it('reads one employee by ID and by email, as a bare object', async () => {
			const e = someEmployee();
			for (const identifier of [e.id, e.email]) {
				const r = await call(sim, 'POST', `/v1/people/${encodeURIComponent(identifier)}`, {
					body: { fields: ['root.id', 'root.email', 'internal.status'], humanReadable: 'APPEND' },
				});
				expect(r.status).toBe(200);
				expect(r.json.employees).toBeUndefined();
				expect(r.json).toEqual(
					expect.objectContaining({ id: e.id, email: e.email, internal: { status: 'Active' } }),
				);
				expect(r.json.humanReadable.internal.status).toBe('Active');
			}
		});

		it('reads inactive employees in scope, and answers 404 for unknown ones', async () => {
			const t = someEmployee('terminated');
			const ok = await call(sim, 'POST', `/v1/people/${t.id}`, { body: { fields: ['root.id'] } });
			expect(ok.json).toEqual({ id: t.id, '/root/id': { value: t.id } });
			for (const id of ['1234567890123456789', 'nobody@example.com']) {
				const r = await call(sim, 'POST', `/v1/people/${id}`, { body: {} });
				expect(r.status).toBe(404);
				expect(r.json).toEqual({ key: expect.any(String), error: expect.any(String) });
			}
		});

		it('answers 404 for an employee outside the service user scope', async () => {
			const t = someEmployee('terminated');
			const user = sim.control.addServiceUser({
				permissions: { categories: '*', scope: 'employed-only' },
			});
			const r = await call(sim, 'POST', `/v1/people/${t.id}`, {
				body: {},
				auth: sim.authHeader(user),
			});
			expect(r.status).toBe(404);
		});
	});
});
