/**
 * What a HiBob service user needs for each thing the package does, in HiBob's own words (its API
 * reference's "Required permissions" sections and help pages), and how Check Access words a finding.
 * Pure: no n8n, no HTTP. HiBob's menus are written with "›" between levels.
 */

/** "Whose data can members access": HiBob's default condition for a new permission group. */
export const WHOSE_DATA_CONDITION =
	'People\'s Data › "Whose data can members access?": HiBob\'s default condition is "Lifecycle status equals Employed". Select people by condition and tick every lifecycle status the workflows need (Hired, Employed, Terminated, Leave…), or choose everyone.';

export const PERMISSION_GROUP =
	'Add the service user to a permission group (Bob: Settings › Integrations › Service users, then Settings › Roles & Permissions)';

/** The view permission of a field category, e.g. "People's Data › Lifecycle › View selected employees' Lifecycle sections". */
export function categoryPermission(category: string): string {
	return `People's Data › ${category} › View selected employees' ${category} sections`;
}

/** All rows of a history table (without it, only the current row): "… section histories". */
export function historyPermission(category: string): string {
	return `People's Data › ${category} › View selected employees' ${category} section histories`;
}

export const PERMISSIONS = {
	whosOut: "People's Data › Time off › See who's out today › See who's out",
	privateWhosOut:
		"People's Data › Time off › See who's out today › See who's out because of a private policy or policies with a custom name",
	pendingRequests:
		"People's Data › Time off › Requests › Create, edit all fields, and cancel people's requests that haven't been approved yet",
	balances:
		"People's Data › Time off › Balance › See selected people's time off and sick leave balances",
	tasks:
		"People's Data › Tasks and flow › People's tasks › View and mark selected people's tasks as complete or incomplete",
	documentsView: "People's Docs: the view permission of each folder the workflows read (Shared, Confidential, custom folders)",
	documentsUpload: "People's Docs: the upload permission of the folder",
	documentsDelete: "People's Docs: the delete permission of the folder",
	reports: "Features › Reports › View reports according to people's data access rights",
	positions: 'Features › Workforce planning › Position management › Manage positions',
} as const; // prettier-ignore

/** The edit permission of a field category (writes of its fields). */
export function editPermission(category: string): string {
	return `People's Data › ${category} › Edit selected employees' ${category} sections`;
}

/**
 * Write permissions Check Access cannot test without writing: HiBob has no "what may I do" call, and a
 * probe write would change people's data. One line per write operation.
 */
export const UNCHECKED_WRITES: ReadonlyArray<{ operations: string; permission: string }> = [
	{ operations: 'Employee → Update, Create (Other Fields)', permission: `${editPermission('<category of each field>')}, for the people in "Whose data can members access"` },
	{ operations: 'Employee → Create', permission: `${editPermission('<category of each field sent>')}, and the group's permission to add employees (HiBob's reference: Create company employee)` },
	{ operations: 'Employee → Terminate, Set Start Date', permission: `${editPermission('Lifecycle')} (termination and start date live in the Lifecycle section)` },
	{ operations: 'Employee → Update Email', permission: editPermission('Basic info') },
	{ operations: 'Employee → Invite, Revoke Access', permission: "The group's permissions to invite employees to Bob and to manage their Bob access (HiBob's reference: Invite an employee, Revoke access)" },
	{ operations: 'Employee History → Create Entry, Delete Entry', permission: editPermission('<Work, Employment or Lifecycle>') },
	{ operations: 'Time Off → Create Request, Cancel Request', permission: PERMISSIONS.pendingRequests },
	{ operations: 'Document → Upload', permission: PERMISSIONS.documentsUpload },
	{ operations: 'Document → Delete', permission: PERMISSIONS.documentsDelete },
	{ operations: 'Task → Complete', permission: `${PERMISSIONS.tasks} (the same permission as reading tasks, which Check Access tests)` },
]; // prettier-ignore

export type AccessStatus = 'allowed' | 'missing' | 'unknown' | 'notChecked';

/** One line of Check Access's answer. */
export interface AccessFinding {
	capability: string;
	status: AccessStatus;
	/** What to grant in Bob, in HiBob's words; set when something is missing. */
	permission?: string;
	/** The "Whose data can members access" advice, when only active people are visible. */
	condition?: string;
	detail: string;
	usedBy: string[];
	/** The read that was made (method and path pattern). */
	check: string;
}
