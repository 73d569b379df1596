import { createHmac, timingSafeEqual } from 'node:crypto';

jest.mock('node:crypto', () => {
	const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

import {
	deliveryKey,
	eventTypeOf,
	isPing,
	isSelected,
	normaliseEvent,
	parseBody,
	secretProblem,
	signatureOf,
	taskLookup,
	timeOffRequestPath,
	triggeredAtUtc,
	updatedFieldIds,
	verifySignature,
	WEBHOOK_EVENT_TYPES,
} from '../../../../nodes/HiBob/core/webhook';
import {
	deliveryAgeProblem,
	DELIVERY_MAX_AGE_MS,
	DELIVERY_MAX_AHEAD_MS,
	hasSeen,
	liveKeys,
	MEMORY_MAX_AGE_MS,
	readMemory,
	RecentKeys,
	remember,
} from '../../../../nodes/HiBob/core/webhookMemory';

const SIGNER = 'k3y-Abc123-webhook-secret';
const envelope = {
	companyId: 636192,
	type: 'table.entry.created',
	triggeredBy: '3332883804594373380',
	triggeredAt: '2025-01-08T13:06:26.915906',
	version: 'v2',
	data: { employeeId: '3332883854254932743', tableId: 'lifecycle', effectiveDate: '2025-01-08' },
};

describe('signature', () => {
	const body = Buffer.from(JSON.stringify(envelope));
	// Computed independently of the code under test, as Bob documents it.
	const bobs = createHmac('sha512', SIGNER).update(body).digest('base64');

	it('accepts the Base64 HMAC-SHA512 of the raw body', () => {
		expect(signatureOf(body, SIGNER)).toBe(bobs);
		expect(verifySignature(body, bobs, SIGNER)).toBe(true);
	});

	it('refuses a missing, empty, repeated, hex-encoded or wrong signature', () => {
		expect(verifySignature(body, undefined, SIGNER)).toBe(false);
		expect(verifySignature(body, '', SIGNER)).toBe(false);
		expect(verifySignature(body, [bobs, bobs], SIGNER)).toBe(false);
		const hex = createHmac('sha512', SIGNER).update(body).digest('hex');
		expect(verifySignature(body, hex, SIGNER)).toBe(false);
		expect(verifySignature(body, signatureOf(body, 'other-secret'), SIGNER)).toBe(false);
		expect(verifySignature(body, `${bobs.slice(0, -4)}AAA=`, SIGNER)).toBe(false);
		// SHA-256 of the right key: right encoding, wrong algorithm.
		expect(
			verifySignature(body, createHmac('sha256', SIGNER).update(body).digest('base64'), SIGNER),
		).toBe(false);
	});

	it('checks the raw bytes, not the JSON they carry', () => {
		const reformatted = Buffer.from(JSON.stringify(envelope, null, 2));
		expect(verifySignature(reformatted, bobs, SIGNER)).toBe(false);
	});

	it('never accepts anything under an empty secret', () => {
		expect(verifySignature(body, signatureOf(body, ''), '')).toBe(false);
	});

	it('compares in constant time (timingSafeEqual over the decoded bytes)', () => {
		const compare = jest.mocked(timingSafeEqual);
		compare.mockClear();
		expect(verifySignature(body, bobs, SIGNER)).toBe(true);
		expect(compare).toHaveBeenCalledTimes(1);
		const bytes = Buffer.from(bobs, 'base64');
		bytes[bytes.length - 1] ^= 1;
		expect(verifySignature(body, bytes.toString('base64'), SIGNER)).toBe(false);
		expect(compare).toHaveBeenCalledTimes(2);
	});
});

describe('ping', () => {
	it.each([
		'Ping test',
		'"Ping test"',
		' Ping test\n',
		'{"text":"Ping test"}',
		'{ "text": "ping test" }',
	])("%j is Bob's ping", (body) => expect(isPing(Buffer.from(body))).toBe(true));

	it.each([
		'',
		'Ping',
		JSON.stringify(envelope),
		'{"text":"Ping test", "type": 1}x',
		'{"text":"hello"}',
	])('%j is not', (body) => expect(isPing(Buffer.from(body))).toBe(false));
});

describe('event types', () => {
	it("lists every family the trigger offers, with Bob's own strings", () => {
		const values = WEBHOOK_EVENT_TYPES.map((type) => type.value);
		expect(values).toEqual(
			expect.arrayContaining([
				'employee.created',
				'employee.updated',
				'employee.deleted',
				'employee.joined',
				'employee.left',
				'employee.activated',
				'employee.inactivated',
				'employee.temporaryLeave',
				'employee.access.revoked.immediately',
				'table.entry.created',
				'table.entry.updated',
				'timeoff.request.requested',
				'timeoff.request.approved',
				'timeoff.request.declined',
				'timeoff.request.cancelled',
				'timeoff.request.deleted',
				'timeoff.request.updated',
				'timeoff.request.imported',
				'todo.assign',
				'todo.changedStatus',
				'documents.eSign.completed',
				'workforcePlanning.position.created',
				'workforcePlanning.position.updated',
				'workforcePlanning.positionOpening.created',
				'workforcePlanning.positionOpening.updated',
				'workforcePlanning.positionOpening.deleted',
				'workforcePlanning.positionBudget.created',
				'workforcePlanning.positionBudget.updated',
				'attendance.timesheet.submitted',
				'attendance.timesheet.approved',
				'attendance.timesheet.rejected',
				'attendance.timesheet.openForSubmission',
				'attendance.cycle.ended',
			]),
		);
		expect(new Set(values).size).toBe(values.length);
	});

	it("accepts the spellings peers report, mapped to Bob's", () => {
		expect(eventTypeOf('employee.terminated')?.value).toBe('employee.left');
		expect(eventTypeOf('employee.temporary.leave')?.value).toBe('employee.temporaryLeave');
		expect(eventTypeOf('todo.changed.status')?.value).toBe('todo.changedStatus');
		expect(eventTypeOf('EMPLOYEE.CREATED')?.value).toBe('employee.created');
		expect(eventTypeOf('documents.esign.completed')?.value).toBe('documents.eSign.completed');
		expect(eventTypeOf('workforce.planning.position.opening.updated')?.value).toBe(
			'workforcePlanning.positionOpening.updated',
		);
		expect(eventTypeOf('workforce.planning.position.budget.created')?.value).toBe(
			'workforcePlanning.positionBudget.created',
		);
		expect(eventTypeOf('workforce.planning.position.budget.deleted')).toBeUndefined();
		expect(eventTypeOf('documents.unknown.completed')).toBeUndefined();
		expect(eventTypeOf(42)).toBeUndefined();
	});

	it('selects by type in any spelling, nothing else', () => {
		expect(isSelected('employee.terminated', ['employee.left'])).toBe(true);
		expect(isSelected('employee.left', ['employee.created'])).toBe(false);
		expect(isSelected('unknown.type', ['unknown.type'])).toBe(false);
	});
});

describe('envelope', () => {
	it('parses one event, or an array of them; refuses the rest', () => {
		expect(parseBody(JSON.stringify(envelope))).toEqual({ kind: 'events', events: [envelope] });
		expect(parseBody(JSON.stringify([envelope, envelope]))).toMatchObject({ kind: 'events' });
		expect(parseBody('not json').kind).toBe('invalid');
		expect(parseBody('"text"').kind).toBe('invalid');
		expect(parseBody('{"data":{}}').kind).toBe('invalid');
		expect(parseBody('[]').kind).toBe('invalid');
	});

	it("reads Bob's zone-less triggeredAt as UTC", () => {
		expect(triggeredAtUtc('2025-01-08T13:06:26.915906')).toBe('2025-01-08T13:06:26.915Z');
		expect(triggeredAtUtc('2025-01-08T13:06:26')).toBe('2025-01-08T13:06:26.000Z');
		expect(triggeredAtUtc('2025-01-08 13:06')).toBe('2025-01-08T13:06:00.000Z');
		expect(triggeredAtUtc('2025-01-08T15:06:26.5+02:00')).toBe('2025-01-08T13:06:26.500Z');
		expect(triggeredAtUtc('yesterday')).toBeNull();
		expect(triggeredAtUtc(undefined)).toBeNull();
	});

	it('normalises an event: canonical type, employee, UTC time, raw data, delivery key', () => {
		expect(normaliseEvent(envelope)).toEqual({
			event: 'table.entry.created',
			employeeId: '3332883854254932743',
			triggeredAt: '2025-01-08T13:06:26.915Z',
			triggeredBy: '3332883804594373380',
			companyId: '636192',
			version: 'v2',
			data: envelope.data,
			tableEntry: { tableId: 'lifecycle', effectiveDate: '2025-01-08', entryId: null },
			deliveryKey: deliveryKey(envelope),
		});
		const alias = normaliseEvent({ ...envelope, type: 'employee.terminated' });
		expect(alias).toMatchObject({ event: 'employee.left', receivedType: 'employee.terminated' });
		const task = normaliseEvent({
			...envelope,
			type: 'todo.assign',
			data: { requestedForEmployeeId: '3332883854254932700', toDoIds: ['77'] },
		});
		expect(task.employeeId).toBe('3332883854254932700');
		expect(normaliseEvent({ type: 'employee.created' })).toMatchObject({
			employeeId: null,
			triggeredAt: null,
			triggeredBy: null,
			data: {},
		});
	});
});

describe('delivery key', () => {
	it('is the same for a re-sent delivery, whatever the key order or spacing', () => {
		const { data, version, ...rest } = envelope;
		const resent = JSON.parse(JSON.stringify({ data, version, ...rest })) as Record<
			string,
			unknown
		>;
		expect(deliveryKey(resent)).toBe(deliveryKey(envelope));
		expect(deliveryKey({ ...envelope, type: 'employee.terminated' })).toBe(
			deliveryKey({ ...envelope, type: 'employee.left' }),
		);
	});

	it('differs for different events', () => {
		const keys = new Set([
			deliveryKey(envelope),
			deliveryKey({ ...envelope, type: 'table.entry.updated' }),
			deliveryKey({ ...envelope, triggeredAt: '2025-01-08T13:06:26.915907' }),
			deliveryKey({ ...envelope, triggeredBy: 'system' }),
			deliveryKey({ ...envelope, companyId: 1 }),
			deliveryKey({ ...envelope, data: { ...envelope.data, employeeId: '1' } }),
			deliveryKey({ ...envelope, data: { ...envelope.data, effectiveDate: '2025-01-09' } }),
		]);
		expect(keys.size).toBe(7);
	});
});

describe('what an event names', () => {
	it('reads the updated field IDs in the shapes Bob may send', () => {
		expect(updatedFieldIds({ fieldUpdates: ['work.department', 'root.firstName'] })).toEqual([
			'work.department',
			'root.firstName',
		]);
		expect(
			updatedFieldIds({
				fieldUpdates: [{ fieldId: 'work.title' }, { id: 'root.email' }, { x: 1 }],
			}),
		).toEqual(['work.title', 'root.email']);
		expect(updatedFieldIds({ fieldUpdates: ['work.title', 'work.title', 'not a field'] })).toEqual([
			'work.title',
		]);
		expect(updatedFieldIds({})).toEqual([]);
	});

	it('keeps only the path of a time-off getApi, and only a time-off request path', () => {
		expect(
			timeOffRequestPath({ getApi: 'https://api.hibob.com/v1/timeoff/employees/123/requests/456' }),
		).toBe('/v1/timeoff/employees/123/requests/456');
		expect(timeOffRequestPath({ getApi: '/timeoff/employees/123/requests/456' })).toBe(
			'/v1/timeoff/employees/123/requests/456',
		);
		expect(timeOffRequestPath({ getApi: 'https://evil.example/v1/people/search' })).toBeUndefined();
		expect(timeOffRequestPath({ employeeId: '123', requestId: 456 })).toBe(
			'/v1/timeoff/employees/123/requests/456',
		);
		expect(timeOffRequestPath({ employeeId: '../x', requestId: 1 })).toBeUndefined();
	});

	it('finds a task status change through its assignee, an assignment through the open tasks', () => {
		expect(
			taskLookup('todo.changedStatus', { toDoIds: [7, '8'], toDoAssigneeIds: ['123'] }),
		).toEqual({ taskIds: ['7', '8'], assigneeId: '123' });
		expect(taskLookup('todo.assign', { toDoIds: ['9'] })).toEqual({
			taskIds: ['9'],
			assigneeId: null,
		});
	});

	it('spots pasted-secret mistakes without echoing the secret', () => {
		expect(secretProblem('')).toMatch(/empty/);
		expect(secretProblem(' abc')).toMatch(/spaces/);
		expect(secretProblem('abc\n')).not.toContain('abc');
		expect(secretProblem('abc')).toBeUndefined();
	});
});

describe('delivery memory', () => {
	const now = Date.parse('2026-12-01T10:00:00Z');

	it("remembers keys, once each, and forgets them after Bob's retry window", () => {
		let memory = remember([], ['a', 'b', 'a'], now);
		expect(memory).toEqual([
			['a', now],
			['b', now],
		]);
		expect(hasSeen(memory, 'a', now + 1000)).toBe(true);
		expect(hasSeen(memory, 'c', now)).toBe(false);
		expect(hasSeen(memory, 'a', now + MEMORY_MAX_AGE_MS + 1)).toBe(false);
		memory = remember(memory, ['c'], now + MEMORY_MAX_AGE_MS + 1);
		expect(memory).toEqual([['c', now + MEMORY_MAX_AGE_MS + 1]]);
	});

	it('is bounded by time only: an unexpired key is never dropped to make room', () => {
		const keys = Array.from({ length: 25 }, (_, index) => `k${index}`);
		let memory = remember([], keys, now);
		memory = remember(memory, ['late'], now + MEMORY_MAX_AGE_MS);
		expect(memory).toHaveLength(26);
		expect(liveKeys(memory, now + MEMORY_MAX_AGE_MS)).toBe(26);
		expect(hasSeen(memory, 'k0', now + MEMORY_MAX_AGE_MS)).toBe(true);
		memory = remember(memory, [], now + MEMORY_MAX_AGE_MS + 1);
		expect(memory).toEqual([['late', now + MEMORY_MAX_AGE_MS]]);
	});

	it('an expired key given again is remembered again, from now', () => {
		let memory = remember([], ['a'], now);
		memory = remember(memory, ['a'], now + MEMORY_MAX_AGE_MS + 1);
		expect(memory).toEqual([['a', now + MEMORY_MAX_AGE_MS + 1]]);
		expect(hasSeen(memory, 'a', now + MEMORY_MAX_AGE_MS + 2)).toBe(true);
	});

	it('a delivery is inside the window when dated less than the memory keeps a key, and not ahead', () => {
		const iso = (ms: number) => new Date(ms).toISOString();
		expect(deliveryAgeProblem(iso(now), now)).toBeUndefined();
		expect(deliveryAgeProblem(iso(now - DELIVERY_MAX_AGE_MS), now)).toBeUndefined();
		expect(deliveryAgeProblem(iso(now - DELIVERY_MAX_AGE_MS - 1), now)).toBe('stale');
		expect(deliveryAgeProblem(iso(now + 4 * 60 * 1000), now)).toBeUndefined();
		expect(deliveryAgeProblem(iso(now + 6 * 60 * 1000), now)).toBe('future');
		expect(deliveryAgeProblem(null, now)).toBe('undated');
		// The window ends before the memory forgets the key.
		expect(DELIVERY_MAX_AGE_MS + DELIVERY_MAX_AHEAD_MS).toBeLessThan(MEMORY_MAX_AGE_MS);
	});

	it('reads only well-formed stored entries', () => {
		expect(readMemory(undefined)).toEqual([]);
		expect(readMemory([['a', 1], ['b'], 'c', [2, 3]])).toEqual([['a', 1]]);
	});

	it('claims a key once per window in this process, bounded by count', () => {
		const recent = new RecentKeys(3, 1000);
		expect(recent.claim('a', now)).toBe(true);
		expect(recent.claim('a', now + 10)).toBe(false);
		expect(recent.claim('a', now + 1001)).toBe(true);
		for (const key of ['b', 'c', 'd', 'e']) recent.claim(key, now + 1002);
		expect(recent.size).toBeLessThanOrEqual(4);
		expect(recent.claim('e', now + 1003)).toBe(false);
		recent.release('e');
		expect(recent.claim('e', now + 1003)).toBe(true);
	});
});
