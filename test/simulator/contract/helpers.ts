/**
 * Shared helpers for the simulator's contract tests: real HTTP against an in-process simulator.
 */
import { type RunningSimulator, startSimulator, type StartOptions } from '../index';

export const TODAY = '2026-11-21';

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON, or undefined when the body is not JSON. */
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests index freely into response bodies
}

export async function start(options: StartOptions = {}): Promise<RunningSimulator> {
	return await startSimulator({
		employees: 60,
		seed: 42,
		today: TODAY,
		freezeClock: true,
		rateLimit: false,
		...options,
	});
}

export async function call(
	sim: RunningSimulator,
	method: string,
	path: string,
	options: { body?: unknown; auth?: string | null; headers?: Record<string, string> } = {},
): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const auth = options.auth === undefined ? sim.authHeader() : options.auth;
	if (auth !== null) headers.Authorization = auth;
	let body: string | undefined;
	if (options.body !== undefined) {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const res = await fetch(`${sim.url}${path}`, { method, headers, body });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

export async function search(
	sim: RunningSimulator,
	body: unknown,
	auth?: string | null,
): Promise<Answer> {
	return await call(sim, 'POST', '/v1/people/search', { body, auth });
}

/** Calls the HTTP control API. */
export async function ctl(sim: RunningSimulator, method: string, arg?: unknown): Promise<Answer> {
	return await call(sim, 'POST', `/__control/${method}`, {
		body: arg,
		auth: null,
	});
}
