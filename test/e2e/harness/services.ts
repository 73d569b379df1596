/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- e2e tooling (never shipped: not in dist/): starts throwaway Postgres and Redis processes through test/e2e/services.sh */
/**
 * PostgreSQL and Redis for the queue-mode scenarios, started by the suite itself through
 * test/e2e/services.sh (which installs redis-server with apt when it is missing): a fresh Postgres 15
 * cluster and a Redis on free loopback ports, state under `.cache/e2e-services/`. Always `await stop()`;
 * a test process that dies stops them on exit too.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE_DIR, PROJECT_ROOT } from './host';
import { freePort, runTracked } from './processes';

const SCRIPT = join(PROJECT_ROOT, 'test', 'e2e', 'services.sh');
const PG_BIN = process.env.E2E_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** The environment n8n needs for one database of the cluster and the Redis queue. */
export interface QueueEnv {
	[key: string]: string;
}

export class TestServices {
	private stopped = false;

	private readonly onExit = () => this.stopSync();

	private constructor(
		readonly dir: string,
		readonly pgPort: number,
		readonly redisPort: number,
		readonly startMs: number,
	) {
		process.once('exit', this.onExit);
	}

	/** Installs what is missing, then starts a new cluster and Redis (≈2 s once installed). */
	static async start(label = 'queue'): Promise<TestServices> {
		const dir = join(CACHE_DIR, 'e2e-services', `${label}-${process.pid}-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		const pgPort = await freePort();
		let redisPort = await freePort();
		while (redisPort === pgPort) redisPort = await freePort();
		const started = Date.now();
		const result = await runTracked(SCRIPT, ['start', dir, String(pgPort), String(redisPort)], {
			cwd: PROJECT_ROOT,
			env: process.env,
			timeoutMs: 15 * 60000,
		});
		if (result.code !== 0 || !result.stdout.includes('ready ')) {
			execFileSync(SCRIPT, ['stop', dir], { stdio: 'ignore' });
			throw new Error(
				`e2e: test/e2e/services.sh start failed (${result.code ?? result.signal}):\n${result.stdout}${result.stderr}`,
			);
		}
		return new TestServices(dir, pgPort, redisPort, Date.now() - started);
	}

	/** Runs SQL on one database of the cluster (as the superuser) and returns the rows as text cells. */
	async psql(database: string, query: string): Promise<string[][]> {
		const result = await runTracked(
			join(PG_BIN, 'psql'),
			[
				'-h',
				'127.0.0.1',
				'-p',
				String(this.pgPort),
				'-U',
				'postgres',
				'-d',
				database,
				'-v',
				'ON_ERROR_STOP=1',
				'-qAt',
				'-F',
				'\t',
				'-c',
				query,
			],
			{
				cwd: PROJECT_ROOT,
				env: { PATH: process.env.PATH, PGCONNECT_TIMEOUT: '10' },
				timeoutMs: 60000,
			},
		);
		if (result.code !== 0) throw new Error(`e2e: psql failed: ${result.stderr}`);
		return result.stdout
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	}

	/** A new, empty database (n8n runs its migrations on first use). */
	async createDatabase(name: string): Promise<string> {
		await this.psql('postgres', `CREATE DATABASE "${name}"`);
		return name;
	}

	/**
	 * What an n8n process needs to run in queue mode on `database`: Postgres, the Bull queue on this
	 * Redis (`prefix` keeps two deployments on one Redis apart).
	 */
	queueEnv(database: string, prefix = database): QueueEnv {
		return {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.pgPort),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
			QUEUE_BULL_PREFIX: `bull-${prefix}`,
		};
	}

	private stopSync(): void {
		if (this.stopped) return;
		this.stopped = true;
		process.removeListener('exit', this.onExit);
		try {
			execFileSync(SCRIPT, ['stop', this.dir], { stdio: 'ignore', timeout: 60000 });
		} finally {
			if (process.env.E2E_KEEP !== '1') rmSync(this.dir, { recursive: true, force: true });
		}
	}

	async stop(): Promise<void> {
		this.stopSync();
		await Promise.resolve();
	}
}
