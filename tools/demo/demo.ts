/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- demo tooling (never shipped): runs the simulator and a real n8n, prints to the terminal, handles Ctrl-C */
/**
 * `npm run demo`: the HiBob simulator (a company of 300 whose people keep changing, see driver.ts) and a
 * real n8n at http://localhost:5678 with this package installed, an owner account, the HiBob credential
 * pointing at the simulator, the demo workflows (offline variants of examples/, active) and the
 * published examples (inactive) imported. Prints what happens until Ctrl-C, which stops n8n (its
 * process group) and the simulator.
 *
 * `--check`: the same, but exits 0 as soon as a trigger execution with a real event has run (and the
 * workflow's post reached the simulator), 1 after 8 minutes without one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../test/e2e/harness/host';
import { N8nInstance, unflatten, type WorkflowFixture } from '../../test/e2e/harness/n8n';
import { packPackage } from '../../test/e2e/harness/package';
import { delay, killAllChildren } from '../../test/e2e/harness/processes';
import { startSimulator, type RunningSimulator } from '../../test/simulator/server';
import { DemoDriver, type DriverStep } from './driver';

export const N8N_PORT = 5678;
export const SIMULATOR_PORT = 4010;
export const SIMULATOR_URL = `http://127.0.0.1:${SIMULATOR_PORT}`;

/** The n8n owner the demo creates (a throwaway account on a local, throwaway instance). */
export const DEMO_OWNER = {
	email: 'demo@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'HiBobDemo2026',
};

/** The service user the simulator accepts (fixed, so the printed values stay the same). */
const SERVICE_USER = { id: 'SERVICE-DEMO', token: 'demo-service-user-token' };

/** Same id as the examples' placeholder credential, so imported examples open with it selected. */
const CREDENTIAL_ID = 'hibobCredential01';

const DEMO_WORKFLOWS = join(PROJECT_ROOT, 'tools', 'demo', 'workflows');
const EXAMPLES = join(PROJECT_ROOT, 'examples');

const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const time = () => new Date().toISOString().slice(11, 19);
const say = (who: string, text: string) => console.log(`${dim(time())} ${who.padEnd(9)} ${text}`);

function readWorkflows(folder: string): WorkflowFixture[] {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as WorkflowFixture);
}

const isTriggerWorkflow = (workflow: WorkflowFixture) =>
	workflow.nodes.some((node) => node.type === 'n8n-nodes-hibob.hiBobTrigger');

async function portFree(port: number): Promise<boolean> {
	try {
		await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
		return false;
	} catch (error) {
		const code = (error as { cause?: { code?: string } }).cause?.code;
		return code === 'ECONNREFUSED';
	}
}

/** A logged-in session on n8n's internal REST API, as the demo owner. */
export class N8nSession {
	private cookie?: string;

	constructor(readonly baseUrl: string) {}

	async setupOwner(): Promise<void> {
		for (let waited = 0; ; waited += 500) {
			const res = await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(DEMO_OWNER),
			});
			if (res.ok || res.status === 400) return;
			if (res.status !== 404 || waited > 30000)
				throw new Error(`demo: owner setup answered ${res.status}: ${await res.text()}`);
			await delay(500);
		}
	}

	async login(): Promise<string> {
		const res = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: DEMO_OWNER.email,
				password: DEMO_OWNER.password,
			}),
		});
		const cookie = res.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!res.ok || !cookie) throw new Error(`demo: login answered ${res.status}`);
		this.cookie = cookie;
		return cookie;
	}

	/** Publishes (activates) a workflow's current version, as the editor's Publish button does. */
	async activate(workflowId: string): Promise<void> {
		const { versionId } = await this.get<{ versionId: string }>(`/rest/workflows/${workflowId}`);
		const res = await fetch(`${this.baseUrl}/rest/workflows/${workflowId}/activate`, {
			method: 'POST',
			headers: { cookie: this.cookie ?? (await this.login()), 'content-type': 'application/json' },
			body: JSON.stringify({ versionId }),
		});
		if (!res.ok)
			throw new Error(`demo: activating ${workflowId} answered ${res.status}: ${await res.text()}`);
	}

	async get<T>(path: string): Promise<T> {
		const res = await fetch(`${this.baseUrl}${path}`, {
			headers: { cookie: this.cookie ?? (await this.login()) },
		});
		if (!res.ok) throw new Error(`demo: GET ${path} answered ${res.status}`);
		return ((await res.json()) as { data: T }).data;
	}
}

export interface ExecutionInfo {
	id: string;
	workflowId: string;
	/** n8n's executions list names the workflow itself (also for workflows imported with a new ID). */
	workflowName?: string;
	mode: string;
	status: string;
}

/** Why an execution failed, as the editor shows it: the failing node and n8n's error message. */
export async function failureReason(session: N8nSession, executionId: string): Promise<string> {
	const execution = await session.get<{ data?: string }>(`/rest/executions/${executionId}`);
	if (typeof execution.data !== 'string') return '';
	const data = unflatten(execution.data) as {
		resultData?: { error?: { message?: string; description?: string }; lastNodeExecuted?: string };
	};
	const error = data.resultData?.error;
	if (!error?.message) return '';
	const node = data.resultData?.lastNodeExecuted;
	return `${node ? `${node}: ` : ''}${error.message}${error.description ? ` (${error.description})` : ''}`;
}

/** Lifecycle events a trigger execution emitted (the HiBob Trigger node's output). */
export async function triggerEvents(
	session: N8nSession,
	executionId: string,
): Promise<Array<Record<string, unknown>>> {
	const execution = await session.get<{ data?: string }>(`/rest/executions/${executionId}`);
	if (typeof execution.data !== 'string') return [];
	const data = unflatten(execution.data) as {
		resultData: {
			runData: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
			>;
		};
	};
	const run = data.resultData.runData['HiBob Trigger']?.[0];
	return (run?.data?.main?.[0] ?? []).map((item) => item.json);
}

export interface Demo {
	n8n: N8nInstance;
	simulator: RunningSimulator;
	session: N8nSession;
	workflows: { demo: WorkflowFixture[]; examples: WorkflowFixture[] };
	/** Resolves with the first trigger execution that emitted an event (and its events). */
	firstEvent: Promise<{ execution: ExecutionInfo; events: Array<Record<string, unknown>> }>;
	stop(): Promise<void>;
}

/** Starts the simulator, n8n and the driver; prints progress. */
export async function startDemo(
	options: { quiet?: boolean; firstActionAfterMs?: number } = {},
): Promise<Demo> {
	const log = options.quiet ? () => {} : say;
	for (const [port, what] of [
		[N8N_PORT, 'n8n'],
		[SIMULATOR_PORT, 'the HiBob simulator'],
	] as const) {
		if (!(await portFree(port)))
			throw new Error(
				`demo: port ${port} (for ${what}) is already in use on 127.0.0.1 — is another demo or n8n running? Stop it first.`,
			);
	}

	const simulator = await startSimulator({
		port: SIMULATOR_PORT,
		employees: 300,
		seed: 7,
		serviceUser: SERVICE_USER,
	});
	log(
		'simulator',
		`HiBob simulator on ${simulator.url} (${simulator.control.state().employees} employees, today ${simulator.control.state().today})`,
	);

	const tarball = packPackage();
	const n8n = await N8nInstance.create({
		label: 'demo',
		// the trigger's "today" is the workflow's time zone; the simulator switches days at UTC midnight
		env: { GENERIC_TIMEZONE: 'UTC', N8N_PORT: String(N8N_PORT) },
	});
	// the harness picks a free port; the demo's n8n lives at the well-known one
	(n8n as unknown as { port: number }).port = N8N_PORT;
	log('n8n', `user folder ${n8n.userFolder} (package ${tarball.split('/').pop()})`);

	const demo = readWorkflows(DEMO_WORKFLOWS).map(
		(workflow) =>
			JSON.parse(
				JSON.stringify(workflow).split('http://127.0.0.1:4010').join(simulator.url),
			) as WorkflowFixture,
	);
	const examples = existsSync(EXAMPLES) ? readWorkflows(EXAMPLES) : [];
	await n8n.importCredentials([
		{
			id: CREDENTIAL_ID,
			name: 'HiBob account',
			type: 'hiBobApi',
			data: {
				serviceUserId: SERVICE_USER.id,
				token: SERVICE_USER.token,
				environment: 'custom',
				baseUrl: simulator.url,
			},
		},
	]);
	await n8n.importWorkflows([...demo, ...examples]);
	log(
		'n8n',
		`imported ${demo.length} demo workflows and ${examples.length} examples; starting n8n…`,
	);

	const { readyMs } = await n8n.start({ timeoutMs: 180000 });
	const session = new N8nSession(n8n.baseUrl);
	await session.setupOwner();
	await session.login();
	// activating through the REST API (what the editor's Publish does) saves a CLI boot per workflow
	for (const workflow of demo.filter(isTriggerWorkflow)) await session.activate(workflow.id);
	log(
		'n8n',
		`ready after ${(readyMs / 1000).toFixed(1)} s; ${demo.filter(isTriggerWorkflow).length} trigger workflows active`,
	);

	const names = new Map([...demo, ...examples].map((w) => [w.id, w.name]));
	const departmentList = simulator.simulator.company.lists.get('department');
	const departments = (departmentList?.items ?? []).filter((i) => !i.archived).map((i) => i.name);
	const titles = (simulator.simulator.company.lists.get('title')?.items ?? [])
		.filter((i) => !i.archived && !/chief|head|vp|director/i.test(i.name))
		.map((i) => i.name);
	const driver = new DemoDriver(simulator.control, departments, titles, 7);
	for (const item of departmentList?.items ?? [])
		driver.departmentNames.set(String(item.id), item.name);

	let stopped = false;
	const timers = new Set<ReturnType<typeof setTimeout>>();
	const later = (ms: number, fn: () => void | Promise<void>) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			if (!stopped)
				void Promise.resolve(fn()).catch((error: unknown) => say('demo', `⚠ ${String(error)}`));
		}, ms);
		timers.add(timer);
	};

	// ---- the driver: first change once every trigger has taken its baseline, then every 60–90 s
	const triggers = demo.filter(isTriggerWorkflow).length;
	const searches = () => simulator.control.getLog({ path: '/v1/people/search' }).length;
	const drive = () => {
		let step: DriverStep;
		try {
			step = driver.tick();
		} catch (error) {
			say('HR', `⚠ ${(error as Error).message}`);
			later(driver.nextDelayMs(), drive);
			return;
		}
		say('HR', `${bold(step.text)}`);
		if (step.expect) say('', dim(`→ expect ${step.expect} at n8n's next poll (within a minute)`));
		later(driver.nextDelayMs(), drive);
	};
	const waitForBaselines = async () => {
		const deadline = Date.now() + 120000;
		while (!stopped && searches() < triggers && Date.now() < deadline) await delay(1000);
		later(options.firstActionAfterMs ?? 5000, drive);
	};
	void waitForBaselines();

	// ---- what the workflows "sent" (HTTP posts to the simulator's request log)
	let seenLog = 0;
	const watchLog = () => {
		const entries = simulator.control.getLog({ path: '/demo/' });
		for (const entry of entries.slice(seenLog)) {
			const body = entry.body as Record<string, unknown> | null;
			const target = entry.path.split('/')[2] ?? 'demo';
			const text =
				typeof body?.text === 'string'
					? `${String(body.channel)}: ${body.text}`
					: `${entry.method} ${entry.path.replace(/^\/demo\/[^/]+/, '')} ${JSON.stringify(body)}`;
			say(`→ ${target}`, text);
		}
		seenLog = entries.length;
		later(2000, watchLog);
	};
	later(2000, watchLog);

	// ---- n8n's executions
	let resolveFirst!: (value: Awaited<Demo['firstEvent']>) => void;
	const firstEvent = new Promise<Awaited<Demo['firstEvent']>>((done) => (resolveFirst = done));
	const seen = new Set<string>();
	let firstFound = false;
	const watchExecutions = async () => {
		const { results } = await session.get<{ results: ExecutionInfo[] }>(
			'/rest/executions?limit=20',
		);
		for (const execution of results.reverse()) {
			if (seen.has(execution.id) || ['new', 'running', 'waiting'].includes(execution.status))
				continue;
			seen.add(execution.id);
			const events = execution.mode === 'trigger' ? await triggerEvents(session, execution.id) : [];
			const summary =
				execution.status === 'success'
					? events
							.map((e) => `${String(e.event)}: ${String(e.displayName ?? e.employeeId)}`)
							.join(', ')
					: await failureReason(session, execution.id);
			const name =
				execution.workflowName ?? names.get(execution.workflowId) ?? execution.workflowId;
			say(
				'n8n',
				`${execution.status === 'success' ? '✓' : '✗'} "${name}" ran (execution ${execution.id}, ${execution.status})${summary ? ` — ${summary}` : ''}  ${dim(`${n8n.baseUrl}/workflow/${execution.workflowId}/executions/${execution.id}`)}`,
			);
			if (
				!firstFound &&
				execution.mode === 'trigger' &&
				execution.status === 'success' &&
				events.length > 0
			) {
				firstFound = true;
				resolveFirst({ execution, events });
			}
		}
		later(3000, watchExecutions);
	};
	later(3000, watchExecutions);

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		for (const timer of timers) clearTimeout(timer);
		timers.clear();
		await n8n.dispose();
		await simulator.stop();
	};
	return { n8n, simulator, session, workflows: { demo, examples }, firstEvent, stop };
}

function banner(demo: Demo): void {
	const active = demo.workflows.demo.filter(isTriggerWorkflow).map((w) => w.name);
	console.log(`
${bold('HiBob × n8n demo is running')}

  Open      ${bold(`http://localhost:${N8N_PORT}`)}   (n8n ${demo.n8n.host.n8nVersion}, listening on 127.0.0.1:${N8N_PORT})
  Log in    ${bold(DEMO_OWNER.email)}  /  ${bold(DEMO_OWNER.password)}

  Active workflows (their HiBob Trigger polls every minute):
${active.map((name) => `    • ${name}`).join('\n')}
  Also imported, inactive: "Demo: HiBob action node (Employee → Get Many)" (press Execute workflow)
  and the published examples (real Slack / Okta / Google nodes; add your own credentials to use them).

  HiBob     simulator at ${demo.simulator.url} — credential "HiBob account" (service user ${SERVICE_USER.id})
            control API: curl -X POST ${demo.simulator.url}/__control/listEmployees -d '{"limit":3}'

  Watch this terminal: every 60–90 s "HR" makes a change in HiBob (hire, first day, department move,
  termination, leave); within a minute n8n's trigger picks it up ("n8n ✓ …"), and the workflow's
  Slack/Okta/Google stand-in posts appear as "→ slack", "→ okta", "→ google".
  In the editor: open a workflow → Executions to see each event's data.

  n8n's log: ${join(demo.n8n.userFolder, 'n8n-start-1.log')}
  Stop with Ctrl-C or by signalling this process (kill <pid>): it stops n8n and the simulator.
`);
}

export async function main(args: string[]): Promise<number> {
	const check = args.includes('--check');
	const running: { demo?: Demo } = {};
	let stopping = false;
	const shutdown = async (signal: string) => {
		if (stopping) {
			console.log(`\n${signal} again: killing everything now`);
			killAllChildren();
			process.exit(130);
		}
		stopping = true;
		console.log(`\n${signal}: stopping n8n and the simulator…`);
		await running.demo?.stop();
		console.log('stopped.');
		process.exit(0);
	};
	// Ctrl-C, `kill <pid>` and a closed terminal all stop n8n and the simulator: they run detached, so a
	// signal that ended only this process would leave them running.
	process.on('SIGINT', () => void shutdown('Ctrl-C'));
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGHUP', () => void shutdown('SIGHUP'));

	console.log(bold('Starting the HiBob simulator and n8n (about 30 s)…'));
	const demo = await startDemo({ firstActionAfterMs: check ? 1000 : 5000 });
	running.demo = demo;
	banner(demo);
	if (!check) return await new Promise<number>(() => {});

	const timeout = delay(8 * 60000).then(() => undefined);
	const first = await Promise.race([demo.firstEvent, timeout]);
	let ok = false;
	if (first) {
		// the workflow's own post must reach the simulator too
		for (let i = 0; i < 30 && !ok; i++) {
			ok = demo.simulator.control.getLog({ path: '/demo/' }).length > 0;
			if (!ok) await delay(1000);
		}
		console.log(
			`\ncheck: ${ok ? 'OK' : 'FAILED'} — execution ${first.execution.id} emitted ${first.events.map((e) => String(e.event)).join(', ')}; ${demo.simulator.control.getLog({ path: '/demo/' }).length} stand-in post(s) in the simulator's log`,
		);
	} else console.log('\ncheck: FAILED — no trigger execution with an event within 8 minutes');
	stopping = true;
	await demo.stop();
	return ok ? 0 : 1;
}
