/**
 * The simulator's field catalogue against a live tenant's. Evidence: the `GET /company/people/fields`
 * answer of a live HiBob tenant captured by an independent client (JustParent/hibob-advanced-mcp,
 * tests/fixtures/people/fields.json) and that client's write probes (tests/fixtures/people/
 * observations.md); HiBob's reference, GET /company/people/fields (`hierarchy-list` is a field type)
 * and PUT /people/{identifier} (304: "ensure that … the correct field ID … are being used"). The
 * table below states the facts we rely on in our own words: ID, name, category, type, list ID and
 * historical flag of each built-in field the simulator serves.
 */
import type { RunningSimulator } from '../index';
import { call, search, start } from './helpers';

type Fact = [
	id: string,
	name: string,
	category: string,
	type: string,
	listId: string | null,
	historical: boolean,
];

// prettier-ignore
const LIVE: Fact[] = [
	['root.id', 'ID', 'root', 'employee-reference', null, false],
	['root.companyId', 'Company id', 'root', 'number', null, false],
	['root.email', 'Email', 'root', 'text', null, false],
	['root.firstName', 'First name', 'root', 'text', null, false],
	['root.surname', 'Last name', 'root', 'text', null, false],
	['root.fullName', 'Full name', 'root', 'text', null, false],
	['root.displayName', 'Display name', 'root', 'text', null, false],
	['root.secondName', 'Middle name', 'root', 'text', null, false],
	['root.creationDateTime', 'Creation timestamp', 'root', 'time', null, false],
	['root.avatarUrl', 'Avatar URL', 'root', 'avatar', null, false],
	['personal.pronouns', 'Pronouns', 'personal', 'list', 'pronouns', false],
	['personal.birthDate', 'Date of Birth', 'personal', 'date', null, false],
	['personal.age', 'Age', 'personal', 'number', null, false],
	['personal.shortBirthDate', 'Birthday', 'personal', 'short-date', null, false],
	['home.privateEmail', 'Personal email', 'personalContact', 'text', null, false],
	['home.mobilePhone', 'Personal mobile', 'personalContact', 'text', null, false],
	['identification.ssn', 'SSN', 'identification', 'ssn', null, false],
	['about.about', 'About', 'about', 'text-area', null, false],
	['about.socialData.linkedin', 'Social - LinkedIn', 'about', 'text', null, false],
	['about.hobbies', 'Hobbies', 'about', 'multi-list', 'hobbies', false],
	['work.activeEffectiveDate', 'Work effective date', 'work', 'date', null, true],
	['work.title', 'Job title', 'work', 'list', 'title', true],
	['work.startDate', 'Start date', 'work', 'date', null, false],
	['work.shortStartDate', 'Work anniversary', 'work', 'short-date', null, false],
	['work.originalStartDate', 'Original start date', 'work', 'date', null, false],
	['work.durationOfEmployment', 'Accumulated tenure (duration)', 'work', 'period', null, false],
	['work.tenureDuration', 'Tenure (duration)', 'work', 'period', null, false],
	['work.tenureDurationYears', 'Tenure (years)', 'work', 'number', null, false],
	['work.site', 'Site', 'work', 'text', null, false],
	['work.siteId', 'Site', 'work', 'list_id', 'site', true],
	['work.department', 'Department', 'work', 'list', 'department', true],
	['work.reportsTo', 'Reports to', 'work', 'employee', null, true],
	['work.reportsTo.email', "Manager's email", 'work', 'text', null, false],
	['work.manager', 'Manager', 'work', 'employee-reference', null, true],
	['work.secondLevelManager', 'Second level manager', 'work', 'employee-reference', null, false],
	['work.isManager', 'Is a manager', 'work', 'boolean', null, false],
	['work.directReports', 'Number of direct reports', 'work', 'number', null, false],
	['work.indirectReports', 'Number of direct and indirect reports', 'work', 'number', null, false],
	['employee.buddy', 'Buddy', 'work', 'employee-reference', null, false],
	['payroll.employment.contract', 'Employment contract', 'employment', 'list', 'employmentstatus', true],
	['payroll.employment.type', 'Employment type', 'employment', 'list', 'payrollEmploymentType', true],
	['payroll.employment.workingPattern', 'Working pattern', 'employment', 'working_pattern', null, true],
	['payroll.employment.standardWorkingPattern.workingPatternId', 'Full time working pattern', 'employment', 'list_id', 'workingPattern_entity_list', false],
	['payroll.employment.calendarId', 'Holiday calendar ID', 'employment', 'list_id', 'calendar', true],
	['payroll.employment.weeklyHours', 'Weekly hours', 'employment', 'number', null, true],
	['employee.workLocationId', 'Work location', 'employment', 'list_id', 'workLocation_entity_list', false],
	['employee.employerId', 'Employer', 'employment', 'list_id', 'employer_entity_list', false],
	['employee.employerWorkLocationId', 'Employer and work location', 'employment', 'hierarchy-list', 'employer_workLocation_tree_entity_list', true],
	['payroll.salary.payment', 'Base salary', 'payroll', 'currency', null, true],
	['internal.lifecycleStatus', 'Lifecycle status', 'lifecycle', 'list', 'lifecycleStatus', true],
	['internal.status', 'Status', 'lifecycle', 'list', 'status', true],
	['internal.terminationReason', 'Reason for termination', 'lifecycle', 'list', 'terminationreason', false],
	['internal.terminationDate', 'Termination date', 'lifecycle', 'date', null, false],
	['internal.notice', 'Notice period', 'lifecycle', 'duration_with_unit', null, false],
	['internal.probationEndDate', 'Probation end date', 'lifecycle', 'date', null, false],
	['internal.terminationType', 'Leave and termination type', 'lifecycle', 'list', 'lifecycleReasonType', false],
	['employee.recentLeaveStartDate', 'Recent leave start date', 'lifecycle', 'date', null, false],
	['employee.recentLeaveEndDate', 'Recent leave end date', 'lifecycle', 'date', null, false],
	['employee.lastDayOfWork', 'Last day of work', 'lifecycle', 'date', null, false],
	['employee.eligibleForRehire', 'Eligible for Rehire', 'lifecycle', 'boolean', null, true],
	['employee.jobLevelName', 'Job level name', 'jobsCatalog', 'hierarchy-list', 'jobLevelRole_entity_list', false],
	['employee.jobRoleId', 'Job role', 'jobsCatalog', 'list_id', 'jobRole_entity_list', false],
	['employee.jobFamilyId', 'Job family', 'jobsCatalog', 'list_id', 'jobFamily_entity_list', false],
];

interface Meta {
	id: string;
	name: string;
	categoryId: string;
	type: string;
	historical: boolean;
	jsonPath: string;
	typeData: { listId?: string };
}

describe('simulator: the field catalogue is the live tenant’s for built-in fields', () => {
	let sim: RunningSimulator;
	let meta: Meta[];
	beforeAll(async () => {
		sim = await start();
		meta = (await call(sim, 'GET', '/v1/company/people/fields')).json as Meta[];
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('serves each built-in field with the live ID, name, category, type, list ID and historical flag', () => {
		const byId = new Map(meta.map((field) => [field.id, field]));
		const served = LIVE.map(([id]) => {
			const field = byId.get(id);
			return field ? [id, field.name, field.categoryId, field.type, field.typeData.listId ?? null, field.historical] : [id, 'missing'];
		});
		expect(served).toEqual(LIVE);
	}); // prettier-ignore

	it('serves no built-in field the live tenant does not have (custom fields are ours)', () => {
		const live = new Set(LIVE.map(([id]) => id));
		expect(meta.filter((field) => !field.id.includes('.custom.') && !live.has(field.id)).map((f) => f.id)).toEqual([]);
	}); // prettier-ignore

	it('lists the items behind each list-like field, trees with a name repeated under two parents', async () => {
		const lists = (await call(sim, 'GET', '/v1/company/named-lists')).json as Record<string, { items: Array<{ id: unknown; name: string; children: Array<{ name: string }> }> }>;
		for (const [, , , type, listId] of LIVE)
			if (listId && ['list', 'multi-list', 'list_id', 'hierarchy-list'].includes(type)) expect(lists[listId]?.items.length).toBeGreaterThan(0);
		const tree = lists.employer_workLocation_tree_entity_list.items;
		const leafNames = tree.flatMap((parent) => parent.children.map((child) => child.name));
		expect(leafNames.filter((name) => name === 'Remote')).toHaveLength(2);
	}); // prettier-ignore

	describe('PUT /people/{id}: derived and Jobs fields are not stored', () => {
		const put = async (id: string, body: unknown) =>
			await call(sim, 'PUT', `/v1/people/${id}`, { body });
		const read = async (id: string, fields: string[]) =>
			(await search(sim, { fields: ['root.id', ...fields], filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }], showInactive: true })).json.employees[0]; // prettier-ignore

		it.each([
			['full name', { fullName: 'Someone Else' }],
			['age', { personal: { age: 99 } }],
			['tenure', { work: { tenureDurationYears: 12 } }],
			['direct reports', { work: { directReports: 40 } }],
			['the site by its name', { work: { site: 'Anywhere' } }],
			['a Jobs field', { employee: { jobRoleId: '7501' } }],
		])('answers 304 to %s alone', async (_what, body) => {
			const id = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0].id;
			expect((await put(id, body)).status).toBe(304);
		});

		it('answers 200 to a Jobs field beside a writable one, storing only the writable one', async () => {
			const id = sim.control.listEmployees({ lifecycleStatus: 'employed' })[1].id;
			const r = await put(id, { home: { mobilePhone: '07700 900123' }, employee: { jobRoleId: '7501', employerId: '7002' } });
			expect(r.status).toBe(200);
			const after = await read(id, ['home.mobilePhone', 'employee.jobRoleId', 'employee.employerId']);
			expect([after.home.mobilePhone, after.employee.jobRoleId, after.employee.employerId]).toEqual(['07700 900123', null, '7002']);
		}); // prettier-ignore

		it('stores a hierarchy field by its leaf item and refuses a branch', async () => {
			const id = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2].id;
			expect((await put(id, { work: { custom: { field_1711887100001: '7811' } } })).status).toBe(200);
			const after = await read(id, ['work.custom.field_1711887100001']);
			expect(after.work.custom.field_1711887100001).toBe('7811');
			expect((await put(id, { work: { custom: { field_1711887100001: '7810' } } })).status).toBe(400);
		}); // prettier-ignore
	});

	it('labels list_id and hierarchy values with their item names in humanReadable', async () => {
		const id = sim.control.listEmployees({ lifecycleStatus: 'employed' })[3].id;
		await call(sim, 'PUT', `/v1/people/${id}`, { body: { employee: { employerId: '7001' }, work: { custom: { field_1711887100001: '7802' } } } });
		const r = await search(sim, { fields: ['root.id', 'employee.employerId', 'work.custom.field_1711887100001', 'work.siteId'], filters: [{ fieldPath: 'root.id', operator: 'equals', values: [id] }], humanReadable: 'APPEND' });
		const human = r.json.employees[0].humanReadable;
		expect(human.employee.employerId).toBe('Acme Ltd');
		expect(human.work.custom.field_1711887100001).toBe('Support');
		expect(human.work.siteId).not.toMatch(/^\d+$/);
	}); // prettier-ignore
});
