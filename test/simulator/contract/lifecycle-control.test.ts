import type { RunningSimulator } from '../index';
import { call, search, start, TODAY } from './helpers';

const statusOf = async (sim: RunningSimulator, id: string) => {
	const r = await search(sim, {
		fields: ['internal.lifecycleStatus', 'internal.status', 'internal.terminationDate', 'work.startDate'],
		filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }],
		showInactive: true,
	});
	return r.json.employees[0] as { internal: { lifecycleStatus: string; status: string; terminationDate: string | null }; work: { startDate: string } };
}; // prettier-ignore

const lifecycleRows = async (sim: RunningSimulator, id: string) =>
	(await call(sim, 'GET', `/v1/people/${id}/lifecycle`)).json.values as Array<{ status: string; employeeStatus: string; effectiveDate: string; isCurrent: boolean; creationDate: string }>; // prettier-ignore

describe('simulator: clock and lifecycle transitions', () => {
	let sim: RunningSimulator;
	beforeEach(async () => {
		sim = await start();
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('sets and advances today', async () => {
		expect(sim.control.getClock().today).toBe(TODAY);
		expect(sim.control.advanceDays({ days: 3 }).today).toBe('2026-11-24');
		expect(sim.control.setToday({ today: '2027-01-01' }).today).toBe('2027-01-01');
		expect(sim.control.advanceTime({ ms: 13 * 3_600_000 }).today).toBe('2027-01-02');
		expect(() => sim.control.setToday({ today: '2027-02-30' })).toThrow(/YYYY-MM-DD/);
	});

	it('hire with a future start date: Hired/Inactive, then Employed/Active on the start date with a row effective that day', async () => {
		const hired = sim.control.hire({ firstName: 'Nina', surname: 'Park', startDate: '2026-11-25', department: 'Engineering', title: 'Software Engineer', site: 'London' });
		expect(hired).toEqual(expect.objectContaining({ lifecycleStatus: 'hired', status: 'Inactive', email: 'nina.park@acme-sim.com' }));
		expect((await search(sim, { fields: ['root.id'] })).json.employees.some((p: { id: string }) => p.id === hired.id)).toBe(false);
		expect((await statusOf(sim, hired.id)).internal).toEqual({ lifecycleStatus: 'hired', status: 'Inactive', terminationDate: null });
		sim.control.advanceDays({ days: 3 });
		expect((await statusOf(sim, hired.id)).internal.lifecycleStatus).toBe('hired');
		sim.control.advanceDays({ days: 1 });
		expect((await statusOf(sim, hired.id)).internal).toEqual({ lifecycleStatus: 'employed', status: 'Active', terminationDate: null });
		const rows = await lifecycleRows(sim, hired.id);
		expect(rows.map((r) => [r.status, r.effectiveDate, r.isCurrent])).toEqual([['Hired', TODAY, false], ['Employed', '2026-11-25', true]]);
		expect(rows[1].creationDate).toBe('2026-11-25');
		const snap = sim.control.getEmployee({ employeeId: hired.id });
		const dept = (await call(sim, 'GET', '/v1/company/named-lists/department')).json.items.find((i: { name: string }) => i.name === 'Engineering');
		expect(snap.values['work.department']).toBe(String(dept.id));
		expect(snap.values['work.site']).toBe('London');
	}); // prettier-ignore

	it('changing a hired person start date moves the Employed transition', async () => {
		const hired = sim.control.hire({ firstName: 'Ola', surname: 'Berg', startDate: '2026-12-01' });
		sim.control.changeStartDate({ employeeId: hired.id, startDate: '2026-11-23' });
		expect((await statusOf(sim, hired.id)).work.startDate).toBe('2026-11-23');
		sim.control.advanceDays({ days: 2 });
		expect((await statusOf(sim, hired.id)).internal.lifecycleStatus).toBe('employed');
		expect((await lifecycleRows(sim, hired.id)).at(-1)).toEqual(expect.objectContaining({ status: 'Employed', effectiveDate: '2026-11-23' }));
		// A start date moved into the past starts at once.
		const other = sim.control.hire({ firstName: 'Pia', surname: 'Lund', startDate: '2026-12-10' });
		expect(sim.control.changeStartDate({ employeeId: other.id, startDate: '2026-11-20' }).lifecycleStatus).toBe('employed');
	}); // prettier-ignore

	it('scheduled termination: Employed until the termination date, Terminated/Inactive from the next day', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[4];
		sim.control.terminate({ employeeId: e.id, terminationDate: '2026-11-30', terminationReason: 'Resignation', reasonType: 'Voluntary' });
		const before = await statusOf(sim, e.id);
		expect(before.internal).toEqual({ lifecycleStatus: 'employed', status: 'Active', terminationDate: '2026-11-30' });
		sim.control.setToday({ today: '2026-11-30' });
		expect((await statusOf(sim, e.id)).internal.lifecycleStatus).toBe('employed');
		sim.control.setToday({ today: '2026-12-01' });
		expect((await statusOf(sim, e.id)).internal).toEqual({ lifecycleStatus: 'terminated', status: 'Inactive', terminationDate: '2026-11-30' });
		expect((await search(sim, { fields: ['root.id'] })).json.employees.some((p: { id: string }) => p.id === e.id)).toBe(false);
		expect((await lifecycleRows(sim, e.id)).at(-1)).toEqual(expect.objectContaining({ status: 'Terminated', employeeStatus: 'Inactive', effectiveDate: '2026-12-01', isCurrent: true }));
		const reason = (await search(sim, { fields: ['internal.terminationReason'], humanReadable: 'APPEND', showInactive: true, filters: [{ fieldPath: 'root.id', operator: 'equals', values: [e.id] }] })).json.employees[0];
		expect(reason.humanReadable.internal.terminationReason).toBe('Resignation');
	}); // prettier-ignore

	it('garden leave: Active garden leave after the last day of work, then Terminated', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[5];
		sim.control.terminate({ employeeId: e.id, lastDayOfWork: '2026-11-22', terminationDate: '2026-12-15' });
		sim.control.advanceDays({ days: 2 });
		expect((await statusOf(sim, e.id)).internal).toEqual({ lifecycleStatus: 'garden leave', status: 'Active', terminationDate: '2026-12-15' });
		expect((await search(sim, { fields: ['root.id'] })).json.employees.some((p: { id: string }) => p.id === e.id)).toBe(true);
		sim.control.setToday({ today: '2026-12-20' });
		const rows = await lifecycleRows(sim, e.id);
		expect(rows.slice(-2).map((r) => [r.status, r.employeeStatus, r.effectiveDate])).toEqual([['Garden leave', 'Active', '2026-11-23'], ['Terminated', 'Inactive', '2026-12-16']]);
	}); // prettier-ignore

	it('termination without a date, or executeScheduled, takes effect now', async () => {
		const [a, b] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(6, 8);
		expect(sim.control.terminate({ employeeId: a.id })).toEqual(expect.objectContaining({ lifecycleStatus: 'terminated', status: 'Inactive', terminationDate: '2026-11-20' }));
		sim.control.terminate({ employeeId: b.id, terminationDate: '2027-03-01' });
		expect(sim.control.executeScheduled({ employeeId: b.id })).toEqual(expect.objectContaining({ lifecycleStatus: 'terminated', terminationDate: '2026-11-20' }));
		expect((await lifecycleRows(sim, b.id)).at(-1)).toEqual(expect.objectContaining({ status: 'Terminated', effectiveDate: TODAY }));
		expect(() => sim.control.terminate({ employeeId: a.id })).toThrow(/already terminated/);
	}); // prettier-ignore

	it('leave: start (Inactive by default, or remain active), scheduled return, early end', async () => {
		const [a, b] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(8, 10);
		sim.control.startLeave({ employeeId: a.id, type: 'parental leave', startDate: '2026-11-22', endDate: '2026-11-25' });
		expect((await statusOf(sim, a.id)).internal.lifecycleStatus).toBe('employed');
		sim.control.advanceDays({ days: 1 });
		expect((await statusOf(sim, a.id)).internal).toEqual(expect.objectContaining({ lifecycleStatus: 'parental leave', status: 'Inactive' }));
		sim.control.setToday({ today: '2026-11-26' });
		expect((await statusOf(sim, a.id)).internal).toEqual(expect.objectContaining({ lifecycleStatus: 'employed', status: 'Active' }));
		expect((await lifecycleRows(sim, a.id)).slice(-2).map((r) => [r.status, r.effectiveDate])).toEqual([['Parental leave', '2026-11-22'], ['Employed', '2026-11-26']]);
		sim.control.startLeave({ employeeId: b.id, remainActive: true });
		expect((await statusOf(sim, b.id)).internal).toEqual(expect.objectContaining({ lifecycleStatus: 'leave', status: 'Active' }));
		sim.control.endLeave({ employeeId: b.id });
		expect((await statusOf(sim, b.id)).internal.lifecycleStatus).toBe('employed');
		expect(() => sim.control.endLeave({ employeeId: b.id })).toThrow(/not on leave/);
	}); // prettier-ignore

	it('the company setting leaveRemainsActive makes leave Active', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[10];
		sim.control.configure({ leaveRemainsActive: true });
		sim.control.startLeave({ employeeId: e.id });
		expect((await statusOf(sim, e.id)).internal.status).toBe('Active');
	});

	it('rehire: a terminated person becomes Hired then Employed again, termination fields cleared', async () => {
		const t = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
		sim.control.rehire({ employeeId: t.id, startDate: '2026-11-23' });
		expect((await statusOf(sim, t.id)).internal).toEqual({ lifecycleStatus: 'hired', status: 'Inactive', terminationDate: null });
		sim.control.advanceDays({ days: 2 });
		expect((await statusOf(sim, t.id)).internal).toEqual({ lifecycleStatus: 'employed', status: 'Active', terminationDate: null });
		expect((await lifecycleRows(sim, t.id)).slice(-3).map((r) => r.status)).toEqual(['Terminated', 'Hired', 'Employed']);
		expect(() => sim.control.rehire({ employeeId: sim.control.listEmployees({ lifecycleStatus: 'employed' })[0].id, startDate: TODAY })).toThrow(/terminated/);
	}); // prettier-ignore

	it('generated scheduled changes happen as the clock moves (everyone hired is employed after 91 days)', async () => {
		expect(sim.control.listEmployees({ lifecycleStatus: 'hired' }).length).toBeGreaterThan(0);
		expect(sim.control.listEmployees({ lifecycleStatus: 'garden leave' }).length).toBeGreaterThan(
			0,
		);
		sim.control.advanceDays({ days: 121 });
		expect(sim.control.listEmployees({ lifecycleStatus: 'hired' })).toEqual([]);
		expect(sim.control.listEmployees({ lifecycleStatus: 'garden leave' })).toEqual([]);
	});
});

describe('simulator: field changes and deletion through the control API', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	const read = async (id: string, fields: string[]) =>
		(await search(sim, { fields, showInactive: true, filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }] })).json.employees[0]; // prettier-ignore

	it('changes department, title, site, manager (with a work history row), names, email and custom fields', async () => {
		const [e, m] = sim.control.listEmployees({ lifecycleStatus: 'employed' }).slice(11, 13);
		sim.control.changeFields({ employeeId: e.id, fields: { 'work.department': 'Finance', 'work.title': 'Accountant', 'work.siteId': 'Berlin', 'work.manager': m.id, 'root.firstName': 'Zed', 'root.email': 'Zed.New@acme-sim.com', 'work.custom.field_1711886937296': 'CC-999' } });
		const p = await read(e.id, ['root.firstName', 'root.displayName', 'root.email', 'work.department', 'work.title', 'work.site', 'work.manager', 'work.reportsTo', 'work.custom.field_1711886937296']);
		const lists = (await call(sim, 'GET', '/v1/company/named-lists')).json;
		const id = (list: string, name: string) => String(lists[list].items.find((i: { name: string }) => i.name === name).id);
		expect(p.work).toEqual(expect.objectContaining({ department: id('department', 'Finance'), title: id('title', 'Accountant'), site: 'Berlin', manager: m.id, custom: { field_1711886937296: 'CC-999' } }));
		expect(p.work.reportsTo.id).toBe(m.id);
		expect(p).toEqual(expect.objectContaining({ firstName: 'Zed', displayName: expect.stringMatching(/^Zed /), email: 'zed.new@acme-sim.com' }));
		const rows = (await call(sim, 'GET', `/v1/people/${e.id}/work`)).json.values;
		expect(rows.at(-1)).toEqual(expect.objectContaining({ effectiveDate: TODAY, isCurrent: true, department: id('department', 'Finance'), site: 'Berlin', workChangeType: 'Change' }));
		const byEmail = await call(sim, 'POST', '/v1/people/zed.new@acme-sim.com', { body: { fields: ['root.id'] } });
		expect(byEmail.json.id).toBe(e.id);
		expect((await read(m.id, ['work.isManager'])).work.isManager).toBe(true);
	}); // prettier-ignore

	it('schedules future-dated changes and rejects invalid ones', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[13];
		const before = (await read(e.id, ['work.title'])).work.title;
		sim.control.changeFields({ employeeId: e.id, fields: { 'work.title': 'Director' }, effectiveDate: '2026-12-01' });
		expect((await read(e.id, ['work.title'])).work.title).toBe(before);
		sim.control.setToday({ today: '2026-12-01' });
		expect((await read(e.id, ['work.title'])).work.title).not.toBe(before);
		expect(() => sim.control.changeFields({ employeeId: e.id, fields: { 'work.department': 'No Such Dept' } })).toThrow(/not an item/);
		expect(() => sim.control.changeFields({ employeeId: e.id, fields: { 'no.field': 1 } })).toThrow(/Unknown field/);
		expect(() => sim.control.changeFields({ employeeId: e.id, fields: { 'root.id': '1' } })).toThrow(/cannot be changed/);
	}); // prettier-ignore

	it('deletes an employee: gone from search, single read, tables and bulk', async () => {
		const e = sim.control.listEmployees({ lifecycleStatus: 'employed' })[14];
		sim.control.deleteEmployee({ employeeId: e.id });
		expect((await search(sim, { fields: ['root.id'], showInactive: true })).json.employees.some((p: { id: string }) => p.id === e.id)).toBe(false);
		expect((await call(sim, 'POST', `/v1/people/${e.id}`, { body: {} })).status).toBe(404);
		expect((await call(sim, 'GET', `/v1/people/${e.id}/work`)).status).toBe(404);
		expect((await call(sim, 'GET', `/v1/bulk/people/work?employeeIds=${e.id}`)).json.errors[0].employeeId).toBe(e.id);
	}); // prettier-ignore
});
