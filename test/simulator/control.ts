/**
 * The control API: every way a test, benchmark or e2e run changes the simulated HiBob. Each method
 * takes at most one JSON-serializable argument and returns JSON-serializable data, so the HTTP
 * control routes (`POST /__control/<method>`, see server.ts) expose exactly the same surface.
 */
import type { Permissions, ServiceUser } from './access';
import {
	ControlError,
	type Employee,
	type HireInput,
	type LeaveInput,
	type ScheduledEvent,
	type TerminateInput,
	type TimeOffRequest,
} from './company';
import type {
	CursorKey,
	Fault,
	FaultSpec,
	LogEntry,
	NamedListsShape,
	BulkPaging,
	RateLimitOptions,
	Simulator,
} from './simulator';
import { addDays, DAY, isIsoDate } from './util';
import type { Folder, Task } from './work';
import { reportsOf } from './reports';
import {
	controlAddTask,
	controlDenyWork,
	controlListDocuments,
	controlListFolders,
	controlListTasks,
	controlSetTimeOffReadLag,
	type TaskInput,
} from './workControl';
import { approveTimeOff, declineTimeOff, deleteTimeOff } from './timeOffRequests';
import type { AccessEvent, Wizard } from './writes';
import type {
	DeliveryAttempt,
	WebhookDelivery,
	WebhookFaults,
	WebhookRegistration,
	WebhookSettings,
} from './webhooks';
import { OBSERVED_METHODS, WebhookSender } from './webhooks';
import { downloadLink, storeSignedDocument } from './documents';

export interface EmployeeSummary {
	id: string;
	email: string;
	displayName: string;
	lifecycleStatus: string;
	status: string;
	startDate: string | null;
	terminationDate: string | null;
}

export interface EmployeeSnapshot extends EmployeeSummary {
	values: Record<string, unknown>;
	lifecycle: Array<Record<string, unknown>>;
	work: Array<Record<string, unknown>>;
	employment: Array<Record<string, unknown>>;
	scheduled: ScheduledEvent[];
}

export interface ClockState {
	now: string;
	today: string;
	/** Scheduled lifecycle/field changes applied by this move. */
	applied: number;
}

export interface ServiceUserInfo {
	id: string;
	token: string;
	permissions: Permissions | null;
}

function need<T>(value: T | undefined, name: string): T {
	if (value === undefined || value === null) throw new ControlError(`${name} is required`);
	return value;
}

export class SimulatorControl {
	/** Bob's outgoing webhooks (webhooks.ts); every change below is announced to the registrations. */
	readonly webhooks: WebhookSender;

	constructor(private readonly sim: Simulator) {
		this.webhooks = new WebhookSender(sim);
		const self = this as unknown as Record<string, (input?: unknown) => unknown>;
		for (const name of OBSERVED_METHODS) {
			const method = self[name];
			const by = /^(setToday|advanceDays|advanceTime|setNow)$/.test(name) ? 'system' : 'admin';
			self[name] = (input?: unknown) => this.webhooks.observe(() => method.call(this, input), by);
		}
	}

	private get company() {
		return this.sim.company;
	}

	private summary(e: Employee): EmployeeSummary {
		const v = e.values;
		return {
			id: e.id,
			email: String(v['root.email']),
			displayName: String(v['root.displayName']),
			lifecycleStatus: String(v['internal.lifecycleStatus']),
			status: String(v['internal.status']),
			startDate: (v['work.startDate'] as string | null) ?? null,
			terminationDate: (v['internal.terminationDate'] as string | null) ?? null,
		};
	}

	private clockState(applied: number): ClockState {
		return {
			now: new Date(this.sim.clock.now()).toISOString(),
			today: this.company.today,
			applied,
		};
	}

	// ---------- state & clock ----------

	state(): {
		now: string;
		today: string;
		employees: number;
		scheduled: number;
		serviceUsers: string[];
		faults: number;
		logEntries: number;
	} {
		this.sim.sync();
		return {
			now: new Date(this.sim.clock.now()).toISOString(),
			today: this.company.today,
			employees: this.company.employees.size,
			scheduled: this.company.scheduled.length,
			serviceUsers: [...this.sim.serviceUsers.keys()],
			faults: this.sim.faults.length,
			logEntries: this.sim.log.length,
		};
	}

	getClock(): ClockState {
		return this.clockState(this.sim.sync());
	}

	/** Sets "today" (midday UTC); every scheduled change up to that date takes effect. */
	setToday(input: { today: string }): ClockState {
		if (!isIsoDate(input?.today)) throw new ControlError('today must be YYYY-MM-DD');
		this.sim.clock.set(Date.parse(`${input.today}T12:00:00.000Z`));
		return this.clockState(this.sim.sync());
	}

	advanceDays(input: { days: number }): ClockState {
		const days = need(input?.days, 'days');
		if (!Number.isInteger(days)) throw new ControlError('days must be an integer');
		this.sim.clock.advance(days * DAY);
		return this.clockState(this.sim.sync());
	}

	/** Moves the wall clock (rate-limit windows, timestamps) by `ms`. */
	advanceTime(input: { ms: number }): ClockState {
		const ms = need(input?.ms, 'ms');
		if (typeof ms !== 'number' || !Number.isFinite(ms))
			throw new ControlError('ms must be a number');
		this.sim.clock.advance(ms);
		return this.clockState(this.sim.sync());
	}

	setNow(input: { now: string }): ClockState {
		const ms = Date.parse(need(input?.now, 'now'));
		if (Number.isNaN(ms)) throw new ControlError('now must be an ISO-8601 date-time');
		this.sim.clock.set(ms);
		return this.clockState(this.sim.sync());
	}

	// ---------- employees ----------

	listEmployees(
		input: { lifecycleStatus?: string; status?: string; limit?: number } = {},
	): EmployeeSummary[] {
		this.sim.sync();
		const out: EmployeeSummary[] = [];
		for (const e of this.company.employees.values()) {
			if (
				input.lifecycleStatus &&
				this.company.lifecycleStatus(e) !== input.lifecycleStatus.toLowerCase()
			)
				continue;
			if (input.status && e.values['internal.status'] !== input.status) continue;
			out.push(this.summary(e));
			if (input.limit !== undefined && out.length >= input.limit) break;
		}
		return out;
	}

	getEmployee(input: { employeeId: string }): EmployeeSnapshot {
		this.sim.sync();
		const e = this.company.get(need(input?.employeeId, 'employeeId'));
		const values: Record<string, unknown> = {};
		for (const f of this.company.fields) values[f.id] = this.company.value(e, f.id);
		return {
			...this.summary(e),
			values,
			lifecycle: this.company.renderRows(e, 'lifecycle', true),
			work: this.company.renderRows(e, 'work', true),
			employment: this.company.renderRows(e, 'employment', true),
			scheduled: this.company.scheduled.filter((s) => s.employeeId === e.id),
		};
	}

	/** New employee; a future start date makes them Hired (Inactive) until it arrives. */
	hire(input: HireInput): EmployeeSummary {
		this.sim.sync();
		return this.summary(this.company.hire(need(input, 'input')));
	}

	changeStartDate(input: { employeeId: string; startDate: string }): EmployeeSummary {
		this.sim.sync();
		this.company.changeStartDate(
			need(input?.employeeId, 'employeeId'),
			need(input.startDate, 'startDate'),
		);
		return this.summary(this.company.get(input.employeeId));
	}

	startLeave(input: LeaveInput): EmployeeSummary {
		this.sim.sync();
		this.company.startLeave(need(input, 'input'));
		return this.summary(this.company.get(input.employeeId));
	}

	endLeave(input: { employeeId: string; returnDate?: string }): EmployeeSummary {
		this.sim.sync();
		this.company.endLeave(need(input?.employeeId, 'employeeId'), input.returnDate);
		return this.summary(this.company.get(input.employeeId));
	}

	/**
	 * Terminates: with a past (or omitted) termination date it takes effect at once; with a future one
	 * it is scheduled, with Garden leave first when `lastDayOfWork` is earlier.
	 */
	terminate(input: TerminateInput): EmployeeSummary {
		this.sim.sync();
		this.company.terminate(need(input, 'input'));
		return this.summary(this.company.get(input.employeeId));
	}

	/** Runs an employee's scheduled changes now, each effective today (e.g. "terminate now instead"). */
	executeScheduled(input: { employeeId: string }): EmployeeSummary {
		this.sim.sync();
		const id = need(input?.employeeId, 'employeeId');
		const e = this.company.get(id);
		const today = this.company.today;
		let moved = 0;
		for (const s of this.company.scheduled)
			if (s.employeeId === id && s.date > today) {
				s.date = today;
				moved++;
			}
		if (moved === 0) throw new ControlError(`Employee ${id} has no scheduled changes`);
		if (
			e.values['internal.terminationDate'] &&
			String(e.values['internal.terminationDate']) >= today
		)
			e.values['internal.terminationDate'] = addDays(today, -1);
		this.company.setToday(today);
		return this.summary(e);
	}

	rehire(input: { employeeId: string; startDate: string }): EmployeeSummary {
		this.sim.sync();
		this.company.rehire(need(input?.employeeId, 'employeeId'), need(input.startDate, 'startDate'));
		return this.summary(this.company.get(input.employeeId));
	}

	/** Any catalogue field: department/title/site (item ID or name), manager, email, names, custom fields… */
	changeFields(input: {
		employeeId: string;
		fields: Record<string, unknown>;
		effectiveDate?: string;
		reason?: string;
	}): EmployeeSummary {
		this.sim.sync();
		need(input?.fields, 'fields');
		this.company.changeFields(input);
		return this.summary(this.company.get(input.employeeId));
	}

	deleteEmployee(input: { employeeId: string }): { deleted: string } {
		this.company.deleteEmployee(need(input?.employeeId, 'employeeId'));
		return { deleted: input.employeeId };
	}

	// ---------- time off ----------

	addTimeOff(input: {
		employeeId: string;
		startDate: string;
		endDate: string;
		policyType?: string;
		status?: 'Approved' | 'Pending';
	}): TimeOffRequest {
		return { ...this.company.addTimeOff(need(input, 'input')) };
	}

	cancelTimeOff(input: { requestId: number }): { canceled: number } {
		this.company.cancelTimeOff(need(input?.requestId, 'requestId'));
		return { canceled: input.requestId };
	}

	editTimeOff(input: { requestId: number; startDate: string; endDate: string }): TimeOffRequest {
		return { ...this.company.editTimeOff(need(input?.requestId, 'requestId'), input) };
	}

	/** A manager approves a pending request (the feed lists `Created`). */
	approveTimeOff(input: { requestId: number; approverId?: string }): TimeOffRequest {
		return approveTimeOff(this.company, input?.requestId, input?.approverId);
	}

	/** A manager declines a pending request (the feed lists nothing: it has no change type for it). */
	declineTimeOff(input: { requestId: number }): TimeOffRequest {
		return declineTimeOff(this.company, input?.requestId);
	}

	/** An admin deletes a request (the feed lists `Deleted`). */
	deleteTimeOff(input: { requestId: number }): { deleted: number } {
		return deleteTimeOff(this.company, input?.requestId);
	}

	// ---------- tasks, documents (workControl.ts) ----------

	addTask(input: TaskInput): Task {
		return controlAddTask(this.company, input);
	}

	listTasks(input: { employeeId?: string } = {}): Task[] {
		return controlListTasks(this.company, input);
	}

	listDocuments(input: { employeeId?: string } = {}): ReturnType<typeof controlListDocuments> {
		return controlListDocuments(this.company, input);
	}

	listDocumentFolders(): Folder[] {
		return controlListFolders(this.company);
	}

	setTimeOffReadLag(input: { ms: number }): { readLagMs: number } {
		return controlSetTimeOffReadLag(this.company, input?.ms);
	}

	/** How many polls of the next asynchronous report downloads answer 204 before the file is ready. */
	setReportPendingPolls(input: { polls: number }): { pendingPolls: number } {
		const polls = input?.polls;
		if (typeof polls !== 'number' || !Number.isInteger(polls) || polls < 0)
			throw new ControlError('polls must be a whole number, 0 or more');
		reportsOf(this.company).pendingPolls = polls;
		return { pendingPolls: polls };
	}

	denyWork(input: { serviceUserId?: string; deny: string[] }): { denied: string[] } {
		const id = input?.serviceUserId ?? this.sim.defaultUser.id;
		return controlDenyWork(this.company, id, input?.deny);
	}

	// ---------- service users ----------

	addServiceUser(
		input: { id?: string; token?: string; permissions?: Permissions | null } = {},
	): ServiceUserInfo {
		return info(this.sim.addServiceUser(input));
	}

	/** Change a service user's token and/or permissions (`null` = in no permission group). */
	updateServiceUser(input: {
		id: string;
		token?: string;
		permissions?: Permissions | null;
	}): ServiceUserInfo {
		need(input?.id, 'id');
		return info(this.sim.updateServiceUser(input));
	}

	removeServiceUser(input: { id: string }): { removed: string } {
		if (!this.sim.serviceUsers.delete(need(input?.id, 'id')))
			throw new ControlError(`Unknown service user ${input.id}`);
		return { removed: input.id };
	}

	listServiceUsers(): ServiceUserInfo[] {
		return [...this.sim.serviceUsers.values()].map(info);
	}

	// ---------- behaviour ----------

	/** Next `count` matching `/v1` calls fail the chosen way (429, 5xx, slow, HTML, truncated JSON, reset). */
	injectFault(input: FaultSpec): Fault {
		return { ...this.sim.injectFault(need(input, 'input')) };
	}

	listFaults(): Fault[] {
		return this.sim.faults.map((f) => ({ ...f }));
	}

	clearFaults(): { cleared: number } {
		const cleared = this.sim.faults.length;
		this.sim.faults = [];
		return { cleared };
	}

	configure(input: {
		rateLimit?: false | RateLimitOptions;
		cursorKey?: CursorKey;
		namedListsShape?: NamedListsShape;
		bulkPaging?: BulkPaging;
		dateFormat?: string;
		leaveRemainsActive?: boolean;
		/** Reads show the values from before a write for this many ms after it (HiBob: up to 20 s). */
		readLagMs?: number;
	}): Simulator['settings'] & { readLagMs: number } {
		const s = this.sim.settings;
		if (input.rateLimit !== undefined) s.rateLimit = input.rateLimit;
		if (input.cursorKey !== undefined) {
			if (input.cursorKey !== 'next_cursor' && input.cursorKey !== 'cursor')
				throw new ControlError("cursorKey must be 'next_cursor' or 'cursor'");
			s.cursorKey = input.cursorKey;
		}
		if (input.namedListsShape !== undefined) {
			if (input.namedListsShape !== 'object' && input.namedListsShape !== 'array')
				throw new ControlError("namedListsShape must be 'object' or 'array'");
			s.namedListsShape = input.namedListsShape;
		}
		if (input.bulkPaging !== undefined) {
			if (input.bulkPaging !== 'entries' && input.bulkPaging !== 'employees')
				throw new ControlError("bulkPaging must be 'entries' or 'employees'");
			s.bulkPaging = input.bulkPaging;
		}
		if (input.dateFormat !== undefined) s.dateFormat = input.dateFormat;
		if (input.leaveRemainsActive !== undefined)
			this.company.leaveRemainsActive = input.leaveRemainsActive;
		if (input.readLagMs !== undefined) {
			if (!Number.isFinite(input.readLagMs) || input.readLagMs < 0)
				throw new ControlError('readLagMs must be a number of milliseconds, 0 or more');
			this.sim.writes.settings.readLagMs = input.readLagMs;
		}
		return { ...s, readLagMs: this.sim.writes.settings.readLagMs };
	}

	resetRateLimits(): { ok: true } {
		this.sim.resetRateLimits();
		return { ok: true };
	}

	resetAuthBlocks(): { ok: true } {
		this.sim.resetAuthBlocks();
		return { ok: true };
	}

	/** A fresh company from the same options; logs, faults, limits and extra service users are dropped. */
	reset(): { ok: true } {
		this.sim.reset();
		return { ok: true };
	}

	// ---------- writes ----------

	/** Invitations, revoked Bob access and verification mails the write endpoints caused, oldest first. */
	getAccessEvents(input: { employeeId?: string } = {}): AccessEvent[] {
		return this.sim.writes.access.filter(
			(a) => input.employeeId === undefined || a.employeeId === input.employeeId,
		);
	}

	/** Replaces the onboarding wizards `GET /v1/onboarding/wizards` lists. */
	setWizards(input: { wizards: Wizard[] }): Wizard[] {
		need(input?.wizards, 'wizards');
		this.sim.writes.wizards = input.wizards.map((w) => ({
			id: Number(w.id),
			name: String(w.name),
		}));
		return this.sim.writes.wizards;
	}

	// ---------- webhooks (Bob → listener) ----------

	/** Registers a listener like a Bob admin does; Bob pings it at once (the answers are returned). */
	async registerWebhook(input: {
		url: string;
		secret: string;
		events: string[];
	}): Promise<{ registration: WebhookRegistration; ping: DeliveryAttempt[] }> {
		return await this.webhooks.register(input);
	}

	removeWebhook(input: { id: string }): { removed: string } {
		this.webhooks.unregister(need(input?.id, 'id'));
		return { removed: input.id };
	}

	listWebhooks(): WebhookRegistration[] {
		return [...this.webhooks.registrations.values()].map((r) => ({ ...r }));
	}

	/** Wrong signatures, duplicate deliveries, out-of-order bursts; retry schedule and timeout. */
	configureWebhooks(input: WebhookFaults & Partial<WebhookSettings>): {
		faults: WebhookFaults;
		settings: WebhookSettings;
	} {
		const w = this.webhooks;
		if (input.wrongSignature !== undefined) w.faults.wrongSignature = input.wrongSignature;
		if (input.duplicate !== undefined) w.faults.duplicate = input.duplicate;
		if (input.outOfOrder !== undefined) w.faults.outOfOrder = input.outOfOrder;
		if (input.retryDelaysMs !== undefined) w.settings.retryDelaysMs = input.retryDelaysMs;
		if (input.timeoutMs !== undefined) w.settings.timeoutMs = input.timeoutMs;
		return { faults: { ...w.faults }, settings: { ...w.settings } };
	}

	listWebhookDeliveries(input: { type?: string } = {}): WebhookDelivery[] {
		return this.webhooks.deliveries
			.filter((d) => input.type === undefined || d.type === input.type)
			.map((d) => ({ ...d, attempts: [...d.attempts] }));
	}

	/** Sends a past delivery again, byte for byte and with its signature (a replay). */
	redeliverWebhook(input: { id: number }): WebhookDelivery {
		return { ...this.webhooks.redeliver(need(input?.id, 'id')) };
	}

	/** POSTs any body to a registration (signature: omitted = correct, null = none, or a given one). */
	async sendWebhook(input: {
		registrationId: string;
		body: string;
		signature?: string | null;
	}): Promise<DeliveryAttempt> {
		return await this.webhooks.sendRaw(input);
	}

	// ---------- Bob events outside the employee model ----------

	private nextEventId = 9_000;

	private bobTimestamp(): string {
		return `${new Date(this.sim.clock.now()).toISOString().slice(0, -1)}000`;
	}

	private knownEmployee(id: unknown): string {
		const employeeId = need(id as string, 'employeeId');
		if (!this.company.employees.has(employeeId))
			throw new ControlError(`Unknown employee ${employeeId}`);
		return employeeId;
	}

	/**
	 * Every signer has signed a document sent for eSignature: the signed PDF lands in the employee's
	 * shared folder and Bob sends `documents.eSign.completed`.
	 */
	completeESign(input: { employeeId: string; name?: string; signedBy?: string }): {
		documentId: number;
		downloadUrl: string;
	} {
		const employeeId = this.knownEmployee(input?.employeeId);
		const signedBy = input.signedBy ?? employeeId;
		const at = this.bobTimestamp();
		const doc = storeSignedDocument(this.company, {
			employeeId,
			name: input.name ?? 'Employment contract (signed).pdf',
			signedBy,
			at: new Date(this.sim.clock.now()).toISOString(),
		});
		// the same pre-signed link the employee's document list gives
		const downloadUrl = downloadLink(this.sim.fileHost, doc, this.sim.clock.now());
		this.webhooks.announceEvents(
			[
				{
					type: 'documents.eSign.completed',
					data: { employeeId, documentId: doc.id, downloadUrl, signedBy, creationDate: at },
				},
			],
			'system',
		);
		return { documentId: doc.id, downloadUrl };
	}

	/** A timesheet changes state (Attendance): submitted, approved, rejected or open for submission. */
	attendanceTimesheet(input: {
		employeeId: string;
		event: 'submitted' | 'approved' | 'rejected' | 'openForSubmission';
		cycleId?: number;
		timesheetId?: number;
	}): { timesheetId: number; cycleId: number } {
		const employeeId = this.knownEmployee(input?.employeeId);
		if (!['submitted', 'approved', 'rejected', 'openForSubmission'].includes(input.event))
			throw new ControlError('event must be submitted, approved, rejected or openForSubmission');
		const timesheetId = input.timesheetId ?? ++this.nextEventId;
		const cycleId = input.cycleId ?? 42;
		this.webhooks.announceEvents(
			[
				{
					type: `attendance.timesheet.${input.event}`,
					data: { timesheetId, employeeId, cycleId },
				},
			],
			input.event === 'submitted' ? employeeId : this.company.adminId || 'system',
		);
		return { timesheetId, cycleId };
	}

	/** An attendance cycle ends: Bob names only the cycle. */
	endAttendanceCycle(input: { cycleId: number }): { cycleId: number } {
		const cycleId = need(input?.cycleId, 'cycleId');
		this.webhooks.announceEvents([{ type: 'attendance.cycle.ended', data: { cycleId } }], 'system');
		return { cycleId };
	}

	/** A workforce-planning change: IDs only; budget events carry the position's ID too. */
	workforcePlanningChange(input: {
		entity: 'position' | 'positionOpening' | 'positionBudget';
		action: 'created' | 'updated' | 'deleted';
		positionId?: number;
		fieldUpdatesIds?: string[];
	}): { type: string; data: Record<string, unknown> } {
		const entities = ['position', 'positionOpening', 'positionBudget'];
		if (!entities.includes(input?.entity))
			throw new ControlError(`entity must be one of ${entities.join(', ')}`);
		const allowedActions = input.entity === 'positionOpening' ? ['created', 'updated', 'deleted'] : ['created', 'updated'];
		if (!allowedActions.includes(input.action))
			throw new ControlError(`action must be one of ${allowedActions.join(', ')} for ${input.entity}`);
		const positionId = input.positionId ?? ++this.nextEventId;
		const data: Record<string, unknown> = { positionId };
		if (input.entity === 'positionOpening') data.positionOpeningId = ++this.nextEventId;
		if (input.entity === 'positionBudget') data.positionBudgetId = ++this.nextEventId;
		if (input.action === 'updated') data.fieldUpdatesIds = input.fieldUpdatesIds ?? ['/position/name'];
		const event = { type: `workforcePlanning.${input.entity}.${input.action}`, data };
		this.webhooks.announceEvents([event], this.company.adminId || 'system');
		return event;
	} // prettier-ignore

	/** A row added to a table without history (bank accounts, a custom table): named by its `id`. */
	addTableRow(input: { employeeId: string; tableId: string }): { id: number } {
		const employeeId = this.knownEmployee(input?.employeeId);
		const tableId = need(input.tableId, 'tableId');
		const id = ++this.nextEventId;
		this.webhooks.announceEvents(
			[{ type: 'table.entry.created', data: { employeeId, tableId, id } }],
			this.company.adminId || 'system',
		);
		return { id };
	}

	/** Waits until every delivery so far has been answered 2xx or has run out of retries. */
	async flushWebhooks(): Promise<{ deliveries: number }> {
		await this.webhooks.flush();
		return { deliveries: this.webhooks.deliveries.length };
	}

	// ---------- request log ----------

	getLog(input: { path?: string; method?: string } = {}): LogEntry[] {
		return this.sim.log.filter(
			(l) =>
				(input.path === undefined || l.path.startsWith(input.path)) &&
				(input.method === undefined || l.method === input.method.toUpperCase()),
		);
	}

	clearLog(): { cleared: number } {
		const cleared = this.sim.log.length;
		this.sim.log = [];
		return { cleared };
	}
}

function info(u: ServiceUser): ServiceUserInfo {
	return { id: u.id, token: u.token, permissions: u.permissions };
}

/** Names callable over HTTP: the public methods of SimulatorControl. */
export const CONTROL_METHODS = Object.getOwnPropertyNames(SimulatorControl.prototype).filter(
	(n) => n !== 'constructor' && n !== 'summary' && n !== 'clockState' && n !== 'company',
);
