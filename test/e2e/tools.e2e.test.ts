/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test: local HTTP listeners stand in for another host and for a redirecting server */
/* eslint-disable import-x/no-unresolved -- @modelcontextprotocol/sdk resolves through its package.json "exports" map, which this rule does not read (TypeScript and jest do) */
/**
 * The HiBob node where people reach it without the HiBob node's own form:
 *  - as an AI agent's tool: n8n's MCP Server Trigger exposes the `hiBobTool` variant n8n derives from
 *    `usableAsTool`, with `$fromAI()` parameters, and the official MCP client (@modelcontextprotocol/sdk)
 *    lists and calls it. No LLM is involved: the client fills the parameter an agent would fill.
 *  - as the escape hatch: the `hiBobApi` credential in n8n's HTTP Request node as a predefined credential
 *    type, for a HiBob endpoint the package does not cover.
 *  - where the token must not go: the same credential in the HTTP Request node pointed at another
 *    origin is refused before anything is sent, and a server at the credential's address answering
 *    307 to another origin gets neither the HiBob node nor the HTTP Request node to follow it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { credentialRef, hiBobCredential, locator } from './harness/fixtures';
import { selectedLine } from './harness/host';
import { N8nInstance, nodeOutput, nodeType } from './harness/n8n';
import { delay } from './harness/processes';
import { type SimEmployee, SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-E2E-TOOLS', token: 'e2e-token-tools-0123456789abcdef' };
const MCP_PATH = 'hibob-e2e-tools';
const TOOL_NODE = 'Find Employee by Email';
const WF = {
	mcp: 'hbMcpServer00001',
	http: 'hbHttpRequest001',
	httpOther: 'hbHttpOtherOrig1',
	redirectNode: 'hbRedirectNode01',
	redirectHttp: 'hbRedirectHttp01',
};

/** A loopback listener: `seen` records every request it gets, `answer` decides the reply. */
async function listener(
	answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string> },
): Promise<{ server: Server; url: string; seen: Array<{ url?: string; authorization?: string }> }> {
	const seen: Array<{ url?: string; authorization?: string }> = [];
	const server = createServer((request, response) => {
		seen.push({ url: request.url, authorization: request.headers.authorization });
		const { status, headers } = answer(request);
		response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
		response.end('{"employees":[]}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

/** n8n 1.123.x has an MCP Server Trigger too, but this suite pins its behaviour on the 2.41 line. */
const describeOn2x = selectedLine() === 2 ? describe : describe.skip;

describe('the HiBob node beyond its own form, in a real n8n', () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let target: SimEmployee;
	// Another origin that must never see the token, and a server that redirects to it.
	let collector: Awaited<ReturnType<typeof listener>>;
	let redirector: Awaited<ReturnType<typeof listener>>;

	beforeAll(async () => {
		sim = await SimulatorProcess.start({ employees: 60, seed: 11, serviceUser: SERVICE_USER });
		target = (await sim.employees()).find((e) => e.lifecycleStatus === 'employed')!;
		collector = await listener(() => ({ status: 200 }));
		redirector = await listener((request) => ({
			status: 307,
			headers: { Location: `${collector.url}/steal${request.url ?? ''}` },
		}));
		const credential = hiBobCredential('hibobSimTools001', sim.url, SERVICE_USER);
		const redirecting = hiBobCredential('hibobRedirect001', redirector.url, SERVICE_USER);
		n8n = await N8nInstance.create({ label: 'tools' });
		await n8n.importCredentials([credential, redirecting]);
		await n8n.importWorkflows([
			{
				id: WF.mcp,
				name: 'e2e: HiBob as an MCP tool',
				nodes: [
					{
						id: 'mcp',
						name: 'MCP Server Trigger',
						type: '@n8n/n8n-nodes-langchain.mcpTrigger',
						typeVersion: 2,
						position: [400, 0],
						webhookId: '5d1f6a7e-3c1b-4f7e-9a51-0b7e1c2d3e41',
						parameters: { path: MCP_PATH, authentication: 'none' },
					},
					{
						id: 'tool',
						name: TOOL_NODE,
						type: nodeType('hiBobTool'),
						typeVersion: 1,
						position: [200, 200],
						parameters: {
							descriptionType: 'manual',
							toolDescription:
								'Finds one employee in HiBob by their work email address and returns their profile (name, email, department, site, manager, start date, status).',
							resource: 'employee',
							operation: 'get',
							employee: locator(
								'email',
								"={{ $fromAI('email', 'The work email address of the employee to find', 'string') }}",
							),
						},
						credentials: credentialRef(credential),
					},
				],
				connections: {
					[TOOL_NODE]: {
						ai_tool: [[{ node: 'MCP Server Trigger', type: 'ai_tool', index: 0 }]],
					},
				},
			},
			httpRequestWorkflow(WF.http, credential.id, credential.name, sim.url),
			httpRequestWorkflow(WF.httpOther, credential.id, credential.name, collector.url),
			httpRequestWorkflow(WF.redirectHttp, redirecting.id, redirecting.name, redirector.url),
			{
				id: WF.redirectNode,
				name: `e2e: ${WF.redirectNode}`,
				nodes: [
					{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{ id: 'fields', name: 'HiBob', type: nodeType('hiBob'), typeVersion: 1, position: [200, 0], parameters: { resource: 'company', operation: 'getFields' }, credentials: credentialRef(redirecting) },
				],
				connections: { Start: { main: [[{ node: 'HiBob', type: 'main', index: 0 }]] } },
			}, // prettier-ignore
		]);
		if (selectedLine() === 2) {
			await n8n.publishWorkflow(WF.mcp);
			await n8n.start();
		}
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
		collector?.server.close();
		redirector?.server.close();
	});

	describeOn2x(
		'as an AI agent tool over MCP (MCP Server Trigger + @modelcontextprotocol/sdk)',
		() => {
			let client: Client;

			beforeAll(async () => {
				// n8n answers /healthz/readiness before it has activated published workflows, and registers
				// the trigger's GET, POST and DELETE webhooks one after the other: wait until POST is no
				// longer 404 (an empty JSON-RPC body then gets the MCP server's own 4xx).
				const endpoint = `${n8n.baseUrl}/mcp/${MCP_PATH}`;
				const deadline = Date.now() + 90_000;
				const postStatus = async () =>
					(
						await fetch(endpoint, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: '{}',
						})
					).status;
				while ((await postStatus()) === 404) {
					if (Date.now() > deadline) throw new Error(`e2e: ${endpoint} was never registered`);
					await delay(500);
				}
				client = new Client({ name: 'hibob-e2e', version: '1.0.0' });
				await client.connect(
					new StreamableHTTPClientTransport(new URL(`${n8n.baseUrl}/mcp/${MCP_PATH}`)),
				);
			}, 120_000);

			afterAll(async () => {
				await client?.close();
			});

			test('tools/list shows the HiBob tool with a description and an email parameter an agent can act on', async () => {
				const { tools } = await client.listTools();
				const tool = tools.find((entry) => /find_employee_by_email/i.test(entry.name));
				expect(tool).toBeDefined();
				expect(tool!.description).toContain('by their work email address');
				const schema = tool!.inputSchema as {
					properties?: Record<string, { type?: string; description?: string }>;
				};
				expect(schema.properties?.email).toMatchObject({
					type: 'string',
					description: 'The work email address of the employee to find',
				});
			});

			test('tools/call "find the employee with this email" returns that employee, Simplified', async () => {
				await sim.clearLog();
				const { tools } = await client.listTools();
				const tool = tools.find((entry) => /find_employee_by_email/i.test(entry.name))!;
				const result = (await client.callTool(
					{ name: tool.name, arguments: { email: target.email } },
					undefined,
					{ timeout: 120_000 },
				)) as { content: Array<{ type: string; text?: string }>; isError?: boolean };
				expect(result.isError).toBeFalsy();
				const text = result.content.map((part) => part.text ?? '').join('');
				// The tool's answer is the node's output as JSON text: the Simplified employee.
				const parsed = JSON.parse(text) as unknown;
				const employees = (Array.isArray(parsed) ? parsed : [parsed]) as Array<
					Record<string, unknown>
				>;
				expect(employees).toHaveLength(1);
				expect(employees[0]).toMatchObject({ id: target.id, email: target.email });
				expect(typeof employees[0].displayName).toBe('string');
				// Simplified: flat values, no nested HiBob sections.
				expect(employees[0].work).toBeUndefined();
				const searches = (await sim.searches()).map((entry) => entry.body);
				expect(searches).toHaveLength(1);
				expect(JSON.stringify(searches[0])).toContain(target.email.toLowerCase());
				expect(n8n.serverLog()).not.toContain(SERVICE_USER.token);
			});
		},
	);

	test("the hiBobApi credential in n8n's HTTP Request node (predefined credential type) calls any HiBob endpoint", async () => {
		if (n8n.running) await n8n.stop();
		await sim.clearLog();
		const result = await n8n.execute(WF.http);
		expect(result.code).toBe(0);
		const output = nodeOutput(result.run!, 'HTTP Request');
		expect(output.length).toBeGreaterThan(5);
		expect(output.map((item) => item.id)).toContain('root.id');
		const log = await sim.log({ path: '/v1/company/people/fields' });
		expect(log).toHaveLength(1);
		expect(log[0].serviceUserId).toBe(SERVICE_USER.id);
		expect(result.stdout + result.stderr).not.toContain(SERVICE_USER.token);
	});

	test('the same credential in the HTTP Request node pointed at another origin: refused, nothing sent', async () => {
		if (n8n.running) await n8n.stop();
		const result = await n8n.execute(WF.httpOther);
		expect(result.code).toBe(1);
		expect(JSON.stringify(result.run?.data.resultData.error ?? result.stderr)).toContain(
			`The HiBob credential may only be used for ${new URL(sim.url).origin}; this request was for ${collector.url} and was not sent`,
		);
		expect(collector.seen).toEqual([]);
		expect(result.stdout + result.stderr).not.toContain(SERVICE_USER.token);
	});

	test("a 307 from the credential's address to another origin: the HiBob node and the HTTP Request node do not follow it", async () => {
		if (n8n.running) await n8n.stop();
		const node = await n8n.execute(WF.redirectNode);
		expect(node.code).toBe(1);
		expect(node.run?.data.resultData.error?.message).toBe(
			`HiBob's address redirected the request to ${collector.url} (307); redirects are not followed`,
		);
		const http = await n8n.execute(WF.redirectHttp);
		expect(redirector.seen.length).toBeGreaterThanOrEqual(2);
		expect(redirector.seen[0].authorization).toMatch(/^Basic /);
		expect(collector.seen).toEqual([]);
		expect(node.stdout + node.stderr + http.stdout + http.stderr).not.toContain(SERVICE_USER.token);
	});
});

/** Manual Trigger → HTTP Request (GET field metadata) authenticated with the hiBobApi credential. */
function httpRequestWorkflow(
	id: string,
	credentialId: string,
	credentialName: string,
	url: string,
) {
	return {
		id,
		name: `e2e: ${id}`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'http',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [200, 0],
				parameters: {
					url: `${url}/v1/company/people/fields`,
					authentication: 'predefinedCredentialType',
					nodeCredentialType: 'hiBobApi',
					options: {},
				},
				credentials: { hiBobApi: { id: credentialId, name: credentialName } },
			},
		],
		connections: { Start: { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
	};
}
