/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling (never shipped: not in dist/) drives a real n8n process: it spawns n8n, reads its files and env */
/**
 * One real n8n instance for a test: its own user folder (sqlite DB, our packed package under
 * .n8n/nodes/node_modules), its own free ports, a fixed encryption key, and helpers for the CLI
 * (import, publish, execute) and the server (start/stop, owner + login, REST, "Fetch Test Event",
 * executions, the credential test). Always `await instance.dispose()` (afterAll): it stops n8n and
 * removes the folder (kept when E2E_KEEP=1).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CACHE_DIR, type N8nHost, requireN8nHost } from './host';
import { installPackage, PACKAGE_NAME } from './package';
import {
	delay,
	freePort,
	type RunResult,
	runTracked,
	type Spawned,
	spawnTracked,
} from './processes';

// a fixed key so plain-text credential imports and later runs agree; it protects only throwaway test data
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- test fixture, see above
export const ENCRYPTION_KEY = 'n8n-nodes-hibob-e2e-fixed-key-0123456789';
export const OWNER = {
	email: 'owner@e2e.invalid',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2ePassw0rd!',
};

/** A credential as `n8n import:credentials` takes it: `data` in plain text (n8n encrypts it). */
export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/**
 * A workflow as `n8n import:workflow` takes it. `id`: 16 characters like n8n's own IDs (2.x accepts up to 21,
 * but n8n 1.x silently never saves the static data of a workflow whose ID is longer than 16).
 */
export interface WorkflowFixture {
	id: string;
	name: string;
	nodes: Array<Record<string, unknown>>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	active?: boolean;
	[key: string]: unknown;
}

/** The parts of n8n's run JSON (IRun) the tests read. */
export interface ExecutionRun {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; description?: string; name?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string; name?: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
}

export interface ExecuteResult extends RunResult {
	/** The parsed run, when n8n printed one (it does on success and on node errors). */
	run?: ExecutionRun;
	/**
	 * n8n printed a complete run and then died of SIGSEGV while exiting (the isolated-vm exit race, see
	 * env()); `code` is then what n8n would have returned: 1 if the run has an error, else 0.
	 */
	crashedAfterRun: boolean;
}

/** The `json` of every item a node emitted on one output of one run. */
export function nodeOutput(
	run: ExecutionRun,
	nodeName: string,
	options: { runIndex?: number; output?: number } = {},
): Array<Record<string, unknown>> {
	const nodeRun = run.data.resultData.runData[nodeName]?.[options.runIndex ?? 0];
	if (!nodeRun) throw new Error(`e2e: node "${nodeName}" did not run`);
	return (nodeRun.data?.main?.[options.output ?? 0] ?? []).map((item) => item.json);
}

/** The type name n8n gives one of our nodes, e.g. nodeType('hiBob') = 'n8n-nodes-hibob.hiBob'. */
export function nodeType(name: string): string {
	return `${PACKAGE_NAME}.${name}`;
}

/** Six custom crons = one poll every 10 s (n8n refuses sub-minute crons, but accepts several per minute). */
export const POLL_EVERY_10_SECONDS = {
	item: [0, 10, 20, 30, 40, 50].map((s) => ({ mode: 'custom', cronExpression: `${s} * * * * *` })),
};

export interface CreateOptions {
	/** Used in the folder name, for debugging kept folders. */
	label?: string;
	host?: N8nHost;
	/** Extra environment for every n8n process of this instance. */
	env?: Record<string, string>;
	/** Install our packed package (default true). */
	installPackage?: boolean;
	/** Edit the installed copy's package.json (e.g. to work around a loader limitation). */
	adjustPackageJson?: (pkg: Record<string, unknown>) => void;
}

let instanceCounter = 0;

export class N8nInstance {
	private server?: Spawned;

	private serverLogFile?: string;

	private starts = 0;

	private authCookie?: string;

	private constructor(
		readonly host: N8nHost,
		readonly userFolder: string,
		readonly port: number,
		readonly brokerPort: number,
		private readonly extraEnv: Record<string, string>,
	) {}

	/** A fresh instance: new user folder with our package installed, free ports. Nothing started yet. */
	static async create(options: CreateOptions = {}): Promise<N8nInstance> {
		const host = options.host ?? requireN8nHost();
		const label = (options.label ?? 'test').replace(/[^a-z0-9-]+/gi, '-');
		const userFolder = join(
			CACHE_DIR,
			'e2e-runs',
			`${label}-${process.pid}-${Date.now()}-${++instanceCounter}`,
		);
		rmSync(userFolder, { recursive: true, force: true });
		mkdirSync(userFolder, { recursive: true });
		if (options.installPackage !== false) {
			installPackage(userFolder, { adjustPackageJson: options.adjustPackageJson });
		}
		const port = await freePort();
		let brokerPort = await freePort();
		while (brokerPort === port) brokerPort = await freePort();
		return new N8nInstance(host, userFolder, port, brokerPort, options.env ?? {});
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	get databaseFile(): string {
		return join(this.userFolder, '.n8n', 'database.sqlite');
	}

	/** The environment every n8n process of this instance gets (a clean one: no jest/npm variables). */
	env(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
		return {
			HOME: process.env.HOME,
			PATH: `${dirname(this.host.nodeBin)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
			LANG: process.env.LANG ?? 'C.UTF-8',
			TZ: 'UTC',
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'warn',
			// n8n 2.41's default expression engine ("vm", isolated-vm) warms an isolate at boot; when a
			// short CLI command exits while that isolate still runs, Node 24 segfaults during exit (about
			// every second `n8n execute`, after the run was printed). Acquiring the isolate on first use
			// keeps the same engine and avoided it in every run here. See test/e2e/README.md.
			N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true',
			// n8n 1.123.x also defaults to the "vm" engine, but its isolated-vm 6.2 needs Node >= 22 (no
			// Node 20 prebuild): on the system Node 20 every command fails "IsolatePool failed to create
			// any bridges". The legacy engine is the one n8n 1.x used before.
			...(Number(this.host.nodeVersion.replace(/^v/, '').split('.')[0]) < 22
				? { N8N_EXPRESSION_ENGINE: 'legacy' }
				: {}),
			...this.extraEnv,
			...overrides,
		};
	}

	/** Runs `n8n <args>` to completion (the CLI boots n8n each time: 3–10 s). */
	async cli(
		args: string[],
		options: { env?: Record<string, string>; timeoutMs?: number } = {},
	): Promise<RunResult> {
		return await runTracked(this.host.nodeBin, [this.host.n8nBin, ...args], {
			cwd: this.userFolder,
			env: this.env(options.env),
			timeoutMs: options.timeoutMs ?? 120000,
		});
	}

	private async cliOk(args: string[]): Promise<RunResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new Error(
				`e2e: n8n ${args.join(' ')} exited with ${result.code ?? result.signal}:\n${tail(result.stdout + result.stderr)}`,
			);
		}
		return result;
	}

	/** `n8n import:credentials` with plain-text data (re-importing an id replaces it). */
	async importCredentials(credentials: CredentialFixture[]): Promise<RunResult> {
		const file = join(this.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		return await this.cliOk(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow --separate` (inactive; use publishWorkflow to activate on the next start). */
	async importWorkflows(workflows: WorkflowFixture[]): Promise<RunResult> {
		const dir = join(this.userFolder, `workflows-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) {
			writeFileSync(
				join(dir, `${workflow.id}.json`),
				JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow }, null, 2),
			);
		}
		return await this.cliOk(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Marks a workflow active (published); takes effect on the next `start()`. */
	async publishWorkflow(workflowId: string): Promise<RunResult> {
		const command = this.host.line === 1 ? 'update:workflow' : 'publish:workflow';
		const args =
			this.host.line === 1
				? [command, `--id=${workflowId}`, '--active=true']
				: [command, `--id=${workflowId}`];
		return await this.cliOk(args);
	}

	/**
	 * `n8n execute --id=… --rawOutput` (the workflow must start with a Manual Trigger). Resolves with the
	 * exit code (1 when a node failed) and the parsed run; never throws for a failed workflow.
	 */
	async execute(workflowId: string, options: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		// the run JSON goes out through the logger at level info; with --rawOutput it still follows a few
		// log lines, so it is taken from the first line that is exactly "{"
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			env: { N8N_LOG_LEVEL: 'info' },
			timeoutMs: options.timeoutMs,
		});
		const run = parseRunJson(result.stdout);
		const crashedAfterRun = run !== undefined && result.signal === 'SIGSEGV';
		const code = crashedAfterRun ? (run.data.resultData.error ? 1 : 0) : result.code;
		return { ...result, code, run, crashedAfterRun };
	}

	// ------------------------------------------------------------------ server

	/** `n8n start`, resolving when /healthz/readiness answers ok (log: serverLog()). */
	async start(options: { timeoutMs?: number } = {}): Promise<{ readyMs: number }> {
		if (this.server) throw new Error('e2e: n8n is already running');
		const started = Date.now();
		this.serverLogFile = join(this.userFolder, `n8n-start-${++this.starts}.log`);
		const server = spawnTracked(this.host.nodeBin, [this.host.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env({ N8N_LOG_LEVEL: this.extraEnv.N8N_LOG_LEVEL ?? 'info' }),
			logFile: this.serverLogFile,
		});
		this.server = server;
		let exited = false;
		void server.exited.then(() => (exited = true));
		const deadline = started + (options.timeoutMs ?? 90000);
		while (Date.now() < deadline && !exited) {
			if (await this.isReady()) return { readyMs: Date.now() - started };
			await delay(250);
		}
		await this.stop();
		throw new Error(
			`e2e: n8n start did not become ready (${exited ? 'it exited' : 'timeout'}):\n${tail(this.serverLog())}`,
		);
	}

	private async isReady(): Promise<boolean> {
		try {
			const res = await fetch(`${this.baseUrl}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			return res.ok;
		} catch {
			return false;
		}
	}

	/**
	 * SIGTERM and wait for exit. `betweenPolls`: first wait until 4.5–6 s past a 10-second mark, so a
	 * trigger polling every 10 s (POLL_EVERY_10_SECONDS) is not stopped mid-poll (a poll that races
	 * SIGTERM is not committed and is repeated after a restart).
	 */
	async stop(options: { betweenPolls?: boolean } = {}): Promise<void> {
		const server = this.server;
		if (!server) return;
		if (options.betweenPolls) {
			while (Date.now() % 10000 < 4500 || Date.now() % 10000 >= 6000) await delay(100);
		}
		await server.stop();
		this.server = undefined;
		this.authCookie = undefined;
	}

	/** SIGKILL to n8n's process group (a crash: no shutdown, nothing saved); waits for the exit. */
	async kill(): Promise<void> {
		const server = this.server;
		if (!server) return;
		if (server.child.pid !== undefined) {
			try {
				process.kill(-server.child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
		}
		await server.exited;
		this.server = undefined;
		this.authCookie = undefined;
	}

	get running(): boolean {
		return this.server !== undefined;
	}

	/** The current (or last) `n8n start` output. */
	serverLog(): string {
		return this.serverLogFile && existsSync(this.serverLogFile)
			? readFileSync(this.serverLogFile, 'utf8')
			: '';
	}

	/** Owner setup (first start of a fresh instance only) + login; later calls just log in again. */
	async login(): Promise<string> {
		const ownerSetup = async () =>
			await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
		// n8n 1.x reports ready a few seconds before its REST controllers are mounted (404 meanwhile), and
		// on a loaded machine before its database is (503 "Database is not ready!")
		let setup = await ownerSetup();
		for (let waited = 0; [404, 503].includes(setup.status) && waited < 60000; waited += 500) {
			await delay(500);
			setup = await ownerSetup();
		}
		// 400 once an owner exists (after a restart); anything else is a real problem
		if (!setup.ok && setup.status !== 400) {
			throw new Error(`e2e: owner setup answered ${setup.status}: ${await setup.text()}`);
		}
		const login = await fetch(`${this.baseUrl}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			}),
		});
		const cookie = login.headers
			.getSetCookie()
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!login.ok || !cookie) {
			throw new Error(`e2e: login answered ${login.status}: ${await login.text()}`);
		}
		this.authCookie = cookie;
		return cookie;
	}

	/** An authenticated call to n8n's internal REST API (`/rest/...`); logs in on first use. */
	async rest<T = unknown>(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; body: T }> {
		const cookie = this.authCookie ?? (await this.login());
		const res = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { cookie, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text === '' ? undefined : JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, body: parsed as T };
	}

	private async restData<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await this.rest<{ data: T }>(method, path, body);
		if (res.status >= 300) {
			throw new Error(`e2e: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
		}
		return res.body.data;
	}

	/**
	 * "Fetch Test Event": runs the trigger's poll() once in manual mode (static data is read, not saved)
	 * and resolves with the execution once it has finished.
	 */
	async fetchTestEvent(
		workflowId: string,
		triggerName: string,
		options: { timeoutMs?: number } = {},
	): Promise<ExecutionSummary> {
		// n8n 2.x runs the stored workflow; 1.x wants the editor's copy of it in the body (`workflowData`,
		// else 500 "Cannot read properties of undefined (reading 'id')")
		const workflowData =
			this.host.line === 1
				? await this.restData<Record<string, unknown>>('GET', `/rest/workflows/${workflowId}`)
				: undefined;
		const { executionId } = await this.restData<{ executionId: string }>(
			'POST',
			`/rest/workflows/${workflowId}/run`,
			{ ...(workflowData ? { workflowData } : {}), triggerToStartFrom: { name: triggerName } },
		);
		return await this.waitForExecution(executionId, options);
	}

	/** One execution with its run data; waits while it is still running (or its data is not there yet). */
	async waitForExecution(
		executionId: string,
		options: { timeoutMs?: number } = {},
	): Promise<ExecutionSummary> {
		const deadline = Date.now() + (options.timeoutMs ?? 30000);
		for (;;) {
			const execution = await this.getExecution(executionId);
			// n8n 1.x may report the final status a moment before the run data is readable
			if (
				execution &&
				!['new', 'running', 'waiting'].includes(execution.status) &&
				execution.run !== undefined
			)
				return execution;
			if (Date.now() > deadline) {
				throw new Error(
					`e2e: execution ${executionId} did not finish: ${JSON.stringify(execution)}`,
				);
			}
			await delay(200);
		}
	}

	/** GET /rest/executions/:id, with `run` parsed from n8n's flatted storage format. */
	async getExecution(executionId: string): Promise<ExecutionSummary | undefined> {
		const res = await this.rest<{ data?: RawExecution }>('GET', `/rest/executions/${executionId}`);
		if (res.status === 404 || !res.body?.data) return undefined;
		return toSummary(res.body.data);
	}

	/** Executions of a workflow, newest first (no run data; use getExecution for that). */
	async listExecutions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.restData<{ results: RawExecution[] }>(
			'GET',
			`/rest/executions?filter=${filter}&limit=100`,
		);
		return data.results.map(toSummary);
	}

	/**
	 * n8n's own "Test" button of the credential dialog, as the editor does it for a saved credential:
	 * GET /rest/credentials/:id?includeData=true (secrets come back redacted), then
	 * POST /rest/credentials/test with that (n8n puts the stored secrets back and runs the credential
	 * type's `test`). `dataOverrides` = fields the user changed in the dialog before pressing Test.
	 * (n8n 2.41: the endpoint needs a stored credential's id.)
	 */
	async testCredential(
		credentialId: string,
		dataOverrides: Record<string, unknown> = {},
	): Promise<{ status: 'OK' | 'Error'; message: string }> {
		const stored = await this.restData<{
			id: string;
			name: string;
			type: string;
			data?: Record<string, unknown>;
		}>('GET', `/rest/credentials/${credentialId}?includeData=true`);
		return await this.restData<{ status: 'OK' | 'Error'; message: string }>(
			'POST',
			'/rest/credentials/test',
			{
				credentials: {
					id: stored.id,
					name: stored.name,
					type: stored.type,
					data: { ...stored.data, ...dataOverrides },
				},
			},
		);
	}

	/** Credential type names n8n knows (what the editor offers). */
	async credentialTypes(): Promise<string[]> {
		const res = await fetch(`${this.baseUrl}/types/credentials.json`, {
			headers: { cookie: this.authCookie ?? (await this.login()) },
		});
		const types = (await res.json()) as Array<{ name: string }>;
		return types.map((t) => t.name);
	}

	/** Node type names n8n knows (the editor's node list). */
	async nodeTypes(): Promise<string[]> {
		const res = await fetch(`${this.baseUrl}/types/nodes.json`, {
			headers: { cookie: this.authCookie ?? (await this.login()) },
		});
		const types = (await res.json()) as Array<{ name: string }>;
		return types.map((t) => t.name);
	}

	/**
	 * A read-only SQL query on the instance's sqlite DB, run by n8n's Node with n8n's own sqlite3 module
	 * (no sqlite CLI needed). Works while n8n runs.
	 */
	async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
		const script = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(process.env.E2E_DB, sqlite3.OPEN_READONLY);
db.all(process.env.E2E_SQL, JSON.parse(process.env.E2E_PARAMS), (err, rows) => {
  if (err) { process.stderr.write(String(err)); process.exit(1); }
  process.stdout.write(JSON.stringify(rows)); db.close();
});`;
		const result = await runTracked(this.host.nodeBin, ['-e', script], {
			cwd: this.host.hostDir,
			env: {
				PATH: process.env.PATH,
				E2E_DB: this.databaseFile,
				E2E_SQL: query,
				E2E_PARAMS: JSON.stringify(params),
			},
			timeoutMs: 30000,
		});
		if (result.code !== 0) throw new Error(`e2e: sql failed: ${result.stderr}`);
		return JSON.parse(result.stdout) as T[];
	}

	/** Workflow static data as n8n stored it (e.g. `{"node:HiBob Trigger": {...}}`). */
	async staticData(workflowId: string): Promise<Record<string, unknown>> {
		const [row] = await this.sql<{ staticData: string | null }>(
			'select staticData from workflow_entity where id = ?',
			[workflowId],
		);
		return row?.staticData ? (JSON.parse(row.staticData) as Record<string, unknown>) : {};
	}

	/** Stops n8n and deletes the user folder (kept when E2E_KEEP=1, for debugging). */
	async dispose(): Promise<void> {
		await this.stop();
		if (process.env.E2E_KEEP !== '1') rmSync(this.userFolder, { recursive: true, force: true });
	}
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt?: string;
	stoppedAt?: string;
	/** Parsed run data (getExecution/fetchTestEvent only). */
	run?: ExecutionRun;
}

interface RawExecution {
	id: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt?: string;
	stoppedAt?: string;
	data?: string;
}

function toSummary(raw: RawExecution): ExecutionSummary {
	const data = typeof raw.data === 'string' && raw.data !== '' ? unflatten(raw.data) : undefined;
	return {
		id: String(raw.id),
		status: raw.status,
		mode: raw.mode,
		finished: raw.finished,
		startedAt: raw.startedAt,
		stoppedAt: raw.stoppedAt,
		// undefined until n8n has stored the run (1.x briefly answers a finished execution without it)
		run:
			data !== null && typeof data === 'object' && 'resultData' in data
				? { data: data as ExecutionRun['data'] }
				: undefined,
	};
}

/**
 * n8n stores and returns execution data in the `flatted` format: a JSON array whose entry 0 is the
 * root; inside objects and arrays every string is the index of the entry holding the value (strings
 * included), while numbers, booleans and null stay inline. A minimal reader of that format.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const seen = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (seen.has(index)) return seen.get(index);
		const value = table[index];
		if (value === null || typeof value !== 'object') {
			seen.set(index, value);
			return value;
		}
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		seen.set(index, copy);
		for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
			(copy as Record<string, unknown>)[key] = typeof v === 'string' ? revive(Number(v)) : v;
		}
		return copy;
	};
	return revive(0);
}

/** The run JSON `n8n execute --rawOutput` printed, or undefined when there is none. */
export function parseRunJson(stdout: string): ExecutionRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start < 0) return undefined;
	for (let end = lines.length; end > start; end--) {
		if (lines[end - 1] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end).join('\n')) as ExecutionRun;
		} catch {
			// a log line after the JSON: try a shorter slice
		}
	}
	return undefined;
}

function tail(text: string, lines = 40): string {
	return text.trim().split('\n').slice(-lines).join('\n');
}
