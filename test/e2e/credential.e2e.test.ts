/* eslint-disable @n8n/community-nodes/no-restricted-imports -- e2e tooling (never shipped): reads the example workflows */
/**
 * Our packed package inside a real n8n: the `hiBobApi` credential type loads, a credential imports
 * through the CLI, and n8n's own credential test (the dialog's Test button) runs our credential's
 * `test` and `authenticate` against a throwaway loopback stand-in. Every example workflow of
 * examples/ imports into the same n8n with node types and versions n8n knows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL_TEST_MESSAGES } from '../../credentials/HiBobApi.credentials';
import { unauthorizedTestMessage } from './harness/fixtures';
import { startLoopbackApi, type LoopbackApi, type RecordedRequest } from './harness/loopback';
import { PROJECT_ROOT } from './harness/host';
import { type CredentialFixture, N8nInstance, type WorkflowFixture } from './harness/n8n';

const EXAMPLES: WorkflowFixture[] = readdirSync(join(PROJECT_ROOT, 'examples'))
	.filter((file) => file.endsWith('.json'))
	.map(
		(file) =>
			JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', file), 'utf8')) as WorkflowFixture,
	);

const SERVICE_USER = 'SERVICE-E2E';
const TOKEN = 'right-token';

describe('hiBobApi credential in a real n8n', () => {
	let api: LoopbackApi;
	/** Stands in as HTTP(S)_PROXY for n8n: any request to a non-loopback host would show up here. */
	let trap: LoopbackApi;
	let n8n: N8nInstance;
	let employees: unknown[] = [];

	const credential = (id: string, data: Record<string, unknown> = {}): CredentialFixture => ({
		id,
		name: `HiBob ${id}`,
		type: 'hiBobApi',
		data: {
			serviceUserId: SERVICE_USER,
			token: TOKEN,
			environment: 'custom',
			baseUrl: api.url,
			...data,
		},
	});

	beforeAll(async () => {
		api = await startLoopbackApi((req: RecordedRequest) =>
			req.basic === `${SERVICE_USER}:${TOKEN}`
				? { status: 200, body: { employees } }
				: { status: 401, body: { error: 'Unauthorized' } },
		);
		trap = await startLoopbackApi(() => ({ status: 502, body: 'trap' }));
		n8n = await N8nInstance.create({
			label: 'credential',
			env: { HTTP_PROXY: trap.url, HTTPS_PROXY: trap.url, NO_PROXY: '127.0.0.1,localhost' },
		});
		await n8n.importCredentials([
			credential('hibobLoopback0001'),
			credential('hibobWrongToken01', { token: 'wrong-token' }),
			credential('hibobHttpExample1', { baseUrl: 'http://example.com' }),
		]);
		await n8n.importWorkflows(EXAMPLES);
		await n8n.start();
		await n8n.login();
	}, 420000); // four CLI imports and a start: minutes on a loaded 2-core machine

	afterAll(async () => {
		await n8n?.dispose();
		await api?.close();
		await trap?.close();
	});

	beforeEach(() => {
		api.requests.length = 0;
		trap.requests.length = 0;
		employees = [];
	});

	test('n8n loads the package: hiBobApi is a known credential type, stored encrypted', async () => {
		expect(await n8n.credentialTypes()).toContain('hiBobApi');
		const rows = await n8n.sql<{ id: string; type: string; data: string }>(
			"select id, type, data from credentials_entity where type = 'hiBobApi' order by id",
		);
		expect(rows.map((r) => r.id)).toEqual([
			'hibobHttpExample1',
			'hibobLoopback0001',
			'hibobWrongToken01',
		]);
		expect(rows[0].data).not.toContain(TOKEN);
		expect(n8n.serverLog()).not.toMatch(/error.*n8n-nodes-hibob|n8n-nodes-hibob.*error/i);
	});

	test('a wrong token (401) fails with our message (n8n 1.x: its generic one)', async () => {
		const result = await n8n.testCredential('hibobWrongToken01');
		expect(result.status).toBe('Error');
		expect(result.message).toBe(unauthorizedTestMessage(CREDENTIAL_TEST_MESSAGES.unauthorized));
		expect(api.requests.length).toBeGreaterThanOrEqual(1);
		expect(api.requests[0]).toMatchObject({
			method: 'POST',
			url: '/v1/people/search',
			basic: `${SERVICE_USER}:wrong-token`,
		});
		expect(JSON.parse(api.requests[0].body)).toEqual({ fields: ['root.id'], showInactive: true });
	});

	test('200 with no employees fails: the service user can see no one', async () => {
		const result = await n8n.testCredential('hibobLoopback0001');
		expect(result.status).toBe('Error');
		expect(result.message).toContain('can see no employees');
		expect(api.requests.map((r) => r.basic)).toEqual([`${SERVICE_USER}:${TOKEN}`]);
	});

	test('200 with one employee passes', async () => {
		employees = [{ id: '3332883884017713238' }];
		const result = await n8n.testCredential('hibobLoopback0001');
		expect(result).toMatchObject({ status: 'OK' });
		expect(api.requests).toHaveLength(1);
	});

	test('a custom base URL on plain http (not loopback) is refused before any request', async () => {
		employees = [{ id: '1' }];
		const result = await n8n.testCredential('hibobHttpExample1');
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^The Base URL "http:\/\/example\.com" in the HiBob credential is refused: it must start with https:\/\//,
		);
		expect(api.requests).toHaveLength(0);
		expect(trap.requests.filter((r) => /example\.com/.test(`${r.url} ${r.headers.host}`))).toEqual(
			[],
		);
	});

	test('every example workflow imports, with node types and versions this n8n knows', async () => {
		expect(EXAMPLES.length).toBeGreaterThanOrEqual(11);
		const rows = await n8n.sql<{ id: string; nodes: string }>('select id, nodes from workflow_entity');
		const known = new Map<string, number[]>();
		const res = await fetch(`${n8n.baseUrl}/types/nodes.json`, { headers: { cookie: await n8n.login() } });
		for (const type of (await res.json()) as Array<{ name: string; version: number | number[] }>)
			known.set(type.name, [...(known.get(type.name) ?? []), ...[type.version].flat()]);
		const unknown: string[] = [];
		for (const example of EXAMPLES) {
			const row = rows.find((candidate) => candidate.id === example.id);
			expect(row).toBeDefined();
			for (const node of JSON.parse(row!.nodes) as Array<{ name: string; type: string; typeVersion: number }>)
				if (!known.get(node.type)?.includes(node.typeVersion))
					unknown.push(`${example.name}: ${node.name} (${node.type} v${node.typeVersion})`);
		}
		expect(unknown).toEqual([]);
	}); // prettier-ignore
});
