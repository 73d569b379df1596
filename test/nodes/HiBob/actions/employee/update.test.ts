import { DateTime } from 'luxon';
import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { getEmployeeUpdateFields } from '../../../../../nodes/HiBob/methods/updateFields';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { CUSTOM_COST_CENTER, CUSTOM_DESK_NUMBER } from '../../../../simulator';
import { byEmail, byId, failureOf, jsonOf, pairedOf, runEmployee } from './helpers';

useFastClock();

/** The harness runs workflows in UTC: the node's default Effective Date is today there. */
const TODAY = DateTime.utc().toISODate()!;
const FUTURE = DateTime.utc().plus({ days: 10 }).toISODate()!;

const key = (fieldId: string) => fieldId.replace(/\./g, '__');

describe('HiBob → Employee → Update', () => {
	let sim: RunningSimulator;
	useSimulator(
		(started) => (sim = started),
		{
			employees: 60,
			seed: 13,
			today: TODAY,
			freezeClock: true,
			rateLimit: false,
		},
		'test',
	);

	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const values = (id: string) => sim.control.getEmployee({ employeeId: id }).values;
	const writes = () =>
		sim.log
			.entries()
			.filter(
				(entry) =>
					entry.method === 'PUT' ||
					entry.method === 'DELETE' ||
					(entry.method === 'POST' && entry.path !== '/v1/people/search'),
			);
	const otherDepartment = (current: unknown) =>
		sim.simulator.company.lists
			.get('department')!
			.items.find((item) => String(item.id) !== String(current))!;
	const update = (
		employee: IDataObject[string],
		fields: IDataObject,
		extra: IDataObject = {},
	): IDataObject => ({
		operation: 'update',
		employee,
		updateFields: {
			mappingMode: 'defineBelow',
			value: Object.fromEntries(Object.entries(fields).map(([id, v]) => [key(id), v])),
		},
		...extra,
	});

	it('offers every writable field, custom fields included, in its own type; not the email, start date or derived fields', async () => {
		const context = loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'employee', operation: 'update' }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token) });
		const { fields } = await getEmployeeUpdateFields.call(context);
		const ids = fields.map((field) => field.id);
		expect(ids).toEqual(expect.arrayContaining([key(CUSTOM_COST_CENTER), key('work.department'), key('work.manager'), key('home.mobilePhone'), key('personal.pronouns')]));
		for (const gone of ['root.email', 'root.id', 'work.startDate', 'work.isManager', 'internal.terminationDate', 'payroll.employment.type']) expect(ids).not.toContain(key(gone));
		expect(fields.find((field) => field.id === key(CUSTOM_DESK_NUMBER))).toEqual(expect.objectContaining({ type: 'number', required: false, display: true }));
		expect(fields.find((field) => field.id === key('work.department'))?.displayName).toBe('Work › Department (label or ID from department)');
	}); // prettier-ignore

	it('plain and custom fields: one PUT with the nested body, labels sent as item IDs, and the employee read back', async () => {
		const e = employed();
		const result = await runEmployee(sim, update(byId(e.id), { 'root.firstName': 'Ava', 'home.mobilePhone': '+44 7700 900000', [CUSTOM_COST_CENTER]: 'CC-42', [CUSTOM_DESK_NUMBER]: 12, 'about.hobbies': 'cooking, Running' }));
		expect(writes()).toEqual([expect.objectContaining({ method: 'PUT', path: `/v1/people/${e.id}`, status: 200 })]);
		expect(writes()[0].body).toEqual({ firstName: 'Ava', home: { mobilePhone: '+44 7700 900000' }, about: { hobbies: ['Cooking', 'Running'] }, work: { custom: { field_1711886937296: 'CC-42', field_1711887012345: 12 } } });
		const [out] = jsonOf(result);
		expect(out).toEqual(expect.objectContaining({ success: true, operation: 'update', employeeId: e.id, readBackShowsWrite: true, how: expect.objectContaining({ 'root.firstName': 'field update', [CUSTOM_COST_CENTER]: 'field update' }) }));
		expect(values(e.id)[CUSTOM_COST_CENTER]).toBe('CC-42');
	}); // prettier-ignore

	it('department from a future date: no PUT (HiBob would answer 304), one Work entry carrying over site, title and manager', async () => {
		const e = employed(1);
		const before = values(e.id);
		const dept = otherDepartment(before['work.department']);
		const result = await runEmployee(sim, update(byId(e.id), { 'work.department': dept.name.toLowerCase() }, { effectiveDate: `${FUTURE}T00:00:00`, workReason: 'Reorg' }));
		expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/v1/people/${e.id}/work`, status: 200 })]);
		expect(writes()[0].body).toEqual({ effectiveDate: FUTURE, siteId: before['work.siteId'], title: before['work.title'], department: String(dept.id), ...(before['work.manager'] ? { reportsTo: { id: before['work.manager'] } } : {}), reason: 'Reorg' });
		const [out] = jsonOf(result);
		expect(out.how).toEqual({ 'work.department': `Work history entry effective ${FUTURE}` });
		expect(out.scheduled).toContain(`take effect on ${FUTURE}`);
		expect(values(e.id)['work.department']).toBe(before['work.department']);
		sim.control.setToday({ today: FUTURE });
		expect(values(e.id)['work.department']).toBe(String(dept.id));
	}); // prettier-ignore

	it('department today and the manager by email, next to a plain field: a PUT and a Work entry, both read back', async () => {
		const e = employed(2);
		const manager = employed(7);
		const dept = otherDepartment(values(e.id)['work.department']);
		const result = await runEmployee(sim, update(byEmail(e.email), { 'work.department': String(dept.id), 'work.manager': manager.email, 'home.mobilePhone': '+1 555' }));
		expect(writes().map((entry) => `${entry.method} ${entry.path}`)).toEqual([`PUT /v1/people/${e.id}`, `POST /v1/people/${e.id}/work`]);
		expect(writes()[1].body).toEqual(expect.objectContaining({ effectiveDate: TODAY, department: String(dept.id), reportsTo: { id: manager.id } }));
		expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ readBackShowsWrite: true }));
		expect(values(e.id)['work.manager']).toBe(manager.id);
	}); // prettier-ignore

	it('304 is not an error: the item lists what was unchanged and a hint says why', async () => {
		const e = employed(3);
		const result = await runEmployee(sim, update(byId(e.id), { 'root.firstName': values(e.id)['root.firstName'] as string }));
		expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, readBackShowsWrite: true, unchanged: ['root.firstName'], how: { 'root.firstName': 'HiBob answered 304 (not modified): it stored nothing; the employee already had this value' } }));
		expect(result.hints.map((hint) => hint.message).join(' ')).toMatch(/304/);
	}); // prettier-ignore

	it.each([
		[
			'an unknown field',
			{ 'work.custom.field_999': 'x' },
			/HiBob has no field "work.custom.field_999"/,
		],
		[
			'a wrong type',
			{ [CUSTOM_DESK_NUMBER]: 'twelve' },
			/Desk number \(work.custom.field_1711887012345\) must be a number/,
		],
		[
			'a label that matches no item',
			{ 'work.department': 'Enginering' },
			/"Enginering" is not an item of Department/,
		],
		[
			'a malformed Effective Date',
			{ 'work.department': 'Engineering', __effectiveDate: '2026-13-40' },
			/Effective Date "2026-13-40" is not a date/,
		],
		[
			'a historical field outside the Work table',
			{ 'payroll.employment.weeklyHours': 20 },
			/cannot be changed by Update/,
		],
		['the work email', { 'root.email': 'a@b.co' }, /cannot be changed by Update/],
		[
			'a manager that is neither an ID nor an email',
			{ 'work.manager': 'Bob' },
			/employee's HiBob ID/,
		],
	])('%s: a clear error for that item, nothing written', async (_name, fields, message) => {
		const { __effectiveDate: effectiveDate, ...mapped } = fields as IDataObject;
		const failure = await failureOf(
			runEmployee(sim, update(byId(employed().id), mapped, effectiveDate ? { effectiveDate } : {})),
		);
		expect(failure.message).toMatch(message);
		expect(failure.context.itemIndex).toBe(0);
		expect(writes()).toEqual([]);
	});

	it('the closest labels are named', async () => {
		const failure = await failureOf(runEmployee(sim, update(byId(employed().id), { 'work.department': 'Enginering' })));
		expect(failure.description).toMatch(/closest are: "Engineering"/);
	}); // prettier-ignore

	it('a Work entry whose connection dropped after HiBob stored it is not sent again', async () => {
		const e = employed(4);
		sim.control.injectFault({ kind: 'reset', method: 'POST', path: `/v1/people/${e.id}/work`, afterApply: true });
		const failure = await failureOf(runEmployee(sim, update(byId(e.id), { 'work.department': String(otherDepartment(values(e.id)['work.department']).id) })));
		expect(failure.message).toMatch(/may or may not have applied/);
		expect(failure.description).toContain(`Work history for an entry effective ${TODAY}`);
		expect(writes()).toHaveLength(1);
	}); // prettier-ignore

	it('continue on fail keeps the item order and pairing', async () => {
		const [a, b] = [employed(5), employed(6)];
		const result = await runEmployee(sim, { operation: 'update', employee: '={{ $json.id }}', updateFields: { mappingMode: 'defineBelow', value: { [key(CUSTOM_DESK_NUMBER)]: '={{ $json.desk }}' } } }, { items: [{ json: { id: a.id, desk: 'x' } }, { json: { id: b.id, desk: 7 } }], continueOnFail: true });
		expect(pairedOf(result)).toEqual([0, 1]);
		expect(jsonOf(result)[0].error).toMatch(/must be a number/);
		expect(jsonOf(result)[1]).toEqual(expect.objectContaining({ success: true, employeeId: b.id }));
		expect(writes().map((entry) => entry.path)).toEqual([`/v1/people/${b.id}`]);
	}); // prettier-ignore

	describe('list fields of every kind, derived fields and what HiBob stored', () => {
		const siteItem = (name: string) =>
			sim.simulator.company.lists.get('site')!.items.find((item) => item.name === name)!;
		const nothingWritten = () => expect(writes()).toEqual([]);

		it('Site by its label ("Berlin") becomes a Work entry with the site item ID (a list_id field), read back with its name', async () => {
			const e = employed(20);
			const result = await runEmployee(sim, update(byId(e.id), { 'work.siteId': 'berlin' }));
			expect(writes()).toEqual([expect.objectContaining({ method: 'POST', path: `/v1/people/${e.id}/work`, status: 200 })]);
			expect(writes()[0].body).toEqual(expect.objectContaining({ siteId: Number(siteItem('Berlin').id) }));
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, readBackShowsWrite: true }));
			expect((jsonOf(result)[0].readBack as IDataObject)['work.siteId']).toEqual({ name: 'Site', value: Number(siteItem('Berlin').id), label: 'Berlin' });
		}); // prettier-ignore

		it('other list_id fields (Employer, Work location) take labels and send item IDs in the PUT', async () => {
			const e = employed(21);
			const result = await runEmployee(sim, update(byId(e.id), { 'employee.employerId': 'Acme Inc', 'employee.workLocationId': '7101' }));
			expect(writes()[0].body).toEqual({ employee: { employerId: '7002', workLocationId: '7101' } });
			expect(jsonOf(result)[0]).toEqual(expect.objectContaining({ success: true, readBackShowsWrite: true }));
			expect((jsonOf(result)[0].readBack as IDataObject)['employee.employerId']).toEqual({ name: 'Employer', value: '7002', label: 'Acme Inc' });
		}); // prettier-ignore

		it('names custom fields by their names beside their IDs in the output', async () => {
			const result = await runEmployee(sim, update(byId(employed(25).id), { [CUSTOM_COST_CENTER]: 'CC-77' }));
			expect((jsonOf(result)[0].readBack as IDataObject)[CUSTOM_COST_CENTER]).toEqual({ name: 'Cost center', value: 'CC-77' });
		}); // prettier-ignore

		it('a hierarchy field takes a leaf by "Parent › Item"; a label two leaves share is an error naming both with their parents', async () => {
			const e = employed(22);
			const ambiguous = await runEmployee(sim, update(byId(e.id), { 'work.custom.field_1711887100001': 'Sales' }), { continueOnFail: true });
			expect(jsonOf(ambiguous)[0].error).toMatch(/"Sales" is ambiguous for an item of Regional team: 2 items have that name/);
			expect(String(jsonOf(ambiguous)[0].description ?? '')).toMatch(/"EMEA › Sales" \(ID 7801\), "Americas › Sales" \(ID 7811\)/);
			const branch = await runEmployee(sim, update(byId(e.id), { 'work.custom.field_1711887100001': 'EMEA' }), { continueOnFail: true });
			expect(jsonOf(branch)[0].error).toMatch(/"EMEA" is a group in HiBob's list/);
			nothingWritten();
			await runEmployee(sim, update(byId(e.id), { 'work.custom.field_1711887100001': 'americas > sales' }));
			expect(writes()[0].body).toEqual({ work: { custom: { field_1711887100001: '7811' } } });
			expect(values(e.id)['work.custom.field_1711887100001']).toBe('7811');
		}); // prettier-ignore

		it.each([
			['root.fullName', /HiBob builds the full name/],
			['personal.age', /computes the age/],
			['work.directReports', /counts who reports/],
			['work.reportsTo.email', /change the Manager instead/],
			['work.tenureDurationYears', /computes tenure/],
			['employee.jobRoleId', /Jobs fields from the employee's job profile/],
			['personal.shortBirthDate', /derives day-and-month fields/],
			['root.avatarUrl', /avatar is uploaded in Bob/],
		])('refuses %s before sending, with the reason', async (fieldId, reason) => {
			const result = await runEmployee(sim, update(byId(employed(23).id), { [fieldId]: '1' }), { continueOnFail: true });
			expect(jsonOf(result)[0].error).toMatch(/cannot be changed by Update/);
			expect(String(jsonOf(result)[0].description ?? '')).toMatch(reason);
			nothingWritten();
		}); // prettier-ignore

		it('a 304 for a value the employee does not show is reported as not stored, never as written', async () => {
			const e = employed(24);
			sim.control.injectFault({ kind: 'status', status: 304, method: 'PUT', path: `/v1/people/${e.id}` });
			const result = await runEmployee(sim, update(byId(e.id), { 'home.mobilePhone': '+44 7700 900111' }));
			const [out] = jsonOf(result);
			expect(out).toEqual(expect.objectContaining({ success: false, readBackShowsWrite: false, notStored: ['home.mobilePhone'], how: { 'home.mobilePhone': expect.stringMatching(/304.*not stored/) } }));
			expect(out.note).toBeUndefined();
			expect(result.hints.map((hint) => hint.message).join(' ')).toMatch(/did not store/);
		}); // prettier-ignore
	});
});
