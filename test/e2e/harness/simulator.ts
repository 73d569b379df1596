/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- e2e tooling (never shipped: not in dist/): compiles and spawns the HiBob simulator as its own process and talks to it over HTTP */
/**
 * The HiBob simulator (test/simulator) OUT of process, the way n8n sees a real HiBob: its standalone
 * CLI (`npm run simulator`) compiled once into .cache/tools, started as a child process on its own free
 * port, driven only through its HTTP control API (`POST /__control/<method>`). Always `await stop()`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE_DIR, PROJECT_ROOT } from './host';
import { delay, freePort, spawnTracked, type Spawned } from './processes';

const SIMULATOR_SRC = join(PROJECT_ROOT, 'test', 'simulator');
const SIMULATOR_CLI = join(CACHE_DIR, 'tools', 'test', 'simulator', 'cli.js');

/** One entry of the simulator's request log (`getLog`). */
export interface SimLogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	serviceUserId: string | null;
	status: number;
	timestamp: string;
	fault?: string;
}

/** `listEmployees` / control answers about one employee. */
export interface SimEmployee {
	id: string;
	email: string;
	displayName: string;
	lifecycleStatus: string;
	status: string;
	startDate: string | null;
	terminationDate: string | null;
}

export interface SimulatorStartOptions {
	employees: number;
	seed: number;
	/** `YYYY-MM-DD`; default: the simulator's (the current UTC date). */
	today?: string;
	/** Time moves only through the control API (setToday/advanceDays/setNow). */
	freezeClock?: boolean;
	/** Switch HiBob's 50 searches/minute off (needed with a frozen clock: its window never resets). */
	noRateLimit?: boolean;
	serviceUser: { id: string; token: string };
}

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
	}
	return newest;
}

/** `tsc -p test/tsconfig.tools.json` (what `npm run simulator` does) when the compiled CLI is stale. */
export function compileSimulator(): void {
	if (existsSync(SIMULATOR_CLI) && statSync(SIMULATOR_CLI).mtimeMs >= newestMtime(SIMULATOR_SRC))
		return;
	execFileSync(
		process.execPath,
		[
			join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
			'-p',
			'test/tsconfig.tools.json',
		],
		{ cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
	);
}

export class SimulatorProcess {
	private constructor(
		private readonly process: Spawned,
		readonly url: string,
		readonly serviceUser: { id: string; token: string },
		private readonly output: () => string,
	) {}

	/** Compiles (if needed) and starts `node cli.js --port <free> …`; resolves once it listens. */
	static async start(options: SimulatorStartOptions): Promise<SimulatorProcess> {
		compileSimulator();
		const port = await freePort();
		const args = [
			SIMULATOR_CLI,
			'--port',
			String(port),
			'--employees',
			String(options.employees),
			'--seed',
			String(options.seed),
			'--service-user-id',
			options.serviceUser.id,
			'--token',
			options.serviceUser.token,
			...(options.today ? ['--today', options.today] : []),
			...(options.freezeClock ? ['--freeze-clock'] : []),
			...(options.noRateLimit ? ['--no-rate-limit'] : []),
		];
		const child = spawnTracked(process.execPath, args, {
			cwd: PROJECT_ROOT,
			env: { PATH: process.env.PATH, TZ: 'UTC' },
		});
		let output = '';
		child.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		child.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
		let exited = false;
		void child.exited.then(() => (exited = true));
		const deadline = Date.now() + 30000;
		while (!/listening on http:\/\/[^\s]+/.test(output)) {
			if (exited || Date.now() > deadline) {
				await child.stop(2000);
				throw new Error(`e2e: the HiBob simulator did not start:\n${output}`);
			}
			await delay(50);
		}
		const url = /listening on (http:\/\/[^\s]+)/.exec(output)![1];
		return new SimulatorProcess(child, url, options.serviceUser, () => output);
	}

	/** `POST /__control/<method>` with `arg` as the JSON body; throws on a non-2xx answer. */
	async control<T = unknown>(method: string, arg?: unknown): Promise<T> {
		const res = await fetch(`${this.url}/__control/${method}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: arg === undefined ? undefined : JSON.stringify(arg),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`e2e: simulator ${method} answered ${res.status}: ${text}`);
		return (text === '' ? undefined : JSON.parse(text)) as T;
	}

	async log(filter: { path?: string; method?: string } = {}): Promise<SimLogEntry[]> {
		return await this.control<SimLogEntry[]>('getLog', filter);
	}

	async clearLog(): Promise<void> {
		await this.control('clearLog');
	}

	/** People searches (`POST /v1/people/search`) in the log. */
	async searches(): Promise<SimLogEntry[]> {
		return await this.log({ path: '/v1/people/search', method: 'POST' });
	}

	async employees(
		filter: { lifecycleStatus?: string; status?: string } = {},
	): Promise<SimEmployee[]> {
		return await this.control<SimEmployee[]>('listEmployees', filter);
	}

	/** What the simulator printed (its URL, the service user, a stop line). */
	get stdout(): string {
		return this.output();
	}

	async stop(): Promise<void> {
		await this.process.stop(5000);
	}
}
