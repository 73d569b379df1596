/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway secrets of the local HiBob simulator */
/**
 * The HiBob Webhook Trigger published in a real `n8n start`, fed by the simulator sending webhooks as Bob
 * does: the production URL is registered with the simulator (Bob pings it), changes made through the
 * control API arrive as signed v2 deliveries, and each must start exactly one execution whose item
 * carries the enriched employee. A forged signature, an event not selected, a replay of a delivery
 * already run and a duplicate sent at the same time must start nothing more (a concurrent duplicate
 * may start an execution that ends at the trigger with no items; nothing after the trigger runs).
 */
import { credentialRef, hiBobCredential } from './harness/fixtures';
import { type ExecutionSummary, N8nInstance, nodeOutput, nodeType } from './harness/n8n';
import { delay } from './harness/processes';
import { SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-WEBHOOK', token: 'e2e-webhook-api-token-0123456789' };
const BOB_SIGNING = 'e2e-bob-webhook-signing-9f8e7d6c5b4a';
const WORKFLOW = 'hbWebhookScen001';
const TRIGGER = 'HiBob Webhook Trigger';
const AFTER = 'After';
const WEBHOOK_ID = 'b0b0b0b0-e2e0-4000-8000-000000000017';
const EVENTS = ['employee.created', 'employee.updated', 'employee.left', 'employee.inactivated'];
/** Bob's 2026 families, selected in the node beside the employee events. */
const NEW_EVENTS = ['documents.eSign.completed', 'attendance.timesheet.submitted'];
const STEP_TIMEOUT_MS = 60000;

interface Delivery {
	id: number;
	type: string;
	body: string;
	attempts: Array<{ status?: number; error?: string }>;
	state: string;
	copyOf?: number;
}

describe('HiBob Webhook Trigger in a real n8n, fed by the simulator', () => {
	const today = new Date().toISOString().slice(0, 10);
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let registrationId: string;
	/** Executions already looked at, with the trigger's items (after any de-duplication). */
	const seen = new Map<string, Array<Record<string, unknown>>>();

	const productionUrl = () => `${n8n.baseUrl}/webhook/${WEBHOOK_ID}/hibob`;

	/** Finished executions not seen before, with their trigger output. */
	const newExecutions = async (): Promise<
		Array<{ execution: ExecutionSummary; items: Array<Record<string, unknown>>; afterRan: boolean }>
	> => {
		const out = [];
		for (const summary of await n8n.listExecutions(WORKFLOW)) {
			if (seen.has(summary.id)) continue;
			const execution = await n8n.waitForExecution(summary.id, { timeoutMs: STEP_TIMEOUT_MS });
			const items = nodeOutput(execution.run!, TRIGGER);
			seen.set(summary.id, items);
			out.push({
				execution,
				items,
				afterRan: execution.run!.data.resultData.runData[AFTER] !== undefined,
			});
		}
		return out;
	};

	/** Waits until `count` new executions have finished (and a little longer, to catch extra ones). */
	const collect = async (count: number) => {
		const found: Awaited<ReturnType<typeof newExecutions>> = [];
		const deadline = Date.now() + STEP_TIMEOUT_MS;
		while (found.length < count && Date.now() < deadline) {
			found.push(...(await newExecutions()));
			if (found.length < count) await delay(500);
		}
		await delay(3000);
		found.push(...(await newExecutions()));
		return found;
	};

	const deliveries = async () => await sim.control<Delivery[]>('listWebhookDeliveries');

	beforeAll(async () => {
		sim = await SimulatorProcess.start({
			employees: 30,
			seed: 17,
			today,
			freezeClock: true,
			noRateLimit: true,
			serviceUser: SERVICE_USER,
		});
		// Bob dates a delivery with the moment of the change, and the trigger ignores deliveries dated
		// more than a few minutes ahead of n8n's clock: the simulator's frozen clock is set to now.
		await sim.control('setNow', { now: new Date().toISOString() });
		const api = hiBobCredential('hibobWebhookApi1', sim.url, SERVICE_USER);
		const webhook = {
			id: 'hibobWebhookSec1',
			name: 'Bob webhook secret',
			type: 'hiBobWebhookApi',
			data: { secret: BOB_SIGNING },
		};
		n8n = await N8nInstance.create({ label: 'webhook' });
		await n8n.importCredentials([api, webhook]);
		await n8n.importWorkflows([
			{
				id: WORKFLOW,
				name: 'e2e: HiBob Webhook Trigger',
				settings: { executionOrder: 'v1', timezone: 'UTC' },
				nodes: [
					{
						id: 'trigger',
						name: TRIGGER,
						type: nodeType('hiBobWebhookTrigger'),
						typeVersion: 1,
						position: [0, 0],
						webhookId: WEBHOOK_ID,
						parameters: { events: [...EVENTS, ...NEW_EVENTS], options: {} },
						credentials: {
							...credentialRef(api),
							hiBobWebhookApi: { id: webhook.id, name: webhook.name },
						},
					},
					{
						id: 'after',
						name: AFTER,
						type: 'n8n-nodes-base.noOp',
						typeVersion: 1,
						position: [220, 0],
						parameters: {},
					},
				],
				connections: { [TRIGGER]: { main: [[{ node: AFTER, type: 'main', index: 0 }]] } },
			},
		]);
		await n8n.publishWorkflow(WORKFLOW);
		await n8n.start();
		await n8n.login();
		await sim.control('configureWebhooks', { retryDelaysMs: [500, 1000, 2000] });
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test("registering the production URL: Bob's ping is answered 200 and starts nothing", async () => {
		const { registration, ping } = await sim.control<{
			registration: { id: string };
			ping: Array<{ status?: number }>;
		}>('registerWebhook', {
			url: productionUrl(),
			secret: BOB_SIGNING,
			events: [...EVENTS, ...NEW_EVENTS, 'employee.temporaryLeave'],
		});
		registrationId = registration.id;
		// n8n answers the plain "Ping test" sent as JSON with 422 (it parses JSON bodies before the node
		// runs); Bob then sends {"text":"Ping test"}, which the node answers: the connection is made.
		expect(ping.at(-1)?.status).toBe(200);
		expect(await collect(0)).toEqual([]);
	});

	test('each change starts exactly one execution, with the enriched employee', async () => {
		const [leaver, mover] = await sim.employees({ lifecycleStatus: 'employed' });
		const hired = await sim.control<{ id: string }>('hire', {
			firstName: 'Wen',
			surname: 'Hook',
			startDate: '2099-01-01',
		});
		await sim.control('changeFields', {
			employeeId: mover.id,
			fields: {
				'work.title': (
					await sim.control<{ values: Record<string, unknown> }>('getEmployee', {
						employeeId: leaver.id,
					})
				).values['work.title'],
			},
		});
		await sim.control('terminate', { employeeId: leaver.id });
		await sim.control('flushWebhooks');
		const sent = (await deliveries()).filter((d) => EVENTS.includes(d.type));
		expect(sent.every((d) => d.state === 'delivered' && d.attempts.length === 1)).toBe(true);
		const expected = sent.map((d) => {
			const body = JSON.parse(d.body) as { type: string; data: { employeeId: string } };
			return `${body.type} ${body.data.employeeId}`;
		});
		expect(expected).toEqual(
			expect.arrayContaining([
				`employee.created ${hired.id}`,
				`employee.left ${leaver.id}`,
				`employee.inactivated ${leaver.id}`,
			]),
		);

		const runs = await collect(sent.length);
		expect(runs).toHaveLength(sent.length);
		expect(runs.map((r) => r.items.length)).toEqual(sent.map(() => 1));
		expect(runs.map((r) => `${r.items[0].event} ${r.items[0].employeeId}`).sort()).toEqual(
			[...expected].sort(),
		);
		for (const { items, afterRan, execution } of runs) {
			expect(execution.mode).toBe('webhook');
			expect(afterRan).toBe(true);
			const [item] = items as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
			expect(item.employee.id).toBe(item.employeeId);
			expect(item.employee.humanReadable).toEqual(expect.any(Object));
			expect(item.triggeredAt).toMatch(/Z$/);
			expect(item.deliveryKey).toMatch(/^[0-9a-f]{32}$/);
		}
		const terminated = runs.find((r) => r.items[0].event === 'employee.left')!.items[0];
		expect(terminated.employee).toMatchObject({ internal: { lifecycleStatus: 'terminated' } });
	});

	test('an eSign completion and a submitted timesheet: one execution each, enriched', async () => {
		const [signer, worker] = await sim.employees({ lifecycleStatus: 'employed' });
		const signed = await sim.control<{ documentId: number; downloadUrl: string }>('completeESign', {
			employeeId: signer.id,
			name: 'E2E contract.pdf',
		});
		await sim.control('attendanceTimesheet', {
			employeeId: worker.id,
			event: 'submitted',
			cycleId: 7,
		});
		await sim.control('flushWebhooks');
		const sent = (await deliveries()).filter((d) => NEW_EVENTS.includes(d.type));
		expect(sent.map((d) => [d.type, d.state, d.attempts.length])).toEqual([
			['documents.eSign.completed', 'delivered', 1],
			['attendance.timesheet.submitted', 'delivered', 1],
		]);
		const runs = await collect(2);
		expect(runs).toHaveLength(2);
		const byEvent = new Map(runs.map((r) => [r.items[0].event, r.items[0]] as const));
		const esign = byEvent.get('documents.eSign.completed') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
		expect(esign.employee.id).toBe(signer.id);
		expect(esign.document).toEqual({
			documentName: 'E2E contract.pdf',
			downloadLink: signed.downloadUrl,
		});
		const timesheet = byEvent.get('attendance.timesheet.submitted') as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into items
		expect(timesheet).toMatchObject({ employeeId: worker.id, data: { cycleId: 7 } });
		expect(timesheet.employee.id).toBe(worker.id);
		expect(runs.every((r) => r.afterRan)).toBe(true);
	});

	test('a forged signature gets 401 and starts nothing', async () => {
		const body = JSON.stringify({
			companyId: 636192,
			type: 'employee.created',
			triggeredBy: 'system',
			triggeredAt: '2026-01-01T00:00:00.000000',
			version: 'v2',
			data: { employeeId: '1234567890123456789' },
		});
		for (const signature of [null, 'Zm9yZ2Vk']) {
			const attempt = await sim.control<{ status?: number }>('sendWebhook', {
				registrationId,
				body,
				signature,
			});
			expect(attempt.status).toBe(401);
		}
		await sim.control('configureWebhooks', { wrongSignature: 1 });
		const mover = (await sim.employees({ lifecycleStatus: 'employed' }))[3];
		await sim.control('changeFields', {
			employeeId: mover.id,
			fields: { 'root.firstName': 'Forged' },
		});
		await sim.control('flushWebhooks');
		const forged = (await deliveries()).at(-1)!;
		expect(forged.attempts[0].status).toBe(401);
		// Bob retries a refused delivery; it stays refused (its signature does not change).
		expect(forged.attempts.every((a) => a.status === 401)).toBe(true);
		expect(await collect(0)).toEqual([]);
	});

	test('an event not selected is acknowledged and starts nothing', async () => {
		const before = (await deliveries()).length;
		await sim.control('sendWebhook', {
			registrationId,
			body: JSON.stringify({
				companyId: 636192,
				type: 'employee.temporaryLeave',
				triggeredBy: 'system',
				triggeredAt: '2026-01-01T00:00:00.000000',
				version: 'v2',
				data: { employeeId: '1' },
			}),
		});
		expect((await deliveries()).length).toBe(before);
		expect(await collect(0)).toEqual([]);
	});

	test("a replay of a delivery already run starts nothing (the node's memory in static data)", async () => {
		const first = (await deliveries()).find((d) => d.type === 'employee.created')!;
		const replay = await sim.control<Delivery>('redeliverWebhook', { id: first.id });
		await sim.control('flushWebhooks');
		const answered = (await deliveries()).find((d) => d.id === replay.id)!;
		expect(answered.attempts.map((a) => a.status)).toEqual([200]);
		expect(await collect(0)).toEqual([]);
		const stored = await n8n.staticData(WORKFLOW);
		const memory = (stored[`node:${TRIGGER}`] as { deliveries?: unknown[] })?.deliveries;
		expect(memory?.length).toBeGreaterThanOrEqual(1);
	});

	test('a duplicate sent at the same time runs the workflow once', async () => {
		await sim.control('configureWebhooks', { duplicate: 1 });
		const hired = await sim.control<{ id: string }>('hire', {
			firstName: 'Dup',
			surname: 'Licate',
			startDate: '2099-02-01',
		});
		await sim.control('flushWebhooks');
		const copies = (await deliveries()).filter(
			(d) => d.body.includes(hired.id) && d.type === 'employee.created',
		);
		expect(copies).toHaveLength(2);
		expect(copies.every((d) => d.attempts[0].status === 200)).toBe(true);
		const runs = await collect(1);
		const withItems = runs.filter((r) => r.items.length > 0);
		expect(withItems).toHaveLength(1);
		expect(withItems[0].items[0]).toMatchObject({
			event: 'employee.created',
			employeeId: hired.id,
		});
		// A copy caught inside its execution ends there: nothing after the trigger runs.
		for (const run of runs.filter((r) => r.items.length === 0)) expect(run.afterRan).toBe(false);
	});

	test("neither the webhook secret nor the API token appears in n8n's log or executions", async () => {
		const text = [n8n.serverLog(), JSON.stringify([...seen.values()])].join('\n');
		expect(text).not.toContain(BOB_SIGNING);
		expect(text).not.toContain(SERVICE_USER.token);
	});
});
