/**
 * The simulated company's field catalogue, served as `GET /v1/company/people/fields`
 * Every field the simulator can return is described here; the search
 * resolves requested dot IDs through this table, so an ID missing from it is "unknown" and silently
 * omitted.
 */

export type FieldType =
	| 'text'
	| 'text-area'
	| 'number'
	| 'date'
	| 'short-date'
	| 'time'
	| 'boolean'
	| 'list'
	| 'multi-list'
	| 'list_id'
	| 'hierarchy-list'
	| 'currency'
	| 'employee-reference'
	| 'employee'
	| 'period'
	| 'working_pattern'
	| 'duration_with_unit'
	| 'avatar'
	| 'ssn';

export interface FieldMeta {
	id: string;
	name: string;
	category: string;
	categoryId: string;
	categoryDisplayName: string;
	description: string | null;
	historical: boolean;
	jsonPath: string;
	type: FieldType;
	typeData: { listId?: string };
}

/** A field as the simulator uses it: metadata plus precomputed response keys. */
export interface FieldDef extends FieldMeta {
	/** jsonPath split on dots: where the value sits in the nested response. */
	path: string[];
	/** `"/work/department"`: the slash-notation key HiBob adds for non-null values. */
	slashKey: string;
}

const CATEGORY_NAMES: Record<string, string> = {
	root: 'Basic info',
	personal: 'Personal',
	personalContact: 'Personal contact details',
	identification: 'Identification',
	about: 'About',
	work: 'Work',
	employment: 'Employment',
	lifecycle: 'Lifecycle',
	home: 'Home',
	payroll: 'Payroll',
	jobsCatalog: 'Jobs',
};

export const CATEGORY_IDS = Object.keys(CATEGORY_NAMES);

export type Spec = [
	id: string,
	name: string,
	categoryId: string,
	type: FieldType,
	extra?: { listId?: string; historical?: boolean; jsonPath?: string; description?: string },
];

/** Custom field IDs look like HiBob's: `<category>.custom.field_<creation timestamp>`. */
export const CUSTOM_COST_CENTER = 'work.custom.field_1711886937296';
export const CUSTOM_DESK_NUMBER = 'work.custom.field_1711887012345';
/** A custom tree field: the same team name under two regions, so a bare label is ambiguous. */
export const CUSTOM_REGIONAL_TEAM = 'work.custom.field_1711887100001';

/**
 * Built-in fields as a live tenant's catalogue names and types them (IDs, names, categories, types,
 * list IDs and the historical flag; see docs/hibob-api-notes.md, "Field catalogue"). Names repeat where
 * Bob repeats them: `work.site` (the site's name as text) and `work.siteId` (the list item) are both
 * "Site". Fields Bob computes (full name, age, tenure, report counts, the manager's email) and the
 * Jobs fields are here so that the write rules for them can be tested; `DERIVED` below lists them.
 */
const SPECS: Spec[] = [
	// Root fields sit at the top level of the response: their jsonPath has no `root.` prefix.
	['root.id', 'ID', 'root', 'employee-reference', { jsonPath: 'id' }],
	['root.companyId', 'Company id', 'root', 'number', { jsonPath: 'companyId' }],
	['root.email', 'Email', 'root', 'text', { jsonPath: 'email' }],
	['root.firstName', 'First name', 'root', 'text', { jsonPath: 'firstName' }],
	['root.surname', 'Last name', 'root', 'text', { jsonPath: 'surname' }],
	['root.fullName', 'Full name', 'root', 'text', { jsonPath: 'fullName' }],
	['root.displayName', 'Display name', 'root', 'text', { jsonPath: 'displayName' }],
	['root.secondName', 'Middle name', 'root', 'text', { jsonPath: 'secondName' }],
	['root.creationDateTime', 'Creation timestamp', 'root', 'time', { jsonPath: 'creationDateTime' }],
	['root.avatarUrl', 'Avatar URL', 'root', 'avatar', { jsonPath: 'avatarUrl' }],
	['personal.pronouns', 'Pronouns', 'personal', 'list', { listId: 'pronouns' }],
	['personal.birthDate', 'Date of Birth', 'personal', 'date'],
	['personal.age', 'Age', 'personal', 'number'],
	['personal.shortBirthDate', 'Birthday', 'personal', 'short-date'],
	['home.privateEmail', 'Personal email', 'personalContact', 'text'],
	['home.mobilePhone', 'Personal mobile', 'personalContact', 'text'],
	['identification.ssn', 'SSN', 'identification', 'ssn'],
	['about.about', 'About', 'about', 'text-area'],
	['about.socialData.linkedin', 'Social - LinkedIn', 'about', 'text'],
	['about.hobbies', 'Hobbies', 'about', 'multi-list', { listId: 'hobbies' }],
	['work.activeEffectiveDate', 'Work effective date', 'work', 'date', { historical: true }],
	['work.title', 'Job title', 'work', 'list', { listId: 'title', historical: true }],
	['work.startDate', 'Start date', 'work', 'date'],
	['work.shortStartDate', 'Work anniversary', 'work', 'short-date'],
	['work.originalStartDate', 'Original start date', 'work', 'date'],
	['work.durationOfEmployment', 'Accumulated tenure (duration)', 'work', 'period'],
	['work.tenureDuration', 'Tenure (duration)', 'work', 'period'],
	['work.tenureDurationYears', 'Tenure (years)', 'work', 'number'],
	['work.site', 'Site', 'work', 'text'],
	['work.siteId', 'Site', 'work', 'list_id', { listId: 'site', historical: true }],
	['work.department', 'Department', 'work', 'list', { listId: 'department', historical: true }],
	['work.reportsTo', 'Reports to', 'work', 'employee', { historical: true }],
	['work.reportsTo.email', "Manager's email", 'work', 'text'],
	['work.manager', 'Manager', 'work', 'employee-reference', { historical: true }],
	['work.secondLevelManager', 'Second level manager', 'work', 'employee-reference'],
	['work.isManager', 'Is a manager', 'work', 'boolean'],
	['work.directReports', 'Number of direct reports', 'work', 'number'],
	['work.indirectReports', 'Number of direct and indirect reports', 'work', 'number'],
	['employee.buddy', 'Buddy', 'work', 'employee-reference'],
	[CUSTOM_COST_CENTER, 'Cost center', 'work', 'text', { description: 'Finance cost center code' }],
	[CUSTOM_DESK_NUMBER, 'Desk number', 'work', 'number'],
	[CUSTOM_REGIONAL_TEAM, 'Regional team', 'work', 'hierarchy-list', { listId: 'regionalTeam' }],
	// Employment fields carry `payroll.` IDs but belong to the Employment category: permissions
	// follow `categoryId`, never the ID prefix ("stable IDs, not live paths").
	[
		'payroll.employment.contract',
		'Employment contract',
		'employment',
		'list',
		{ listId: 'employmentstatus', historical: true },
	],
	[
		'payroll.employment.type',
		'Employment type',
		'employment',
		'list',
		{ listId: 'payrollEmploymentType', historical: true },
	],
	[
		'payroll.employment.workingPattern',
		'Working pattern',
		'employment',
		'working_pattern',
		{ historical: true },
	],
	[
		'payroll.employment.standardWorkingPattern.workingPatternId',
		'Full time working pattern',
		'employment',
		'list_id',
		{ listId: 'workingPattern_entity_list' },
	],
	[
		'payroll.employment.calendarId',
		'Holiday calendar ID',
		'employment',
		'list_id',
		{ listId: 'calendar', historical: true },
	],
	['payroll.employment.weeklyHours', 'Weekly hours', 'employment', 'number', { historical: true }],
	[
		'employee.workLocationId',
		'Work location',
		'employment',
		'list_id',
		{ listId: 'workLocation_entity_list' },
	],
	['employee.employerId', 'Employer', 'employment', 'list_id', { listId: 'employer_entity_list' }],
	[
		'employee.employerWorkLocationId',
		'Employer and work location',
		'employment',
		'hierarchy-list',
		{ listId: 'employer_workLocation_tree_entity_list', historical: true },
	],
	['payroll.salary.payment', 'Base salary', 'payroll', 'currency', { historical: true }],
	[
		'internal.lifecycleStatus',
		'Lifecycle status',
		'lifecycle',
		'list',
		{ listId: 'lifecycleStatus', historical: true },
	],
	['internal.status', 'Status', 'lifecycle', 'list', { listId: 'status', historical: true }],
	// The list name really is lower-case; `terminationReason` is a 404.
	[
		'internal.terminationReason',
		'Reason for termination',
		'lifecycle',
		'list',
		{ listId: 'terminationreason' },
	],
	['internal.terminationDate', 'Termination date', 'lifecycle', 'date'],
	['internal.notice', 'Notice period', 'lifecycle', 'duration_with_unit'],
	['internal.probationEndDate', 'Probation end date', 'lifecycle', 'date'],
	[
		'internal.terminationType',
		'Leave and termination type',
		'lifecycle',
		'list',
		{ listId: 'lifecycleReasonType' },
	],
	['employee.recentLeaveStartDate', 'Recent leave start date', 'lifecycle', 'date'],
	['employee.recentLeaveEndDate', 'Recent leave end date', 'lifecycle', 'date'],
	['employee.lastDayOfWork', 'Last day of work', 'lifecycle', 'date'],
	[
		'employee.eligibleForRehire',
		'Eligible for Rehire',
		'lifecycle',
		'boolean',
		{ historical: true },
	],
	[
		'employee.jobLevelName',
		'Job level name',
		'jobsCatalog',
		'hierarchy-list',
		{ listId: 'jobLevelRole_entity_list' },
	],
	['employee.jobRoleId', 'Job role', 'jobsCatalog', 'list_id', { listId: 'jobRole_entity_list' }],
	[
		'employee.jobFamilyId',
		'Job family',
		'jobsCatalog',
		'list_id',
		{ listId: 'jobFamily_entity_list' },
	],
];

/**
 * Fields Bob computes: a PUT naming only these answers 304 and stores nothing (a live tenant's
 * probes and HiBob's 304 text, "the correct field ID"), like the API-owned fields.
 */
export const DERIVED = new Set([
	'root.fullName',
	'personal.age',
	'personal.shortBirthDate',
	'work.shortStartDate',
	'work.durationOfEmployment',
	'work.tenureDuration',
	'work.tenureDurationYears',
	'work.reportsTo.email',
	'work.directReports',
	'work.indirectReports',
]);

/**
 * The Jobs fields follow the employee's job profile: a live tenant answered 304 when one was sent
 * alone, and 200 without storing it when it was sent beside a writable field.
 */
export const JOBS_CATEGORY = 'jobsCatalog';

export function buildFieldCatalogue(): FieldDef[] {
	return SPECS.map((spec) => fieldDef(...spec));
}

/** One field definition (the catalogue's, or a custom field created through the API). */
export function fieldDef(...[id, name, categoryId, type, extra]: Spec): FieldDef {
	{
		const jsonPath = extra?.jsonPath ?? id;
		return {
			id,
			name,
			category: categoryId,
			categoryId,
			categoryDisplayName: CATEGORY_NAMES[categoryId] ?? categoryId,
			description: extra?.description ?? null,
			historical: extra?.historical ?? false,
			jsonPath,
			type,
			typeData: extra?.listId ? { listId: extra.listId } : {},
			path: jsonPath.split('.'),
			slashKey: `/${id.split('.').join('/')}`,
		};
	}
}

export function toMeta(field: FieldDef): FieldMeta {
	return {
		id: field.id,
		name: field.name,
		category: field.category,
		categoryId: field.categoryId,
		categoryDisplayName: field.categoryDisplayName,
		description: field.description,
		historical: field.historical,
		jsonPath: field.jsonPath,
		type: field.type,
		typeData: field.typeData,
	};
}

/** Root basics + About, Employment and Work categories: HiBob's set when `fields` is omitted. */
export function defaultFieldIds(fields: FieldDef[]): string[] {
	const rootBasics = new Set([
		'root.id',
		'root.companyId',
		'root.email',
		'root.firstName',
		'root.surname',
		'root.secondName',
		'root.displayName',
		'root.creationDateTime',
		'root.avatarUrl',
	]);
	return fields
		.filter(
			(f) =>
				rootBasics.has(f.id) ||
				f.categoryId === 'about' ||
				f.categoryId === 'employment' ||
				f.categoryId === 'work',
		)
		.map((f) => f.id);
}

/** Fields whose changes are recorded as rows of the Work / Employment history tables. */
export const WORK_TABLE_FIELDS = [
	'work.department',
	'work.title',
	'work.site',
	'work.siteId',
	'work.manager',
] as const;
export const EMPLOYMENT_TABLE_FIELDS = [
	'payroll.employment.type',
	'payroll.employment.contract',
	'payroll.employment.weeklyHours',
] as const;
