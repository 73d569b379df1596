/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- e2e tooling (never shipped: not in dist/) drives a real n8n process: it spawns n8n, reads its files and env */
/**
 * Where the real n8n lives: test/e2e/setup-n8n.sh installs it into .cache/ and writes the ready marker
 * .cache/e2e-n8n-<line>.json, which this module reads. Nothing here installs anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (the folder with our package.json). */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

/** The git-ignored cache for Node 24, the n8n hosts, packed tarballs and per-test n8n user folders. */
export const CACHE_DIR = process.env.E2E_CACHE_DIR ?? join(PROJECT_ROOT, '.cache');

/** `2` = n8n 2.41.1 on Node 24 (default), `1` = n8n 1.123.x on the system Node 20. */
export type N8nLine = 1 | 2;

export interface N8nHost {
	line: N8nLine;
	n8nVersion: string;
	nodeVersion: string;
	/** The Node binary n8n runs on (Node 24 for the 2.x line). */
	nodeBin: string;
	hostDir: string;
	/** n8n's CLI entry point (a JS file, run as `nodeBin n8nBin <command>`). */
	n8nBin: string;
	timings: {
		nodeSeconds: number;
		installSeconds: number;
		sqliteSeconds: number;
		totalSeconds: number;
	};
	hostSizeMB: number;
}

/** The line selected for this run: E2E_N8N_LINE=1 picks the n8n 1.x host. */
export function selectedLine(): N8nLine {
	return process.env.E2E_N8N_LINE === '1' ? 1 : 2;
}

/** Reads the ready marker; returns undefined (with the reason) when setup has not completed. */
export function findN8nHost(line: N8nLine = selectedLine()): { host?: N8nHost; reason?: string } {
	const marker = join(CACHE_DIR, `e2e-n8n-${line}.json`);
	const status = join(CACHE_DIR, `setup-n8n-${line}.status`);
	if (!existsSync(marker)) {
		const last = existsSync(status) ? readFileSync(status, 'utf8').trim() : 'never run';
		return {
			reason: `the real n8n (line ${line}) is not set up: run test/e2e/setup-n8n.sh${line === 1 ? ' --line 1' : ''} (last result: ${last})`,
		};
	}
	const host = { line, ...(JSON.parse(readFileSync(marker, 'utf8')) as Omit<N8nHost, 'line'>) };
	if (!existsSync(host.n8nBin) || !existsSync(host.nodeBin)) {
		return {
			reason: `the ready marker ${marker} points at files that are gone: rerun setup-n8n.sh`,
		};
	}
	return { host };
}

/** Like findN8nHost, but fails with one clear message. */
export function requireN8nHost(line: N8nLine = selectedLine()): N8nHost {
	const { host, reason } = findN8nHost(line);
	if (!host) throw new Error(`e2e: ${reason}`);
	return host;
}
