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
			if (c.named.kind === 'listSearch' && c.named.method !== 'searchEmployees') {
				// other searches (saved reports…): named items with numeric IDs, narrowed by name
				const { results } = data as { results: Array<{ name: string; value: unknown }> };
				expect(results.length).toBeGreaterThan(0);
				for (const result of results) {
					expect(typeof result.name).toBe('string');
					expect(String(result.value)).toMatch(/^\d+$/);
				}
				const found = await call(c, good, { filter: results[0].name });
				expect((found.body.data as { results: unknown[] }).results).toContainEqual(results[0]);
			} else if (c.named.kind === 'listSearch') {
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
			// like HiBob, the simulator blocks a caller after 50 failed logins in 10 s; these cases are
			// more than that, and the good credential's cases after them come from the same address
			await sim.control('resetAuthBlocks');
			const res = await call(c, wrong);
			expect(res.status).toBeGreaterThanOrEqual(400);
			expect(res.body.message).toBe(UNAUTHORIZED);
			const text = JSON.stringify(res.body);
			expect(text).not.toMatch(/\bat .+\.js:\d+|stacktrace/);
			expect(text).not.toContain(WRONG_TOKEN);
		},
	);

	/**
	 * Employee → Update's and Create's field mappers, loaded as the editor loads them
	 * (`/rest/dynamic-node-parameters/resource-mapper-fields`), walked against every field of the
	 * simulator's catalogue (the live tenant's built-in fields): each column's n8n type and hint follow
	 * its HiBob type, list fields are dropdowns of item IDs, types Bob computes never appear, Site once.
	 */
	describe.each([
		['update', 'getEmployeeUpdateFields', 'updateFields'],
		['create', 'getEmployeeCreateFields', 'otherFields'],
	])("Employee → %s's field mapper through n8n's endpoint", (operation, methodName, parameter) => {
		interface Column { id: string; displayName: string; type: string; options?: Array<{ name: string; value: unknown }> } // prettier-ignore
		interface Meta { id: string; name: string; type: string; categoryDisplayName: string; typeData: { listId?: string } } // prettier-ignore
		let columns: Column[];
		let catalogue: Meta[];

		beforeAll(async () => {
			await sim.control('resetAuthBlocks'); // after the wrong-token cases
			const res = await n8n.rest<{ data: { fields: Column[] } }>('POST', '/rest/dynamic-node-parameters/resource-mapper-fields', {
				nodeTypeAndVersion: { name: nodeType('hiBob'), version: 1 },
				path: parameter,
				methodName,
				currentNodeParameters: { resource: 'employee', operation },
				credentials: { hiBobApi: { id: good.id, name: good.name } },
			}); // prettier-ignore
			expect(res.status).toBe(200);
			columns = res.body.data.fields;
			const auth = `Basic ${Buffer.from(`${SERVICE_USER.id}:${SERVICE_USER.token}`).toString('base64')}`;
			catalogue = (await (
				await fetch(`${sim.url}/v1/company/people/fields`, { headers: { Authorization: auth } })
			).json()) as Meta[];
		});

		/** What a column must look like for each HiBob type it may be offered for. */
		const EXPECTED: Record<string, { type: string; hint: RegExp }> = {
			text: { type: 'string', hint: /[^)]$/ },
			'text-area': { type: 'string', hint: /[^)]$/ },
			ssn: { type: 'string', hint: /[^)]$/ },
			number: { type: 'number', hint: /[^)]$/ },
			boolean: { type: 'boolean', hint: /[^)]$/ },
			date: { type: 'dateTime', hint: /[^)]$/ },
			currency: { type: 'object', hint: / \(\{"value": 1000, "currency": "EUR"\}\)$/ },
			list: { type: 'options', hint: / \(label or ID from [^)]+\)$/ },
			list_id: { type: 'options', hint: / \(label or ID from [^)]+\)$/ },
			'hierarchy-list': { type: 'options', hint: / \(label, "Parent › Item" or ID from [^)]+\)$/ },
			'multi-list': { type: 'string', hint: / \(labels or IDs, comma-separated\)$/ },
			'employee-reference': { type: 'string', hint: / \(employee ID or email\)$/ },
			employee: { type: 'string', hint: / \(employee ID or email\)$/ },
		};
		const NEVER_OFFERED = [
			'period',
			'working_pattern',
			'duration_with_unit',
			'short-date',
			'time',
			'avatar',
		];

		test('every catalogue field is either a column of the right type and hint, or deliberately left out', () => {
			expect(catalogue.length).toBeGreaterThan(50);
			const byId = new Map(columns.map((column) => [column.id, column]));
			for (const field of catalogue) {
				const column = byId.get(field.id.replace(/\./g, '__'));
				if (NEVER_OFFERED.includes(field.type)) {
					expect({ field: field.id, offered: column !== undefined }).toEqual({ field: field.id, offered: false });
					continue;
				}
				if (!column) continue;
				const expected = EXPECTED[field.type];
				expect({ field: field.id, type: column.type, startsWithName: column.displayName.startsWith(`${field.categoryDisplayName} › ${field.name}`) }).toEqual({ field: field.id, type: expected.type, startsWithName: true });
				expect(column.displayName).toMatch(expected.hint);
				if (expected.type === 'options') expect(column.options?.length).toBeGreaterThan(0);
			}
			for (const derived of ['root.fullName', 'personal.age', 'work.reportsTo.email', 'work.directReports', 'employee.jobRoleId', 'employee.jobFamilyId'])
				expect(byId.has(derived.replace(/\./g, '__'))).toBe(false);
		}); // prettier-ignore

		test('Site is offered once, as "Site", when the operation can set it', () => {
			const sites = columns.filter((column) => /› Site\b/.test(column.displayName)).map((column) => column.displayName);
			expect(sites).toEqual(operation === 'update' ? ['Work › Site (label or ID from site)'] : []);
		}); // prettier-ignore
	});
});
