/**
 * The HiBob Webhook Trigger through n8n-core's WebhookContext and ExecuteContext, enriching against the
 * simulator (nock for the reads the simulator does not serve: one time-off request, task lists).
 */
import nock from 'nock';

import { HiBobWebhookApi } from '../../../../credentials/HiBobWebhookApi.credentials';
import { HiBobWebhookTrigger } from '../../../../nodes/HiBob/HiBobWebhookTrigger.node';
import { recentDeliveries, RESPONSES } from '../../../../nodes/HiBob/webhook/receive';
import { credentialsFor } from '../../../harness/n8n';
import { useFastClock } from '../../../harness/fastClock';
import type { RunningSimulator } from '../../../simulator';
import { startSimulator } from '../../../simulator';
import { SIGNER, sign, webhookHarness } from './helpers';

// The simulator's clock (frozen at midday of its "today"), so HiBob's rate-limit reset times line up.
useFastClock(Date.parse('2026-11-21T12:00:00.000Z'));

let sim: RunningSimulator;
let employeeId: string;

beforeAll(async () => {
	sim = await startSimulator({
		employees: 30,
		seed: 7,
		today: '2026-11-21',
		freezeClock: true,
		rateLimit: false,
	});
	employeeId = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0].id;
});

afterAll(async () => {
	await sim.stop();
	nock.cleanAll();
});

beforeEach(() => sim.control.clearLog());

const api = () => credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token);

let seq = 0;
function envelope(type: string, data: Record<string, unknown>, at?: string) {
	seq++;
	return JSON.stringify({
		companyId: 636192,
		type,
		triggeredBy: '3332883804594373380',
		triggeredAt: at ?? `2026-11-21T10:00:${String(seq % 60).padStart(2, '0')}.123456`,
		version: 'v2',
		data,
	});
}

describe('verification', () => {
	it('starts a run for a correctly signed event', async () => {
		const harness = webhookHarness({});
		const answer = await harness.deliver(envelope('employee.created', { employeeId }));
		expect(answer.status).toBe(200);
		expect(answer.items).toHaveLength(1);
	});

	it('answers 401 and starts nothing when the signature is missing, wrong or over other bytes', async () => {
		const harness = webhookHarness({});
		const body = envelope('employee.created', { employeeId });
		for (const signature of [null, '', sign(body, 'another-secret'), sign(`${body} `)]) {
			const answer = await harness.deliver(body, { signature });
			expect(answer).toEqual({ status: 401, body: { message: RESPONSES.unsigned } });
		}
	});

	it("answers Bob's ping, plain or JSON, signed or not, with 200 and no run", async () => {
		const harness = webhookHarness({});
		for (const body of ['Ping test', '{"text":"Ping test"}'])
			for (const signature of [null, undefined]) {
				const answer = await harness.deliver(body, { signature });
				expect(answer).toEqual({ status: 200, body: { message: RESPONSES.ping } });
			}
	});

	it('refuses a signed body that is not a HiBob event with 400', async () => {
		const answer = await webhookHarness({}).deliver('{"hello":"world"}');
		expect(answer.status).toBe(400);
		expect(answer.items).toBeUndefined();
	});
});

describe('events', () => {
	it('acknowledges events that are not selected with 200 and starts nothing', async () => {
		const harness = webhookHarness({ parameters: { events: ['employee.joined'] } });
		const answer = await harness.deliver(envelope('employee.created', { employeeId }));
		expect(answer).toEqual({ status: 200, body: { message: RESPONSES.ignored } });
	});

	it('accepts the alternative spellings peers report', async () => {
		const harness = webhookHarness({
			parameters: { events: ['employee.left', 'todo.changedStatus'] },
		});
		const left = await harness.deliver(envelope('employee.terminated', { employeeId }));
		expect(left.items?.[0].json).toMatchObject({
			event: 'employee.left',
			receivedType: 'employee.terminated',
		});
		const task = await harness.deliver(envelope('todo.changed.status', { toDoIds: ['1'] }));
		expect(task.items?.[0].json.event).toBe('todo.changedStatus');
	});

	it('emits one item per event: event, employee, UTC time, who, raw data, delivery key', async () => {
		const harness = webhookHarness({ parameters: { events: ['table.entry.created'] } });
		const data = { employeeId, tableId: 'work', effectiveDate: '2026-11-21' };
		const { output } = await harness.receive(
			envelope('table.entry.created', data, '2026-11-21T10:00:00.654321'),
		);
		expect(output).toHaveLength(1);
		expect(output![0].json).toEqual({
			event: 'table.entry.created',
			employeeId,
			triggeredAt: '2026-11-21T10:00:00.654Z',
			triggeredBy: '3332883804594373380',
			companyId: '636192',
			version: 'v2',
			data,
			tableEntry: { tableId: 'work', effectiveDate: '2026-11-21', entryId: null },
			deliveryKey: expect.stringMatching(/^[0-9a-f]{32}$/),
		});
		expect(output![0].pairedItem).toEqual({ item: 0 });
	});

	it('reads a table row by its effectiveDate or its id, the payload before and after March 2026', async () => {
		const harness = webhookHarness({ parameters: { events: ['table.entry.updated'] } });
		const shapes: Array<[Record<string, unknown>, Record<string, unknown>]> = [
			[{ tableId: 'lifecycle', effectiveDate: '2025-01-08' }, { tableId: 'lifecycle', effectiveDate: '2025-01-08', entryId: null }],
			[{ tableId: 'bankAccounts', id: 4417 }, { tableId: 'bankAccounts', effectiveDate: null, entryId: '4417' }],
			// Before March 2026 both keys came, the one that does not apply as null.
			[{ tableId: 'work', effectiveDate: '2025-01-08', id: null }, { tableId: 'work', effectiveDate: '2025-01-08', entryId: null }],
			[{ tableId: 'custom_table_1', effectiveDate: null, id: '12' }, { tableId: 'custom_table_1', effectiveDate: null, entryId: '12' }],
		];
		for (const [data, tableEntry] of shapes) {
			const answer = await harness.deliver(envelope('table.entry.updated', { employeeId, ...data }));
			expect(answer.items![0].json.tableEntry).toEqual(tableEntry);
		}
	}); // prettier-ignore

	it('answers at once: webhook() reads nothing from HiBob, even with enrichment on', async () => {
		const harness = webhookHarness({ api: api() });
		const answer = await harness.deliver(envelope('employee.created', { employeeId }));
		expect(answer.items).toHaveLength(1);
		expect(sim.control.getLog()).toHaveLength(0);
	});
});

describe('de-duplication', () => {
	it('a re-sent delivery after the first run starts no second run', async () => {
		const harness = webhookHarness({});
		const body = envelope('employee.created', { employeeId });
		const first = await harness.receive(body);
		expect(first.output).toHaveLength(1);
		// After a restart only the static data remembers.
		recentDeliveries.clear();
		const again = await harness.deliver(body);
		expect(again).toEqual({ status: 200, body: { message: RESPONSES.duplicate } });
	});

	it('a copy that arrives while the first run is still going starts no run either', async () => {
		const harness = webhookHarness({});
		const body = envelope('employee.created', { employeeId });
		const a = await harness.deliver(body);
		const b = await harness.deliver(body);
		expect(a.items).toHaveLength(1);
		expect(b).toEqual({ status: 200, body: { message: RESPONSES.duplicate } });
	});

	it('a copy that reached another n8n process ends its run with no items', async () => {
		const harness = webhookHarness({});
		const body = envelope('employee.created', { employeeId });
		const a = await harness.deliver(body);
		recentDeliveries.clear();
		const b = await harness.deliver(body);
		expect(b.items).toHaveLength(1);
		expect(await harness.execute(a.items!)).toHaveLength(1);
		expect(await harness.execute(b.items!)).toEqual([]);
	});

	it('keeps every key it has not expired (the memory is bounded by time)', async () => {
		const harness = webhookHarness({});
		const triggeredAt = '2026-11-21T11:00:00.000Z';
		const items = Array.from({ length: 1005 }, (_, index) => ({
			json: { event: 'employee.created', employeeId, deliveryKey: `key-${index}`, triggeredAt, data: {} },
		}));
		expect(await harness.execute(items)).toHaveLength(1005);
		expect(harness.staticData().deliveries).toHaveLength(1005);
	}); // prettier-ignore

	it('different events each start a run', async () => {
		const harness = webhookHarness({});
		const a = await harness.receive(envelope('employee.created', { employeeId }));
		const b = await harness.receive(envelope('employee.updated', { employeeId, fieldUpdates: [] }));
		expect(a.output).toHaveLength(1);
		expect(b.output).toHaveLength(1);
	});

	it('test runs (Listen for test event) are never skipped', async () => {
		const harness = webhookHarness({});
		const body = envelope('employee.created', { employeeId });
		await harness.receive(body);
		const manual = await harness.receive(body, { mode: 'manual' });
		expect(manual.output).toHaveLength(1);
		expect(await harness.receive(body, { mode: 'manual' })).toMatchObject({
			output: [expect.anything()],
		});
	});

	it('can be switched off', async () => {
		const harness = webhookHarness({ parameters: { options: { deduplicate: false } } });
		const body = envelope('employee.created', { employeeId });
		await harness.receive(body);
		expect((await harness.receive(body)).output).toHaveLength(1);
	});
});

describe('enrichment', () => {
	it('adds the employee with labels, with one read', async () => {
		const harness = webhookHarness({ api: api() });
		const { output } = await harness.receive(envelope('employee.joined', { employeeId }));
		const json = output![0].json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
		expect(json.employee.id).toBe(employeeId);
		expect(json.employee.work.department).toEqual(expect.any(String));
		expect(json.employee.humanReadable.work.department).toEqual(expect.any(String));
		expect(json.employee.humanReadable.work.department).not.toBe(json.employee.work.department);
		expect(sim.control.getLog({ path: '/v1/' })).toHaveLength(1);
	});

	it('adds the fields an update names, with their labels, and the simplified shape on request', async () => {
		const harness = webhookHarness({
			api: api(),
			parameters: {
				events: ['employee.updated'],
				outputFields: ['root.id', 'root.displayName'],
				options: { employeeOutput: 'nested' },
			},
		});
		const { output } = await harness.receive(
			envelope('employee.updated', { employeeId, fieldUpdates: ['work.department', 'work.title'] }),
		);
		const json = output![0].json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
		expect(json.employee.work).toEqual({
			department: expect.any(String),
			title: expect.any(String),
		});
		expect(json.updatedFields).toEqual([
			{ field: 'work.department', value: expect.any(String), label: expect.any(String) },
			{ field: 'work.title', value: expect.any(String), label: expect.any(String) },
		]);
		const simplified = webhookHarness({
			api: api(),
			parameters: { options: { employeeOutput: 'simplified' } },
		});
		const again = await simplified.receive(envelope('employee.joined', { employeeId }));
		expect(Object.keys(again.output![0].json.employee as object)).toEqual(
			expect.arrayContaining(['id', 'displayName', 'department']),
		);
	});

	it("waits out HiBob's rate limit (the transport does)", async () => {
		sim.control.injectFault({ kind: 'rate-limit', count: 1, path: '/v1/people/search' });
		const harness = webhookHarness({ api: api() });
		const { output } = await harness.receive(envelope('employee.joined', { employeeId }));
		expect((output![0].json.employee as Record<string, unknown>).id).toBe(employeeId);
		expect(sim.control.getLog({ path: '/v1/people/search' })).toHaveLength(2);
	});

	it('is off without the HiBob API credential, or when switched off: the raw event only, no reads', async () => {
		for (const harness of [
			webhookHarness({}),
			webhookHarness({ api: api(), parameters: { enrich: false } }),
		]) {
			const { output } = await harness.receive(envelope('employee.joined', { employeeId }));
			expect(output![0].json.employee).toBeUndefined();
		}
		expect(sim.control.getLog()).toHaveLength(0);
	});

	it('keeps the event when HiBob cannot be read, with the reason and no token in it', async () => {
		const harness = webhookHarness({
			api: credentialsFor(sim.url, sim.serviceUser.id, 'wrong-token-0123456789'),
		});
		const { output } = await harness.receive(envelope('employee.joined', { employeeId }));
		expect(output![0].json).toMatchObject({ event: 'employee.joined', employeeId });
		expect(output![0].json.enrichmentError).toMatch(/401|rejected/);
		expect(JSON.stringify(output)).not.toContain('wrong-token-0123456789');
	});

	it('reads nothing for a deleted employee', async () => {
		const harness = webhookHarness({ api: api() });
		const { output } = await harness.receive(envelope('employee.deleted', { employeeId: '1' }));
		expect(output![0].json.employee).toBeUndefined();
		expect(sim.control.getLog()).toHaveLength(0);
	});

	it('adds the time-off request from its getApi path (and only sends the credential to HiBob)', async () => {
		const scope = nock(sim.url, { allowUnmocked: true })
			.get('/v1/timeoff/employees/123/requests/456')
			.reply(200, { id: 456, status: 'approved' });
		const harness = webhookHarness({
			api: api(),
			parameters: { events: ['timeoff.request.approved'] },
		});
		const { output } = await harness.receive(
			envelope('timeoff.request.approved', {
				employeeId: '123',
				getApi: 'https://elsewhere.example/v1/timeoff/employees/123/requests/456',
			}),
		);
		expect(output![0].json.request).toEqual({ id: 456, status: 'approved' });
		scope.done();
	});

	it("adds the task: a status change through the assignee's list, an assignment through open tasks", async () => {
		const scope = nock(sim.url, { allowUnmocked: true })
			.get('/v1/tasks/people/555')
			.reply(200, {
				tasks: [
					{ id: 8, title: 'Laptop' },
					{ id: 9, title: 'Badge' },
				],
			})
			.get('/v1/tasks')
			.reply(200, { tasks: [{ id: 9, title: 'Badge' }] });
		const harness = webhookHarness({
			api: api(),
			parameters: { events: ['todo.changedStatus', 'todo.assign'] },
		});
		const changed = await harness.receive(
			envelope('todo.changedStatus', {
				toDoIds: [9],
				toDoAssigneeIds: ['555'],
				newStatus: 'closed',
			}),
		);
		expect(changed.output![0].json.task).toEqual({ id: 9, title: 'Badge' });
		const assigned = await harness.receive(
			envelope('todo.assign', { toDoIds: ['9'], requestedForEmployeeId: employeeId }),
		);
		expect(assigned.output![0].json.task).toEqual({ id: 9, title: 'Badge' });
		scope.done();
	});
});

describe("Bob's 2026 families: eSign, workforce planning, attendance", () => {
	/** The simulator's own delivery of one event: its bytes and its Bob-Signature, signed with SIGNER. */
	async function simulatorDelivery(type: string, act: () => void) {
		const { registration } = await sim.control.registerWebhook({
			url: 'http://127.0.0.1:9/nobody-listens',
			secret: SIGNER,
			events: [type],
		});
		sim.control.configureWebhooks({ retryDelaysMs: [] });
		const before = sim.control.listWebhookDeliveries({ type }).length;
		act();
		await sim.control.flushWebhooks();
		sim.control.removeWebhook({ id: registration.id });
		const delivery = sim.control.listWebhookDeliveries({ type }).slice(before)[0];
		expect(delivery.signature).toBe(sign(delivery.body));
		return delivery;
	}

	const ALL_NEW = [
		'documents.eSign.completed',
		'workforcePlanning.position.created',
		'workforcePlanning.positionOpening.deleted',
		'workforcePlanning.positionBudget.updated',
		'attendance.timesheet.submitted',
		'attendance.timesheet.openForSubmission',
		'attendance.cycle.ended',
	];

	it('offers every new event in the Events list, under Bob\'s own spelling', () => {
		const events = new HiBobWebhookTrigger().description.properties.find((p) => p.name === 'events')!;
		const values = (events.options as Array<{ value: string }>).map((o) => o.value);
		expect(values).toEqual(expect.arrayContaining([...ALL_NEW, 'workforcePlanning.position.updated', 'workforcePlanning.positionOpening.created', 'workforcePlanning.positionOpening.updated', 'workforcePlanning.positionBudget.created', 'attendance.timesheet.approved', 'attendance.timesheet.rejected']));
	}); // prettier-ignore

	it.each([
		['documents.eSign.completed', { employeeId: '1', documentId: 5, downloadUrl: 'https://app.hibob.com/api/docs/download/5', signedBy: '1', creationDate: '2026-11-21T09:00:00.000000' }],
		['workforcePlanning.position.created', { positionId: 11 }],
		['attendance.timesheet.submitted', { timesheetId: 3, employeeId: '1', cycleId: 7 }],
		['attendance.cycle.ended', { cycleId: 7 }],
	])('%s: refused with 401 unsigned or wrongly signed, run when signed', async (type, data) => {
		const harness = webhookHarness({ parameters: { events: ALL_NEW } });
		const body = envelope(type, data);
		for (const signature of [null, sign(body, 'another-secret')])
			expect((await harness.deliver(body, { signature })).status).toBe(401);
		const answer = await harness.deliver(body);
		expect(answer.items![0].json).toMatchObject({ event: type, data });
	}); // prettier-ignore

	it.each([
		['documents.esign.completed', 'documents.eSign.completed'],
		['workforce.planning.position.created', 'workforcePlanning.position.created'],
		['workforce.planning.position.opening.deleted', 'workforcePlanning.positionOpening.deleted'],
		['workforce.planning.position.budget.updated', 'workforcePlanning.positionBudget.updated'],
		['attendance.timesheet.open.for.submission', 'attendance.timesheet.openForSubmission'],
	])('accepts the spelling %s as %s', async (spelling, canonical) => {
		const harness = webhookHarness({ parameters: { events: [canonical] } });
		const answer = await harness.deliver(envelope(spelling, { positionId: 1, employeeId }));
		expect(answer.items![0].json).toMatchObject({ event: canonical, receivedType: spelling });
	});

	it('eSign: the simulator\'s signed delivery runs, enriched with the employee and the signed document', async () => {
		let signed!: { documentId: number; downloadUrl: string };
		const delivery = await simulatorDelivery('documents.eSign.completed', () => {
			signed = sim.control.completeESign({ employeeId, name: 'Offer letter.pdf' });
		});
		sim.control.clearLog();
		const harness = webhookHarness({ api: api(), parameters: { events: ['documents.eSign.completed'] } });
		const { answer, output } = await harness.receive(delivery.body, { signature: delivery.signature });
		expect(answer.status).toBe(200);
		const json = output![0].json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
		expect(json).toMatchObject({ event: 'documents.eSign.completed', employeeId, data: { documentId: signed.documentId } });
		expect(json.employee.id).toBe(employeeId);
		expect(json.document).toEqual({ documentName: 'Offer letter.pdf', downloadLink: signed.downloadUrl });
		expect(json.documents).toContainEqual(json.document);
		expect(sim.control.getLog({ path: '/v1/' }).map((l) => `${l.method} ${l.path}`)).toEqual(['POST /v1/people/search', `GET /v1/docs/people/${employeeId}`]);
	}); // prettier-ignore

	it('eSign: a refused document read keeps the event and the employee, with the reason', async () => {
		const harness = webhookHarness({ api: api(), parameters: { events: ['documents.eSign.completed'] } });
		const scope = nock(sim.url, { allowUnmocked: true }).get(`/v1/docs/people/${employeeId}`).reply(403, { key: 'forbidden', error: 'Forbidden' });
		const { output } = await harness.receive(envelope('documents.eSign.completed', { employeeId, documentId: 99 }));
		expect(output![0].json.employee).toMatchObject({ id: employeeId });
		expect(output![0].json.documentsError).toMatch(/403/);
		expect(output![0].json.enrichmentError).toBeUndefined();
		scope.done();
	}); // prettier-ignore

	it('attendance: a timesheet event is enriched with the employee; a cycle end reads nothing', async () => {
		const delivery = await simulatorDelivery('attendance.timesheet.submitted', () => {
			sim.control.attendanceTimesheet({ employeeId, event: 'submitted', cycleId: 7 });
		});
		sim.control.clearLog();
		const harness = webhookHarness({ api: api(), parameters: { events: ['attendance.timesheet.submitted', 'attendance.cycle.ended'] } });
		const { output } = await harness.receive(delivery.body, { signature: delivery.signature });
		expect(output![0].json).toMatchObject({ event: 'attendance.timesheet.submitted', employeeId, data: { cycleId: 7 } });
		expect((output![0].json.employee as Record<string, unknown>).id).toBe(employeeId);
		expect(sim.control.getLog({ path: '/v1/' })).toHaveLength(1);
		sim.control.clearLog();
		const ended = await harness.receive(envelope('attendance.cycle.ended', { cycleId: 7 }));
		expect(ended.output![0].json).toMatchObject({ event: 'attendance.cycle.ended', employeeId: null });
		expect(ended.output![0].json.employee).toBeUndefined();
		expect(sim.control.getLog()).toHaveLength(0);
	}); // prettier-ignore

	it('workforce planning: the simulator\'s delivery runs with its IDs, and reads nothing from HiBob', async () => {
		const delivery = await simulatorDelivery('workforcePlanning.positionBudget.updated', () => {
			sim.control.workforcePlanningChange({ entity: 'positionBudget', action: 'updated', positionId: 11 });
		});
		sim.control.clearLog();
		const harness = webhookHarness({ api: api(), parameters: { events: ['workforcePlanning.positionBudget.updated'] } });
		const { output } = await harness.receive(delivery.body, { signature: delivery.signature });
		expect(output![0].json).toMatchObject({ event: 'workforcePlanning.positionBudget.updated', employeeId: null, data: { positionId: 11, positionBudgetId: expect.any(Number) } });
		expect(output![0].json.employee).toBeUndefined();
		expect(sim.control.getLog()).toHaveLength(0);
	}); // prettier-ignore
});

describe('setup in the editor', () => {
	it('labels the two credentials by role, and names the webhook credential as its type does', () => {
		const { credentials, properties } = new HiBobWebhookTrigger().description;
		expect(credentials!.map((c) => [c.name, c.displayName, c.required])).toEqual([
			['hiBobWebhookApi', 'Webhook Secret (Required)', true],
			['hiBobApi', 'HiBob Account for Enrichment (Optional)', false],
		]);
		const typeName = new HiBobWebhookApi().displayName;
		const notice = properties.find((p) => p.name === 'setupNotice')!.displayName;
		expect(notice).toContain(`${typeName} credential`);
		expect(RESPONSES.unsigned).toContain(`${typeName} credential`);
		expect(new HiBobWebhookApi().properties[0].displayName).toContain(typeName);
		expect(notice).toMatch(/public HTTPS/);
		expect(notice).toContain('WEBHOOK_URL');
	});
});

describe('secrets', () => {
	it('never puts the webhook secret or the API token in an answer or an item', async () => {
		const harness = webhookHarness({ api: api() });
		const seen: unknown[] = [];
		for (const signature of [null, 'AAAA', sign('x', SIGNER), undefined]) {
			const result = await harness.receive(envelope('employee.joined', { employeeId }), {
				signature,
			});
			seen.push(result);
		}
		seen.push(await harness.receive('Ping test'));
		seen.push(await harness.receive('not json'));
		const text = JSON.stringify(seen);
		expect(text).not.toContain(SIGNER);
		expect(text).not.toContain(sim.serviceUser.token);
		expect(text).toContain('employee.joined');
	});
});
