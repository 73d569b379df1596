/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test tooling: the simulator runs outside n8n and waits between webhook retries with timers */
/**
 * The simulator sends webhooks the way Bob does (v2): a registration (URL, secret, event types) gets
 * Bob's ping (`Ping test`, then `{"text":"Ping test"}` if that failed); every change made through the
 * control API is diffed against the state before it and produces Bob's events, one POST each, signed
 * with `Bob-Signature` = Base64 HMAC-SHA512 of the raw body under the secret. A delivery the listener
 * does not answer with 2xx is retried with exponential backoff (Bob: up to three days; here the
 * schedule is configurable). Faults: wrong signatures, duplicate deliveries, out-of-order bursts.
 *
 * Event rules (HiBob's v2 docs): employee.created / deleted; employee.updated with the changed field IDs
 * in `fieldUpdates` (computed fields excluded); table.entry.created for a new row of a table; lifecycle
 * events when the change is effective: joined (first start), activated (back to active), inactivated,
 * left (terminated or garden leave, whichever first), temporaryLeave; time off: requested, approved
 * (auto-approved requests send both), cancelled, each with a `getApi` URL.
 *
 * Events outside the employee model are announced by their own control methods (control.ts), with the
 * payloads of HiBob's reference pages: `documents.eSign.completed` (Docs webhooks: employeeId,
 * documentId, downloadUrl, signedBy, creationDate; sent once every signer has signed), the workforce
 * planning events (`workforcePlanning.position|positionOpening|positionBudget.*`, IDs only; budget
 * events carry the position's ID; updates list `fieldUpdatesIds`), the attendance events (timesheet
 * events carry timesheetId, employeeId and cycleId; `attendance.cycle.ended` only cycleId), and
 * `table.entry.created` for a table without history, named by the row's `id` instead of an
 * `effectiveDate` (HiBob's changelog of 24 March 2026).
 */
import { createHmac } from 'node:crypto';

import type { Employee, TableName } from './company';
import { ControlError } from './company';
import type { Simulator } from './simulator';

export interface WebhookRegistration {
	id: string;
	url: string;
	secret: string;
	events: string[];
	active: boolean;
}

export interface DeliveryAttempt {
	at: string;
	status?: number;
	error?: string;
}

export interface WebhookDelivery {
	id: number;
	registrationId: string;
	type: string;
	body: string;
	signature: string;
	attempts: DeliveryAttempt[];
	state: 'pending' | 'delivered' | 'failed';
	/** A copy sent because of the `duplicate` fault, or by `redeliver`. */
	copyOf?: number;
}

export interface WebhookFaults {
	/** The next N deliveries carry a signature made with another secret. */
	wrongSignature?: number;
	/** The next N deliveries are sent twice. */
	duplicate?: number;
	/** Events of one change are sent in reverse order, all at once. */
	outOfOrder?: boolean;
}

export interface WebhookSettings {
	/** Waits before each retry, ms (Bob backs off exponentially for up to three days). */
	retryDelaysMs: number[];
	/** Per attempt, like Bob's ~10 s listener timeout. */
	timeoutMs: number;
}

const TABLES: TableName[] = ['lifecycle', 'work', 'employment'];

/** Fields HiBob computes; a change of these alone does not fire employee.updated. */
const COMPUTED = new Set([
	'root.displayName',
	'work.reportsTo',
	'internal.lifecycleStatus',
	'internal.status',
]);

interface EmployeeState {
	values: Record<string, unknown>;
	rows: Record<TableName, Array<{ id: number; effectiveDate: string }>>;
}

interface State {
	employees: Map<string, EmployeeState>;
	timeOff: Map<number, { employeeId: string; status: string }>;
}

type Envelope = {
	companyId: number;
	type: string;
	triggeredBy: string;
	triggeredAt: string;
	version: 'v2';
	data: Record<string, unknown>;
};

/** Control methods that change the company; each is observed and its changes announced. */
export const OBSERVED_METHODS = [
	'setToday',
	'advanceDays',
	'advanceTime',
	'setNow',
	'hire',
	'changeStartDate',
	'startLeave',
	'endLeave',
	'terminate',
	'executeScheduled',
	'rehire',
	'changeFields',
	'deleteEmployee',
	'addTimeOff',
	'cancelTimeOff',
	'editTimeOff',
	'approveTimeOff',
	'declineTimeOff',
	'deleteTimeOff',
] as const;

/** Bob's timestamp: UTC, microseconds, no zone. */
function bobTime(ms: number): string {
	return `${new Date(ms).toISOString().slice(0, -1)}000`;
}

export function signBody(body: string, secret: string): string {
	return createHmac('sha512', secret).update(body).digest('base64');
}

export class WebhookSender {
	readonly registrations = new Map<string, WebhookRegistration>();
	deliveries: WebhookDelivery[] = [];
	faults: Required<WebhookFaults> = { wrongSignature: 0, duplicate: 0, outOfOrder: false };
	settings: WebhookSettings = { retryDelaysMs: [200, 400, 800, 1600], timeoutMs: 10_000 };
	private pending = new Set<Promise<void>>();
	private seq = 0;
	private deliverySeq = 0;

	constructor(private readonly sim: Simulator) {}

	// ---------- registration ----------

	async register(input: {
		url: string;
		secret: string;
		events: string[];
	}): Promise<{ registration: WebhookRegistration; ping: DeliveryAttempt[] }> {
		if (typeof input?.url !== 'string' || !/^https?:\/\//.test(input.url))
			throw new ControlError('url must be an http(s) URL');
		if (typeof input.secret !== 'string' || input.secret === '')
			throw new ControlError('secret is required');
		if (!Array.isArray(input.events) || input.events.length === 0)
			throw new ControlError('events must list at least one event type');
		const registration: WebhookRegistration = {
			id: `webhook-${++this.seq}`,
			url: input.url,
			secret: input.secret,
			events: input.events.map(String),
			active: true,
		};
		this.registrations.set(registration.id, registration);
		// Bob's connection test: the plain string first; the JSON form when that was refused.
		const ping: DeliveryAttempt[] = [];
		for (const body of ['Ping test', JSON.stringify({ text: 'Ping test' })]) {
			const attempt = await this.post(registration.url, body, signBody(body, registration.secret));
			ping.push(attempt);
			if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) break;
		}
		return { registration: { ...registration }, ping };
	}

	unregister(id: string): void {
		if (!this.registrations.delete(id)) throw new ControlError(`Unknown webhook ${id}`);
	}

	// ---------- observing changes ----------

	private snapshot(): State {
		const employees = new Map<string, EmployeeState>();
		for (const e of this.sim.company.employees.values()) employees.set(e.id, this.employeeState(e));
		const timeOff = new Map<number, { employeeId: string; status: string }>();
		for (const r of this.sim.company.timeOff.values())
			timeOff.set(r.requestId, { employeeId: r.employeeId, status: r.status });
		return { employees, timeOff };
	}

	private employeeState(e: Employee): EmployeeState {
		const values: Record<string, unknown> = {};
		for (const f of this.sim.company.fields) values[f.id] = this.sim.company.value(e, f.id);
		const rows = {} as EmployeeState['rows'];
		for (const table of TABLES)
			rows[table] = e[table].map((row) => ({ id: row.id, effectiveDate: row.effectiveDate }));
		return { values, rows };
	}

	/** Runs one control change and sends the events it caused. */
	observe<T>(change: () => T, triggeredBy: 'admin' | 'system'): T {
		if (this.registrations.size === 0) return change();
		const before = this.snapshot();
		const result = change();
		const after = this.snapshot();
		const by = triggeredBy === 'admin' ? this.sim.company.adminId || 'system' : 'system';
		this.announce(this.diff(before, after), by);
		return result;
	}

	private diff(
		before: State,
		after: State,
	): Array<{ type: string; data: Record<string, unknown> }> {
		const events: Array<{ type: string; data: Record<string, unknown> }> = [];
		for (const [id, now] of after.employees) {
			const was = before.employees.get(id);
			if (!was) {
				events.push({ type: 'employee.created', data: { employeeId: id } });
				continue;
			}
			for (const table of TABLES) {
				const known = new Set(was.rows[table].map((row) => row.id));
				for (const row of now.rows[table])
					if (!known.has(row.id))
						events.push({
							type: 'table.entry.created',
							data: { employeeId: id, tableId: table, effectiveDate: row.effectiveDate },
						});
			}
			const changed = Object.keys(now.values).filter(
				(field) =>
					!COMPUTED.has(field) &&
					JSON.stringify(now.values[field]) !== JSON.stringify(was.values[field]),
			);
			if (changed.length > 0)
				events.push({ type: 'employee.updated', data: { employeeId: id, fieldUpdates: changed } });
			events.push(...this.lifecycleEvents(id, was.values, now.values));
		}
		for (const id of before.employees.keys())
			if (!after.employees.has(id))
				events.push({ type: 'employee.deleted', data: { employeeId: id } });
		for (const [requestId, now] of after.timeOff) {
			const was = before.timeOff.get(requestId);
			const data = {
				employeeId: now.employeeId,
				requestId,
				getApi: `/v1/timeoff/employees/${now.employeeId}/requests/${requestId}`,
			};
			if (!was) {
				events.push({ type: 'timeoff.request.requested', data });
				if (now.status === 'Approved') events.push({ type: 'timeoff.request.approved', data });
			} else if (was.status !== now.status) {
				if (now.status === 'Canceled') events.push({ type: 'timeoff.request.cancelled', data });
				else if (now.status === 'Approved') events.push({ type: 'timeoff.request.approved', data });
				else if (now.status === 'Declined') events.push({ type: 'timeoff.request.declined', data });
				else if (now.status === 'Deleted') events.push({ type: 'timeoff.request.deleted', data });
			}
		}
		return events;
	}

	private lifecycleEvents(
		employeeId: string,
		was: Record<string, unknown>,
		now: Record<string, unknown>,
	): Array<{ type: string; data: Record<string, unknown> }> {
		const events: Array<{ type: string; data: Record<string, unknown> }> = [];
		const data = { employeeId };
		const wasStatus = String(was['internal.lifecycleStatus']);
		const nowStatus = String(now['internal.lifecycleStatus']);
		const wasActive = was['internal.status'] === 'Active';
		const nowActive = now['internal.status'] === 'Active';
		if (!wasActive && nowActive)
			events.push({
				type:
					wasStatus === 'hired' || wasStatus === 'terminated'
						? 'employee.joined'
						: 'employee.activated',
				data,
			});
		if (wasStatus !== nowStatus) {
			if (nowStatus === 'leave') events.push({ type: 'employee.temporaryLeave', data });
			const leaving = (status: string) => status === 'terminated' || status === 'garden leave';
			if (leaving(nowStatus) && !leaving(wasStatus)) events.push({ type: 'employee.left', data });
		}
		if (wasActive && !nowActive) events.push({ type: 'employee.inactivated', data });
		return events;
	}

	// ---------- events that are not employee changes ----------

	/**
	 * Announces events the company model does not diff (eSign, workforce planning, attendance, rows of
	 * tables without history), as Bob would at the moment they happen.
	 */
	announceEvents(
		events: Array<{ type: string; data: Record<string, unknown> }>,
		triggeredBy: string,
	): void {
		this.announce(events, triggeredBy);
	}

	// ---------- sending ----------

	private announce(
		events: Array<{ type: string; data: Record<string, unknown> }>,
		by: string,
	): void {
		if (events.length === 0) return;
		const at = bobTime(this.sim.clock.now());
		const companyId = this.sim.company.companyId;
		for (const registration of this.registrations.values()) {
			if (!registration.active) continue;
			const chosen = events.filter((event) => registration.events.includes(event.type));
			const ordered = this.faults.outOfOrder ? [...chosen].reverse() : chosen;
			const deliveries = ordered.map((event) =>
				this.newDelivery(registration, {
					companyId,
					type: event.type,
					triggeredBy: by,
					triggeredAt: at,
					version: 'v2',
					data: event.data,
				}),
			);
			if (this.faults.outOfOrder) {
				// All at once: the listener sees them concurrently, in no guaranteed order.
				for (const delivery of deliveries) this.track(this.send(delivery, 0));
			} else {
				// In order, one after the other, as v2 promises.
				this.track(
					deliveries.reduce<Promise<void>>(
						(previous, delivery) => previous.then(() => this.send(delivery, 0)),
						Promise.resolve(),
					),
				);
			}
		}
	}

	private newDelivery(registration: WebhookRegistration, envelope: Envelope): WebhookDelivery {
		const body = JSON.stringify(envelope);
		let signature = signBody(body, registration.secret);
		if (this.faults.wrongSignature > 0) {
			this.faults.wrongSignature--;
			signature = signBody(body, `${registration.secret}-not`);
		}
		const delivery: WebhookDelivery = {
			id: ++this.deliverySeq,
			registrationId: registration.id,
			type: envelope.type,
			body,
			signature,
			attempts: [],
			state: 'pending',
		};
		this.deliveries.push(delivery);
		if (this.faults.duplicate > 0) {
			this.faults.duplicate--;
			const copy: WebhookDelivery = {
				...delivery,
				id: ++this.deliverySeq,
				attempts: [],
				copyOf: delivery.id,
			};
			this.deliveries.push(copy);
			this.track(this.send(copy, 0));
		}
		return delivery;
	}

	/** Sends a past delivery again, byte for byte (what Bob does on a retry). */
	redeliver(id: number): WebhookDelivery {
		const original = this.deliveries.find((delivery) => delivery.id === id);
		if (!original) throw new ControlError(`Unknown delivery ${id}`);
		const copy: WebhookDelivery = {
			...original,
			id: ++this.deliverySeq,
			attempts: [],
			state: 'pending',
			copyOf: original.id,
		};
		this.deliveries.push(copy);
		this.track(this.send(copy, 0));
		return copy;
	}

	/** A one-off POST of any body to a registration's URL (a forged or hand-made delivery). */
	async sendRaw(input: {
		registrationId: string;
		body: string;
		signature?: string | null;
	}): Promise<DeliveryAttempt> {
		const registration = this.registrations.get(input?.registrationId);
		if (!registration) throw new ControlError(`Unknown webhook ${input?.registrationId}`);
		const signature =
			input.signature === undefined ? signBody(input.body, registration.secret) : input.signature;
		return await this.post(registration.url, input.body, signature ?? undefined);
	}

	private track(promise: Promise<void>): void {
		this.pending.add(promise);
		void promise.finally(() => this.pending.delete(promise));
	}

	private async send(delivery: WebhookDelivery, retry: number): Promise<void> {
		const registration = this.registrations.get(delivery.registrationId);
		if (!registration) {
			delivery.state = 'failed';
			return;
		}
		const attempt = await this.post(registration.url, delivery.body, delivery.signature);
		delivery.attempts.push(attempt);
		if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
			delivery.state = 'delivered';
			return;
		}
		const wait = this.settings.retryDelaysMs[retry];
		if (wait === undefined) {
			delivery.state = 'failed';
			return;
		}
		await new Promise<void>((resolve) => {
			const timer = setTimeout(() => {
				this.sim.timers.delete(timer);
				resolve();
			}, wait);
			this.sim.timers.add(timer);
		});
		await this.send(delivery, retry + 1);
	}

	private async post(url: string, body: string, signature?: string): Promise<DeliveryAttempt> {
		const at = new Date().toISOString();
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					...(signature === undefined ? {} : { 'Bob-Signature': signature }),
				},
				body,
				signal: AbortSignal.timeout(this.settings.timeoutMs),
			});
			await response.arrayBuffer();
			return { at, status: response.status };
		} catch (error) {
			return { at, error: String((error as Error)?.message ?? error) };
		}
	}

	/** Resolves once every delivery sent so far is delivered or has used up its retries. */
	async flush(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}
}
