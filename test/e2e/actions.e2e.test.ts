/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/**
 * Issue #5, action part: the HiBob node inside a real n8n (`n8n execute`) against the HiBob simulator
 * running as its own process, asserting the node output and the simulator's request log; then n8n's own
 * credential test (the dialog's Test button, `POST /rest/credentials/test`) against the same simulator.
 */
import { CREDENTIAL_TEST_MESSAGES } from '../../credentials/HiBobApi.credentials';
import {
	actionWorkflow,
	HIBOB_NODE,
	hiBobCredential,
	locator,
	unauthorizedTestMessage,
} from './harness/fixtures';
import { type ExecuteResult, N8nInstance, nodeOutput } from './harness/n8n';
import { type SimEmployee, type SimLogEntry, SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-E2E', token: 'e2e-token-0123456789abcdef' };
const NO_PEOPLE_USER = { id: 'SERVICE-NOBODY', token: 'e2e-token-nobody-0123456789' };
/** A permission group without the Lifecycle category, whose people condition is HiBob's default. */
const NO_LIFECYCLE_USER = { id: 'SERVICE-NOLIFE', token: 'e2e-token-nolife-0123456789' };
const EMPLOYEES = 300;

const WF = {
	getById: 'hbGetById0000001',
	getByEmail: 'hbGetByEmail0001',
	getManyActive: 'hbGetManyActive1',
	getManyAll: 'hbGetManyAll0001',
	batch: 'hbGetBatch000001',
	wrongToken: 'hbWrongToken0001',
	checkAccess: 'hbCheckAccess001',
	historyAll: 'hbHistoryAll0001',
	timeOffCreate: 'hbTimeOffNew0001',
};
/** An hours request on the policy type HiBob shows under a custom name in its request changes. */
const TIME_OFF_DAY = '2027-01-14';

describe('HiBob node in a real n8n against the simulator (out of process)', () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let everyone: SimEmployee[];
	let target: SimEmployee;
	let batchIds: string[];

	/** Runs a workflow with `n8n execute` and returns it with the simulator requests it caused. */
	const run = async (
		workflowId: string,
	): Promise<{ result: ExecuteResult; log: SimLogEntry[] }> => {
		await sim.clearLog();
		const result = await n8n.execute(workflowId);
		return { result, log: await sim.log() };
	};
	const searchBodies = (log: SimLogEntry[]) =>
		log
			.filter((entry) => entry.method === 'POST' && entry.path === '/v1/people/search')
			.map((entry) => entry.body as Record<string, unknown>);
	beforeAll(async () => {
		sim = await SimulatorProcess.start({
			employees: EMPLOYEES,
			seed: 7,
			serviceUser: SERVICE_USER,
		});
		await sim.control('addServiceUser', { ...NO_PEOPLE_USER, permissions: null });
		await sim.control('addServiceUser', {
			...NO_LIFECYCLE_USER,
			permissions: {
				categories: ['root', 'about', 'work', 'employment', 'personal', 'home', 'payroll'],
				scope: 'employed-only',
			},
		});
		everyone = await sim.employees();
		target = everyone.find((e) => e.lifecycleStatus === 'employed')!;
		// every employee once, then 20 of them again: duplicates are looked up once
		batchIds = [...everyone.map((e) => e.id), ...everyone.slice(0, 20).map((e) => e.id)];

		const good = hiBobCredential('hibobSimGood00001', sim.url, SERVICE_USER);
		const wrong = hiBobCredential('hibobSimWrong0001', sim.url, {
			id: SERVICE_USER.id,
			token: 'not-the-right-token',
		});
		const nobody = hiBobCredential('hibobSimNobody001', sim.url, NO_PEOPLE_USER);
		const noLifecycle = hiBobCredential('hibobSimNoLife001', sim.url, NO_LIFECYCLE_USER);
		n8n = await N8nInstance.create({ label: 'actions' });
		await n8n.importCredentials([good, wrong, nobody, noLifecycle]);
		const get = (value: Record<string, unknown>) => ({
			resource: 'employee',
			operation: 'get',
			employee: value,
		});
		const getMany = (includeInactive: boolean) => ({
			resource: 'employee',
			operation: 'getAll',
			includeInactive,
			returnAll: true,
		});
		await n8n.importWorkflows([
			actionWorkflow(WF.getById, good, get(locator('id', target.id))),
			// the email as a person might type it: HiBob matches emails case-insensitively
			actionWorkflow(WF.getByEmail, good, get(locator('email', target.email.toUpperCase()))),
			actionWorkflow(WF.getManyActive, good, getMany(false)),
			actionWorkflow(WF.getManyAll, good, getMany(true)),
			actionWorkflow(WF.batch, good, get(locator('id', '={{ $json.id }}')), [
				{
					name: 'Employee IDs',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					parameters: {
						mode: 'raw',
						jsonOutput: JSON.stringify({ id: batchIds }),
					},
				},
				{
					name: 'One Item per ID',
					type: 'n8n-nodes-base.splitOut',
					typeVersion: 1,
					parameters: { fieldToSplitOut: 'id' },
				},
			]),
			actionWorkflow(WF.wrongToken, wrong, get(locator('id', target.id))),
			actionWorkflow(WF.checkAccess, noLifecycle, {
				resource: 'company',
				operation: 'checkAccess',
			}),
			actionWorkflow(WF.historyAll, good, {
				resource: 'employeeHistory',
				operation: 'getAll',
				table: 'lifecycle',
				employees: 'all',
				returnAll: true,
			}),
			actionWorkflow(WF.timeOffCreate, good, {
				resource: 'timeOff',
				operation: 'createRequest',
				employee: locator('id', target.id),
				policyType: 'Time in lieu',
				duration: 'hours',
				startDate: TIME_OFF_DAY,
				hours: 3,
				minutes: 0,
			}),
		]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('Get by ID: the employee, from one people search filtered by root.id', async () => {
		const { result, log } = await run(WF.getById);
		expect({ code: result.code, crashed: result.crashedAfterRun }).toEqual({
			code: 0,
			crashed: false,
		});
		const output = nodeOutput(result.run!, HIBOB_NODE);
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({
			id: target.id,
			email: target.email,
			displayName: target.displayName,
		});
		expect(String(output[0].lifecycleStatus).toLowerCase()).toBe('employed');
		const searches = searchBodies(log);
		expect(searches).toHaveLength(1);
		expect(searches[0]).toMatchObject({
			filters: [{ fieldPath: 'root.id', operator: 'equals', values: [target.id] }],
			showInactive: true,
		});
		// every request carried our service user (Basic auth from the credential) and succeeded
		expect(log.every((e) => e.serviceUserId === SERVICE_USER.id && e.status === 200)).toBe(true);
	});

	test('Get by email: found whatever the case, one search filtered by root.email', async () => {
		const { result, log } = await run(WF.getByEmail);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ id: target.id, email: target.email });
		const searches = searchBodies(log);
		expect(searches).toHaveLength(1);
		expect(searches[0].filters).toEqual([
			{
				fieldPath: 'root.email',
				operator: 'equals',
				values: expect.arrayContaining([target.email.toLowerCase()]),
			},
		]);
	});

	test('Get Many, Include Inactive off: only active people, one search without showInactive', async () => {
		const active = everyone.filter((e) => e.status === 'Active');
		expect(active.length).toBeLessThan(everyone.length); // the company has inactive people
		const { result, log } = await run(WF.getManyActive);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		expect(output.map((e) => e.id).sort()).toEqual(active.map((e) => e.id).sort());
		const searches = searchBodies(log);
		expect(searches).toHaveLength(1);
		expect(searches[0].showInactive).not.toBe(true);
	});

	test('Get Many, Include Inactive on: everyone (hired and terminated too) in one search', async () => {
		const { result, log } = await run(WF.getManyAll);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		expect(output).toHaveLength(EMPLOYEES);
		expect(new Set(output.map((e) => e.id))).toEqual(new Set(everyone.map((e) => e.id)));
		const statuses = new Set(output.map((e) => String(e.lifecycleStatus).toLowerCase()));
		expect([...statuses]).toEqual(expect.arrayContaining(['employed', 'terminated']));
		const searches = searchBodies(log);
		expect(searches).toHaveLength(1);
		expect(searches[0].showInactive).toBe(true);
	});

	test(`Get over ${EMPLOYEES + 20} input items: batched into 2 people searches, output in input order`, async () => {
		const { result, log } = await run(WF.batch);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		expect(output.map((e) => e.id)).toEqual(batchIds);
		const searches = searchBodies(log);
		// 300 distinct IDs in chunks of 250; duplicates are not sent twice
		expect(
			searches.map((s) => (s.filters as Array<{ values: string[] }>)[0].values.length),
		).toEqual([250, 50]);
		const sent = searches.flatMap((s) => (s.filters as Array<{ values: string[] }>)[0].values);
		expect(new Set(sent)).toEqual(new Set(everyone.map((e) => e.id)));
		// plus one field-metadata read; nothing else
		expect(log.filter((e) => e.path !== '/v1/people/search').map((e) => e.path)).toEqual([
			'/v1/company/people/fields',
		]);
	});

	test('Check Access for a service user without Lifecycle, seeing employed people only: reads only, one item per capability', async () => {
		const { result, log } = await run(WF.checkAccess);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		const by = (capability: string) => output.find((item) => item.capability === capability)!;
		expect(by('People search')).toMatchObject({
			status: 'allowed',
			condition: expect.stringContaining('Whose data can members access'),
		});
		expect(by('Field category: Lifecycle')).toMatchObject({
			status: 'missing',
			permission: "People's Data › Lifecycle › View selected employees' Lifecycle sections",
		});
		expect(by('Field category: Work').status).toBe('allowed');
		expect(by('Lifecycle history')).toMatchObject({ status: 'missing', detail: expect.stringContaining('403') });
		expect(by('Work history').status).toBe('allowed');
		expect(by('Tasks').status).toBe('allowed');
		expect(by('Writes').status).toBe('notChecked');
		// Reads only: GETs and people searches, all as this service user.
		expect(log.filter((e) => e.method !== 'GET' && e.path !== '/v1/people/search')).toEqual([]);
		expect(log.every((e) => e.serviceUserId === NO_LIFECYCLE_USER.id)).toBe(true);
	}); // prettier-ignore

	test('a wrong token: the run fails with our 401 message after at most two requests', async () => {
		const { result, log } = await run(WF.wrongToken);
		expect(result.code).toBe(1);
		const error = result.run?.data.resultData.error;
		expect(error?.message).toBe('HiBob rejected the service user ID or token (401)');
		expect(String(error?.description)).toContain('Service User ID and Token');
		expect(log.length).toBeGreaterThanOrEqual(1);
		expect(log.length).toBeLessThanOrEqual(2);
		expect(log.every((e) => e.status === 401 && e.serviceUserId === null)).toBe(true);
		// the token never shows up in what n8n reports
		expect(JSON.stringify(result.run)).not.toContain('not-the-right-token');
	});

	test('History → Get Many (all, Return All): every lifecycle row once, across pages that split an employee', async () => {
		const { result, log } = await run(WF.historyAll);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, HIBOB_NODE);
		const expected = new Map<string, string[]>();
		for (const employee of everyone) {
			const snapshot = await sim.control<{ lifecycle: Array<{ id: number }> }>('getEmployee', { employeeId: employee.id });
			expected.set(employee.id, snapshot.lifecycle.map((row) => String(row.id)));
		}
		const total = [...expected.values()].reduce((n, rows) => n + rows.length, 0);
		// HiBob's limit counts table rows: 200 rows a page, more pages than 300 employees would take.
		const pages = log.filter((entry) => entry.path === '/v1/bulk/people/lifecycle');
		expect(pages.map((entry) => entry.status)).toEqual(Array<number>(Math.ceil(total / 200)).fill(200));
		expect(pages.length).toBeGreaterThan(Math.ceil(EMPLOYEES / 200));
		const got = new Map<string, string[]>();
		for (const row of output) got.set(String(row.employeeId), [...(got.get(String(row.employeeId)) ?? []), String(row.id)]);
		expect(output).toHaveLength(total);
		expect(got).toEqual(expected);
	}); // prettier-ignore

	test('Time Off → Create Request: an hours request on a custom-named policy type is found back with its ID', async () => {
		const { result, log } = await run(WF.timeOffCreate);
		expect(result.code).toBe(0);
		const [request] = nodeOutput(result.run!, HIBOB_NODE);
		expect(request).toMatchObject({ identified: true, employeeId: target.id, requestId: expect.stringMatching(/^\d+$/), type: 'hours', date: TIME_OFF_DAY, policyTypeDisplayName: 'TOIL (overtime hours)' });
		const posts = log.filter((entry) => entry.method === 'POST');
		expect(posts.map((entry) => [entry.path, entry.body])).toEqual([
			[`/v1/timeoff/employees/${target.id}/requests`, { requestRangeType: 'hours', policyType: 'Time in lieu', startDate: TIME_OFF_DAY, endDate: TIME_OFF_DAY, hours: 3, minutes: 0 }],
		]);
		expect(log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
			'GET /v1/timeoff/requests/changes',
			`POST /v1/timeoff/employees/${target.id}/requests`,
			'GET /v1/timeoff/requests/changes',
			`GET /v1/timeoff/employees/${target.id}/requests/${String(request.requestId)}`,
		]);
	}); // prettier-ignore

	test("a 429 burst: the node waits for HiBob's X-RateLimit-Reset and succeeds", async () => {
		// HiBob's reset is "now + 60 s" on the simulator's clock; set that clock 58 s behind the real one so
		// the reset lies ~2 s ahead of n8n and the node's real wait stays short
		await sim.control('setNow', { now: new Date(Date.now() - 58000).toISOString() });
		await sim.control('injectFault', {
			kind: 'rate-limit',
			count: 2,
			resetHeader: true,
			path: '/v1/people/search',
		});
		const { result, log } = await run(WF.getById);
		expect(result.code).toBe(0);
		expect(nodeOutput(result.run!, HIBOB_NODE)).toEqual([
			expect.objectContaining({ id: target.id }),
		]);
		const searches = log.filter((e) => e.path === '/v1/people/search');
		expect(searches.map((e) => [e.status, e.fault ?? null])).toEqual([
			[429, 'rate-limit'],
			[429, 'rate-limit'],
			[200, null],
		]);
	});

	describe("n8n's credential test (POST /rest/credentials/test) against the simulator", () => {
		beforeAll(async () => {
			await n8n.start();
			await n8n.login();
		});

		afterAll(async () => await n8n.stop());

		beforeEach(async () => await sim.clearLog());

		test('good credentials pass with one people search', async () => {
			expect(await n8n.testCredential('hibobSimGood00001')).toMatchObject({ status: 'OK' });
			const log = await sim.log();
			expect(log.map((e) => [e.method, e.path, e.status, e.serviceUserId])).toEqual([
				['POST', '/v1/people/search', 200, SERVICE_USER.id],
			]);
		});

		test('a wrong token fails with our 401 message (n8n 1.x: its generic one)', async () => {
			const result = await n8n.testCredential('hibobSimWrong0001');
			expect(result).toEqual({
				status: 'Error',
				message: unauthorizedTestMessage(CREDENTIAL_TEST_MESSAGES.unauthorized),
			});
			const log = await sim.log();
			expect(log.length).toBeGreaterThanOrEqual(1);
			expect(log.length).toBeLessThanOrEqual(2);
			expect(log.every((e) => e.status === 401)).toBe(true);
		});

		test('a service user without people permissions fails: it can see no employees', async () => {
			const result = await n8n.testCredential('hibobSimNobody001');
			expect(result).toEqual({ status: 'Error', message: CREDENTIAL_TEST_MESSAGES.noEmployees });
			const log = await sim.log();
			expect(log.map((e) => [e.path, e.status, e.serviceUserId])).toEqual([
				['/v1/people/search', 200, NO_PEOPLE_USER.id],
			]);
		});
	});
});
