/**
 * HiBob's v2 webhooks, read here: the signature, the ping, the event types (with the spellings peers
 * use), the envelope, and the delivery key. Pure: node:crypto only, no n8n, no HTTP.
 *
 * Envelope: `{companyId, type, triggeredBy, triggeredAt, version: "v2", data: {employeeId, …}}`, one event
 * per request, IDs only. `triggeredAt` carries no time zone; it is UTC. Bob documents no delivery ID and
 * retries a failed delivery for up to three days, so the delivery key is a hash of the envelope.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { isRecord, pathSegments } from './json';

export interface WebhookEventType {
	/** Bob's own type string: the option value and the item's `event`. */
	value: string;
	name: string;
	description: string;
	/** Other spellings seen in peers' lists for the same event. */
	aliases?: readonly string[];
	family:
		| 'employee'
		| 'table'
		| 'timeOff'
		| 'task'
		| 'document'
		| 'workforcePlanning'
		| 'attendance';
}

/** `workforcePlanning.<entity>.<action>` with the dotted spellings other tools use as aliases. */
function workforcePlanning(
	entity: 'position' | 'positionOpening' | 'positionBudget',
	action: 'created' | 'updated' | 'deleted',
	name: string,
	description: string,
): WebhookEventType {
	const dotted = entity.replace(/[A-Z]/g, (letter) => `.${letter.toLowerCase()}`);
	return {
		value: `workforcePlanning.${entity}.${action}`,
		name,
		family: 'workforcePlanning',
		description,
		aliases: [`workforce.planning.${dotted}.${action}`, `workforceplanning.${dotted}.${action}`],
	};
}

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = [
	{
		value: 'employee.created',
		name: 'Employee Created',
		family: 'employee',
		description: 'A profile is created (pre-hires included)',
	},
	{
		value: 'employee.updated',
		name: 'Employee Updated',
		family: 'employee',
		description: 'Fields are changed; the event names them',
	},
	{
		value: 'employee.deleted',
		name: 'Employee Deleted',
		family: 'employee',
		description: 'A profile is deleted',
	},
	{
		value: 'employee.joined',
		name: 'Employee Joined',
		family: 'employee',
		description: 'Access is granted on the start date (at midnight in the site time zone)',
	},
	{
		value: 'employee.left',
		name: 'Employee Left',
		family: 'employee',
		description: 'Terminated or garden leave, whichever comes first, once effective',
		aliases: ['employee.terminated'],
	},
	{
		value: 'employee.activated',
		name: 'Employee Activated',
		family: 'employee',
		description: 'Access is enabled again, e.g. back from leave',
	},
	{
		value: 'employee.inactivated',
		name: 'Employee Inactivated',
		family: 'employee',
		description: 'On leave or terminated, once effective (not for leave that remains active)',
	},
	{
		value: 'employee.temporaryLeave',
		name: 'Employee Temporary Leave',
		family: 'employee',
		description: 'Placed on leave',
		aliases: ['employee.temporary.leave', 'employee.temporaryleave'],
	},
	{
		value: 'employee.access.revoked.immediately',
		name: 'Employee Access Revoked Immediately',
		family: 'employee',
		description: 'A termination with "Revoke access immediately" is approved',
	},
	{
		value: 'table.entry.created',
		name: 'Table Entry Created',
		family: 'table',
		description: 'A row is added to an employee table (work, employment, lifecycle…)',
	},
	{
		value: 'table.entry.updated',
		name: 'Table Entry Updated',
		family: 'table',
		description: 'A row of an employee table is changed',
	},
	{
		value: 'timeoff.request.requested',
		name: 'Time Off Requested',
		family: 'timeOff',
		description: 'A time-off request is submitted',
	},
	{
		value: 'timeoff.request.approved',
		name: 'Time Off Approved',
		family: 'timeOff',
		description: 'A time-off request is approved (auto-approved ones also send Requested first)',
	},
	{
		value: 'timeoff.request.declined',
		name: 'Time Off Declined',
		family: 'timeOff',
		description: 'A time-off request is declined',
	},
	{
		value: 'timeoff.request.cancelled',
		name: 'Time Off Cancelled',
		family: 'timeOff',
		description: 'A time-off request is cancelled',
		aliases: ['timeoff.request.canceled'],
	},
	{
		value: 'timeoff.request.deleted',
		name: 'Time Off Deleted',
		family: 'timeOff',
		description: 'A time-off request is deleted',
	},
	{
		value: 'timeoff.request.updated',
		name: 'Time Off Updated',
		family: 'timeOff',
		description: 'A time-off request is changed',
	},
	{
		value: 'timeoff.request.imported',
		name: 'Time Off Imported',
		family: 'timeOff',
		description: 'Time off is imported',
	},
	{
		value: 'timeoff.request.set.end.date',
		name: 'Time Off End Date Set',
		family: 'timeOff',
		description: 'The end date of an open-ended request is set',
	},
	{
		value: 'todo.assign',
		name: 'Task Assigned',
		family: 'task',
		description: 'A task list is started; one event per task',
		aliases: ['todo.assigned'],
	},
	{
		value: 'todo.changedStatus',
		name: 'Task Status Changed',
		family: 'task',
		description: 'A task is completed or reopened',
		aliases: ['todo.changed.status', 'todo.changedstatus'],
	},
	{
		value: 'documents.eSign.completed',
		name: 'eSign Document Completed',
		family: 'document',
		description: 'Every signer has signed a document sent for eSignature',
		aliases: ['documents.esign.completed', 'document.esign.completed', 'docs.esign.completed'],
	},
	workforcePlanning(
		'position',
		'created',
		'Position Created',
		'A position is created (Workforce planning)',
	),
	workforcePlanning('position', 'updated', 'Position Updated', "A position's fields are changed"),
	workforcePlanning(
		'positionOpening',
		'created',
		'Position Opening Created',
		'An opening is added to a position',
	),
	workforcePlanning(
		'positionOpening',
		'updated',
		'Position Opening Updated',
		"A position opening's fields are changed",
	),
	workforcePlanning(
		'positionOpening',
		'deleted',
		'Position Opening Deleted',
		'A position opening is removed',
	),
	workforcePlanning(
		'positionBudget',
		'created',
		'Position Budget Created',
		'A budget is added to a position',
	),
	workforcePlanning(
		'positionBudget',
		'updated',
		'Position Budget Updated',
		"A position budget's fields are changed",
	),
	{
		value: 'attendance.timesheet.submitted',
		name: 'Timesheet Submitted',
		family: 'attendance',
		description: 'An employee submits a timesheet (Attendance)',
	},
	{
		value: 'attendance.timesheet.approved',
		name: 'Timesheet Approved',
		family: 'attendance',
		description: 'A timesheet is approved',
	},
	{
		value: 'attendance.timesheet.rejected',
		name: 'Timesheet Rejected',
		family: 'attendance',
		description: 'A timesheet is rejected',
	},
	{
		value: 'attendance.timesheet.openForSubmission',
		name: 'Timesheet Open for Submission',
		family: 'attendance',
		description: 'A timesheet can now be submitted',
		aliases: ['attendance.timesheet.open.for.submission', 'attendance.timesheet.openforsubmission'],
	},
	{
		value: 'attendance.cycle.ended',
		name: 'Attendance Cycle Ended',
		family: 'attendance',
		description: 'An attendance cycle ends (no employee: the event names the cycle)',
	},
];

const BY_SPELLING = new Map<string, WebhookEventType>();
for (const type of WEBHOOK_EVENT_TYPES)
	for (const spelling of [type.value, ...(type.aliases ?? [])])
		BY_SPELLING.set(spelling.toLowerCase(), type);

/** The event type behind any accepted spelling; undefined for types this trigger does not know. */
export function eventTypeOf(type: unknown): WebhookEventType | undefined {
	return typeof type === 'string' ? BY_SPELLING.get(type.trim().toLowerCase()) : undefined;
}

/** Whether Bob's `type` is among the selected event values (any spelling of either side). */
export function isSelected(type: string, selected: readonly string[]): boolean {
	const known = eventTypeOf(type);
	if (!known) return false;
	return selected.some((value) => eventTypeOf(value) === known);
}

/** The value Bob's header must carry: Base64 of HMAC-SHA512 over the raw body, keyed by the secret. */
export function signatureOf(rawBody: Buffer | string, secret: string): string {
	return createHmac('sha512', secret).update(rawBody).digest('base64');
}

/**
 * Whether `header` is the body's signature, compared in constant time over the decoded bytes. Missing,
 * repeated, malformed or wrong headers, and an empty secret, all fail.
 */
export function verifySignature(
	rawBody: Buffer | string,
	header: unknown,
	secret: string,
): boolean {
	if (secret === '' || typeof header !== 'string' || header.trim() === '') return false;
	const expected = createHmac('sha512', secret).update(rawBody).digest();
	const given = Buffer.from(header.trim(), 'base64');
	// Buffer.from drops what is not Base64; re-encoding catches a header that only partly decoded.
	if (given.length !== expected.length || given.toString('base64') !== header.trim()) {
		return false;
	}
	return timingSafeEqual(given, expected);
}

const PING = 'ping test';

/** Bob's connection test: the plain string `Ping test`, or `{"text":"Ping test"}`. */
export function isPing(rawBody: Buffer | string): boolean {
	const text = (typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')).trim();
	if (text.replace(/^"|"$/g, '').toLowerCase() === PING) return true;
	if (!text.startsWith('{')) return false;
	try {
		const parsed = JSON.parse(text) as { text?: unknown };
		return typeof parsed.text === 'string' && parsed.text.trim().toLowerCase() === PING;
	} catch {
		return false;
	}
}

/** One event as the trigger emits it (before enrichment). */
export interface WebhookEvent {
	/** Bob's type string, canonical spelling. */
	event: string;
	/** The type as Bob sent it, when it was an alternative spelling. */
	receivedType?: string;
	employeeId: string | null;
	/** UTC ISO (Bob sends the time without a zone); null when absent or unreadable. */
	triggeredAt: string | null;
	triggeredBy: string | null;
	companyId: string | null;
	version: string | null;
	data: Record<string, unknown>;
	/** Table events: the row, named by its effective date (historical tables) or its ID (others). */
	tableEntry?: TableEntry;
	deliveryKey: string;
}

export interface TableEntry {
	tableId: string | null;
	/** The row's effective date: historical tables (work, employment, lifecycle…). */
	effectiveDate: string | null;
	/** The row's ID: tables without history (bank accounts, custom tables…). */
	entryId: string | null;
}

/**
 * The row a `table.entry.*` event names. Since March 2026 Bob sends `effectiveDate` for historical
 * tables or `id` for the others, not both; before, both keys came, one of them null. Either shape
 * reads the same here.
 */
export function tableEntryOf(data: Record<string, unknown>): TableEntry {
	const date = typeof data.effectiveDate === 'string' ? data.effectiveDate.trim() : '';
	return {
		tableId: idText(data.tableId),
		effectiveDate: /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null,
		entryId: idText(data.id ?? data.entryId),
	};
}

export type ParsedBody =
	| { kind: 'events'; events: Array<Record<string, unknown>> }
	| { kind: 'invalid'; reason: string };

/** The body's envelopes: one object (Bob's shape) or, defensively, an array of them. */
export function parseBody(rawBody: Buffer | string): ParsedBody {
	const text = typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return { kind: 'invalid', reason: 'The body is not JSON' };
	}
	const list = Array.isArray(parsed) ? parsed : [parsed];
	const events = list.filter(isRecord);
	if (events.length === 0 || events.length !== list.length)
		return { kind: 'invalid', reason: 'The body is not a HiBob event' };
	if (!events.every((entry) => typeof entry.type === 'string'))
		return { kind: 'invalid', reason: 'The event has no type' };
	return { kind: 'events', events };
}

/**
 * `triggeredAt` as UTC ISO. Bob's value has no zone and microseconds ("2025-01-08T13:06:26.915906");
 * it is UTC. A value that carries a zone is converted.
 */
export function triggeredAtUtc(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	const match =
		/^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
	if (!match) return null;
	const fraction = (match[3] ?? '.000').slice(0, 4).padEnd(4, '0');
	const time = match[2].length === 5 ? `${match[2]}:00` : match[2];
	const zone = match[4] ?? 'Z';
	const ms = Date.parse(`${match[1]}T${time}${fraction}${zone}`);
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function canonical(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	const record = value as Record<string, unknown>;
	return `{${Object.keys(record)
		.sort()
		.filter((key) => record[key] !== undefined)
		.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
		.join(',')}}`;
}

/**
 * A key for one delivery: the same when Bob re-sends it, different for different events. Bob sends no
 * delivery ID, so it hashes what identifies the event: company, type (canonical spelling), who, when
 * (to the microsecond, as sent) and the data, independent of key order and whitespace.
 */
export function deliveryKey(envelope: Record<string, unknown>): string {
	const type = eventTypeOf(envelope.type)?.value ?? String(envelope.type);
	const identity = canonical({
		companyId: envelope.companyId ?? null,
		type,
		triggeredBy: envelope.triggeredBy ?? null,
		triggeredAt: envelope.triggeredAt ?? null,
		data: envelope.data ?? null,
	});
	return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}

function idText(value: unknown): string | null {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** The employee an event is about: `data.employeeId`, or the one a task was requested for. */
function employeeOf(data: Record<string, unknown>): string | null {
	const direct = idText(data.employeeId);
	if (direct) return direct;
	const requestedFor = idText(data.requestedForEmployeeId);
	if (requestedFor) return requestedFor;
	const list = data.toDoRequestedForIds;
	return Array.isArray(list) && list.length > 0 ? idText(list[0]) : null;
}

/** One envelope as the trigger's event. `type` must be a known one (see eventTypeOf). */
export function normaliseEvent(envelope: Record<string, unknown>): WebhookEvent {
	const known = eventTypeOf(envelope.type);
	const event = known?.value ?? String(envelope.type);
	const data = isRecord(envelope.data) ? envelope.data : {};
	return {
		event,
		...(typeof envelope.type === 'string' && envelope.type !== event
			? { receivedType: envelope.type }
			: {}),
		employeeId: employeeOf(data),
		triggeredAt: triggeredAtUtc(envelope.triggeredAt),
		triggeredBy: idText(envelope.triggeredBy),
		companyId: idText(envelope.companyId),
		version: typeof envelope.version === 'string' ? envelope.version : null,
		data,
		...(known?.family === 'table' ? { tableEntry: tableEntryOf(data) } : {}),
		deliveryKey: deliveryKey(envelope),
	};
}

/** The document an `documents.eSign.completed` event names: its ID and Bob's download URL. */
export function signedDocumentOf(data: Record<string, unknown>): {
	documentId: string | null;
	downloadUrl: string | null;
} {
	const url = typeof data.downloadUrl === 'string' ? data.downloadUrl.trim() : '';
	return {
		documentId: idText(data.documentId ?? data.docId),
		downloadUrl: url === '' ? null : url,
	};
}

/**
 * The field IDs an `employee.updated` names. Bob's `fieldUpdates` shape is not documented beyond
 * "the changed field IDs": strings, or objects carrying `fieldId`/`id`/`field`, are all read.
 */
export function updatedFieldIds(data: Record<string, unknown>): string[] {
	const updates = data.fieldUpdates ?? data.fields;
	if (!Array.isArray(updates)) return [];
	const ids: string[] = [];
	for (const entry of updates) {
		const id =
			typeof entry === 'string'
				? entry
				: entry && typeof entry === 'object'
					? ((entry as Record<string, unknown>).fieldId ??
						(entry as Record<string, unknown>).id ??
						(entry as Record<string, unknown>).field)
					: undefined;
		// Custom fields' IDs may carry spaces (`payroll.variable.Executive bonus.amount`); any ID of two
		// or more segments is kept unless it could reach an object's prototype (core/json pathSegments).
		const segments = typeof id === 'string' ? pathSegments(id.trim()) : undefined;
		if (segments && segments.length > 1) ids.push(segments.join('.'));
	}
	return [...new Set(ids)];
}

/**
 * The HiBob path of the time-off request an event names: its `getApi` when that is a HiBob time-off
 * path (only the path is kept, so the credential never goes to another host), else built from the IDs.
 */
export function timeOffRequestPath(data: Record<string, unknown>): string | undefined {
	const getApi = typeof data.getApi === 'string' ? data.getApi.trim() : '';
	if (getApi !== '') {
		let path: string;
		try {
			path = new URL(getApi, 'https://api.hibob.com').pathname;
		} catch {
			path = '';
		}
		if (!path.startsWith('/v1/')) path = `/v1${path.startsWith('/') ? '' : '/'}${path}`;
		if (/^\/v1\/timeoff\/employees\/[^/]+\/requests\/[^/]+$/.test(path)) return path;
	}
	const employeeId = idText(data.employeeId);
	const requestId = idText(data.requestId ?? data.timeoffRequestId ?? data.id);
	if (employeeId && requestId && /^[0-9]+$/.test(employeeId) && /^[0-9]+$/.test(requestId))
		return `/v1/timeoff/employees/${employeeId}/requests/${requestId}`;
	return undefined;
}

/** The task IDs and the person whose task list names them, for a `todo.*` event. */
export function taskLookup(
	event: string,
	data: Record<string, unknown>,
): { taskIds: string[]; assigneeId: string | null } {
	const ids = Array.isArray(data.toDoIds) ? data.toDoIds.map(idText).filter(Boolean) : [];
	const assignees = Array.isArray(data.toDoAssigneeIds) ? data.toDoAssigneeIds : [];
	return {
		taskIds: ids as string[],
		assigneeId:
			event === 'todo.changedStatus' && assignees.length > 0 ? idText(assignees[0]) : null,
	};
}

/**
 * What is wrong with a pasted webhook secret, if anything. Bob cannot be asked whether a secret is
 * right (only its deliveries prove it), so this catches the paste mistakes: empty, spaces or line
 * breaks around or inside it.
 */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret === '')
		return 'The webhook secret is empty. Copy it from the webhook in Bob (Settings → Integrations → Webhooks).';
	if (/\s/.test(secret))
		return "The webhook secret contains spaces or line breaks, which Bob's secrets never do: copy it again from the webhook in Bob.";
	return undefined;
}
