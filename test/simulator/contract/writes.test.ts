import { CUSTOM_COST_CENTER, type RunningSimulator } from '../index';
import { call, ctl, search, start, TODAY } from './helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- tests index freely into response bodies */

describe('simulator: write endpoints', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await start();
	});
	afterEach(async () => await sim.stop());

	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const values = (id: string) => sim.control.getEmployee({ employeeId: id }).values;
	const listItem = (list: string, n: number) => sim.simulator.company.lists.get(list)!.items[n];
	const read = async (id: string, fields: string[]) =>
		(
			await search(sim, {
				fields,
				filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }],
				showInactive: true,
			})
		).json.employees[0];

	describe('PUT /v1/people/{id}', () => {
		it('takes the nested read shape (root fields top-level, custom fields by path), answers 200 with no body, and searches show it', async () => {
			const e = employed();
			const r = await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { firstName: 'Zed', home: { mobilePhone: '+44 1' }, work: { custom: { field_1711886937296: 'CC-9' } } } });
			expect(r.status).toBe(200);
			expect(r.text).toBe('');
			const shown = await read(e.id, ['root.firstName', 'root.displayName', 'home.mobilePhone', CUSTOM_COST_CENTER]);
			expect(shown.firstName).toBe('Zed');
			expect(shown.displayName).toMatch(/^Zed /);
			expect(shown.home.mobilePhone).toBe('+44 1');
			expect(shown.work.custom.field_1711886937296).toBe('CC-9');
		}); // prettier-ignore

		it('answers 304 with an empty body when nothing changes', async () => {
			const e = employed();
			const first = values(e.id)['root.firstName'];
			const r = await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { firstName: first } });
			expect(r.status).toBe(304);
			expect(r.text).toBe('');
		});

		it('answers 304 and stores nothing for historical Work fields (department, title, site, manager)', async () => {
			const e = employed();
			const before = values(e.id);
			const dept = listItem('department', 0).id === before['work.department'] ? listItem('department', 1) : listItem('department', 0);
			const r = await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { work: { department: String(dept.id), title: String(listItem('title', 2).id), manager: employed(5).id } } });
			expect(r.status).toBe(304);
			expect(values(e.id)['work.department']).toBe(before['work.department']);
			expect(values(e.id)['work.manager']).toBe(before['work.manager']);
		}); // prettier-ignore

		it('list fields take item IDs: a label is refused with 400 (textual IDs such as pronouns work)', async () => {
			const e = employed();
			expect((await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { personal: { pronouns: 'They / Them' } } })).status).toBe(200);
			const bad = await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { about: { hobbies: ['Knitting'] } } });
			expect(bad.status).toBe(400);
			expect(bad.json.error).toMatch(/hobbies/);
		}); // prettier-ignore

		it('400 for a malformed date, 404 for an unknown employee', async () => {
			const e = employed();
			expect((await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { personal: { birthDate: 5 } } })).status).toBe(400);
			expect((await call(sim, 'PUT', '/v1/people/3000000000000000001', { body: { firstName: 'A' } })).status).toBe(404);
		}); // prettier-ignore

		it('403 without Edit on the category', async () => {
			const e = employed();
			const u = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'all', editCategories: ['work'] } });
			const r = await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { home: { mobilePhone: '1' } }, auth: sim.authHeader(u) });
			expect(r.status).toBe(403);
		}); // prettier-ignore
	});

	describe('PUT /v1/people/{id}/email', () => {
		it('changes the work email (200, no body); searches by the new email find them; an active person gets a verification mail', async () => {
			const e = employed();
			const r = await call(sim, 'PUT', `/v1/people/${e.id}/email`, { body: { email: 'New.Address@acme-sim.com' } });
			expect(r.status).toBe(200);
			expect(r.text).toBe('');
			const found = await search(sim, { fields: ['root.id'], filters: [{ fieldPath: 'root.email', operator: 'equals', values: ['new.address@acme-sim.com'] }] });
			expect(found.json.employees.map((x: any) => x.id)).toEqual([e.id]);
			expect(sim.control.getAccessEvents({ employeeId: e.id })).toEqual([expect.objectContaining({ kind: 'verification-mail' })]);
		}); // prettier-ignore

		it('400 for an address another employee has, or no address', async () => {
			const e = employed();
			expect((await call(sim, 'PUT', `/v1/people/${e.id}/email`, { body: { email: employed(1).email } })).status).toBe(400);
			expect((await call(sim, 'PUT', `/v1/people/${e.id}/email`, { body: { email: 'nope' } })).status).toBe(400);
		}); // prettier-ignore
	});

	describe('POST /v1/people', () => {
		const site = () => listItem('site', 0);
		it('creates with the five mandatory fields (site by name), answers the employee object with its ID', async () => {
			const r = await call(sim, 'POST', '/v1/people', { body: { firstName: 'Nia', surname: 'Okoro', email: 'nia.okoro@acme-sim.com', work: { site: site().name, startDate: '2026-12-07', department: listItem('department', 0).name } } });
			expect(r.status).toBe(200);
			expect(r.json.id).toMatch(/^\d{19}$/);
			expect(r.json.email).toBe('nia.okoro@acme-sim.com');
			const v = values(r.json.id);
			expect(v['work.siteId']).toBe(site().id);
			expect(v['work.department']).toBe(String(listItem('department', 0).id));
			expect(v['internal.lifecycleStatus']).toBe('hired');
		}); // prettier-ignore

		it('400 naming the missing mandatory fields; 400 for a used email', async () => {
			const r = await call(sim, 'POST', '/v1/people', { body: { firstName: 'Nia', email: 'x@acme-sim.com', work: { startDate: '2026-12-07' } } });
			expect(r.status).toBe(400);
			expect(r.json.error).toMatch(/surname.*work\.site/);
			const dup = await call(sim, 'POST', '/v1/people', { body: { firstName: 'A', surname: 'B', email: employed().email, work: { site: site().name, startDate: TODAY } } });
			expect(dup.status).toBe(400);
		}); // prettier-ignore
	});

	describe('POST /v1/people with other fields', () => {
		const hire = (extra: Record<string, unknown>, work: Record<string, unknown> = {}) => ({
			firstName: 'Ola',
			surname: 'Berg',
			email: 'ola.berg@acme-sim.com',
			...extra,
			work: { site: listItem('site', 0).name, startDate: '2026-12-07', ...work },
		});

		it('takes title and department (by name or item ID) and the manager (employee ID) inside work, custom and personal fields at their path, in one body; the first Work row has them', async () => {
			const dept = listItem('department', 1);
			const title = listItem('title', 2);
			const manager = employed(3);
			const r = await call(sim, 'POST', '/v1/people', { body: hire({ home: { mobilePhone: '+44 20' }, personal: { pronouns: 'They / Them' } }, { title: title.name, department: String(dept.id), manager: manager.id, custom: { field_1711886937296: 'CC-7', field_1711887012345: 14 } }) });
			expect(r.status).toBe(200);
			const v = values(r.json.id);
			expect(v).toEqual(expect.objectContaining({ 'work.title': String(title.id), 'work.department': String(dept.id), 'work.manager': manager.id, 'home.mobilePhone': '+44 20', 'personal.pronouns': 'They / Them', [CUSTOM_COST_CENTER]: 'CC-7', 'work.custom.field_1711887012345': 14 }));
			const work = sim.simulator.company.employees.get(r.json.id)!.work;
			expect(work).toEqual([expect.objectContaining({ effectiveDate: '2026-12-07', data: expect.objectContaining({ department: String(dept.id), title: String(title.id), reportsTo: manager.id }) })]);
		}); // prettier-ignore

		it.each([
			['a path that is no field', () => hire({ nickname: 'O' }), 400, /nickname/],
			['a department matching no item', () => hire({}, { department: 'Engineerring' }), 400, /work\.department/],
			['a manager given by email', () => hire({}, { manager: 'someone@acme-sim.com' }), 400, /work\.manager/],
			['a number field given text', () => hire({}, { custom: { field_1711887012345: 'fourteen' } }), 400, /field_1711887012345 must be a number/],
		])('refuses %s (400) and creates no one', async (_name, body, status, message) => {
			const before = sim.simulator.company.employees.size;
			const r = await call(sim, 'POST', '/v1/people', { body: body() });
			expect(r.status).toBe(status);
			expect(r.json.error).toMatch(message);
			expect(sim.simulator.company.employees.size).toBe(before);
		}); // prettier-ignore

		it('403 for another field in a category the service user cannot edit', async () => {
			const u = sim.control.addServiceUser({ permissions: { categories: '*', scope: 'all', editCategories: ['root', 'work'] } });
			expect((await call(sim, 'POST', '/v1/people', { body: hire({ home: { mobilePhone: '1' } }), auth: sim.authHeader(u) })).status).toBe(403);
			expect((await call(sim, 'POST', '/v1/people', { body: hire({}), auth: sim.authHeader(u) })).status).toBe(200);
		}); // prettier-ignore
	});

	describe('POST /v1/employees/{id}/…', () => {
		it('terminate: IDs of terminationreason / lifecycleReasonType; 200 no body; Terminated from the day after', async () => {
			const e = employed();
			const reason = listItem('terminationreason', 0);
			const type = listItem('lifecycleReasonType', 0);
			const r = await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: '2026-11-30', lastDayOfWork: '2026-11-25', noticePeriod: { length: 2, unit: 'weeks' }, terminationReason: String(reason.id), reasonType: String(type.id) } });
			expect(r.status).toBe(200);
			expect(r.text).toBe('');
			expect(values(e.id)['internal.terminationDate']).toBe('2026-11-30');
			sim.control.setToday({ today: '2026-12-01' });
			expect(values(e.id)['internal.lifecycleStatus']).toBe('terminated');
		}); // prettier-ignore

		it('terminate refuses a label in an ID field, a missing date, and a second termination', async () => {
			const e = employed();
			const typeName = listItem('lifecycleReasonType', 0).name;
			expect((await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: '2026-11-30', reasonType: typeName } })).status).toBe(400);
			expect((await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: {} })).status).toBe(400);
			expect((await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: '2026-11-19' } })).status).toBe(200);
			expect((await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: '2026-11-19' } })).status).toBe(400);
		}); // prettier-ignore

		it('uninvite (no body) revokes Bob access; start-date moves a pre-hire; invitations take a wizard from GET /v1/onboarding/wizards', async () => {
			const e = employed();
			const revoke = await call(sim, 'POST', `/v1/employees/${e.id}/uninvite`);
			expect(revoke.status).toBe(200);
			expect(revoke.text).toBe('');
			const hired = sim.control.hire({ firstName: 'P', surname: 'Q', startDate: '2026-12-10' });
			expect((await call(sim, 'POST', `/v1/employees/${hired.id}/start-date`, { body: { startDate: '2026-12-14', reason: 'Visa' } })).status).toBe(200);
			expect(values(hired.id)['work.startDate']).toBe('2026-12-14');
			const wizards = (await call(sim, 'GET', '/v1/onboarding/wizards')).json.wizards;
			expect(wizards[0]).toEqual({ id: expect.any(Number), name: expect.any(String) });
			expect((await call(sim, 'POST', `/v1/employees/${hired.id}/invitations`, { body: { welcomeWizardId: wizards[0].id } })).status).toBe(200);
			expect((await call(sim, 'POST', `/v1/employees/${hired.id}/invitations`, { body: { welcomeWizardId: 999 } })).status).toBe(400);
			expect(sim.control.getAccessEvents().map((a) => a.kind)).toEqual(['revoked', 'invited']);
		}); // prettier-ignore
	});

	describe('Work and Employment entries', () => {
		it('POST work: a row from today copies the previous row\'s columns, and the employee shows the new department', async () => {
			const e = employed();
			const before = sim.control.getEmployee({ employeeId: e.id });
			const dept = listItem('department', 0).id === before.values['work.department'] ? listItem('department', 1) : listItem('department', 0);
			const r = await call(sim, 'POST', `/v1/people/${e.id}/work`, { body: { effectiveDate: TODAY, siteId: before.values['work.siteId'], department: String(dept.id) } });
			expect(r.status).toBe(200);
			expect(r.text).toBe('');
			const rows = (await call(sim, 'GET', `/v1/people/${e.id}/work`)).json.values;
			const current = rows.find((row: any) => row.isCurrent);
			expect(current).toEqual(expect.objectContaining({ effectiveDate: TODAY, department: String(dept.id), title: before.values['work.title'], workChangeType: 'Other' }));
			expect(current.reportsTo?.id ?? null).toBe(before.values['work.manager']);
			expect((await read(e.id, ['work.department'])).work.department).toBe(String(dept.id));
		}); // prettier-ignore

		it('a future row stays non-current until its date; it needs site or siteId and item IDs; a clash on date+site is 400', async () => {
			const e = employed();
			const before = values(e.id);
			const dept = listItem('department', 0).id === before['work.department'] ? listItem('department', 1) : listItem('department', 0);
			const body = { effectiveDate: '2026-12-01', siteId: before['work.siteId'], department: String(dept.id) };
			expect((await call(sim, 'POST', `/v1/people/${e.id}/work`, { body })).status).toBe(200);
			expect((await call(sim, 'POST', `/v1/people/${e.id}/work`, { body })).status).toBe(400);
			expect((await call(sim, 'POST', `/v1/people/${e.id}/work`, { body: { effectiveDate: '2026-12-02', department: String(dept.id) } })).status).toBe(400);
			expect((await call(sim, 'POST', `/v1/people/${e.id}/work`, { body: { effectiveDate: '2026-12-02', siteId: before['work.siteId'], department: dept.name } })).status).toBe(400);
			expect((await read(e.id, ['work.department'])).work.department).toBe(before['work.department']);
			sim.control.setToday({ today: '2026-12-01' });
			expect((await read(e.id, ['work.department'])).work.department).toBe(String(dept.id));
		}); // prettier-ignore

		it('names the refused column: a site name or ID HiBob does not know, a label in a list column; null clears a list column', async () => {
			const e = employed();
			const siteId = values(e.id)['work.siteId'];
			const post = async (table: string, body: object) => await call(sim, 'POST', `/v1/people/${e.id}/${table}`, { body: { effectiveDate: '2027-02-01', ...body } });
			expect((await post('work', { site: 'Atlantis' })).json.error).toBe('site: Atlantis matches no site');
			expect((await post('work', { siteId: 999999 })).json.error).toBe('siteId: 999999 is not a site ID');
			expect((await post('work', { siteId, title: 'Wizard' })).json.error).toBe('title: Wizard is not an item ID of list title');
			expect((await post('employment', { contract: 'Forever' })).json.error).toBe('contract: Forever is not an item ID of list employmentstatus');
			expect((await post('employment', { type: 'Sometimes' })).json.error).toBe('type: Sometimes is not an item ID of list payrollEmploymentType');
			expect((await post('work', { siteId, department: null })).status).toBe(200);
			const rows = (await call(sim, 'GET', `/v1/people/${e.id}/work`)).json.values;
			expect(rows.find((row: any) => row.effectiveDate === '2027-02-01')).toEqual(expect.objectContaining({ department: null }));
		}); // prettier-ignore

		it('POST employment copies the previous row; DELETE removes a row (404 for an unknown one)', async () => {
			const e = employed();
			const type = listItem('payrollEmploymentType', 1);
			expect((await call(sim, 'POST', `/v1/people/${e.id}/employment`, { body: { effectiveDate: TODAY, type: String(type.id) } })).status).toBe(200);
			let rows = (await call(sim, 'GET', `/v1/people/${e.id}/employment`)).json.values;
			const added = rows.find((row: any) => row.effectiveDate === TODAY);
			expect(added).toEqual(expect.objectContaining({ type: String(type.id), weeklyHours: 40 }));
			expect(values(e.id)['payroll.employment.type']).toBe(String(type.id));
			const del = await call(sim, 'DELETE', `/v1/people/${e.id}/employment/${added.id}`);
			expect(del.status).toBe(200);
			rows = (await call(sim, 'GET', `/v1/people/${e.id}/employment`)).json.values;
			expect(rows.some((row: any) => row.id === added.id)).toBe(false);
			expect((await call(sim, 'DELETE', `/v1/people/${e.id}/employment/${added.id}`)).status).toBe(404);
		}); // prettier-ignore
	});

	describe('read lag, rate limits, faults', () => {
		it('reads show the old values for readLagMs after a write, then the new ones', async () => {
			await ctl(sim, 'configure', { readLagMs: 20_000 });
			const e = employed();
			const old = values(e.id)['root.firstName'];
			expect(
				(await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { firstName: 'Later' } })).status,
			).toBe(200);
			expect((await read(e.id, ['root.firstName'])).firstName).toBe(old);
			sim.control.advanceTime({ ms: 20_001 });
			expect((await read(e.id, ['root.firstName'])).firstName).toBe('Later');
		});

		it('a created employee is not found by reads during the lag', async () => {
			await ctl(sim, 'configure', { readLagMs: 5_000 });
			const r = await call(sim, 'POST', '/v1/people', { body: { firstName: 'L', surname: 'M', email: 'l.m@acme-sim.com', work: { site: listItem('site', 0).name, startDate: TODAY } } });
			expect(r.status).toBe(200);
			expect(await read(r.json.id, ['root.id'])).toBeUndefined();
			sim.control.advanceTime({ ms: 5_001 });
			expect((await read(r.json.id, ['root.id'])).id).toBe(r.json.id);
		}); // prettier-ignore

		it('table writes are limited per endpoint (10 a minute by default), separately from searches', async () => {
			sim.control.configure({ rateLimit: { perMinute: 50 } });
			const e = employed();
			const siteId = values(e.id)['work.siteId'];
			const statuses: number[] = [];
			for (let day = 1; day <= 11; day++) {
				const r = await call(sim, 'POST', `/v1/people/${e.id}/work`, { body: { effectiveDate: `2027-01-${String(day).padStart(2, '0')}`, siteId } });
				statuses.push(r.status);
				if (r.status === 429) expect(r.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
			}
			expect(statuses.filter((s) => s === 200)).toHaveLength(10);
			expect(statuses[10]).toBe(429);
			expect((await search(sim, { fields: ['root.id'] })).status).toBe(200);
			sim.control.configure({ rateLimit: { perMinute: 50, endpoints: { terminate: 0 } } });
			expect((await call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: TODAY } })).status).toBe(429);
		}); // prettier-ignore

		it('reset with afterApply: the connection drops, but the write was applied', async () => {
			const e = employed();
			sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/employees/', afterApply: true });
			await expect(call(sim, 'POST', `/v1/employees/${e.id}/terminate`, { body: { terminationDate: TODAY } })).rejects.toThrow();
			expect(values(e.id)['internal.terminationDate']).toBe(TODAY);
			expect(sim.log.entries({ path: '/v1/employees/' })).toEqual([expect.objectContaining({ status: 0, fault: 'reset' })]);
		}); // prettier-ignore

		it('status 500 with afterApply: applied, then an error answer', async () => {
			const e = employed();
			sim.control.injectFault({ kind: 'status', status: 500, method: 'PUT', afterApply: true });
			expect(
				(await call(sim, 'PUT', `/v1/people/${e.id}`, { body: { firstName: 'Applied' } })).status,
			).toBe(500);
			expect(values(e.id)['root.firstName']).toBe('Applied');
		});
	});
});
