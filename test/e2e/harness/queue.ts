/* eslint-disable @n8n/community-nodes/no-restricted-imports -- e2e tooling (never shipped: not in dist/) drives real n8n processes: it spawns them, reads their logs and env */
/**
 * n8n in queue mode, the way n8n's docs deploy it: one main (`n8n start`, which polls and enqueues) and
 * one worker (`n8n worker`, which runs the executions), on one Postgres database and one Redis queue
 * (harness/services.ts), the same encryption key, each with its own user folder and our packed package
 * installed in it as users install it (`.n8n/nodes/node_modules`). Always `await dispose()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { N8nInstance } from './n8n';
import { delay, freePort, spawnTracked, type Spawned } from './processes';
import type { TestServices } from './services';

export interface QueueDeploymentOptions {
	services: TestServices;
	/** Used in folder and database names. */
	label: string;
	/** Extra environment for both processes (and the CLI), e.g. the durable scheduler's flags. */
	env?: Record<string, string>;
}

export class QueueDeployment {
	private workerProcess?: Spawned;

	private workerStarts = 0;

	private workerLogFile?: string;

	private constructor(
		readonly services: TestServices,
		readonly database: string,
		readonly main: N8nInstance,
		readonly worker: N8nInstance,
		private readonly workerHealthPort: number,
	) {}

	/** A new database, a main and a worker folder with the package installed; nothing started yet. */
	static async create(options: QueueDeploymentOptions): Promise<QueueDeployment> {
		const database = await options.services.createDatabase(
			`n8n_${options.label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${Date.now()}`,
		);
		const env = {
			...options.services.queueEnv(database),
			// the worker server (health check) binds the port below, never the main's
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			...options.env,
		};
		const main = await N8nInstance.create({ label: `${options.label}-main`, env });
		const workerHealthPort = await freePort();
		const worker = await N8nInstance.create({
			label: `${options.label}-worker`,
			env: {
				...env,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(workerHealthPort),
			},
		});
		return new QueueDeployment(options.services, database, main, worker, workerHealthPort);
	}

	/** `n8n worker --concurrency=5`, resolving when its health check answers ready. */
	async startWorker(options: { timeoutMs?: number } = {}): Promise<{ readyMs: number }> {
		if (this.workerProcess) throw new Error('e2e: the worker is already running');
		const started = Date.now();
		this.workerLogFile = join(this.worker.userFolder, `n8n-worker-${++this.workerStarts}.log`);
		const proc = spawnTracked(
			this.worker.host.nodeBin,
			[this.worker.host.n8nBin, 'worker', '--concurrency=5'],
			{
				cwd: this.worker.userFolder,
				env: this.worker.env({ N8N_LOG_LEVEL: 'info' }),
				logFile: this.workerLogFile,
			},
		);
		this.workerProcess = proc;
		let exited = false;
		void proc.exited.then(() => (exited = true));
		const deadline = started + (options.timeoutMs ?? 120000);
		while (Date.now() < deadline && !exited) {
			if (await this.workerReady()) return { readyMs: Date.now() - started };
			await delay(250);
		}
		await this.stopWorker();
		throw new Error(
			`e2e: n8n worker did not become ready (${exited ? 'it exited' : 'timeout'}):\n${this.workerLog().split('\n').slice(-40).join('\n')}`,
		);
	}

	private async workerReady(): Promise<boolean> {
		try {
			const res = await fetch(`http://127.0.0.1:${this.workerHealthPort}/healthz/readiness`, {
				signal: AbortSignal.timeout(2000),
			});
			return res.ok;
		} catch {
			return false;
		}
	}

	/** SIGTERM to the worker (n8n lets running jobs finish first), waiting for its exit. */
	async stopWorker(): Promise<void> {
		const proc = this.workerProcess;
		if (!proc) return;
		await proc.stop();
		this.workerProcess = undefined;
	}

	get workerRunning(): boolean {
		return this.workerProcess !== undefined;
	}

	/** Every `n8n worker` log of this deployment so far, concatenated. */
	workerLog(): string {
		let text = '';
		for (let i = 1; i <= this.workerStarts; i++) {
			const file = join(this.worker.userFolder, `n8n-worker-${i}.log`);
			if (existsSync(file)) text += readFileSync(file, 'utf8');
		}
		return text;
	}

	/** Every `n8n start` log of the main so far, concatenated (the current one is main.serverLog()). */
	mainLog(): string {
		let text = '';
		for (let i = 1; existsSync(join(this.main.userFolder, `n8n-start-${i}.log`)); i++) {
			text += readFileSync(join(this.main.userFolder, `n8n-start-${i}.log`), 'utf8');
		}
		return text;
	}

	/**
	 * Which process ran execution `id`, from n8n's own log lines: the main logs "Enqueued execution <id>"
	 * in queue mode, a worker "Worker started execution <id>" and "Worker finished execution <id>".
	 */
	ranBy(executionId: string): {
		enqueuedByMain: boolean;
		startedOnWorker: boolean;
		finishedOnWorker: boolean;
	} {
		const main = this.mainLog();
		const worker = this.workerLog();
		const line = (text: string, phrase: string) =>
			new RegExp(`${phrase} ${executionId}\\b`).test(text);
		return {
			enqueuedByMain: line(main, 'Enqueued execution'),
			startedOnWorker: line(worker, 'Worker started execution'),
			finishedOnWorker: line(worker, 'Worker finished execution'),
		};
	}

	/** The workflow's static data column, raw, from Postgres (null when empty). */
	async rawStaticData(workflowId: string): Promise<string | null> {
		const rows = await this.services.psql(
			this.database,
			`select coalesce("staticData"::text, '') from workflow_entity where id = '${workflowId.replace(/'/g, "''")}'`,
		);
		const value = rows[0]?.[0];
		return value === undefined || value === '' ? null : value;
	}

	/** The poll cursors n8n's durable poll cursors keep for the workflow (`poller_state`), raw JSON. */
	async pollerCursors(workflowId: string): Promise<string[]> {
		const rows = await this.services.psql(
			this.database,
			`select "cursor"::text from poller_state where "workflowId" = '${workflowId.replace(/'/g, "''")}'`,
		);
		return rows.map((row) => row[0]);
	}

	async dispose(): Promise<void> {
		await this.stopWorker();
		await this.main.dispose();
		await this.worker.dispose();
	}
}
