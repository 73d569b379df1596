/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/**
 * Every dropdown and "From List" search of both nodes, the way the editor loads them: under `n8n start`,
 * as the logged-in owner, through n8n's own `POST /rest/dynamic-node-parameters/options` and
 * `/resource-locator-results`. The list of methods comes from the built node descriptions (every
 * `loadOptionsMethod` / `searchListMethod` named anywhere), so a new operation's lists are covered
 * without touching this file. Each answers from the simulator with a non-empty, well-formed list; with
 * a wrong token each fails with our message, never a stack trace or the token.
 */
import type { INodeType } from 'n8n-workflow';

import { namedMethods, type NamedMethod, visibleParameters } from '../harness/dynamicMethods';
import { hiBobCredential } from './harness/fixtures';
import { PROJECT_ROOT } from './harness/host';
import { type CredentialFixture, N8nInstance, nodeType } from './harness/n8n';
import { type SimEmployee, SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-E2E', token: 'e2e-token-dynamic-0123456789' };
const WRONG_TOKEN = 'e2e-wrong-token-9876543210';
const UNAUTHORIZED = 'HiBob rejected the service user ID or token (401)';

/** The nodes as n8n loads them: the built package's classes. */
function builtNode(file: string, className: string): INodeType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built dist/ file, as n8n loads it
	const module = require(`${PROJECT_ROOT}/dist/nodes/HiBob/${file}`) as Record<
		string,
		new () => INodeType
	>;
	return new module[className]();
}

const NODES = [
	builtNode('HiBob.node.js', 'HiBob'),
	builtNode('HiBobTrigger.node.js', 'HiBobTrigger'),
];

interface Case {
	node: string;
	named: NamedMethod;
	parameters: Record<string, unknown>;
}

/**
 * Parameters a list depends on beyond those that make it visible: a policy type's reason codes need the
 * policy type picked first (the method answers an empty list until then), here one the simulator has.
 */
const DEPENDS_ON: Record<string, Record<string, unknown>> = {
	getTimeOffReasonCodes: { policyType: 'Holiday' },
};

const CASES: Case[] = NODES.flatMap((node) =>
	namedMethods(node.description)
		.filter((named) => named.kind === 'loadOptions' || named.kind === 'listSearch')
		.map((named) => ({
			node: node.description.name,
			named,
			parameters: {
				...visibleParameters(named, node.description),
				...DEPENDS_ON[named.method],
			},
		})),
);

const label = (c: Case) =>
	`${c.node} ${c.named.kind}.${c.named.method} at ${c.named.path} (${JSON.stringify(c.parameters)})`;

describe("every dynamic list through n8n's REST endpoints", () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let good: CredentialFixture;
	let wrong: CredentialFixture;
	let someone: SimEmployee;

	beforeAll(async () => {
		sim = await SimulatorProcess.start({ employees: 40, seed: 11, serviceUser: SERVICE_USER });
		someone = (await sim.employees()).find((e) => e.lifecycleStatus === 'employed')!;
		good = hiBobCredential('hibobDynGood00001', sim.url, SERVICE_USER);
		wrong = hiBobCredential('hibobDynWrong0001', sim.url, {
			id: SERVICE_USER.id,
			token: WRONG_TOKEN,
		});
		n8n = await N8nInstance.create({ label: 'dynamic-parameters' });
		await n8n.importCredentials([good, wrong]);
		await n8n.start();
		await n8n.login();
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	/** The body the editor sends for `c` (n8n 2.41's OptionsRequestDto / ResourceLocatorRequestDto). */
	function request(c: Case, credential: CredentialFixture, extra: Record<string, unknown> = {}) {
		return {
			nodeTypeAndVersion: { name: nodeType(c.node), version: 1 },
			path: c.named.editorPath,
			methodName: c.named.method,
			currentNodeParameters: c.parameters,
			credentials: { hiBobApi: { id: credential.id, name: credential.name } },
			...extra,
		};
	}

	async function call(c: Case, credential: CredentialFixture, extra: Record<string, unknown> = {}) {
		const endpoint =
			c.named.kind === 'listSearch'
				? '/rest/dynamic-node-parameters/resource-locator-results'
				: '/rest/dynamic-node-parameters/options';
		return await n8n.rest<Record<string, unknown>>('POST', endpoint, request(c, credential, extra));
	}

	test('the descriptions name the lists people open (both nodes, Filters in each)', () => {
		const names = CASES.map((c) => `${c.node}:${c.named.method}`);
		expect(names).toEqual(
			expect.arrayContaining([
				'hiBob:searchEmployees',
				'hiBob:getEmployeeFields',
				'hiBob:getFilterFields',
				'hiBobTrigger:getEmployeeFields',
				'hiBobTrigger:getFilterFields',
			]),
		);
	});

	test.each(CASES.map((c) => [label(c), c] as const))(
		'%s answers a non-empty, well-formed list',
		async (_label, c) => {
			const res = await call(c, good);
			expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
			const data = res.body.data as unknown;
			if (c.named.kind === 'listSearch') {
				const { results } = data as { results: Array<{ name: unknown; value: unknown }> };
				expect(results.length).toBeGreaterThan(0);
				for (const result of results) {
					expect(typeof result.name).toBe('string');
					expect(String(result.value)).toMatch(/^\d{19}$/);
				}
				// the search narrows by name, as typing in the dropdown does
				const found = await call(c, good, { filter: someone.displayName });
				const hits = (found.body.data as { results: Array<{ name: string; value: string }> })
					.results;
				expect(hits).toContainEqual({
					name: `${someone.displayName} (${someone.email})`,
					value: someone.id,
				});
			} else {
				const options = data as Array<{ name: unknown; value: unknown }>;
				expect(options.length).toBeGreaterThan(0);
				for (const option of options) {
					expect(typeof option.name).toBe('string');
					expect((option.name as string).length).toBeGreaterThan(0);
					expect(['string', 'number']).toContain(typeof option.value);
				}
				expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
			}
		},
	);

	test.each(CASES.map((c) => [label(c), c] as const))(
		'%s with a wrong token: our message, no stack trace, no token',
		async (_label, c) => {
			const res = await call(c, wrong);
			expect(res.status).toBeGreaterThanOrEqual(400);
			expect(res.body.message).toBe(UNAUTHORIZED);
			const text = JSON.stringify(res.body);
			expect(text).not.toMatch(/\bat .+\.js:\d+|stacktrace/);
			expect(text).not.toContain(WRONG_TOKEN);
		},
	);
});
