/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test: a local HTTP listener receives the simulator's webhooks; tests index freely into the JSON bodies */
/**
 * The simulator's outgoing webhooks, as Bob sends them: ping on registration, one signed v2 POST per
 * event of a change, retries with backoff, and the fault switches.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RunningSimulator } from '../index';
import { ctl as control, start } from './helpers';

const SIGNER = 'sim-webhook-secret-0123456789';

interface Received {
	body: string;
	signature: string | undefined;
}

class Listener {
	received: Received[] = [];
	/** Statuses to answer, in order; 200 once used up. */
	answers: number[] = [];
	private server!: Server;
	url = '';

	async start(): Promise<void> {
		this.server = createServer((req: IncomingMessage, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				this.received.push({
					body: Buffer.concat(chunks).toString('utf8'),
					signature: req.headers['bob-signature'] as string | undefined,
				});
				res.statusCode = this.answers.shift() ?? 200;
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}

	events(): Array<Record<string, any>> {
		return this.received
			.filter((r) => r.body.startsWith('{"company'))
			.map((r) => JSON.parse(r.body));
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

const sign = (body: string, secret = SIGNER) =>
	createHmac('sha512', secret).update(body).digest('base64');

let sim: RunningSimulator;
let listener: Listener;

beforeEach(async () => {
	sim = await start();
	listener = new Listener();
	await listener.start();
	sim.control.configureWebhooks({ retryDelaysMs: [20, 40, 80] });
});

afterEach(async () => {
	await sim.control.flushWebhooks();
	await sim.stop();
	await listener.stop();
});

async function register(events: string[]) {
	return await sim.control.registerWebhook({ url: listener.url, secret: SIGNER, events });
}

describe('registration', () => {
	it('pings with "Ping test" and stops there when the listener answers 2xx', async () => {
		const { registration, ping } = await register(['employee.created']);
		expect(registration).toMatchObject({ url: listener.url, events: ['employee.created'] });
		expect(ping).toHaveLength(1);
		expect(listener.received.map((r) => r.body)).toEqual(['Ping test']);
	});

	it('falls back to {"text":"Ping test"} when the plain ping is refused', async () => {
		listener.answers = [400];
		const { ping } = await register(['employee.created']);
		expect(ping.map((p) => p.status)).toEqual([400, 200]);
		expect(listener.received.map((r) => r.body)).toEqual(['Ping test', '{"text":"Ping test"}']);
	});

	it('is reachable over the HTTP control API, secret checks included', async () => {
		const answer = await control(sim, 'registerWebhook', {
			url: listener.url,
			secret: SIGNER,
			events: ['employee.created'],
		});
		expect(answer.status).toBe(200);
		expect(answer.json.registration.id).toMatch(/^webhook-/);
		const refused = await control(sim, 'registerWebhook', { url: listener.url, events: ['x'] });
		expect(refused.status).toBe(400);
	});
});

describe('deliveries', () => {
	it('sends a hire as signed v2 events: created, with the zone-less microsecond time', async () => {
		await register(['employee.created', 'table.entry.created']);
		const hired = sim.control.hire({ firstName: 'Nina', surname: 'Park', startDate: '2026-12-01' });
		await sim.control.flushWebhooks();
		const events = listener.events();
		expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['employee.created']));
		const created = events.find((e) => e.type === 'employee.created')!;
		expect(created).toMatchObject({
			companyId: 636192,
			version: 'v2',
			data: { employeeId: hired.id },
		});
		expect(created.triggeredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
		for (const r of listener.received.filter((x) => x.body.startsWith('{"company')))
			expect(r.signature).toBe(sign(r.body));
	});

	it('announces only the chosen types, and an update with the changed field IDs', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register(['employee.updated']);
		sim.control.changeFields({ employeeId: employee.id, fields: { 'root.firstName': 'Renamed' } });
		await sim.control.flushWebhooks();
		const events = listener.events();
		expect(events.map((e) => e.type)).toEqual(['employee.updated']);
		expect(events[0].data).toEqual({ employeeId: employee.id, fieldUpdates: ['root.firstName'] });
	});

	it('announces lifecycle changes when effective: left + inactivated on termination, joined on start', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register([
			'employee.left',
			'employee.inactivated',
			'employee.joined',
			'employee.temporaryLeave',
		]);
		sim.control.terminate({ employeeId: employee.id });
		const hired = sim.control.hire({ firstName: 'Ola', surname: 'Berg', startDate: '2026-11-23' });
		await sim.control.flushWebhooks();
		expect(listener.events().map((e) => [e.type, e.data.employeeId])).toEqual([
			['employee.left', employee.id],
			['employee.inactivated', employee.id],
		]);
		sim.control.setToday({ today: '2026-11-23' });
		await sim.control.flushWebhooks();
		const joined = listener.events().filter((e) => e.type === 'employee.joined');
		expect(joined.map((e) => [e.data.employeeId, e.triggeredBy])).toEqual([[hired.id, 'system']]);
	});

	it('announces leave and time off, with the getApi of the request', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register([
			'employee.temporaryLeave',
			'timeoff.request.requested',
			'timeoff.request.approved',
		]);
		sim.control.startLeave({ employeeId: employee.id, startDate: '2026-11-21' } as never);
		const request = sim.control.addTimeOff({
			employeeId: employee.id,
			startDate: '2026-12-01',
			endDate: '2026-12-02',
		});
		await sim.control.flushWebhooks();
		const types = listener.events().map((e) => e.type);
		expect(types).toEqual([
			'employee.temporaryLeave',
			'timeoff.request.requested',
			'timeoff.request.approved',
		]);
		expect(listener.events()[1].data.getApi).toBe(
			`/v1/timeoff/employees/${employee.id}/requests/${request.requestId}`,
		);
	});

	it("announces an eSign completion with the signed document, which the employee's documents list (HiBob reference, Docs webhooks: documents.eSign.completed)", async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register(['documents.eSign.completed']);
		const signed = sim.control.completeESign({ employeeId: employee.id, name: 'Contract.pdf' });
		await sim.control.flushWebhooks();
		const [event] = listener.events();
		expect(event.type).toBe('documents.eSign.completed');
		expect(event.triggeredBy).toBe('system');
		expect(event.data).toEqual({
			employeeId: employee.id,
			documentId: signed.documentId,
			downloadUrl: signed.downloadUrl,
			signedBy: employee.id,
			creationDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
		});
		const signature = listener.received.find((r) => r.body.startsWith('{"company'))!.signature;
		expect(signature).toBe(sign(listener.received.at(-1)!.body));
		const docs = await fetch(`${sim.url}/v1/docs/people/${employee.id}`, {
			headers: { authorization: sim.authHeader() },
		}).then(async (r) => (await r.json()) as { documents: Array<Record<string, string>> });
		expect(docs.documents).toContainEqual({
			documentName: 'Contract.pdf',
			downloadLink: signed.downloadUrl,
		});
	});

	it('announces workforce planning changes with IDs only (HiBob reference, Workforce Planning webhooks)', async () => {
		await register([
			'workforcePlanning.position.created',
			'workforcePlanning.positionOpening.deleted',
			'workforcePlanning.positionBudget.updated',
		]);
		sim.control.workforcePlanningChange({ entity: 'position', action: 'created', positionId: 11 });
		sim.control.workforcePlanningChange({ entity: 'positionOpening', action: 'deleted', positionId: 11 });
		sim.control.workforcePlanningChange({ entity: 'positionBudget', action: 'updated', positionId: 11, fieldUpdatesIds: ['/positionBudget/baseSalary'] });
		expect(() => sim.control.workforcePlanningChange({ entity: 'position', action: 'deleted' })).toThrow(/action/);
		await sim.control.flushWebhooks();
		const events = listener.events();
		expect(events.map((e) => e.type)).toEqual([
			'workforcePlanning.position.created',
			'workforcePlanning.positionOpening.deleted',
			'workforcePlanning.positionBudget.updated',
		]);
		expect(events[0].data).toEqual({ positionId: 11 });
		expect(events[1].data).toEqual({ positionId: 11, positionOpeningId: expect.any(Number) });
		expect(events[2].data).toEqual({ positionId: 11, positionBudgetId: expect.any(Number), fieldUpdatesIds: ['/positionBudget/baseSalary'] });
	}); // prettier-ignore

	it('announces attendance timesheets (timesheetId, employeeId, cycleId) and cycle ends (cycleId) (HiBob reference, Attendance webhooks)', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register(['attendance.timesheet.submitted', 'attendance.timesheet.approved', 'attendance.cycle.ended']);
		const sheet = sim.control.attendanceTimesheet({ employeeId: employee.id, event: 'submitted', cycleId: 7 });
		sim.control.attendanceTimesheet({ employeeId: employee.id, event: 'approved', cycleId: 7, timesheetId: sheet.timesheetId });
		sim.control.attendanceTimesheet({ employeeId: employee.id, event: 'rejected', cycleId: 7 });
		sim.control.endAttendanceCycle({ cycleId: 7 });
		await sim.control.flushWebhooks();
		const events = listener.events();
		expect(events.map((e) => [e.type, e.data])).toEqual([
			['attendance.timesheet.submitted', { timesheetId: sheet.timesheetId, employeeId: employee.id, cycleId: 7 }],
			['attendance.timesheet.approved', { timesheetId: sheet.timesheetId, employeeId: employee.id, cycleId: 7 }],
			['attendance.cycle.ended', { cycleId: 7 }],
		]);
		expect(events[0].triggeredBy).toBe(employee.id);
	}); // prettier-ignore

	it('names a row of a table with history by effectiveDate, of one without by id, never both (HiBob changelog, 24 March 2026)', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register(['table.entry.created']);
		sim.control.changeFields({ employeeId: employee.id, fields: { 'work.department': 'Sales' }, effectiveDate: '2026-11-21' } as never);
		const row = sim.control.addTableRow({ employeeId: employee.id, tableId: 'bankAccounts' });
		await sim.control.flushWebhooks();
		const [historical, plain] = listener.events().map((e) => e.data);
		expect(historical).toEqual({ employeeId: employee.id, tableId: 'work', effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
		expect(plain).toEqual({ employeeId: employee.id, tableId: 'bankAccounts', id: row.id });
	}); // prettier-ignore

	it('retries a failed delivery with growing waits, then records it delivered', async () => {
		await register(['employee.created']);
		listener.answers = [500, 503];
		sim.control.hire({ firstName: 'Kai', surname: 'Lee', startDate: '2026-12-01' });
		await sim.control.flushWebhooks();
		const [delivery] = sim.control.listWebhookDeliveries({ type: 'employee.created' });
		expect(delivery.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
		expect(delivery.state).toBe('delivered');
		const times = delivery.attempts.map((a) => Date.parse(a.at));
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(times[1] - times[0]);
		// Every attempt is the same bytes with the same signature.
		const bodies = new Set(listener.received.slice(1).map((r) => `${r.body}|${r.signature}`));
		expect(bodies.size).toBe(1);
	});

	it('gives up after the schedule when the listener keeps failing', async () => {
		await register(['employee.created']);
		listener.answers = [500, 500, 500, 500, 500];
		sim.control.hire({ firstName: 'Kai', surname: 'Lee', startDate: '2026-12-01' });
		await sim.control.flushWebhooks();
		const [delivery] = sim.control.listWebhookDeliveries();
		expect(delivery.attempts).toHaveLength(4);
		expect(delivery.state).toBe('failed');
	});
});

describe('faults and replays', () => {
	it('signs with another secret when told to', async () => {
		await register(['employee.created']);
		sim.control.configureWebhooks({ wrongSignature: 1 });
		sim.control.hire({ firstName: 'A', surname: 'B', startDate: '2026-12-01' });
		sim.control.hire({ firstName: 'C', surname: 'D', startDate: '2026-12-01' });
		await sim.control.flushWebhooks();
		const signed = listener.received.slice(1).map((r) => r.signature === sign(r.body));
		expect(signed).toEqual([false, true]);
	});

	it('sends duplicates byte for byte, and replays a past delivery', async () => {
		await register(['employee.created']);
		sim.control.configureWebhooks({ duplicate: 1 });
		sim.control.hire({ firstName: 'A', surname: 'B', startDate: '2026-12-01' });
		await sim.control.flushWebhooks();
		expect(listener.received.slice(1).map((r) => r.body)).toHaveLength(2);
		expect(new Set(listener.received.slice(1).map((r) => r.body)).size).toBe(1);
		const first = sim.control.listWebhookDeliveries()[0];
		sim.control.redeliverWebhook({ id: first.id });
		await sim.control.flushWebhooks();
		expect(listener.received.at(-1)).toEqual({ body: first.body, signature: first.signature });
	});

	it('sends a burst out of order, all at once', async () => {
		const employee = sim.control.listEmployees({ lifecycleStatus: 'employed', limit: 1 })[0];
		await register(['employee.left', 'employee.inactivated']);
		sim.control.configureWebhooks({ outOfOrder: true });
		sim.control.terminate({ employeeId: employee.id });
		await sim.control.flushWebhooks();
		expect(
			listener
				.events()
				.map((e) => e.type)
				.sort(),
		).toEqual(['employee.inactivated', 'employee.left']);
		const types = sim.control.listWebhookDeliveries().map((d) => d.type);
		expect(types).toEqual(['employee.inactivated', 'employee.left']);
	});

	it('posts a hand-made body with no signature or a given one', async () => {
		const { registration } = await register(['employee.created']);
		await sim.control.sendWebhook({
			registrationId: registration.id,
			body: '{"x":1}',
			signature: null,
		});
		await sim.control.sendWebhook({
			registrationId: registration.id,
			body: '{"x":2}',
			signature: 'Zm9v',
		});
		expect(listener.received.slice(1)).toEqual([
			{ body: '{"x":1}', signature: undefined },
			{ body: '{"x":2}', signature: 'Zm9v' },
		]);
	});
});
