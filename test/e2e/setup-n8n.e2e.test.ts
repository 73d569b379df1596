/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- e2e tooling (never shipped: not in dist/): runs setup-n8n.sh with its own environment and temporary folders */
/**
 * setup-n8n.sh's failure reports: a registry that lacks a pinned package, or cannot be reached, ends the
 * setup with ONE line saying so (on stderr and in `--status`), exit 1 and no ready marker, instead of a
 * confusing test failure later. Runs the real script against a throwaway host definition (E2E_HOSTS_DIR)
 * and cache (E2E_CACHE_DIR); `--line 1` so it needs no Node download.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, 'setup-n8n.sh');
const LINE_1_VERSION = '1.123.81';

let scratch: string;

beforeEach(() => {
	scratch = mkdtempSync(join(tmpdir(), 'hibob-setup-'));
});

afterEach(() => {
	rmSync(scratch, { recursive: true, force: true });
});

/** A host definition that depends on `dependencies`, and the script run against it. */
function runSetup(dependencies: Record<string, string>, env: Record<string, string> = {}) {
	const hosts = join(scratch, 'hosts');
	mkdirSync(join(hosts, `n8n-${LINE_1_VERSION}`), { recursive: true });
	writeFileSync(
		join(hosts, `n8n-${LINE_1_VERSION}`, 'package.json'),
		JSON.stringify({ name: 'setup-test-host', private: true, dependencies }),
	);
	const cache = join(scratch, 'cache');
	const environment = { ...process.env, E2E_HOSTS_DIR: hosts, E2E_CACHE_DIR: cache, ...env };
	const result = spawnSync('bash', [SCRIPT, '--line', '1'], {
		env: environment,
		encoding: 'utf8',
		timeout: 120_000,
	});
	const status = spawnSync('bash', [SCRIPT, '--line', '1', '--status'], {
		env: environment,
		encoding: 'utf8',
	});
	return {
		code: result.status,
		stderrLines: result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn')),
		status: status.stdout.trim(),
		statusCode: status.status,
		marker: existsSync(join(cache, 'e2e-n8n-1.json')),
		log: readFileSync(join(cache, 'setup-n8n-1.log'), 'utf8'),
	};
} // prettier-ignore

describe('setup-n8n.sh reports a broken registry in one line', () => {
	it('a pinned package the registry lacks', () => {
		const run = runSetup({ 'is-number': '99.0.0' });
		const line = `e2e setup: the npm registry lacks n8n@${LINE_1_VERSION}'s dependency is-number@99.0.0 — cannot run the real-n8n suite`;
		expect(run.code).toBe(1);
		expect(run.stderrLines).toEqual([line]);
		expect(run.status).toBe(line);
		expect(run.statusCode).not.toBe(0);
		expect(run.marker).toBe(false);
		// The full npm output is kept for whoever needs more than the line.
		expect(run.log).toMatch(/ETARGET|No matching version/);
	}); // prettier-ignore

	it('a registry that cannot be reached', () => {
		const run = runSetup(
			{ 'is-number': '7.0.0' },
			{
				npm_config_registry: 'http://127.0.0.1:9/',
				npm_config_cache: join(scratch, 'npm-cache'),
				npm_config_fetch_retries: '0',
				npm_config_offline: 'false',
			},
		);
		expect(run.code).toBe(1);
		expect(run.stderrLines).toHaveLength(1);
		expect(run.stderrLines[0]).toMatch(
			new RegExp(`^e2e setup: cannot reach the npm registry while installing n8n@${LINE_1_VERSION} \\(ECONNREFUSED.*\\) — cannot run the real-n8n suite$`),
		);
		expect(run.status).toBe(run.stderrLines[0]);
		expect(run.marker).toBe(false);
	}); // prettier-ignore
});
