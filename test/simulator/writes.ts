/**
 * HiBob's write endpoints as the simulator serves them, with what HiBob
 * does wrong: `PUT /people/{id}` takes the nested read shape and answers 304 with an empty body when
 * nothing changed, including for historical fields (title, department, site, manager, employment
 * columns) that only the Work / Employment tables store; most writes answer 200 with no body; list
 * values must be item IDs everywhere except on create, which takes the names HiBob's own example uses
 * (IDs too); reads lag writes by a configurable time; a Work entry copies the columns of the row before
 * its date.
 */
import { canReadCategory, inScope, type ServiceUser } from './access';
import {
	allItems,
	type Company,
	type Employee,
	type FieldValue,
	type TableName,
	type TableRow,
} from './company';
import { type FieldDef } from './fields';
import { renderEmployee, resolveFields } from './render';
import { isIsoDate } from './util';

export interface WriteResponse {
	status: number;
	headers: Record<string, string>;
	body: string | null;
}

export interface Wizard {
	id: number;
	name: string;
}

/** What the simulator remembers about Bob access, invitations and mails (for tests to assert). */
export interface AccessEvent {
	employeeId: string;
	kind: 'invited' | 'revoked' | 'verification-mail';
	at: string;
	detail?: string | number;
}

export interface WriteSettings {
	/** Reads show the values from before a write for this long after it (HiBob: up to 20 s). Default 0. */
	readLagMs: number;
}

const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Write endpoints' default per-minute limits when rate limiting is on; table writes are 10/min. */
export const WRITE_RATE_LIMITS: Record<string, number> = {
	'work-entry': 10,
	'employment-entry': 10,
	'delete-entry': 10,
};

/** Fields the API sets itself; a PUT naming them stores nothing (304). */
const READ_ONLY = new Set([
	'root.id',
	'root.companyId',
	'root.displayName',
	'root.creationDateTime',
	'root.email',
	'work.reportsTo',
	'work.secondLevelManager',
	'work.isManager',
	'work.startDate',
	'work.originalStartDate',
]);

/** Work-table columns and the employee fields they feed. */
const WORK_COLUMNS: Record<string, string> = {
	department: 'work.department',
	title: 'work.title',
	siteId: 'work.siteId',
	site: 'work.site',
	reportsTo: 'work.manager',
};
const EMPLOYMENT_COLUMNS: Record<string, string> = {
	type: 'payroll.employment.type',
	contract: 'payroll.employment.contract',
	weeklyHours: 'payroll.employment.weeklyHours',
};

/** Every answer this module builds, so a handler can tell an answer from a parsed request body. */
const ANSWERS = new WeakSet<object>();

function answer(res: WriteResponse): WriteResponse {
	ANSWERS.add(res);
	return res;
}

function json(status: number, body: unknown): WriteResponse {
	return answer({ status, headers: { ...JSON_TYPE }, body: JSON.stringify(body) });
}

function error(status: number, message: string, key = 'bad.request'): WriteResponse {
	return json(status, { key, error: message });
}

const OK = answer({ status: 200, headers: {}, body: null });
const NOT_MODIFIED = answer({ status: 304, headers: {}, body: null });

interface Snapshot {
	until: number;
	/** null: the employee did not exist before the write (created), so lagging reads do not find them. */
	state: {
		values: Record<string, FieldValue>;
		lifecycle: TableRow[];
		work: TableRow[];
		employment: TableRow[];
	} | null;
}

type Handler = { name: string; run: (user: ServiceUser, body: unknown) => WriteResponse };

export class WriteApi {
	readonly settings: WriteSettings = { readLagMs: 0 };
	wizards: Wizard[] = [
		{ id: 1, name: 'Standard onboarding' },
		{ id: 2, name: 'Engineering onboarding' },
		{ id: 3, name: 'Contractor onboarding' },
	];
	readonly access: AccessEvent[] = [];
	private snapshots = new Map<string, Snapshot>();
	private readonly datedRows = new Set<string>();

	constructor(
		private readonly company: () => Company,
		private readonly now: () => number,
	) {}

	reset(): void {
		this.snapshots.clear();
		this.datedRows.clear();
		this.access.length = 0;
	}

	// ---------- read lag ----------

	/** Runs a read with every employee written in the last `readLagMs` shown as before the write. */
	lagged<T>(read: () => T): T {
		const now = this.now();
		const company = this.company();
		const swapped: Array<() => void> = [];
		for (const [id, snap] of this.snapshots) {
			if (snap.until <= now) {
				this.snapshots.delete(id);
				continue;
			}
			const e = company.employees.get(id);
			if (!e) continue;
			if (snap.state === null) {
				company.employees.delete(id);
				swapped.push(() => company.employees.set(id, e));
				continue;
			}
			const current = {
				values: e.values,
				lifecycle: e.lifecycle,
				work: e.work,
				employment: e.employment,
			};
			Object.assign(e, snap.state);
			swapped.push(() => Object.assign(e, current));
		}
		try {
			return read();
		} finally {
			for (const undo of swapped) undo();
		}
	}

	private remember(e: Employee, created = false): void {
		if (this.settings.readLagMs <= 0) return;
		const until = this.now() + this.settings.readLagMs;
		const existing = this.snapshots.get(e.id);
		if (existing && existing.until > this.now()) {
			existing.until = until;
			return;
		}
		this.snapshots.set(e.id, {
			until,
			state: created
				? null
				: {
						values: { ...e.values },
						lifecycle: e.lifecycle.map((r) => ({ ...r })),
						work: e.work.map((r) => ({ ...r })),
						employment: e.employment.map((r) => ({ ...r })),
					},
		});
	}

	// ---------- dated rows ----------

	/** Brings employee values in line with the Work / Employment rows now in effect (after a day passes). */
	refresh(): void {
		const company = this.company();
		for (const id of this.datedRows) {
			const e = company.employees.get(id);
			if (!e) {
				this.datedRows.delete(id);
				continue;
			}
			this.applyCurrentRows(e);
			const future = [...e.work, ...e.employment].some((r) => r.effectiveDate > company.today);
			if (!future) this.datedRows.delete(id);
		}
	}

	private applyCurrentRows(e: Employee): void {
		const company = this.company();
		const work = e.work[company.currentRowIndex(e.work)];
		if (work) {
			for (const [column, fieldId] of Object.entries(WORK_COLUMNS)) {
				const value = (work.data[column] ?? null) as FieldValue;
				if (fieldId === 'work.manager')
					this.setManager(e, typeof value === 'string' ? value : null);
				else e.values[fieldId] = value;
			}
		}
		const employment = e.employment[company.currentRowIndex(e.employment)];
		if (employment)
			for (const [column, fieldId] of Object.entries(EMPLOYMENT_COLUMNS))
				e.values[fieldId] = (employment.data[column] ?? null) as FieldValue;
	}

	private setManager(e: Employee, managerId: string | null): void {
		const reports = this.company().directReports;
		const old = e.values['work.manager'];
		if (old === managerId) return;
		if (typeof old === 'string') reports.set(old, (reports.get(old) ?? 1) - 1);
		e.values['work.manager'] = managerId;
		if (managerId) reports.set(managerId, (reports.get(managerId) ?? 0) + 1);
	}

	// ---------- routing ----------

	/** The write route for a request, or undefined (rest = the path after `/v1`, decoded). */
	match(method: string, rest: string[]): Handler | undefined {
		const h = (name: string, run: Handler['run']): Handler => ({ name, run });
		if (rest[0] === 'people') {
			if (method === 'POST' && rest.length === 1) return h('create', (u, b) => this.create(u, b));
			if (method === 'PUT' && rest.length === 2)
				return h('update', (u, b) => this.update(u, rest[1], b));
			if (method === 'PUT' && rest.length === 3 && rest[2] === 'email')
				return h('email', (u, b) => this.changeEmail(u, rest[1], b));
			const table = rest[2] as TableName;
			if (rest.length === 3 && method === 'POST' && (table === 'work' || table === 'employment'))
				return h(`${table}-entry`, (u, b) => this.addEntry(u, rest[1], table, b));
			if (rest.length === 4 && method === 'DELETE' && (table === 'work' || table === 'employment'))
				return h('delete-entry', (u) => this.deleteEntry(u, rest[1], table, rest[3]));
		}
		if (rest[0] === 'employees' && rest.length === 3 && method === 'POST') {
			const id = rest[1];
			switch (rest[2]) {
				case 'terminate':
					return h('terminate', (u, b) => this.terminate(u, id, b));
				case 'uninvite':
					return h('uninvite', (u) => this.uninvite(u, id));
				case 'start-date':
					return h('start-date', (u, b) => this.startDate(u, id, b));
				case 'invitations':
					return h('invite', (u, b) => this.invite(u, id, b));
			}
		}
		if (method === 'GET' && rest.length === 2 && rest[0] === 'onboarding' && rest[1] === 'wizards')
			return h('wizards', () => json(200, { wizards: this.wizards }));
		return undefined;
	}

	// ---------- helpers ----------

	private target(
		user: ServiceUser,
		identifier: string,
		category: string,
	): Employee | WriteResponse {
		const company = this.company();
		const e = company.employees.get(identifier);
		if (!e || !inScope(company, user, e))
			return error(404, `Employee ${identifier} not found`, 'employee.not.found');
		if (!canEdit(user, category))
			return error(
				403,
				`No permission to edit the ${category} category of ${identifier}`,
				'forbidden',
			);
		return e;
	}

	private body(raw: unknown): Record<string, unknown> | WriteResponse {
		if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw))
			return error(400, 'The request body must be a JSON object');
		return raw as Record<string, unknown>;
	}

	private listItemId(
		listId: string,
		value: unknown,
		allowNames: boolean,
	): string | number | undefined {
		const list = this.company().lists.get(listId);
		if (!list) return undefined;
		const items = allItems(list);
		const byId = items.find((i) => String(i.id) === String(value));
		const item = byId ?? (allowNames ? items.find((i) => i.name === value) : undefined);
		if (!item) return undefined;
		return typeof item.id === 'number' && listId === 'site' ? item.id : String(item.id);
	}

	/** Nested body → field ID → value, by the fields' jsonPath; paths matching no field are dropped. */
	private flatten(body: Record<string, unknown>): {
		fields: Map<string, unknown>;
		unknown: string[];
	} {
		const byPath = new Map(this.company().fields.map((f) => [f.jsonPath, f]));
		const fields = new Map<string, unknown>();
		const unknown: string[] = [];
		const walk = (node: Record<string, unknown>, prefix: string) => {
			for (const [key, value] of Object.entries(node)) {
				const path = prefix ? `${prefix}.${key}` : key;
				const field = byPath.get(path);
				if (field) fields.set(field.id, value);
				else if (value !== null && typeof value === 'object' && !Array.isArray(value))
					walk(value as Record<string, unknown>, path);
				else unknown.push(path);
			}
		};
		walk(body, '');
		return { fields, unknown };
	}

	/** A value in the field's type with list items as IDs, or an error text. */
	private checkValue(
		field: FieldDef,
		value: unknown,
		allowNames: boolean,
	): { value: unknown } | string {
		if (value === null) return { value: null };
		switch (field.type) {
			case 'date':
				return isIsoDate(value) ? { value } : `${field.id} must be a date (YYYY-MM-DD)`;
			case 'number':
				return typeof value === 'number' && Number.isFinite(value)
					? { value }
					: `${field.id} must be a number`;
			case 'boolean':
				return typeof value === 'boolean' ? { value } : `${field.id} must be true or false`;
			case 'list': {
				const id = this.listItemId(field.typeData.listId ?? '', value, allowNames);
				return id === undefined
					? `${String(value)} is not an item ID of list ${field.typeData.listId}`
					: { value: id };
			}
			case 'multi-list': {
				if (!Array.isArray(value)) return `${field.id} must be an array of item IDs`;
				const ids = value.map((v) => this.listItemId(field.typeData.listId ?? '', v, allowNames));
				return ids.some((i) => i === undefined)
					? `${field.id}: not all values are item IDs of list ${field.typeData.listId}`
					: { value: ids.map(String) };
			}
			case 'employee-reference':
				return typeof value === 'string' && this.company().employees.has(value)
					? { value }
					: `${field.id} must be the ID of an employee`;
			case 'currency':
				return typeof value === 'object' && typeof (value as { value?: unknown }).value === 'number'
					? { value }
					: `${field.id} must be {value, currency}`;
			default:
				return typeof value === 'string' ? { value } : `${field.id} must be text`;
		}
	}

	private stamp(): string {
		return new Date(this.now()).toISOString();
	}

	// ---------- PUT /people/{id} ----------

	private update(user: ServiceUser, identifier: string, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const company = this.company();
		const e = company.employees.get(identifier);
		if (!e || !inScope(company, user, e))
			return error(404, `Employee ${identifier} not found`, 'employee.not.found');
		const { fields } = this.flatten(b);
		const changes: Record<string, unknown> = {};
		for (const [id, value] of fields) {
			const field = company.fieldById.get(id)!;
			// Historical and API-owned fields answer 304 and store nothing: no error says so.
			if (field.historical || READ_ONLY.has(id) || field.categoryId === 'lifecycle') continue;
			if (!canEdit(user, field.categoryId))
				return error(403, `No permission to edit ${id}`, 'forbidden');
			const checked = this.checkValue(field, value, false);
			if (typeof checked === 'string') return error(400, checked);
			if (JSON.stringify(company.value(e, id)) !== JSON.stringify(checked.value))
				changes[id] = checked.value;
		}
		if (Object.keys(changes).length === 0) return NOT_MODIFIED;
		this.remember(e);
		company.changeFields({ employeeId: e.id, fields: changes });
		return OK;
	}

	// ---------- PUT /people/{id}/email ----------

	private changeEmail(user: ServiceUser, identifier: string, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const target = this.target(user, identifier, 'root');
		if (isResponse(target)) return target;
		const email = b.email;
		if (typeof email !== 'string' || !EMAIL_RE.test(email))
			return error(400, 'email must be an email address');
		const company = this.company();
		const owner = company.byEmail.get(email.toLowerCase());
		if (owner && owner !== target.id)
			return error(400, `Email ${email} is already used by another employee`);
		if (owner === target.id && target.values['root.email'] === email.toLowerCase()) return OK;
		this.remember(target);
		company.changeFields({ employeeId: target.id, fields: { 'root.email': email } });
		// Invited or active people get a verification mail at the new address (their Bob login changes).
		if (this.invited(target.id) || company.isActive(target))
			this.access.push({
				employeeId: target.id,
				kind: 'verification-mail',
				at: this.stamp(),
				detail: email,
			});
		return OK;
	}

	private invited(employeeId: string): boolean {
		for (let i = this.access.length - 1; i >= 0; i--) {
			const a = this.access[i];
			if (a.employeeId !== employeeId || a.kind === 'verification-mail') continue;
			return a.kind === 'invited';
		}
		return false;
	}

	// ---------- POST /people ----------

	private create(user: ServiceUser, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		if (!canEdit(user, 'root') || !canEdit(user, 'work'))
			return error(403, 'No permission to create employees', 'forbidden');
		const company = this.company();
		const { fields, unknown } = this.flatten(b);
		// HiBob: "You can include only the fields listed in the Fields Metadata API".
		if (unknown.length > 0)
			return error(400, `Unknown fields: ${unknown.join(', ')} (not in the field metadata)`);
		const missing = [
			'root.firstName',
			'root.surname',
			'root.email',
			'work.site',
			'work.startDate',
		].filter(
			(id) => fields.get(id) === undefined || fields.get(id) === null || fields.get(id) === '',
		);
		if (missing.length > 0)
			return error(
				400,
				`Missing required fields: ${missing.map((id) => company.fieldById.get(id)!.jsonPath).join(', ')}`,
			);
		const email = fields.get('root.email');
		if (typeof email !== 'string' || !EMAIL_RE.test(email))
			return error(400, 'email must be an email address');
		if (company.byEmail.has(email.toLowerCase()))
			return error(400, `Email ${email} is already used by another employee`);
		if (!isIsoDate(fields.get('work.startDate')))
			return error(400, 'work.startDate must be a date (YYYY-MM-DD)');
		// The site is the site list's name (HiBob's example) or its item ID.
		const site = this.listItemId('site', fields.get('work.site'), true);
		if (site === undefined)
			return error(400, `work.site: ${String(fields.get('work.site'))} matches no site`);
		const listed: Record<string, string | undefined> = {};
		for (const id of ['work.department', 'work.title']) {
			if (!fields.has(id)) continue;
			const field = company.fieldById.get(id)!;
			const value = this.listItemId(field.typeData.listId!, fields.get(id), true);
			if (value === undefined)
				return error(400, `${id}: ${String(fields.get(id))} matches no list item`);
			listed[id] = String(value);
		}
		let managerId: string | null = null;
		if (fields.has('work.manager')) {
			const m = fields.get('work.manager');
			if (typeof m !== 'string' || !company.employees.has(m))
				return error(400, 'work.manager must be an employee ID');
			managerId = m;
		}
		const extra: Record<string, unknown> = {};
		const handled = new Set([
			'root.firstName',
			'root.surname',
			'root.email',
			'work.site',
			'work.siteId',
			'work.startDate',
			'work.department',
			'work.title',
			'work.manager',
		]);
		for (const [id, value] of fields) {
			if (handled.has(id)) continue;
			const field = company.fieldById.get(id)!;
			if (field.historical || READ_ONLY.has(id) || field.categoryId === 'lifecycle') continue;
			if (!canEdit(user, field.categoryId))
				return error(403, `No permission to edit ${id}`, 'forbidden');
			const checked = this.checkValue(field, value, true);
			if (typeof checked === 'string') return error(400, checked);
			extra[id] = checked.value;
		}
		const e = company.hire({
			firstName: String(fields.get('root.firstName')),
			surname: String(fields.get('root.surname')),
			email,
			startDate: String(fields.get('work.startDate')),
			site,
			department: listed['work.department'],
			title: listed['work.title'],
			managerId,
			fields: Object.keys(extra).length > 0 ? extra : undefined,
		});
		this.remember(e, true);
		const shown = resolveFields(company, user, undefined);
		return json(200, renderEmployee(company, e, shown, '', 'dd/MM/yyyy'));
	}

	// ---------- POST /employees/{id}/... ----------

	private terminate(user: ServiceUser, identifier: string, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const e = this.target(user, identifier, 'lifecycle');
		if (isResponse(e)) return e;
		const company = this.company();
		if (!isIsoDate(b.terminationDate))
			return error(400, 'terminationDate is required (YYYY-MM-DD)');
		if (b.lastDayOfWork !== undefined && b.lastDayOfWork !== null) {
			if (!isIsoDate(b.lastDayOfWork) || b.lastDayOfWork > b.terminationDate)
				return error(400, 'lastDayOfWork must be a date on or before terminationDate');
		}
		if (b.noticePeriod !== undefined && b.noticePeriod !== null) {
			const n = b.noticePeriod as { length?: unknown; unit?: unknown };
			if (
				typeof n !== 'object' ||
				typeof n.length !== 'number' ||
				!['days', 'weeks', 'month', 'years'].includes(String(n.unit))
			)
				return error(400, 'noticePeriod must be {length: number, unit: days|weeks|month|years}');
		}
		// IDs only: a label such as "Redundant" in these ID fields is refused.
		for (const [key, list] of [
			['terminationReason', 'terminationreason'],
			['reasonType', 'lifecycleReasonType'],
		] as const) {
			const v = b[key];
			if (v === undefined || v === null) continue;
			if (this.listItemId(list, v, false) === undefined)
				return error(400, `${key}: ${String(v)} is not an item ID of list ${list}`);
		}
		if (company.lifecycleStatus(e) === 'terminated')
			return error(400, `Employee ${e.id} is already terminated`);
		this.remember(e);
		company.terminate({
			employeeId: e.id,
			terminationDate: b.terminationDate,
			lastDayOfWork: (b.lastDayOfWork as string | undefined) ?? undefined,
			terminationReason:
				b.terminationReason === undefined || b.terminationReason === null
					? undefined
					: String(b.terminationReason),
			reasonType:
				b.reasonType === undefined || b.reasonType === null ? undefined : String(b.reasonType),
		});
		return OK;
	}

	private uninvite(user: ServiceUser, identifier: string): WriteResponse {
		const e = this.target(user, identifier, 'root');
		if (isResponse(e)) return e;
		this.access.push({ employeeId: e.id, kind: 'revoked', at: this.stamp() });
		return OK;
	}

	private startDate(user: ServiceUser, identifier: string, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const e = this.target(user, identifier, 'work');
		if (isResponse(e)) return e;
		if (!isIsoDate(b.startDate)) return error(400, 'startDate is required (YYYY-MM-DD)');
		if (b.reason !== undefined && typeof b.reason !== 'string')
			return error(400, 'reason must be text');
		this.remember(e);
		this.company().changeStartDate(e.id, b.startDate);
		return OK;
	}

	private invite(user: ServiceUser, identifier: string, raw: unknown): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const e = this.target(user, identifier, 'root');
		if (isResponse(e)) return e;
		if (typeof b.welcomeWizardId !== 'number' || !Number.isInteger(b.welcomeWizardId))
			return error(400, 'welcomeWizardId is required (an integer)');
		if (!this.wizards.some((w) => w.id === b.welcomeWizardId))
			return error(400, `No onboarding wizard ${b.welcomeWizardId}`);
		this.access.push({
			employeeId: e.id,
			kind: 'invited',
			at: this.stamp(),
			detail: b.welcomeWizardId,
		});
		return OK;
	}

	// ---------- table entries ----------

	private addEntry(
		user: ServiceUser,
		identifier: string,
		table: 'work' | 'employment',
		raw: unknown,
	): WriteResponse {
		const b = this.body(raw);
		if (isResponse(b)) return b;
		const e = this.target(user, identifier, table);
		if (isResponse(e)) return e;
		const company = this.company();
		const date = b.effectiveDate;
		if (!isIsoDate(date)) return error(400, 'effectiveDate is required (YYYY-MM-DD)');
		const given: Record<string, unknown> = {};
		// A list column takes an item ID of its list, or null to clear it.
		const setListColumns = (columns: Array<[column: string, list: string]>) => {
			for (const [column, list] of columns) {
				if (b[column] === undefined) continue;
				const id = b[column] === null ? null : this.listItemId(list, b[column], false);
				if (id === undefined)
					return error(400, `${column}: ${String(b[column])} is not an item ID of list ${list}`);
				given[column] = id === null ? null : String(id);
			}
			return undefined;
		};
		if (table === 'work') {
			if (b.site === undefined && b.siteId === undefined)
				return error(400, 'site or siteId is required');
			const byId = b.siteId !== undefined;
			const site = byId
				? this.listItemId('site', b.siteId, false)
				: this.listItemId('site', b.site, true);
			if (site === undefined)
				return error(
					400,
					byId
						? `siteId: ${String(b.siteId)} is not a site ID`
						: `site: ${String(b.site)} matches no site`,
				);
			given.siteId = Number(site);
			given.site = company.labels.get('site')?.get(String(site)) ?? null;
			const refused = setListColumns([
				['title', 'title'],
				['department', 'department'],
			]);
			if (refused) return refused;
			if (b.reportsTo !== undefined) {
				const m = (b.reportsTo as { id?: unknown } | null)?.id;
				if (
					b.reportsTo !== null &&
					(typeof m !== 'string' || !company.employees.has(m) || m === e.id)
				)
					return error(400, "reportsTo must be {id: <the manager's employee ID>}");
				given.reportsTo = b.reportsTo === null ? null : m;
			}
			given.workChangeType = typeof b.workChangeType === 'string' ? b.workChangeType : 'Other';
			if (e.work.some((r) => r.effectiveDate === date && r.data.siteId === given.siteId))
				return error(400, `A work entry for ${date} at this site already exists`);
		} else {
			const refused = setListColumns([
				['type', 'employmentType'],
				['contract', 'contract'],
			]);
			if (refused) return refused;
			if (b.weeklyHours !== undefined) {
				if (b.weeklyHours !== null && typeof b.weeklyHours !== 'number')
					return error(400, 'weeklyHours must be a number');
				given.weeklyHours = b.weeklyHours;
			}
			if (e.employment.some((r) => r.effectiveDate === date))
				return error(400, `An employment entry for ${date} already exists`);
		}
		// A new row copies the columns of the row before its date, not of the current row.
		const rows = e[table];
		let previous: TableRow | undefined;
		for (const r of rows) if (r.effectiveDate <= date) previous = r;
		this.remember(e);
		company.addRow(
			e,
			table,
			date,
			{ ...(previous?.data ?? {}), ...given },
			{
				reason: typeof b.reason === 'string' ? b.reason : null,
			},
		);
		this.applyCurrentRows(e);
		if (date > company.today) this.datedRows.add(e.id);
		return OK;
	}

	private deleteEntry(
		user: ServiceUser,
		identifier: string,
		table: 'work' | 'employment',
		entryId: string,
	): WriteResponse {
		const e = this.target(user, identifier, table);
		if (isResponse(e)) return e;
		const rows = e[table];
		const index = rows.findIndex((r) => String(r.id) === entryId);
		if (index < 0) return error(404, `No ${table} entry ${entryId}`, 'not.found');
		if (rows.length === 1) return error(400, `The only ${table} entry cannot be deleted`);
		this.remember(e);
		rows.splice(index, 1);
		this.applyCurrentRows(e);
		return OK;
	}
}

/** Edit rights per category: `editCategories` when set, else whatever the service user can read. */
export function canEdit(user: ServiceUser, categoryId: string): boolean {
	const p = user.permissions;
	if (!p) return false;
	const edit = p.editCategories;
	if (edit === undefined) return canReadCategory(user, categoryId);
	return edit === '*' || edit.includes(categoryId);
}

function isResponse(v: unknown): v is WriteResponse {
	return typeof v === 'object' && v !== null && ANSWERS.has(v);
}
