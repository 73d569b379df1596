/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: a loopback HTTP proxy in front of the simulator, outside n8n */
/**
 * A loopback proxy in front of the simulator for the trigger tests. It forwards every request at once
 * (so the simulator computes the answer when the request arrives) and can then
 * - hold the next people search's answer until the test releases it: a slow answer that was already
 *   out of date when it was delivered;
 * - rewrite the people search's answer bytes (a one-byte difference, another order of people).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const SEARCH = '/v1/people/search';

export interface HeldAnswer {
	/** Resolves once the held answer has been computed by the simulator (the request arrived). */
	arrived: Promise<void>;
	/** Delivers the held answer. */
	release(): void;
}

export interface SimProxy {
	url: string;
	/** Holds the next people search's answer. */
	holdNextSearch(): HeldAnswer;
	/** Holds the answer of the next request whose path starts with `path`. */
	holdNext(path: string): HeldAnswer;
	/** Rewrites every people search answer from now on (undefined: pass it through). */
	rewrite: ((body: Buffer) => Buffer) | undefined;
	stop(): Promise<void>;
}

export async function startProxy(target: string): Promise<SimProxy> {
	const holds: Array<{ path: string; arrive: () => void; release: () => void; released: Promise<void> }> = []; // prettier-ignore
	const pending: Array<() => void> = [];
	const proxy: SimProxy = {
		url: '',
		rewrite: undefined,
		holdNextSearch() {
			return proxy.holdNext(SEARCH);
		},
		holdNext(path: string) {
			let arrive = () => {};
			let release = () => {};
			const arrived = new Promise<void>((resolve) => (arrive = resolve));
			const released = new Promise<void>((resolve) => (release = resolve));
			holds.push({ path, arrive, release: () => release(), released });
			pending.push(() => release());
			return { arrived, release };
		},
		stop: async () => {
			// A test that failed before releasing its hold must not keep the server open.
			for (const hold of holds.splice(0)) hold.release();
			for (const release of pending.splice(0)) release();
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			void (async () => {
				const headers: Record<string, string> = {};
				for (const name of ['authorization', 'content-type', 'accept']) {
					const value = request.headers[name];
					if (typeof value === 'string') headers[name] = value;
				}
				const upstream = await fetch(`${target}${request.url ?? ''}`, {
					method: request.method,
					headers,
					body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
				});
				let body: Buffer = Buffer.from(await upstream.arrayBuffer());
				const isSearch = (request.url ?? '').startsWith(SEARCH);
				if (isSearch && proxy.rewrite && upstream.status === 200) body = proxy.rewrite(body);
				const index = holds.findIndex((entry) => (request.url ?? '').startsWith(entry.path));
				const hold = index >= 0 ? holds.splice(index, 1)[0] : undefined;
				if (hold) {
					hold.arrive();
					await hold.released;
				}
				response.writeHead(upstream.status, {
					'content-type': upstream.headers.get('content-type') ?? 'application/json',
				});
				response.end(body);
			})().catch((error: unknown) => {
				response.writeHead(502);
				response.end(String(error));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return proxy;
}
