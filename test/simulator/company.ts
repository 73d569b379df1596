/**
 * The simulated HiBob company: employees, named lists, history tables, scheduled lifecycle changes
 * and time off, plus every change the control API can make. Pure in-memory state; no HTTP here.
 *
 * Lifecycle status machine values: HiBob's casing is unconfirmed. The simulator
 * uses lower-case list item IDs in `internal.lifecycleStatus` (`employed`, `garden leave`…) with
 * Title-case labels (`Employed`, `Garden leave`) in humanReadable and in the lifecycle table's `status`
 * column (as in HiBob's table example). Two casings for one concept is deliberate: clients must
 * compare case-insensitively, which is what our nodes do.
 */
import {
	buildFieldCatalogue,
	CUSTOM_COST_CENTER,
	CUSTOM_DESK_NUMBER,
	EMPLOYMENT_TABLE_FIELDS,
	type FieldDef,
	WORK_TABLE_FIELDS,
} from './fields';
import {
	addDays,
	addMonthsMs,
	DAY,
	dateOfMs,
	hibobTime,
	isIsoDate,
	Prng,
	toDayNumber,
} from './util';

export type FieldValue =
	| string
	| number
	| boolean
	| null
	| string[]
	| { value: number; currency: string }
	| Record<string, unknown>;

export interface ListItem {
	id: number | string;
	value: string;
	name: string;
	archived: boolean;
	children: ListItem[];
}

export interface NamedList {
	name: string;
	items: ListItem[];
}

/** Every item of a list, those under a hierarchy parent included: values may name any of them. */
export function allItems(list: NamedList): ListItem[] {
	const all: ListItem[] = [];
	const visit = (items: ListItem[]) => items.forEach((i) => (all.push(i), visit(i.children)));
	visit(list.items);
	return all;
}

export interface TableRow {
	id: number;
	effectiveDate: string;
	creationDate: string | null;
	modificationDate: string | null;
	changedById: string | null;
	reason: string | null;
	data: Record<string, unknown>;
}

export type TableName = 'lifecycle' | 'work' | 'employment';

export interface Employee {
	id: string;
	/** Current values keyed by field ID. Derived fields (reportsTo, secondLevelManager, isManager) are computed when read. */
	values: Record<string, FieldValue>;
	lifecycle: TableRow[];
	work: TableRow[];
	employment: TableRow[];
	rowSeq: number;
}

export type LifecycleStatus =
	| 'hired'
	| 'employed'
	| 'terminated'
	| 'garden leave'
	| 'leave'
	| 'parental leave';

export const LIFECYCLE_LABELS: Record<LifecycleStatus, string> = {
	hired: 'Hired',
	employed: 'Employed',
	terminated: 'Terminated',
	'garden leave': 'Garden leave',
	leave: 'Leave',
	'parental leave': 'Parental leave',
};

export type ScheduledAction =
	| {
			type: 'lifecycle';
			status: LifecycleStatus;
			employeeStatus: 'Active' | 'Inactive';
			reasonType?: string | null;
			reason?: string | null;
	  }
	| { type: 'fields'; fields: Record<string, unknown>; reason?: string | null };

export interface ScheduledEvent {
	seq: number;
	date: string;
	employeeId: string;
	action: ScheduledAction;
}

export interface TimeOffRequest {
	requestId: number;
	employeeId: string;
	policyType: string;
	startDate: string;
	endDate: string;
	/** `Declined` and `Deleted` are set by the approval controls (timeOffRequests.ts). */
	status: 'Approved' | 'Pending' | 'Canceled' | 'Declined' | 'Deleted';
	createdOnMs: number;
	previousRequestId: number | null;
	originalRequestId: number;
}

export interface TimeOffChange {
	requestId: number;
	changeType: 'Created' | 'Canceled' | 'Deleted' | 'Pending';
	atMs: number;
}

export interface CompanyOptions {
	/** Number of employees to generate (10 to 50,000 is the intended range). Default 50. */
	employees?: number;
	/** PRNG seed: the same seed, count and today give the same company. Default 1. */
	seed?: number;
	/** The company's "today", `YYYY-MM-DD`. Default: the current UTC date. */
	today?: string;
	/** `root.companyId`, a number in HiBob. Default 636192. */
	companyId?: number;
	/** Whether people placed on (parental) leave stay Active; HiBob makes it a per-company setting. Default false. */
	leaveRemainsActive?: boolean;
	/** Wall clock for timestamps; defaults to midday of `today`. */
	now?: () => number;
}

export class ControlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ControlError';
	}
}

// prettier-ignore
const FIRST_NAMES = [
	'Amy', 'Ben', 'Chloe', 'Daniel', 'Ella', 'Finn', 'Grace', 'Hugo', 'Isla', 'Jack', 'Kate', 'Liam',
	'Maya', 'Noah', 'Olivia', 'Paul', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Uri', 'Vera', 'Will', 'Xena',
	'Yusuf', 'Zoe', 'Aaron', 'Bella', 'Carlos', 'Dana', 'Eitan', 'Fatima', 'Gil', 'Hana', 'Ivan',
	'Jun', 'Kofi', 'Lea', 'Marco', 'Nadia', 'Omar', 'Priya', 'Ravi', 'Sofia', 'Tom', 'Una', 'Victor',
	'Wen', 'Yael', 'Zara',
];
// prettier-ignore
const SURNAMES = [
	'Miles', 'Cohen', 'Smith', 'Garcia', 'Müller', 'Levi', 'Brown', 'Rossi', 'Dubois', 'Kim',
	'Nakamura', 'Okafor', 'Silva', 'Novak', 'Jensen', 'Patel', 'Ahmed', 'Walsh', 'Kowalski', "O'Brien",
	'Andersen', 'Costa', 'Fischer', 'Haddad', 'Ivanova', 'Jones', 'Khan', 'Lopez', 'Martin', 'Nguyen',
	'Olsen', 'Peretz', 'Quint', 'Reyes', 'Schmidt', 'Taylor', 'Usman', 'Varga', 'Wright', 'Young',
];
// prettier-ignore
const DEPARTMENTS = [
	'Product', 'Engineering', 'Sales', 'Marketing', 'Customer Success', 'Finance', 'People', 'Legal',
	'Operations', 'Design', 'Data', 'Security', 'IT', 'Support',
];
// prettier-ignore
const TITLES = [
	'Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'Product Manager',
	'Designer', 'Account Executive', 'Sales Manager', 'Marketing Specialist', 'Customer Success Manager',
	'Accountant', 'Financial Controller', 'HR Business Partner', 'Recruiter', 'Legal Counsel',
	'Operations Analyst', 'Data Scientist', 'Data Engineer', 'Security Engineer', 'IT Specialist',
	'Support Agent', 'Team Lead', 'Director', 'VP', 'Chief Executive Officer',
];
const SITES = ['London', 'New York', 'Tel Aviv', 'Berlin', 'Sydney', 'Remote'];
const HOBBIES = [
	'Animals',
	'Cooking',
	'Cycling',
	'Gaming',
	'Music',
	'Reading',
	'Running',
	'Travel',
];
const PRONOUNS = ['He / Him', 'She / Her', 'They / Them'];
const TERMINATION_REASONS = [
	'Resignation',
	'Dismissal',
	'End of contract',
	'Relocation',
	'Redundancy',
];

/** Status mix of a generated company (Employed ≈ 85%). */
const STATUS_MIX: Array<[LifecycleStatus, number]> = [
	['hired', 0.04],
	['terminated', 0.07],
	['garden leave', 0.015],
	['leave', 0.015],
	['parental leave', 0.01],
];

export interface HireInput {
	firstName: string;
	surname: string;
	email?: string;
	startDate: string;
	/** Department, title, site: list item ID or item name. */
	department?: string;
	title?: string;
	site?: string | number;
	managerId?: string | null;
	fields?: Record<string, unknown>;
}

export interface TerminateInput {
	employeeId: string;
	/** Last employed day; the employee becomes Terminated the next day. Default: yesterday, i.e. now. */
	terminationDate?: string;
	/** Before `terminationDate` ⇒ Garden leave from the day after it (Active) until termination. */
	lastDayOfWork?: string;
	/** `terminationreason` item ID or name. */
	terminationReason?: string;
	/** `lifecycleReasonType` item ID or name. */
	reasonType?: string;
	eligibleForRehire?: boolean;
}

export interface LeaveInput {
	employeeId: string;
	type?: 'leave' | 'parental leave';
	startDate?: string;
	/** Last day of leave; the employee is Employed again the day after. */
	endDate?: string;
	/** Stay Active while on leave (HiBob's "Remain active"); default from the company option. */
	remainActive?: boolean;
}

export class Company {
	readonly companyId: number;
	readonly fields: FieldDef[];
	readonly fieldById: Map<string, FieldDef>;
	readonly lists = new Map<string, NamedList>();
	/** list name → (String(item id) → item name), archived included, for humanReadable labels. */
	readonly labels = new Map<string, Map<string, string>>();
	readonly employees = new Map<string, Employee>();
	readonly byEmail = new Map<string, string>();
	readonly directReports = new Map<string, number>();
	scheduled: ScheduledEvent[] = [];
	readonly timeOff = new Map<number, TimeOffRequest>();
	readonly timeOffChanges: TimeOffChange[] = [];
	/** The HR admin whose ID appears as `changedById` on rows written through the control API. */
	adminId = '';
	today: string;
	leaveRemainsActive: boolean;
	readonly now: () => number;
	private seq = 0;
	nextRequestId = 1000;
	private readonly idPrng: Prng;
	private readonly blankValues: Record<string, FieldValue>;

	constructor(options: CompanyOptions = {}) {
		this.companyId = options.companyId ?? 636192;
		this.today = options.today ?? dateOfMs(Date.now());
		this.leaveRemainsActive = options.leaveRemainsActive ?? false;
		const today = this.today;
		this.now = options.now ?? (() => Date.parse(`${today}T12:00:00.000Z`));
		this.fields = buildFieldCatalogue();
		this.fieldById = new Map(this.fields.map((f) => [f.id, f]));
		this.blankValues = Object.fromEntries(this.fields.map((f) => [f.id, null]));
		this.idPrng = new Prng(((options.seed ?? 1) * 2654435761) >>> 0);
	}

	// ---------- lists ----------

	addList(name: string, items: ListItem[]): void {
		this.lists.set(name, { name, items });
		const labels = new Map<string, string>();
		const visit = (level: ListItem[]) => {
			for (const i of level) {
				labels.set(String(i.id), i.name);
				visit(i.children ?? []);
			}
		};
		visit(items);
		this.labels.set(name, labels);
	}

	/** Resolves a list value given as item ID or item name to the stored machine value. */
	resolveListValue(listId: string, value: unknown): string | number {
		const list = this.lists.get(listId);
		if (!list) throw new ControlError(`Unknown list ${listId}`);
		const items = allItems(list);
		const byId = items.find((i) => String(i.id) === String(value));
		const item = byId ?? items.find((i) => i.name === value);
		if (!item) throw new ControlError(`"${String(value)}" is not an item of list ${listId}`);
		return listId === 'site' ? Number(item.id) : String(item.id);
	}

	// ---------- IDs ----------

	/** 19-digit string IDs like HiBob's (`3332883884017713238`): beyond 2^53, never JS numbers. */
	newEmployeeId(): string {
		for (;;) {
			const id = `3${this.idPrng.digits(18)}`;
			if (!this.employees.has(id)) return id;
		}
	}

	private readonly emailCounters = new Map<string, number>();

	uniqueEmail(first: string, surname: string): string {
		const base = `${first}.${surname}`
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z.]/g, '');
		let n = this.emailCounters.get(base) ?? 1;
		let email = n === 1 ? `${base}@acme-sim.com` : `${base}${n}@acme-sim.com`;
		while (this.byEmail.has(email)) email = `${base}${++n}@acme-sim.com`;
		this.emailCounters.set(base, n + 1);
		return email;
	}

	// ---------- reading ----------

	get(employeeId: string): Employee {
		const e = this.employees.get(employeeId);
		if (!e) throw new ControlError(`Unknown employee ${employeeId}`);
		return e;
	}

	findByIdOrEmail(identifier: string): Employee | undefined {
		const e = this.employees.get(identifier);
		if (e) return e;
		const id = this.byEmail.get(identifier.toLowerCase());
		return id === undefined ? undefined : this.employees.get(id);
	}

	lifecycleStatus(e: Employee): string {
		return String(e.values['internal.lifecycleStatus']);
	}

	isActive(e: Employee): boolean {
		return e.values['internal.status'] === 'Active';
	}

	reference(employeeId: unknown): Record<string, unknown> | null {
		if (typeof employeeId !== 'string') return null;
		const m = this.employees.get(employeeId);
		if (!m) return null;
		return {
			id: m.id,
			firstName: m.values['root.firstName'],
			surname: m.values['root.surname'],
			email: m.values['root.email'],
			displayName: m.values['root.displayName'],
		};
	}

	/** The current value of a field, derived fields included. */
	value(e: Employee, fieldId: string): FieldValue {
		switch (fieldId) {
			case 'work.reportsTo':
				return this.reference(e.values['work.manager']);
			case 'work.secondLevelManager': {
				const m = this.employees.get(String(e.values['work.manager']));
				const second = m?.values['work.manager'];
				return typeof second === 'string' && this.employees.has(second) ? second : null;
			}
			case 'work.isManager':
				return (this.directReports.get(e.id) ?? 0) > 0;
			case 'work.directReports':
				return this.directReports.get(e.id) ?? 0;
			case 'root.fullName':
				return `${e.values['root.firstName']} ${e.values['root.surname']}`;
			case 'work.reportsTo.email': {
				const m = this.employees.get(String(e.values['work.manager']));
				return m ? m.values['root.email'] : null;
			}
			default: {
				const v = e.values[fieldId];
				return v === undefined ? null : v;
			}
		}
	}

	// ---------- tables ----------

	addRow(
		e: Employee,
		table: TableName,
		effectiveDate: string,
		data: Record<string, unknown>,
		meta: {
			creationDate?: string | null;
			changedById?: string | null;
			reason?: string | null;
		} = {},
	): TableRow {
		const created = meta.creationDate === undefined ? this.today : meta.creationDate;
		const row: TableRow = {
			// Row IDs are only unique per employee: clients must key rows by (employeeId, id).
			id: ++e.rowSeq,
			effectiveDate,
			creationDate: created,
			modificationDate: created,
			changedById: meta.changedById === undefined ? this.adminId || null : meta.changedById,
			reason: meta.reason ?? null,
			data,
		};
		const rows = e[table];
		let i = rows.length;
		while (i > 0 && rows[i - 1].effectiveDate > effectiveDate) i--;
		rows.splice(i, 0, row);
		return row;
	}

	/** Index of the row in effect today: the last one whose effective date has arrived. */
	currentRowIndex(rows: TableRow[]): number {
		let current = -1;
		for (let i = 0; i < rows.length; i++) if (rows[i].effectiveDate <= this.today) current = i;
		return current;
	}

	renderRows(e: Employee, table: TableName, history: boolean): Array<Record<string, unknown>> {
		const rows = e[table];
		const current = this.currentRowIndex(rows);
		const out: Array<Record<string, unknown>> = [];
		for (let i = 0; i < rows.length; i++) {
			if (!history && i !== current) continue;
			const row = rows[i];
			const next = rows[i + 1];
			const end = next
				? next.effectiveDate > row.effectiveDate
					? addDays(next.effectiveDate, -1)
					: row.effectiveDate
				: null;
			const data: Record<string, unknown> = { ...row.data };
			if (table === 'work') {
				data.reportsTo = this.reference(row.data.reportsTo);
				data.activeEffectiveDate = row.effectiveDate;
			}
			out.push({
				id: row.id,
				effectiveDate: row.effectiveDate,
				endEffectiveDate: end,
				isCurrent: i === current,
				...data,
				creationDate: row.creationDate,
				modificationDate: row.modificationDate,
				canBeDeleted: false,
				customColumns: {},
				change: { changedBy: null, changedById: row.changedById, reason: row.reason },
			});
		}
		return out;
	}

	workRowData(e: Employee, workChangeType: string): Record<string, unknown> {
		return {
			department: e.values['work.department'],
			reportsTo: e.values['work.manager'],
			site: e.values['work.site'],
			siteId: e.values['work.siteId'],
			title: e.values['work.title'],
			workChangeType,
		};
	}

	employmentRowData(e: Employee): Record<string, unknown> {
		return {
			type: e.values['payroll.employment.type'],
			contract: e.values['payroll.employment.contract'],
			weeklyHours: e.values['payroll.employment.weeklyHours'],
		};
	}

	// ---------- lifecycle ----------

	/** Writes the lifecycle row HiBob writes when a status takes effect, and updates the status fields. */
	writeLifecycle(
		e: Employee,
		status: LifecycleStatus,
		employeeStatus: 'Active' | 'Inactive',
		effectiveDate: string,
		meta: {
			creationDate?: string | null;
			changedById?: string | null;
			reason?: string | null;
		} = {},
		reasonType: string | null = null,
	): void {
		this.addRow(
			e,
			'lifecycle',
			effectiveDate,
			{
				status: LIFECYCLE_LABELS[status],
				employeeStatus,
				reasonType,
				leaveReason: null,
			},
			meta,
		);
		this.refreshLifecycle(e);
	}

	/** Status fields follow the lifecycle row in effect. */
	refreshLifecycle(e: Employee): void {
		const rows = e.lifecycle;
		const current = rows[this.currentRowIndex(rows)];
		if (!current) return;
		const label = String(current.data.status);
		const status = (Object.keys(LIFECYCLE_LABELS) as LifecycleStatus[]).find(
			(s) => LIFECYCLE_LABELS[s] === label,
		);
		e.values['internal.lifecycleStatus'] = status ?? label.toLowerCase();
		e.values['internal.status'] = current.data.employeeStatus as string;
	}

	schedule(employeeId: string, date: string, action: ScheduledAction): void {
		this.scheduled.push({ seq: ++this.seq, date, employeeId, action });
	}

	unschedule(employeeId: string, predicate: (a: ScheduledAction) => boolean): void {
		this.scheduled = this.scheduled.filter(
			(s) => !(s.employeeId === employeeId && predicate(s.action)),
		);
	}

	/**
	 * Moves "today" and applies every scheduled change whose effective date has arrived, in date
	 * order, each writing its row effective at its own date. Site timezones are not
	 * modelled: every site switches at UTC midnight.
	 */
	setToday(today: string): number {
		this.today = today;
		const due = this.scheduled
			.filter((s) => s.date <= today)
			.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq));
		if (due.length === 0) return 0;
		const dueSeqs = new Set(due.map((s) => s.seq));
		this.scheduled = this.scheduled.filter((s) => !dueSeqs.has(s.seq));
		for (const s of due) {
			const e = this.employees.get(s.employeeId);
			if (!e) continue;
			this.apply(e, s.date, s.action, s.date);
		}
		return due.length;
	}

	private apply(e: Employee, date: string, action: ScheduledAction, creationDate: string): void {
		if (action.type === 'lifecycle') {
			this.writeLifecycle(
				e,
				action.status,
				action.employeeStatus,
				date,
				{ creationDate, reason: action.reason ?? null },
				action.reasonType ?? null,
			);
			if (action.status === 'employed') e.values['work.activeEffectiveDate'] = date;
		} else {
			this.applyFields(e, action.fields, date, action.reason ?? null, creationDate);
		}
	}

	// ---------- control actions ----------

	hire(input: HireInput): Employee {
		if (!input.firstName || !input.surname)
			throw new ControlError('hire needs firstName and surname');
		if (!isIsoDate(input.startDate)) throw new ControlError('hire needs startDate (YYYY-MM-DD)');
		const email = (input.email ?? this.uniqueEmail(input.firstName, input.surname)).toLowerCase();
		if (this.byEmail.has(email)) throw new ControlError(`Email ${email} is already used`);
		const anyEmployee = this.employees.values().next().value as Employee | undefined;
		const pick = (listId: string, v: unknown, fallbackField: string) =>
			v !== undefined ? this.resolveListValue(listId, v) : anyEmployee?.values[fallbackField];
		const siteId = pick('site', input.site, 'work.siteId') as number;
		const e = this.createEmployee({
			firstName: input.firstName,
			surname: input.surname,
			email,
			startDate: input.startDate,
			creationMs: this.now(),
			department: String(pick('department', input.department, 'work.department')),
			title: String(pick('title', input.title, 'work.title')),
			siteId,
			managerId: input.managerId ?? null,
		});
		if (input.managerId && !this.employees.has(input.managerId))
			throw new ControlError(`Unknown manager ${input.managerId}`);
		this.insertEmployee(e);
		this.addRow(e, 'work', input.startDate, this.workRowData(e, 'New Employee'));
		this.addRow(e, 'employment', input.startDate, this.employmentRowData(e));
		if (input.startDate > this.today) {
			this.writeLifecycle(e, 'hired', 'Inactive', this.today);
			this.schedule(e.id, input.startDate, {
				type: 'lifecycle',
				status: 'employed',
				employeeStatus: 'Active',
			});
		} else {
			this.writeLifecycle(e, 'hired', 'Inactive', input.startDate);
			this.writeLifecycle(e, 'employed', 'Active', input.startDate);
		}
		if (input.fields) this.changeFields({ employeeId: e.id, fields: input.fields });
		return e;
	}

	changeStartDate(employeeId: string, startDate: string): void {
		const e = this.get(employeeId);
		if (!isIsoDate(startDate)) throw new ControlError('startDate must be YYYY-MM-DD');
		const old = e.values['work.startDate'];
		e.values['work.startDate'] = startDate;
		if (e.values['work.originalStartDate'] === old) e.values['work.originalStartDate'] = startDate;
		for (const table of ['work', 'employment'] as const) {
			const first = e[table].find((r) => r.effectiveDate === old);
			if (first) {
				e[table].splice(e[table].indexOf(first), 1);
				this.addRow(e, table, startDate, first.data);
			}
		}
		if (this.lifecycleStatus(e) === 'hired') {
			this.unschedule(e.id, (a) => a.type === 'lifecycle' && a.status === 'employed');
			if (startDate > this.today)
				this.schedule(e.id, startDate, {
					type: 'lifecycle',
					status: 'employed',
					employeeStatus: 'Active',
				});
			else {
				// The Hired row was written on the hire day; a start date moved before it pulls it back
				// so that Employed is the row in effect.
				const hiredRow = e.lifecycle[e.lifecycle.length - 1];
				if (hiredRow && hiredRow.effectiveDate > startDate) {
					e.lifecycle.pop();
					this.addRow(e, 'lifecycle', startDate, hiredRow.data, hiredRow);
				}
				this.writeLifecycle(e, 'employed', 'Active', startDate);
				e.values['work.activeEffectiveDate'] = startDate;
			}
		}
	}

	startLeave(input: LeaveInput): void {
		const e = this.get(input.employeeId);
		const start = input.startDate ?? this.today;
		if (!isIsoDate(start)) throw new ControlError('startDate must be YYYY-MM-DD');
		if (input.endDate !== undefined && !(isIsoDate(input.endDate) && input.endDate >= start))
			throw new ControlError('endDate must be a date on or after startDate');
		const active = input.remainActive ?? this.leaveRemainsActive;
		const action: ScheduledAction = {
			type: 'lifecycle',
			status: input.type ?? 'leave',
			employeeStatus: active ? 'Active' : 'Inactive',
		};
		e.values['employee.recentLeaveStartDate'] = start;
		e.values['employee.recentLeaveEndDate'] = input.endDate ?? null;
		if (start <= this.today) this.apply(e, start, action, this.today);
		else this.schedule(e.id, start, action);
		if (input.endDate) {
			this.schedule(e.id, addDays(input.endDate, 1), {
				type: 'lifecycle',
				status: 'employed',
				employeeStatus: 'Active',
			});
		}
	}

	/** Ends a leave: Employed again from `returnDate` (default today). */
	endLeave(employeeId: string, returnDate?: string): void {
		const e = this.get(employeeId);
		const date = returnDate ?? this.today;
		if (!isIsoDate(date)) throw new ControlError('returnDate must be YYYY-MM-DD');
		const status = this.lifecycleStatus(e);
		const pendingLeave = this.scheduled.some(
			(s) =>
				s.employeeId === employeeId &&
				s.action.type === 'lifecycle' &&
				s.action.status.endsWith('leave'),
		);
		if (!(status === 'leave' || status === 'parental leave' || pendingLeave))
			throw new ControlError(`Employee ${employeeId} is not on leave (${status})`);
		this.unschedule(e.id, (a) => a.type === 'lifecycle' && a.status === 'employed');
		e.values['employee.recentLeaveEndDate'] = addDays(date, -1);
		const action: ScheduledAction = {
			type: 'lifecycle',
			status: 'employed',
			employeeStatus: 'Active',
		};
		if (date <= this.today) this.apply(e, date, action, this.today);
		else this.schedule(e.id, date, action);
	}

	terminate(input: TerminateInput): void {
		const e = this.get(input.employeeId);
		const terminationDate = input.terminationDate ?? addDays(this.today, -1);
		if (!isIsoDate(terminationDate)) throw new ControlError('terminationDate must be YYYY-MM-DD');
		if (this.lifecycleStatus(e) === 'terminated')
			throw new ControlError(`Employee ${e.id} is already terminated`);
		const last = input.lastDayOfWork ?? terminationDate;
		if (!isIsoDate(last) || last > terminationDate)
			throw new ControlError('lastDayOfWork must be a date on or before terminationDate');
		const reason =
			input.terminationReason === undefined
				? null
				: this.resolveListValue('terminationreason', input.terminationReason);
		const reasonType =
			input.reasonType === undefined
				? null
				: String(this.resolveListValue('lifecycleReasonType', input.reasonType));
		e.values['internal.terminationDate'] = terminationDate;
		e.values['internal.terminationReason'] = reason === null ? null : String(reason);
		e.values['internal.terminationType'] = reasonType;
		e.values['employee.lastDayOfWork'] = last;
		if (input.eligibleForRehire !== undefined)
			e.values['employee.eligibleForRehire'] = input.eligibleForRehire;
		this.unschedule(e.id, (a) => a.type === 'lifecycle');
		if (last < terminationDate) {
			this.runOrSchedule(e, addDays(last, 1), {
				type: 'lifecycle',
				status: 'garden leave',
				employeeStatus: 'Active',
				reasonType,
			});
		}
		// The termination date is the last employed day: Terminated from midnight after it.
		this.runOrSchedule(e, addDays(terminationDate, 1), {
			type: 'lifecycle',
			status: 'terminated',
			employeeStatus: 'Inactive',
			reasonType,
		});
	}

	private runOrSchedule(e: Employee, date: string, action: ScheduledAction): void {
		if (date <= this.today) this.apply(e, date, action, this.today);
		else this.schedule(e.id, date, action);
	}

	rehire(employeeId: string, startDate: string): void {
		const e = this.get(employeeId);
		if (!isIsoDate(startDate)) throw new ControlError('startDate must be YYYY-MM-DD');
		if (this.lifecycleStatus(e) !== 'terminated')
			throw new ControlError(
				`Only terminated employees can be rehired (${this.lifecycleStatus(e)})`,
			);
		const last = e.lifecycle[e.lifecycle.length - 1];
		if (last && startDate < last.effectiveDate)
			throw new ControlError(
				`startDate must be on or after ${last.effectiveDate}, the termination`,
			);
		for (const f of [
			'internal.terminationDate',
			'internal.terminationReason',
			'internal.terminationType',
			'employee.lastDayOfWork',
		])
			e.values[f] = null;
		e.values['work.startDate'] = startDate;
		this.addRow(e, 'work', startDate, this.workRowData(e, 'Rehire'));
		if (startDate > this.today) {
			this.writeLifecycle(e, 'hired', 'Inactive', this.today);
			this.schedule(e.id, startDate, {
				type: 'lifecycle',
				status: 'employed',
				employeeStatus: 'Active',
			});
		} else {
			this.writeLifecycle(e, 'employed', 'Active', startDate);
			e.values['work.activeEffectiveDate'] = startDate;
		}
	}

	/**
	 * Changes fields (IDs from the catalogue). Work-table and employment-table fields write a history
	 * row effective at `effectiveDate` (default today; a future date is scheduled).
	 */
	changeFields(input: {
		employeeId: string;
		fields: Record<string, unknown>;
		effectiveDate?: string;
		reason?: string;
	}): void {
		const e = this.get(input.employeeId);
		const date = input.effectiveDate ?? this.today;
		if (!isIsoDate(date)) throw new ControlError('effectiveDate must be YYYY-MM-DD');
		const normalized = this.normalizeFields(e, input.fields);
		if (date > this.today)
			this.schedule(e.id, date, { type: 'fields', fields: normalized, reason: input.reason });
		else this.applyFields(e, normalized, date, input.reason ?? null, this.today);
	}

	private normalizeFields(e: Employee, fields: Record<string, unknown>): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const [id, raw] of Object.entries(fields)) {
			const f = this.fieldById.get(id);
			if (!f) throw new ControlError(`Unknown field ${id}`);
			if (
				[
					'root.id',
					'root.companyId',
					'work.reportsTo',
					'work.secondLevelManager',
					'work.isManager',
				].includes(id)
			)
				throw new ControlError(`${id} cannot be changed directly`);
			let v = raw;
			if (
				v !== null &&
				(f.type === 'list' || f.type === 'list_id' || f.type === 'hierarchy-list') &&
				f.typeData.listId
			)
				v = this.resolveListValue(f.typeData.listId, v);
			if (v !== null && f.type === 'multi-list' && f.typeData.listId) {
				const listId = f.typeData.listId;
				v = (Array.isArray(v) ? v : [v]).map((x) => String(this.resolveListValue(listId, x)));
			}
			if (v !== null && f.type === 'date' && !isIsoDate(v))
				throw new ControlError(`${id} must be YYYY-MM-DD`);
			if (id === 'work.manager' && v !== null) {
				if (typeof v !== 'string' || !this.employees.has(v))
					throw new ControlError(`Unknown manager ${String(v)}`);
				if (v === e.id) throw new ControlError('An employee cannot manage themselves');
			}
			if (id === 'root.email') {
				if (typeof v !== 'string' || !v.includes('@'))
					throw new ControlError('root.email must be an email');
				v = v.toLowerCase();
				const owner = this.byEmail.get(v as string);
				if (owner && owner !== e.id) throw new ControlError(`Email ${String(v)} is already used`);
			}
			out[id] = v;
		}
		return out;
	}

	private applyFields(
		e: Employee,
		fields: Record<string, unknown>,
		date: string,
		reason: string | null,
		creationDate: string,
	): void {
		let work = false;
		let employment = false;
		for (const [id, v] of Object.entries(fields)) {
			if (id === 'work.manager') this.setManager(e, (v as string | null) ?? null);
			else if (id === 'root.email') {
				this.byEmail.delete(String(e.values['root.email']));
				this.byEmail.set(String(v), e.id);
				e.values[id] = v as FieldValue;
			} else e.values[id] = v as FieldValue;
			if (id === 'work.siteId' && v !== null && !('work.site' in fields))
				e.values['work.site'] = this.labels.get('site')?.get(String(v)) ?? null;
			if ((WORK_TABLE_FIELDS as readonly string[]).includes(id)) work = true;
			if ((EMPLOYMENT_TABLE_FIELDS as readonly string[]).includes(id)) employment = true;
		}
		if (('root.firstName' in fields || 'root.surname' in fields) && !('root.displayName' in fields))
			e.values['root.displayName'] = `${e.values['root.firstName']} ${e.values['root.surname']}`;
		const meta = { creationDate, reason };
		if (work) this.addRow(e, 'work', date, this.workRowData(e, 'Change'), meta);
		if (employment) this.addRow(e, 'employment', date, this.employmentRowData(e), meta);
	}

	private setManager(e: Employee, managerId: string | null): void {
		const old = e.values['work.manager'];
		if (typeof old === 'string')
			this.directReports.set(old, (this.directReports.get(old) ?? 1) - 1);
		e.values['work.manager'] = managerId;
		if (managerId) this.directReports.set(managerId, (this.directReports.get(managerId) ?? 0) + 1);
	}

	deleteEmployee(employeeId: string): void {
		const e = this.get(employeeId);
		this.setManager(e, null);
		for (const other of this.employees.values())
			if (other.values['work.manager'] === employeeId) this.setManager(other, null);
		this.employees.delete(employeeId);
		this.byEmail.delete(String(e.values['root.email']));
		this.directReports.delete(employeeId);
		this.scheduled = this.scheduled.filter((s) => s.employeeId !== employeeId);
	}

	// ---------- time off ----------

	addTimeOff(input: {
		employeeId: string;
		startDate: string;
		endDate: string;
		policyType?: string;
		status?: 'Approved' | 'Pending';
	}): TimeOffRequest {
		this.get(input.employeeId);
		if (!isIsoDate(input.startDate) || !isIsoDate(input.endDate) || input.endDate < input.startDate)
			throw new ControlError('startDate and endDate must be dates, endDate on or after startDate');
		const id = this.nextRequestId++;
		const request: TimeOffRequest = {
			requestId: id,
			employeeId: input.employeeId,
			policyType: input.policyType ?? 'Holiday',
			startDate: input.startDate,
			endDate: input.endDate,
			status: input.status ?? 'Approved',
			createdOnMs: this.now(),
			previousRequestId: null,
			originalRequestId: id,
		};
		this.timeOff.set(id, request);
		this.timeOffChanges.push({
			requestId: id,
			changeType: request.status === 'Pending' ? 'Pending' : 'Created',
			atMs: request.createdOnMs,
		});
		return request;
	}

	cancelTimeOff(requestId: number): void {
		const r = this.timeOff.get(requestId);
		if (!r || r.status === 'Canceled')
			throw new ControlError(`No open time-off request ${requestId}`);
		r.status = 'Canceled';
		this.timeOffChanges.push({ requestId, changeType: 'Canceled', atMs: this.now() });
	}

	/** Editing dates creates a new request linked by previousRequestId/originalRequestId. */
	editTimeOff(requestId: number, dates: { startDate: string; endDate: string }): TimeOffRequest {
		const r = this.timeOff.get(requestId);
		if (!r || r.status === 'Canceled')
			throw new ControlError(`No open time-off request ${requestId}`);
		r.status = 'Canceled';
		this.timeOffChanges.push({ requestId, changeType: 'Canceled', atMs: this.now() });
		const next = this.addTimeOff({
			employeeId: r.employeeId,
			startDate: dates.startDate,
			endDate: dates.endDate,
			policyType: r.policyType,
		});
		next.previousRequestId = r.requestId;
		next.originalRequestId = r.originalRequestId;
		return next;
	}

	// ---------- construction ----------

	createEmployee(p: {
		firstName: string;
		surname: string;
		email: string;
		startDate: string;
		creationMs: number;
		department: string;
		title: string;
		siteId: number;
		managerId: string | null;
		id?: string;
	}): Employee {
		const id = p.id ?? this.newEmployeeId();
		const values: Record<string, FieldValue> = { ...this.blankValues };
		values['root.id'] = id;
		values['root.companyId'] = this.companyId;
		values['root.email'] = p.email;
		values['root.firstName'] = p.firstName;
		values['root.surname'] = p.surname;
		values['root.displayName'] = `${p.firstName} ${p.surname}`;
		values['root.creationDateTime'] = hibobTime(p.creationMs);
		values['work.startDate'] = p.startDate;
		values['work.originalStartDate'] = p.startDate;
		values['work.activeEffectiveDate'] = p.startDate;
		values['work.department'] = p.department;
		values['work.title'] = p.title;
		values['work.siteId'] = p.siteId;
		values['work.site'] = this.labels.get('site')?.get(String(p.siteId)) ?? null;
		values['work.manager'] = p.managerId;
		values['internal.probationEndDate'] = addDays(p.startDate, 90);
		values['payroll.employment.type'] = String(
			this.lists.get('payrollEmploymentType')?.items[0].id,
		);
		values['payroll.employment.contract'] = String(this.lists.get('employmentstatus')?.items[0].id);
		values['payroll.employment.weeklyHours'] = 40;
		return { id, values, lifecycle: [], work: [], employment: [], rowSeq: 0 };
	}

	insertEmployee(e: Employee): void {
		this.employees.set(e.id, e);
		this.byEmail.set(String(e.values['root.email']), e.id);
		const m = e.values['work.manager'];
		if (typeof m === 'string') this.directReports.set(m, (this.directReports.get(m) ?? 0) + 1);
	}
}

function listItems(prng: Prng, names: string[], idDigits: number): ListItem[] {
	const used = new Set<number>();
	return names.map((name) => {
		let id: number;
		do id = Number(`${prng.int(1, 9)}${prng.digits(idDigits - 1)}`);
		while (used.has(id));
		used.add(id);
		return { id, value: name, name, archived: false, children: [] };
	});
}

function textItems(names: string[]): ListItem[] {
	return names.map((name) => ({ id: name, value: name, name, archived: false, children: [] }));
}

function fixed(id: number, name: string, children: ListItem[] = []): ListItem {
	return { id: String(id), value: name, name, archived: false, children };
}

/** Lists the generator does not draw from; IDs fixed by hand. */
const FIXED_LISTS: Record<string, ListItem[]> = {
	employer_entity_list: [fixed(7001, 'Acme Ltd'), fixed(7002, 'Acme Inc')],
	workLocation_entity_list: [fixed(7101, 'London office'), fixed(7102, 'New York office')],
	employer_workLocation_tree_entity_list: [
		fixed(7200, 'Acme Ltd', [fixed(7201, 'London office'), fixed(7202, 'Remote')]),
		fixed(7210, 'Acme Inc', [fixed(7211, 'New York office'), fixed(7212, 'Remote')]),
	],
	calendar: [fixed(7301, 'UK holidays'), fixed(7302, 'US holidays')],
	workingPattern_entity_list: [fixed(7401, 'Mon-Fri 40h'), fixed(7402, 'Mon-Thu 32h')],
	jobRole_entity_list: [fixed(7501, 'Software engineer'), fixed(7502, 'Account executive')],
	jobFamily_entity_list: [fixed(7601, 'Engineering'), fixed(7602, 'Sales')],
	jobLevelRole_entity_list: [
		fixed(7700, 'Individual contributor', [fixed(7701, 'IC1'), fixed(7702, 'IC2')]),
		fixed(7710, 'Manager', [fixed(7711, 'M1'), fixed(7712, 'M2')]),
	],
	regionalTeam: [
		fixed(7800, 'EMEA', [fixed(7801, 'Sales'), fixed(7802, 'Support')]),
		fixed(7810, 'Americas', [fixed(7811, 'Sales'), fixed(7812, 'Support')]),
	],
};

/**
 * Builds a deterministic company: the same options always give the same employees, IDs, lists,
 * history and time off. About 0.5 s for 50,000 employees.
 */
export function generateCompany(options: CompanyOptions = {}): Company {
	const count = Math.max(1, Math.floor(options.employees ?? 50));
	const seed = options.seed ?? 1;
	const prng = new Prng(seed);
	const company = new Company(options);
	const today = company.today;
	const todayMs = Date.parse(`${today}T12:00:00.000Z`);

	// Numeric list item IDs for department/title/site (values are numeric strings).
	const departments = listItems(prng, DEPARTMENTS, 9);
	departments.push({ ...listItems(prng, ['Legacy Ops'], 9)[0], archived: true });
	company.addList('department', departments);
	company.addList('title', listItems(prng, TITLES, 8));
	company.addList('site', listItems(prng, SITES, 7));
	company.addList(
		'lifecycleStatus',
		(Object.keys(LIFECYCLE_LABELS) as LifecycleStatus[]).map((s) => ({
			id: s,
			value: LIFECYCLE_LABELS[s],
			name: LIFECYCLE_LABELS[s],
			archived: false,
			children: [],
		})),
	);
	company.addList('status', textItems(['Active', 'Inactive']));
	const reasons = listItems(prng, TERMINATION_REASONS, 8);
	reasons.push({ ...listItems(prng, ['Restructuring 2019'], 8)[0], archived: true });
	company.addList('terminationreason', reasons);
	company.addList('lifecycleReasonType', listItems(prng, ['Voluntary', 'Involuntary'], 8));
	company.addList(
		'payrollEmploymentType',
		listItems(prng, ['Full-time', 'Part-time', 'Contractor'], 8),
	);
	company.addList('employmentstatus', listItems(prng, ['Permanent', 'Fixed term', 'Freelance'], 8));
	// Some lists use textual item IDs (`about.hobbies` → ["Animals"]).
	company.addList('hobbies', textItems(HOBBIES));
	company.addList('pronouns', textItems(PRONOUNS));
	// Lists behind the live catalogue's other list fields, with fixed IDs (no draws from the
	// generator, so the seeded company stays the same); the trees repeat a name under two parents.
	for (const [name, items] of Object.entries(FIXED_LISTS)) company.addList(name, items);

	const deptIds = departments.filter((d) => !d.archived).map((d) => String(d.id));
	const titleIds = company.lists.get('title')!.items.map((i) => String(i.id));
	const siteIds = company.lists.get('site')!.items.map((i) => Number(i.id));
	const reasonIds = reasons.filter((r) => !r.archived).map((r) => String(r.id));
	const reasonTypeIds = company.lists.get('lifecycleReasonType')!.items.map((i) => String(i.id));
	const typeIds = company.lists.get('payrollEmploymentType')!.items.map((i) => String(i.id));
	const contractIds = company.lists.get('employmentstatus')!.items.map((i) => String(i.id));

	// Exact status counts so even a 10-person company has the whole mix; the CEO (index 0) is employed.
	const statuses: LifecycleStatus[] = [];
	for (const [status, share] of STATUS_MIX) {
		const n = count >= 10 ? Math.max(1, Math.round(count * share)) : 0;
		for (let i = 0; i < n; i++) statuses.push(status);
	}
	while (statuses.length < count) statuses.push('employed');
	statuses.length = count;
	prng.shuffle(statuses);
	const firstEmployed = statuses.indexOf('employed');
	[statuses[0], statuses[firstEmployed]] = [statuses[firstEmployed], statuses[0]];

	const todayDay = toDayNumber(today);
	const ids: string[] = [];
	const leaveActive = company.leaveRemainsActive;
	for (let i = 0; i < count; i++) {
		const status = statuses[i];
		const first = prng.pick(FIRST_NAMES);
		const surname = prng.pick(SURNAMES);
		let startDay: number;
		if (status === 'hired') startDay = todayDay + prng.int(1, 90);
		else if (status === 'terminated') startDay = todayDay - prng.int(200, 3650);
		else startDay = todayDay - prng.int(i === 0 ? 3650 : 30, 3650);
		const startDate = addDays(today, startDay - todayDay);
		const creationDay = Math.min(
			startDay - prng.int(0, 45),
			todayDay - (status === 'hired' ? prng.int(0, 20) : 0),
		);
		const creationMs = creationDay * DAY + prng.int(28_800_000, 64_800_000);
		const managerIndex = i === 0 ? -1 : Math.floor(prng.next() * Math.max(1, Math.ceil(i / 4)));
		const e = company.createEmployee({
			firstName: first,
			surname,
			email: '',
			startDate,
			creationMs,
			department: prng.pick(deptIds),
			title: i === 0 ? titleIds[titleIds.length - 1] : prng.pick(titleIds),
			siteId: prng.pick(siteIds),
			managerId: managerIndex < 0 ? null : ids[managerIndex],
		});
		e.values['root.email'] = company.uniqueEmail(first, surname);
		if (prng.chance(0.1)) e.values['root.secondName'] = prng.pick(FIRST_NAMES);
		if (prng.chance(0.7))
			e.values['root.avatarUrl'] = `https://images.acme-sim.com/avatars/${e.id}.png`;
		if (prng.chance(0.4)) e.values['about.about'] = `Hi, I'm ${first}.`;
		if (prng.chance(0.5))
			e.values['about.hobbies'] = [prng.pick(HOBBIES), prng.pick(HOBBIES)].filter(
				(h, k, a) => a.indexOf(h) === k,
			);
		if (prng.chance(0.3))
			e.values['about.socialData.linkedin'] =
				`https://www.linkedin.com/in/${first.toLowerCase()}-${e.id.slice(-6)}`;
		if (prng.chance(0.8)) e.values[CUSTOM_COST_CENTER] = `CC-${prng.int(100, 140)}`;
		if (prng.chance(0.5)) e.values[CUSTOM_DESK_NUMBER] = prng.int(1, 900);
		const pt = prng.next();
		e.values['payroll.employment.type'] =
			pt < 0.85 ? typeIds[0] : pt < 0.95 ? typeIds[1] : typeIds[2];
		e.values['payroll.employment.contract'] = pt < 0.85 ? contractIds[0] : prng.pick(contractIds);
		e.values['payroll.employment.weeklyHours'] = pt < 0.85 ? 40 : prng.pick([20, 24, 32]);
		e.values['employee.eligibleForRehire'] = null;
		e.values['personal.shortBirthDate'] =
			`${String(prng.int(1, 12)).padStart(2, '0')}-${String(prng.int(1, 28)).padStart(2, '0')}`;
		if (prng.chance(0.6)) e.values['personal.pronouns'] = prng.pick(PRONOUNS);
		if (prng.chance(0.5))
			e.values['home.privateEmail'] = `${first.toLowerCase()}${prng.int(1, 999)}@example.net`;
		if (prng.chance(0.5)) e.values['home.mobilePhone'] = `+44 7${prng.digits(9)}`;
		e.values['payroll.salary.payment'] = {
			value: prng.int(30, 180) * 1000,
			currency: prng.pick(['GBP', 'USD', 'EUR', 'ILS']),
		};
		company.insertEmployee(e);
		ids.push(e.id);

		const created = dateOfMs(creationMs);
		const sys = { creationDate: created, changedById: null };
		company.addRow(e, 'work', startDate, company.workRowData(e, 'New Employee'), sys);
		company.addRow(e, 'employment', startDate, company.employmentRowData(e), sys);
		if (status !== 'hired' && startDay < todayDay - 400 && prng.chance(0.25)) {
			// A promotion: the earlier work row keeps the previous title.
			const promoDate = addDays(startDate, prng.int(180, Math.min(1500, todayDay - startDay - 1)));
			const earlier = e.work[0];
			earlier.data = { ...earlier.data, title: prng.pick(titleIds) };
			company.addRow(e, 'work', promoDate, company.workRowData(e, 'Promotion'), {
				creationDate: promoDate,
				changedById: null,
			});
		}
		const row = (
			s: LifecycleStatus,
			active: boolean,
			date: string,
			reasonType: string | null = null,
		) =>
			company.addRow(
				e,
				'lifecycle',
				date,
				{
					status: LIFECYCLE_LABELS[s],
					employeeStatus: active ? 'Active' : 'Inactive',
					reasonType,
					leaveReason: null,
				},
				{ creationDate: date < created ? created : date, changedById: null },
			);
		row('hired', false, created);
		if (status === 'hired') {
			company.schedule(e.id, startDate, {
				type: 'lifecycle',
				status: 'employed',
				employeeStatus: 'Active',
			});
		} else {
			row('employed', true, startDate);
		}
		if (status === 'terminated') {
			const term = addDays(today, -prng.int(1, Math.min(todayDay - startDay - 30, 1500)));
			const rt = prng.pick(reasonTypeIds);
			e.values['internal.terminationDate'] = term;
			e.values['employee.lastDayOfWork'] = term;
			e.values['internal.terminationReason'] = prng.pick(reasonIds);
			e.values['internal.terminationType'] = rt;
			e.values['employee.eligibleForRehire'] = prng.chance(0.7);
			row('terminated', false, addDays(term, 1), rt);
		} else if (status === 'garden leave') {
			const last = addDays(today, -prng.int(1, 30));
			const term = addDays(today, prng.int(1, 60));
			const rt = prng.pick(reasonTypeIds);
			e.values['internal.terminationDate'] = term;
			e.values['employee.lastDayOfWork'] = last;
			e.values['internal.terminationReason'] = prng.pick(reasonIds);
			e.values['internal.terminationType'] = rt;
			row('garden leave', true, addDays(last, 1), rt);
			company.schedule(e.id, addDays(term, 1), {
				type: 'lifecycle',
				status: 'terminated',
				employeeStatus: 'Inactive',
				reasonType: rt,
			});
		} else if (status === 'leave' || status === 'parental leave') {
			const leaveStart = addDays(today, -prng.int(0, Math.min(60, todayDay - startDay - 1)));
			e.values['employee.recentLeaveStartDate'] = leaveStart;
			row(status, leaveActive, leaveStart);
			if (prng.chance(0.7)) {
				const end = addDays(today, prng.int(1, 120));
				e.values['employee.recentLeaveEndDate'] = end;
				company.schedule(e.id, addDays(end, 1), {
					type: 'lifecycle',
					status: 'employed',
					employeeStatus: 'Active',
				});
			}
		}
		company.refreshLifecycle(e);

		if (status !== 'terminated' && status !== 'hired' && prng.chance(0.12)) {
			const start = addDays(today, prng.int(-20, 40));
			const end = addDays(start, prng.int(0, 4));
			const id = company.nextRequestId++;
			const createdOnMs = Math.min(
				todayMs - 3_600_000,
				Date.parse(`${start}T10:00:00.000Z`) - prng.int(2, 40) * DAY,
			);
			const pending = prng.chance(0.15);
			company.timeOff.set(id, {
				requestId: id,
				employeeId: e.id,
				policyType: prng.chance(0.8) ? 'Holiday' : 'Sick',
				startDate: start,
				endDate: end,
				status: pending ? 'Pending' : 'Approved',
				createdOnMs,
				previousRequestId: null,
				originalRequestId: id,
			});
			company.timeOffChanges.push({
				requestId: id,
				changeType: pending ? 'Pending' : 'Created',
				atMs: createdOnMs,
			});
		}
	}
	company.timeOffChanges.sort((a, b) => a.atMs - b.atMs);
	company.adminId = ids[0];
	return company;
}

/** `since`/`to` must lie within six calendar months. */
export function sixMonthsBefore(ms: number): number {
	return addMonthsMs(ms, -6);
}
