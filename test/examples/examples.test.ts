/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test code (never shipped): reads the example files and, when the real n8n is installed, asks its Node for n8n-nodes-base descriptions in a child process */
/**
 * Every importable workflow in examples/ (real Slack, Okta, Google nodes) and tools/demo/workflows/ (the
 * demo's offline variants) is valid n8n workflow JSON: shape and connections, node types from an
 * allow-list, our nodes' parameters against our node descriptions (event names, resource/operation
 * pairs, options and collections), and — when the real n8n is installed (`npm run n8n:setup`) — the
 * other nodes' parameters against n8n-nodes-base's own descriptions.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { LIFECYCLE_EVENTS } from '../../nodes/HiBob/core/lifecycle';
import { TIME_OFF_EVENTS } from '../../nodes/HiBob/core/timeOffEvents';
import { RESOURCES } from '../../nodes/HiBob/actions/resources';
import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { HiBobTrigger } from '../../nodes/HiBob/HiBobTrigger.node';
import { findN8nHost } from '../e2e/harness/host';
import { buildFieldCatalogue } from '../simulator/fields';
import {
	checkNodeParameters,
	checkWorkflowShape,
	type NodeDescription,
	type Workflow,
	type WorkflowNode,
} from './validate';

const ROOT = resolve(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-hibob';

/** n8n-nodes-base types the examples may use, with the versions written in them. */
const ALLOWED: Record<string, { file: string; versions: number[] }> = {
	'n8n-nodes-base.slack': { file: 'Slack/Slack.node.js', versions: [2.3] },
	'n8n-nodes-base.okta': { file: 'Okta/Okta.node.js', versions: [1] },
	'n8n-nodes-base.gSuiteAdmin': { file: 'Google/GSuiteAdmin/GSuiteAdmin.node.js', versions: [1] },
	'n8n-nodes-base.scheduleTrigger': { file: 'Schedule/ScheduleTrigger.node.js', versions: [1.2] },
	'n8n-nodes-base.manualTrigger': { file: 'ManualTrigger/ManualTrigger.node.js', versions: [1] },
	'n8n-nodes-base.code': { file: 'Code/Code.node.js', versions: [2] },
	'n8n-nodes-base.if': { file: 'If/If.node.js', versions: [2.2] },
	'n8n-nodes-base.httpRequest': { file: 'HttpRequest/HttpRequest.node.js', versions: [4.2] },
	'n8n-nodes-base.stickyNote': { file: 'StickyNote/StickyNote.node.js', versions: [1] },
};

const OURS: Record<string, NodeDescription> = {
	[`${PACKAGE}.hiBobTrigger`]: new HiBobTrigger().description as NodeDescription,
	[`${PACKAGE}.hiBob`]: new HiBob().description as NodeDescription,
};

/**
 * Descriptions of the n8n-nodes-base nodes the workflows use, from the real n8n the e2e suite installs
 * (if it is there). Read in a child process on n8n's own Node: n8n-nodes-base requires ES modules, which
 * jest's module loader cannot.
 */
function loadBaseNodes(wanted: Array<{ type: string; version: number }>): {
	describe?: (type: string, version: number) => NodeDescription;
	reason?: string;
} {
	const { host, reason } = findN8nHost(2);
	if (!host) return { reason };
	const dir = join(host.hostDir, 'node_modules', 'n8n-nodes-base', 'dist', 'nodes');
	if (!existsSync(dir)) return { reason: `${dir} is missing` };
	const script = `
const { join } = require('node:path');
const out = {};
for (const { type, version, file } of JSON.parse(process.env.WANTED)) {
  const exports = require(join(process.env.NODES_DIR, file));
  const instance = new (Object.values(exports)[0])();
  const description = instance.nodeVersions ? instance.nodeVersions[String(version)]?.description : instance.description;
  out[type + '@' + version] = description ?? null;
}
process.stdout.write(JSON.stringify(out));`;
	const descriptions = JSON.parse(
		execFileSync(host.nodeBin, ['-e', script], {
			cwd: host.hostDir,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: {
				PATH: process.env.PATH,
				NODES_DIR: dir,
				WANTED: JSON.stringify(wanted.map((w) => ({ ...w, file: ALLOWED[w.type].file }))),
			},
		}),
	) as Record<string, NodeDescription | null>;
	return {
		describe: (type, version) => {
			const description = descriptions[`${type}@${version}`];
			if (!description) throw new Error(`${type} has no version ${version} in the installed n8n`);
			return description;
		},
	};
}

function workflowFiles(folder: string): string[] {
	return readdirSync(join(ROOT, folder))
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => join(folder, file));
}

const files = [...workflowFiles('examples'), ...workflowFiles(join('tools', 'demo', 'workflows'))];
const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Workflow;
const ours = (workflow: Workflow) =>
	workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE}.`));

function knownType(node: WorkflowNode): string | undefined {
	if (OURS[node.type]) {
		const versions = [OURS[node.type].version].flat();
		return versions.includes(node.typeVersion)
			? undefined
			: `version ${node.typeVersion} of ${node.type} does not exist`;
	}
	const allowed = ALLOWED[node.type];
	if (!allowed) return `type ${node.type} is not in the allow-list of n8n-nodes-base types`;
	return allowed.versions.includes(node.typeVersion)
		? undefined
		: `${node.type} version ${node.typeVersion} is not an allowed version (${allowed.versions.join(', ')})`;
}

describe('example workflows', () => {
	it('covers every published example and the demo variants', () => {
		expect(files.map((file) => file.replace(/\\/g, '/'))).toEqual([
			'examples/department-change-google-group.json',
			'examples/google-workspace-address-to-bob.json',
			'examples/new-hire-profile-to-gifting.json',
			'examples/new-hire-slack-welcome.json',
			'examples/people-list-lifecycle-sync.json',
			'examples/profile-with-history-to-directory.json',
			'examples/recognition-accounts-create-deactivate.json',
			'examples/remote-employees-custom-field.json',
			'examples/start-date-okta-create-user.json',
			'examples/termination-okta-deactivate.json',
			'examples/time-off-to-slack.json',
			'examples/weekly-check-access.json',
			'examples/weekly-headcount-report.json',
			'examples/weekly-whos-out-digest.json',
			'tools/demo/workflows/demo-department-change-group.json',
			'tools/demo/workflows/demo-employee-directory.json',
			'tools/demo/workflows/demo-new-hire-welcome.json',
			'tools/demo/workflows/demo-start-date-account.json',
			'tools/demo/workflows/demo-termination-deprovision.json',
		]);
	});

	it('every example is described in examples/README.md', () => {
		const readme = readFileSync(join(ROOT, 'examples', 'README.md'), 'utf8');
		for (const file of workflowFiles('examples'))
			expect(readme).toContain(file.split(/[\\/]/).pop());
	});

	it('workflow ids are unique and short enough for `n8n import:workflow` (≤ 21 characters)', () => {
		const ids = files.map((file) => read(file).id as string);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{1,21}$/);
	});

	describe.each(files)('%s', (file) => {
		const workflow = read(file);

		it('is valid workflow JSON: shape, unique names and ids, connections, allowed node types', () => {
			expect(checkWorkflowShape(workflow, knownType)).toEqual([]);
		});

		it('sets only parameters our nodes have, with valid values', () => {
			const problems = ours(workflow).flatMap((node) => checkNodeParameters(node, OURS[node.type]));
			expect(problems).toEqual([]);
			expect(ours(workflow).length).toBeGreaterThan(0);
		});

		it('uses only our event names and existing field IDs', () => {
			const fieldIds = new Set(buildFieldCatalogue().map((field) => field.id));
			for (const node of ours(workflow).filter((n) => n.type.endsWith('.hiBobTrigger'))) {
				const timeOff = node.parameters.watch === 'timeOff';
				const events = node.parameters[timeOff ? 'timeOffEvents' : 'events'] as string[];
				expect(events.length).toBeGreaterThan(0);
				for (const event of events)
					expect(timeOff ? TIME_OFF_EVENTS : LIFECYCLE_EVENTS).toContain(event);
				for (const field of (node.parameters.watchedFields as string[] | undefined) ?? [])
					expect(fieldIds).toContain(field);
			}
		});

		it('references credentials by placeholder only (no secrets)', () => {
			for (const node of workflow.nodes)
				for (const reference of Object.values(node.credentials ?? {}))
					expect(Object.keys(reference).sort()).toEqual(['id', 'name']);
			// A first sign-in value computed by an expression (Google's create user needs one) is no secret.
			const text = JSON.stringify(workflow)
				.replace(/"password":"=\{\{[^"]*\}\}"/g, '')
				.replace(/"changePasswordAtNextLogin":true/g, '');
			expect(text).not.toMatch(/token|password|secret|apiKey/i);
		});
	});

	const others = files.flatMap((file) =>
		read(file)
			.nodes.filter((node) => ALLOWED[node.type])
			.map((node) => ({ type: node.type, version: node.typeVersion })),
	);
	const base = loadBaseNodes(others);
	const withBase = base.describe ? it : it.skip;
	withBase(
		`other nodes' parameters match the real n8n-nodes-base${base.reason ? ` (skipped: ${base.reason})` : ''}`,
		() => {
			const problems = files.flatMap((file) =>
				read(file)
					.nodes.filter((node) => !node.type.startsWith(`${PACKAGE}.`))
					.flatMap((node) =>
						checkNodeParameters(node, base.describe!(node.type, node.typeVersion)).map(
							(problem) => `${file}: ${problem}`,
						),
					),
			);
			expect(problems).toEqual([]);
		},
	);
});

describe('the checker itself', () => {
	const trigger = OURS[`${PACKAGE}.hiBobTrigger`];
	const action = OURS[`${PACKAGE}.hiBob`];
	const node = (type: string, parameters: Record<string, unknown>): WorkflowNode => ({
		id: 'n1',
		name: 'Node',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	});
	const everyMinute = { item: [{ mode: 'everyMinute' }] };

	it('rejects unknown events, unknown parameters and options of hidden parameters', () => {
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBobTrigger`, {
					pollTimes: everyMinute,
					events: ['employeeHired'],
					leadDays: 3,
					colour: 'red',
					options: { employeeOutput: 'flat', humanReadable: true },
				}),
				trigger,
			),
		).toEqual([
			'node "Node": events: "employeeHired" is not one of ' +
				JSON.stringify(
					trigger.properties
						.find((p) => p.name === 'events')!
						.options!.map((o) => (o as { value: string }).value),
				),
			'node "Node": leadDays: not shown for these settings (displayOptions)',
			'node "Node": colour: no such parameter',
			'node "Node": options.employeeOutput: "flat" is not one of ["nested","simplified"]',
			'node "Node": options.humanReadable: no such parameter',
		]);
	});

	it('rejects an operation of another resource, a bad poll time and a missing required parameter', () => {
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBob`, { resource: 'company', operation: 'whosOut' }),
				action,
			),
		).toEqual([
			`node "Node": operation: "whosOut" is not one of ${JSON.stringify(
				(
					RESOURCES.find((resource) => resource.value === 'company')!.operationProperty
						.options as Array<{ value: string }>
				)
					.map((option) => option.value)
					.sort(),
			)}`,
		]);
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBob`, { resource: 'timeOff', operation: 'whosOut', to: '2026-01-01' }),
				action,
			),
		).toEqual(['node "Node": required parameter "from" is missing']);
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBobTrigger`, {
					pollTimes: { item: [{ mode: 'everyX', hour: 3 }] },
					events: ['employeeStarted'],
				}),
				trigger,
			),
		).toEqual(['node "Node".pollTimes: "hour" does not belong to mode everyX']);
	});

	it('checks fixed collections and resource locators', () => {
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBob`, {
					resource: 'employee',
					operation: 'getAll',
					filters: { conditions: [{ field: 'work.department', operator: 'like', value: 'x' }] },
				}),
				action,
			),
		).toEqual([expect.stringContaining('filters.conditions[0].operator: "like" is not one of')]);
		expect(
			checkNodeParameters(
				node(`${PACKAGE}.hiBob`, {
					resource: 'employee',
					operation: 'get',
					employee: { __rl: true, mode: 'name', value: 'x' },
				}),
				action,
			),
		).toEqual([expect.stringContaining('employee: mode "name" is not one of')]);
	});

	it('rejects duplicate names and connections to nodes that do not exist', () => {
		const a = node(`${PACKAGE}.hiBob`, {});
		const workflow = {
			name: 'x',
			nodes: [a, { ...a, id: 'n2' }],
			connections: { Node: { main: [[{ node: 'Nowhere', type: 'main', index: 0 }]] } },
		};
		expect(checkWorkflowShape(workflow, knownType)).toEqual([
			'node "Node": duplicate name',
			'connections["Node"]: target "Nowhere" is not a node',
		]);
		expect(
			checkWorkflowShape(
				{ ...workflow, nodes: [{ ...a, type: 'n8n-nodes-base.telegram' }] },
				knownType,
			),
		).toEqual([
			'node "Node": type n8n-nodes-base.telegram is not in the allow-list of n8n-nodes-base types',
			'connections["Node"]: target "Nowhere" is not a node',
		]);
	});
});
