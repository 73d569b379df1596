/* eslint-disable @n8n/community-nodes/no-restricted-imports -- e2e tooling (never shipped: not in dist/) drives a real n8n process: it spawns n8n, reads its files and env */
/**
 * A throwaway HTTP stand-in on 127.0.0.1 for tests that need one exact answer (the HiBob simulator is
 * the stand-in for full scenarios). It records every request so tests can assert what reached it; used
 * as HTTP(S)_PROXY it records where n8n tried to go (CONNECT host:port for https).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	/** The decoded `user:password` of a Basic authorization header, if any. */
	basic?: string;
	body: string;
}

export interface LoopbackReply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type LoopbackHandler = (request: RecordedRequest) => LoopbackReply;

export interface LoopbackApi {
	/** e.g. http://127.0.0.1:40123 */
	url: string;
	requests: RecordedRequest[];
	/** Replaces the handler (and keeps the request log). */
	reply(handler: LoopbackHandler): void;
	close(): Promise<void>;
}

export async function startLoopbackApi(handler: LoopbackHandler): Promise<LoopbackApi> {
	let current = handler;
	const requests: RecordedRequest[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const auth = req.headers.authorization ?? '';
			const recorded: RecordedRequest = {
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				headers: req.headers,
				basic: auth.startsWith('Basic ')
					? Buffer.from(auth.slice(6), 'base64').toString('utf8')
					: undefined,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(recorded);
			const reply = current(recorded);
			const body =
				reply.body === undefined
					? ''
					: typeof reply.body === 'string'
						? reply.body
						: JSON.stringify(reply.body);
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(body);
		});
	});
	// as an HTTPS proxy n8n would send CONNECT host:443: record it, then refuse the tunnel
	server.on('connect', (req: IncomingMessage, socket: Duplex) => {
		requests.push({
			method: 'CONNECT',
			url: req.url ?? '',
			headers: req.headers,
			body: '',
		});
		socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		reply: (next) => {
			current = next;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		},
	};
}
