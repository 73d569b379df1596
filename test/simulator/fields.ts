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
	| 'currency'
	| 'employee-reference'
	| 'employee';

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
	about: 'About',
	work: 'Work',
	employment: 'Employment',
	lifecycle: 'Lifecycle',
	personal: 'Personal',
	home: 'Home',
	payroll: 'Payroll',
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

const SPECS: Spec[] = [
	// Root fields sit at the top level of the response: their jsonPath has no `root.` prefix.
	['root.id', 'ID', 'root', 'employee-reference', { jsonPath: 'id' }],
	['root.companyId', 'Company ID', 'root', 'number', { jsonPath: 'companyId' }],
	['root.email', 'Email', 'root', 'text', { jsonPath: 'email' }],
	['root.firstName', 'First name', 'root', 'text', { jsonPath: 'firstName' }],
	['root.surname', 'Last name', 'root', 'text', { jsonPath: 'surname' }],
	['root.middleName', 'Middle name', 'root', 'text', { jsonPath: 'middleName' }],
	['root.displayName', 'Display name', 'root', 'text', { jsonPath: 'displayName' }],
	['root.creationDateTime', 'Creation date time', 'root', 'time', { jsonPath: 'creationDateTime' }],
	['root.avatarUrl', 'Avatar URL', 'root', 'text', { jsonPath: 'avatarUrl' }],
	['about.about', 'About', 'about', 'text-area'],
	['about.hobbies', 'Hobbies', 'about', 'multi-list', { listId: 'hobbies' }],
	['about.socialData.linkedin', 'LinkedIn', 'about', 'text'],
	['work.startDate', 'Start date', 'work', 'date'],
	['work.originalStartDate', 'Original start date', 'work', 'date'],
	['work.activeEffectiveDate', 'Active effective date', 'work', 'date', { historical: true }],
	['work.department', 'Department', 'work', 'list', { listId: 'department', historical: true }],
	['work.title', 'Job title', 'work', 'list', { listId: 'title', historical: true }],
	// `work.site` is the site name as text while `work.siteId` is the list item.
	['work.site', 'Site', 'work', 'text', { historical: true }],
	['work.siteId', 'Site ID', 'work', 'list', { listId: 'site', historical: true }],
	['work.manager', 'Manager', 'work', 'employee-reference', { historical: true }],
	['work.reportsTo', 'Reports to', 'work', 'employee', { historical: true }],
	['work.secondLevelManager', 'Second level manager', 'work', 'employee-reference'],
	['work.isManager', 'Is manager', 'work', 'boolean'],
	[CUSTOM_COST_CENTER, 'Cost center', 'work', 'text', { description: 'Finance cost center code' }],
	[CUSTOM_DESK_NUMBER, 'Desk number', 'work', 'number'],
	// Employment fields carry `payroll.` IDs but belong to the Employment category: permissions
	// follow `categoryId`, never the ID prefix ("stable IDs, not live paths").
	[
		'payroll.employment.type',
		'Employment type',
		'employment',
		'list',
		{ listId: 'employmentType', historical: true },
	],
	[
		'payroll.employment.contract',
		'Contract',
		'employment',
		'list',
		{ listId: 'contract', historical: true },
	],
	['payroll.employment.weeklyHours', 'Weekly hours', 'employment', 'number', { historical: true }],
	[
		'internal.lifecycleStatus',
		'Lifecycle status',
		'lifecycle',
		'list',
		{ listId: 'lifecycleStatus', historical: true },
	],
	['internal.status', 'Status', 'lifecycle', 'list', { listId: 'status', historical: true }],
	['internal.terminationDate', 'Termination date', 'lifecycle', 'date'],
	// The list name really is lower-case; `terminationReason` is a 404.
	[
		'internal.terminationReason',
		'Termination reason',
		'lifecycle',
		'list',
		{ listId: 'terminationreason' },
	],
	[
		'internal.terminationType',
		'Leave and termination type',
		'lifecycle',
		'list',
		{ listId: 'lifecycleReasonType' },
	],
	['internal.probationEndDate', 'Probation end date', 'lifecycle', 'date'],
	['employee.lastDayOfWork', 'Last day of work', 'lifecycle', 'date'],
	['employee.recentLeaveStartDate', 'Recent leave start date', 'lifecycle', 'date'],
	['employee.recentLeaveEndDate', 'Recent leave end date', 'lifecycle', 'date'],
	[
		'employee.eligibleForRehire',
		'Eligible for rehire',
		'lifecycle',
		'boolean',
		{ historical: true },
	],
	['personal.shortBirthDate', 'Birthday', 'personal', 'short-date'],
	['personal.pronouns', 'Pronouns', 'personal', 'list', { listId: 'pronouns' }],
	['home.privateEmail', 'Personal email', 'home', 'text'],
	['home.mobilePhone', 'Personal mobile', 'home', 'text'],
	['payroll.salary.payment', 'Base salary', 'payroll', 'currency', { historical: true }],
];

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
		'root.middleName',
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
