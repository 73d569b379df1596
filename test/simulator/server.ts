/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: the simulator is an HTTP server with timers and runs outside n8n */
/**
 * The HTTP transport of the simulator: `/v1/...` goes to the Simulator, `/__control/<method>` to the
 * control API (JSON in, JSON out; optional `X-Control-Key`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ControlError } from './company';
import { serveDocumentFile } from './documents';
import { CONTROL_METHODS, SimulatorControl } from './control';
import { type LogEntry, Simulator, type SimulatorOptions } from './simulator';

export interface StartOptions extends SimulatorOptions {
	/** Default 0: an ephemeral port. */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** When set, control calls over HTTP must send it in `X-Control-Key`. */
	controlKey?: string;
}

export interface RequestLog {
	entries(filter?: { path?: string; method?: string }): LogEntry[];
	clear(): void;
}

export interface RunningSimulator {
	/** e.g. `http://127.0.0.1:41234`; HiBob paths (`/v1/...`) go after it. */
	url: string;
	port: number;
	/** The default service user: all categories, scope "all", history. */
	serviceUser: { id: string; token: string };
	/** The file host documents' download links point to: another port, no HiBob credential. */
	fileHostUrl: string;
	/** `Authorization` header value for the default (or given) service user. */
	authHeader(user?: { id: string; token: string }): string;
	control: SimulatorControl;
	log: RequestLog;
	simulator: Simulator;
	stop(): Promise<void>;
}

const CONTROL_PREFIX = '/__control';

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function send(
	res: ServerResponse,
	status: number,
	headers: Record<string, string>,
	body: string | Buffer | null,
) {
	const buf = body === null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
	res.writeHead(status, { ...headers, ...(buf ? { 'Content-Length': String(buf.length) } : {}) });
	res.end(buf ?? undefined);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
	send(
		res,
		status,
		{ 'Content-Type': 'application/json; charset=utf-8' },
		JSON.stringify(body ?? { ok: true }),
	);
}

async function handleControl(
	control: SimulatorControl,
	controlKey: string | undefined,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	rawBody: string,
): Promise<void> {
	if (controlKey !== undefined && req.headers['x-control-key'] !== controlKey)
		return sendJson(res, 401, { error: 'Missing or wrong X-Control-Key' });
	const name = path.slice(CONTROL_PREFIX.length).replace(/^\/+|\/+$/g, '');
	if (name === '') return sendJson(res, 200, { methods: CONTROL_METHODS });
	if (!CONTROL_METHODS.includes(name))
		return sendJson(res, 404, { error: `Unknown control method ${name}` });
	let arg: unknown = undefined;
	if (rawBody.trim() !== '') {
		try {
			arg = JSON.parse(rawBody);
		} catch {
			arg = undefined;
		}
		if (arg === undefined) return sendJson(res, 400, { error: 'Control bodies must be JSON' });
	}
	const method = (control as unknown as Record<string, (a?: unknown) => unknown>)[name];
	let result: unknown;
	let failure: Error | undefined;
	try {
		result = await (arg === undefined ? method.call(control) : method.call(control, arg));
	} catch (error) {
		failure = error as Error;
	}
	if (failure) {
		const status = failure instanceof ControlError ? 400 : 500;
		return sendJson(res, status, { error: failure.message });
	}
	sendJson(res, 200, result);
}

/** Starts the simulator on an HTTP port (ephemeral by default). */
export async function startSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
	const simulator = new Simulator(options);
	const control = new SimulatorControl(simulator);
	const sockets = new Set<import('node:net').Socket>();

	const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
		const rawBytes = await readBody(req);
		const rawBody = rawBytes.toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname === CONTROL_PREFIX || url.pathname.startsWith(`${CONTROL_PREFIX}/`))
			return handleControl(control, options.controlKey, req, res, url.pathname, rawBody);
		const answer = await simulator.handle({
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			rawBytes,
			remoteAddress: req.socket.remoteAddress ?? 'unknown',
		});
		if (answer.reset) {
			req.socket.destroy();
			return;
		}
		send(res, answer.status, answer.headers, answer.body);
	};

	const server: Server = createServer((req, res) => {
		onRequest(req, res).catch((error: unknown) => {
			if (!res.headersSent)
				sendJson(res, 500, {
					key: 'simulator.error',
					error: String((error as Error)?.message ?? error),
				});
			else res.destroy();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	// The file host: documents' pre-signed download links live here, on another origin than the API.
	const files: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://files');
		const answer = serveDocumentFile(simulator.company, {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: url.searchParams,
			authorization: req.headers.authorization,
			now: simulator.clock.now(),
		});
		simulator.fileLog.push({ path: url.pathname, status: answer.status, authorization: req.headers.authorization !== undefined }); // prettier-ignore
		res.writeHead(answer.status, {
			...answer.headers,
			'Content-Length': String(answer.body.length),
		});
		res.end(answer.body);
	});
	files.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve, reject) => {
		files.once('error', reject);
		files.listen(0, options.host ?? '127.0.0.1', () => resolve());
	});
	const fileHostUrl = `http://${host}:${(files.address() as AddressInfo).port}`;
	simulator.fileHost = fileHostUrl;
	const user = simulator.defaultUser;
	return {
		url: `http://${host}:${address.port}`,
		port: address.port,
		fileHostUrl,
		serviceUser: { id: user.id, token: user.token },
		authHeader: (u = user) => `Basic ${Buffer.from(`${u.id}:${u.token}`).toString('base64')}`,
		control,
		log: {
			entries: (filter) => control.getLog(filter),
			clear: () => {
				control.clearLog();
			},
		},
		simulator,
		stop: () =>
			new Promise<void>((resolve) => {
				for (const t of simulator.timers) clearTimeout(t);
				simulator.timers.clear();
				for (const s of sockets) s.destroy();
				files.close();
				server.close(() => resolve());
			}),
	};
}
