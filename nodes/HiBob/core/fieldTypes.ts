/**
 * How the field mappers (Employee → Update, Create's Other Fields) treat each field type of HiBob's
 * metadata, and which fields Bob computes itself. A live tenant's catalogue has list fields of four
 * kinds (`list`, `multi-list`, `list_id`, `hierarchy-list`: all hold list item IDs), and types that
 * are computed or structured (`period`, `working_pattern`, `duration_with_unit`, `short-date`, `time`,
 * `avatar`). Every type gets a deliberate treatment here: a value of one n8n type with a hint, or left
 * out of the mappers with the reason. Pure: no n8n, no HTTP.
 */
import type { FieldMetadata } from './fields';

/** Types whose values are items of the named list in `listId` (written as item IDs). */
export const LIST_LIKE_TYPES: ReadonlySet<string> = new Set([
	'list',
	'multi-list',
	'list_id',
	'hierarchy-list',
]);

/** One item of a list: `list`, `list_id` and `hierarchy-list` (a tree; only its leaves are values). */
export function isSingleListType(type: string): boolean {
	return type === 'list' || type === 'list_id' || type === 'hierarchy-list';
}

export type MapperType = 'string' | 'number' | 'boolean' | 'dateTime' | 'object' | 'options';

export type TypeTreatment =
	| { write: true; mapperType: MapperType; hint: string }
	| { write: false; reason: string };

/** Types a mapper leaves out, each with why (and where to change the value instead). */
const NOT_WRITTEN: Record<string, string> = {
	period: 'HiBob computes durations such as tenure from dates.',
	'short-date':
		'HiBob derives day-and-month fields from the full date (Birthday from Date of Birth, Work anniversary from Start date).',
	time: 'HiBob sets timestamps itself.',
	duration_with_unit: 'Give the notice period in Employee → Terminate.',
	working_pattern:
		"A working pattern is a structure HiBob's reference does not describe for writes: change it in Bob.",
	avatar: "The avatar is uploaded in Bob; it is not written as a field's value.",
};

/** The treatment of one field's type in the mappers. */
export function typeTreatment(field: Pick<FieldMetadata, 'type' | 'listId'>): TypeTreatment {
	const reason = NOT_WRITTEN[field.type];
	if (reason) return { write: false, reason };
	const list = field.listId ?? 'its list';
	switch (field.type) {
		case 'number':
			return { write: true, mapperType: 'number', hint: '' };
		case 'boolean':
			return { write: true, mapperType: 'boolean', hint: '' };
		case 'date':
			return { write: true, mapperType: 'dateTime', hint: '' };
		case 'currency':
			return { write: true, mapperType: 'object', hint: ' ({"value": 1000, "currency": "EUR"})' };
		case 'list':
		case 'list_id':
			return { write: true, mapperType: 'options', hint: ` (label or ID from ${list})` };
		case 'hierarchy-list':
			return {
				write: true,
				mapperType: 'options',
				hint: ` (label, "Parent › Item" or ID from ${list})`,
			};
		case 'multi-list':
			return { write: true, mapperType: 'string', hint: ' (labels or IDs, comma-separated)' };
		case 'employee-reference':
		case 'employee':
			return { write: true, mapperType: 'string', hint: ' (employee ID or email)' };
		default:
			// text, text-area, ssn and types HiBob may add later: written as text, as read.
			return { write: true, mapperType: 'string', hint: '' };
	}
}

/**
 * Fields Bob computes from others. HiBob's metadata has no "calculated" flag (a live tenant's
 * capture), and a PUT naming them answers 304 and stores nothing, so they are named here.
 */
const DERIVED: Record<string, string> = {
	'root.fullName': 'HiBob builds the full name from first name and surname.',
	'personal.age': 'HiBob computes the age from Date of Birth.',
	'work.tenureDuration': 'HiBob computes tenure from the start date.',
	'work.tenureDurationYears': 'HiBob computes tenure from the start date.',
	'work.tenureYears': 'HiBob computes tenure from the start date.',
	'work.yearsOfService': 'HiBob computes tenure from the start date.',
	'work.durationOfEmployment': 'HiBob computes tenure from the start date.',
	'work.daysOfPreviousService': 'HiBob computes it from earlier lifecycle entries.',
	'work.reportsTo.email': "HiBob takes it from the manager's profile: change the Manager instead.",
	'work.reportsToIdInCompany':
		"HiBob takes it from the manager's profile: change the Manager instead.",
	'work.directReports': 'HiBob counts who reports to the employee.',
	'work.indirectReports': 'HiBob counts who reports to the employee.',
	'address.fullAddress': 'HiBob builds it from the address lines.',
	'payroll.salary.yearlyPayment': 'HiBob computes it from the base salary.',
	'payroll.salary.monthlyPayment': 'HiBob computes it from the base salary.',
	'payroll.timeSinceLastSalaryChange': 'HiBob computes it from the salary history.',
	'financial.rightToWorkExpiryDate': 'HiBob takes it from the right-to-work records.',
	'root.creationDate': 'HiBob sets it when the employee is created.',
	'root.state': 'HiBob sets the account state itself (invite or revoke access instead).',
};

/** Categories whose fields Bob fills itself. */
const DERIVED_CATEGORIES: Record<string, string> = {
	jobsCatalog:
		"HiBob fills the Jobs fields from the employee's job profile: alone it answers 304, beside other fields it answers 200 and still does not store them.",
	peopleAnalytics: 'HiBob computes the people analytics indicators.',
};

/** Why Bob will not store a field sent to it (it computes it), or undefined. */
export function derivedReason(field: Pick<FieldMetadata, 'id' | 'categoryId'>): string | undefined {
	return DERIVED[field.id] ?? DERIVED_CATEGORIES[field.categoryId];
}
