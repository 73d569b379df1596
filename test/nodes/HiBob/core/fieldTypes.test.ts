import { derivedReason, typeTreatment } from '../../../../nodes/HiBob/core/fieldTypes';

describe('core/fieldTypes: every field type of a live catalogue gets a deliberate treatment', () => {
	// prettier-ignore
	it.each([
		['text', 'string', ''],
		['text-area', 'string', ''],
		['ssn', 'string', ''],
		['number', 'number', ''],
		['boolean', 'boolean', ''],
		['date', 'dateTime', ''],
		['currency', 'object', ' ({"value": 1000, "currency": "EUR"})'],
		['list', 'options', ' (label or ID from things)'],
		['list_id', 'options', ' (label or ID from things)'],
		['hierarchy-list', 'options', ' (label, "Parent › Item" or ID from things)'],
		['multi-list', 'string', ' (labels or IDs, comma-separated)'],
		['employee-reference', 'string', ' (employee ID or email)'],
		['employee', 'string', ' (employee ID or email)'],
	])('%s is written as %s with hint "%s"', (type, mapperType, hint) => {
		expect(typeTreatment({ type, listId: 'things' })).toEqual({ write: true, mapperType, hint });
	});

	it.each([
		['period', /computes durations/],
		['short-date', /derives day-and-month/],
		['time', /timestamps/],
		['duration_with_unit', /Terminate/],
		['working_pattern', /change it in Bob/],
		['avatar', /uploaded in Bob/],
	])('%s is left out of the mappers, with the reason', (type, reason) => {
		const treatment = typeTreatment({ type });
		expect(treatment.write).toBe(false);
		if (!treatment.write) expect(treatment.reason).toMatch(reason);
	});

	it('names derived fields by ID and the Jobs and people-analytics categories', () => {
		expect(derivedReason({ id: 'root.fullName', categoryId: 'root' })).toMatch(/full name/);
		expect(derivedReason({ id: 'employee.jobFamilyId', categoryId: 'jobsCatalog' })).toMatch(/304/);
		expect(derivedReason({ id: 'peopleAnalytics.lowRiskCounter', categoryId: 'peopleAnalytics' })).toMatch(/computes/);
		expect(derivedReason({ id: 'home.mobilePhone', categoryId: 'personalContact' })).toBeUndefined();
	}); // prettier-ignore
});
