/**
 * The field mappers of Employee → Update and Create (Other Fields) as n8n loads them, against the
 * simulator's catalogue (the live tenant's built-in fields): each column's type, hint and items.
 */
import type { ResourceMapperField } from 'n8n-workflow';

import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import {
	getEmployeeCreateFields,
	getEmployeeUpdateFields,
} from '../../../../nodes/HiBob/methods/updateFields';
import { useFastClock } from '../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../harness/n8n';
import type { RunningSimulator } from '../../../simulator';
import { CUSTOM_REGIONAL_TEAM, startSimulator } from '../../../simulator';

useFastClock();

const key = (fieldId: string) => fieldId.replace(/\./g, '__');

describe('Employee field mappers (Update, Create)', () => {
	let sim: RunningSimulator;
	let update: ResourceMapperField[];
	let create: ResourceMapperField[];
	beforeAll(async () => {
		sim = await startSimulator({ employees: 10, seed: 5, rateLimit: false });
		const context = (operation: string) =>
			loadOptionsContext({
				nodeType: new HiBob(),
				parameters: { resource: 'employee', operation },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			});
		update = (await getEmployeeUpdateFields.call(context('update'))).fields;
		create = (await getEmployeeCreateFields.call(context('create'))).fields;
	});
	afterAll(async () => await sim.stop());

	const column = (fields: ResourceMapperField[], fieldId: string) =>
		fields.find((field) => field.id === key(fieldId));

	it('offers Site once, named as Bob names it, as a dropdown of the sites (item IDs as values)', () => {
		const sites = update.filter((field) => /Site/.test(field.displayName));
		expect(sites.map((field) => field.displayName)).toEqual(['Work › Site (label or ID from site)']);
		expect(sites[0].type).toBe('options');
		const items = sim.simulator.company.lists.get('site')!.items.filter((item) => !item.archived);
		expect(sites[0].options?.map((option) => option.value).sort()).toEqual(items.map((item) => String(item.id)).sort());
		expect(sites[0].options?.map((option) => option.name)).toContain('Berlin');
	}); // prettier-ignore

	it('every list_id and list field is a dropdown of its items with the "label or ID" hint', () => {
		for (const [fieldId, first] of [['employee.employerId', 'Acme Inc'], ['employee.workLocationId', 'London office'], ['payroll.employment.standardWorkingPattern.workingPatternId', 'Mon-Fri 40h'], ['work.department', 'Engineering']]) {
			const field = column(update, fieldId);
			expect(field?.displayName).toMatch(/\(label or ID from .+\)$/);
			expect(field?.type).toBe('options');
			expect(field?.options?.map((option) => option.name)).toContain(first);
		}
	}); // prettier-ignore

	it('a hierarchy field offers its leaves as "Parent › Item", never a branch', () => {
		const field = column(update, CUSTOM_REGIONAL_TEAM);
		expect(field?.displayName).toBe('Work › Regional team (label, "Parent › Item" or ID from regionalTeam)');
		expect(field?.options).toEqual([
			{ name: 'Americas › Sales', value: '7811' },
			{ name: 'Americas › Support', value: '7812' },
			{ name: 'EMEA › Sales', value: '7801' },
			{ name: 'EMEA › Support', value: '7802' },
		]);
	}); // prettier-ignore

	it('multi-list, employee and currency fields are typed text or object with their hints', () => {
		expect(column(update, 'about.hobbies')).toEqual(expect.objectContaining({ type: 'string', displayName: 'About › Hobbies (labels or IDs, comma-separated)' }));
		expect(column(update, 'employee.buddy')).toEqual(expect.objectContaining({ type: 'string', displayName: 'Work › Buddy (employee ID or email)' }));
		expect(column(create, 'work.manager')).toEqual(expect.objectContaining({ type: 'string', displayName: 'Work › Manager (employee ID or email)' }));
		expect(column(update, 'identification.ssn')).toEqual(expect.objectContaining({ type: 'string', displayName: 'Identification › SSN' }));
	}); // prettier-ignore

	it('leaves out what Bob computes or will not store: derived, Jobs, short-date, period, time, avatar, working pattern', () => {
		for (const fields of [update, create])
			for (const fieldId of ['root.fullName', 'personal.age', 'personal.shortBirthDate', 'work.shortStartDate', 'work.tenureDuration', 'work.tenureDurationYears', 'work.reportsTo.email', 'work.directReports', 'work.indirectReports', 'employee.jobRoleId', 'employee.jobFamilyId', 'employee.jobLevelName', 'root.avatarUrl', 'root.creationDateTime', 'payroll.employment.workingPattern', 'work.site', 'work.reportsTo'])
				expect(column(fields, fieldId)).toBeUndefined();
	}); // prettier-ignore

	it('labels the mappers "Fields to Update" and "Other Fields"', () => {
		const properties = new HiBob().description.properties;
		const mapper = (name: string) => properties.find((p) => p.name === name)?.typeOptions?.resourceMapper;
		expect(mapper('updateFields')?.valuesLabel).toBe('Fields to Update');
		expect(mapper('otherFields')?.valuesLabel).toBe('Other Fields');
	}); // prettier-ignore
});
