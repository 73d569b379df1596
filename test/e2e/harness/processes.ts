/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- e2e tooling (never shipped: not in dist/) drives a real n8n process: it spawns n8n, reads its files and env */
/**
 * Child processes of the e2e suite. Each runs in its own process group (n8n spawns task runners), is
 * registered until it exits, and is killed by its group id when the test process exits, so a failing
 * or interrupted test leaves nothing behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is already gone
	}
}

/** Kills every process the harness started and that is still running (SIGKILL, by process group). */
export function killAllChildren(): void {
	for (const child of running) killGroup(child, 'SIGKILL');
	running.clear();
}

process.once('exit', killAllChildren);

export interface Spawned {
	child: ChildProcess;
	/** Resolves when the process has exited (never rejects). */
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** SIGTERM to the group, then SIGKILL after `graceMs`; resolves once it has exited. */
	stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnTracked(
	command: string,
	args: string[],
	options: {
		cwd: string;
		env: NodeJS.ProcessEnv;
		/** Append stdout and stderr to this file instead of piping them. */
		logFile?: string;
	},
): Spawned {
	const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	if (log) {
		child.stdout?.pipe(log, { end: false });
		child.stderr?.pipe(log, { end: false });
	}
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
		child.once('error', () => {
			running.delete(child);
			log?.end();
			done({ code: null, signal: null });
		});
		child.once('close', (code, signal) => {
			running.delete(child);
			log?.end();
			done({ code, signal });
		});
	});
	const stop = async (graceMs = 30000) => {
		killGroup(child, 'SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
		const result = await exited;
		clearTimeout(timer);
		// the runners n8n started may outlive it for a moment; the group goes with it
		killGroup(child, 'SIGKILL');
		return result;
	};
	return { child, exited, stop };
}

export interface RunResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command to completion (killed after `timeoutMs`), collecting its output. */
export async function runTracked(
	command: string,
	args: string[],
	options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
	const started = Date.now();
	const proc = spawnTracked(command, args, options);
	let stdout = '';
	let stderr = '';
	proc.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	proc.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const timer = setTimeout(() => void proc.stop(5000), options.timeoutMs ?? 120000);
	const { code, signal } = await proc.exited;
	clearTimeout(timer);
	return { code, signal, stdout, stderr, ms: Date.now() - started };
}

/** A TCP port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.unref();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => done(port));
		});
	});
}

export async function delay(ms: number): Promise<void> {
	await new Promise((done) => setTimeout(done, ms));
}
