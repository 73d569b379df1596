/**
 * Security: where the service user's token may go, and what the package reads back. Each test is a
 * reproducer of an attack through n8n-core's real contexts and n8n's real HTTP stack (nock on the
 * wire), run against the node's own code paths: the transport, the credential's `authenticate` (as
 * the HTTP Request node uses it), the credential test and a list search.
 */
/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-deprecated-workflow-functions -- test: a never-ending chunked answer needs a real listener; the HTTP Request node still calls the older request helper, which is what is tested */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IExecuteFunctions, IHttpRequestOptions, IRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { CREDENTIAL_TEST_MESSAGES, HiBobApi } from '../../credentials/HiBobApi.credentials';
import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { getTimeOffPolicyTypes } from '../../nodes/HiBob/methods/timeOffOptions';
import type { HiBobRequest } from '../../nodes/HiBob/transport';
import { hiBobRequest, transportSettings } from '../../nodes/HiBob/transport';
import { testCredential } from '../harness/credentialTest';
import { failureOf } from '../harness/failure';
import { useFastClock } from '../harness/fastClock';
import { loadOptionsContext, runExecute } from '../harness/n8n';
import { probeNode } from '../harness/probeNode';

const ORIGIN = 'https://api.hibob.com';
const EVIL = 'http://collector.evil.example';
const EVIL_HTTPS = 'https://collector.evil.example';
const ID = 'SERVICE-USER-7';
const TOKEN = 'test token, not a secret 0123456789';
const credentials = { serviceUserId: ID, token: TOKEN, environment: 'production' };

useFastClock(Date.parse('2026-11-21T09:00:00Z'), 0.5);

/** Every request that reaches the other host, with what it carried. */
function collector(origin = EVIL) {
	const seen: Array<{ path: string; authorization?: string; body: string }> = [];
	const record = function (this: nock.ReplyFnContext, path: string, body: nock.Body) {
		seen.push({
			path,
			authorization: this.req.headers.authorization as string | undefined,
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});
		return [200, { employees: [] }] as [number, nock.Body];
	};
	nock(origin).persist().get(/.*/).reply(record).post(/.*/).reply(record);
	return { seen };
}

async function run<T>(body: (context: IExecuteFunctions) => Promise<T>): Promise<unknown> {
	const { output } = await runExecute({
		nodeType: probeNode(async (context) => await body(context)),
		parameters: {},
		credentials,
	});
	return output[0][0].json.result;
}

const call = async (request: HiBobRequest) =>
	await run(async (context) => await hiBobRequest(context, request));

describe('security: the token goes only to the credential’s own origin', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	describe('redirects are never followed (every 3xx is refused, naming where it pointed)', () => {
		it('a 307 from HiBob to plain http on another host: an error naming it, nothing reaches it', async () => {
			const { seen } = collector();
			nock(ORIGIN)
				.get('/v1/company/people/fields')
				.reply(307, '', { Location: `${EVIL}/steal` });
			const error = await failureOf(call({ method: 'GET', path: '/v1/company/people/fields' }));
			expect(error.message).toBe(
				`HiBob's address redirected the request to ${EVIL} (307); redirects are not followed`,
			);
			expect(error.description).toContain('stay with https://api.hibob.com');
			expect(seen).toEqual([]);
		});

		it('a 307 on a people search does not replay the body (filters, emails) elsewhere', async () => {
			const { seen } = collector(EVIL_HTTPS);
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(307, '', { Location: `${EVIL_HTTPS}/steal` });
			const error = await failureOf(
				call({
					method: 'POST',
					path: '/v1/people/search',
					body: { fields: ['root.email'], filters: [{ values: ['amy@acme.com'] }] },
				}),
			);
			expect(error.message).toContain(EVIL_HTTPS);
			expect(seen).toEqual([]);
		});

		it('a same-origin redirect is refused too (HiBob does not redirect), and not repeated', async () => {
			const scope = nock(ORIGIN)
				.get('/v1/company/people/fields')
				.reply(302, '', { Location: '/v1/elsewhere' });
			const other = nock(ORIGIN).get('/v1/elsewhere').reply(200, []);
			const error = await failureOf(call({ method: 'GET', path: '/v1/company/people/fields' }));
			expect(error.message).toContain(`to ${ORIGIN} (302)`);
			expect(error.httpCode).toBe('302');
			scope.done();
			expect(other.isDone()).toBe(false);
		});

		it('a list search (load options) gets the same protection', async () => {
			const { seen } = collector();
			nock(ORIGIN)
				.get('/v1/timeoff/policy-types')
				.reply(308, '', { Location: `${EVIL}/x` });
			const context = loadOptionsContext({
				nodeType: new HiBob(),
				parameters: { resource: 'timeOff', operation: 'createRequest' },
				credentials,
			});
			await expect(getTimeOffPolicyTypes.call(context)).rejects.toThrow(EVIL);
			expect(seen).toEqual([]);
		});

		it('the credential test reports a redirect and does not follow it', async () => {
			const { seen } = collector();
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(307, '', { Location: `${EVIL}/steal` });
			const result = await testCredential(new HiBobApi(), credentials);
			expect(result).toEqual({ status: 'Error', message: CREDENTIAL_TEST_MESSAGES.redirected });
			expect(seen).toEqual([]);
		});

		it('a request signed with the credential by another node (HTTP Request) does not follow a redirect either', async () => {
			const { seen } = collector();
			nock(ORIGIN).get('/v1/company/people/fields').times(2).reply(307, '', { Location: `${EVIL}/steal` }); // prettier-ignore
			// n8n's newer helper, as a node would call it with default options (follow redirects).
			const answer = (await run(
				async (context) =>
					await context.helpers.httpRequestWithAuthentication.call(context, 'hiBobApi', {
						method: 'GET',
						url: `${ORIGIN}/v1/company/people/fields`,
						returnFullResponse: true,
						ignoreHttpStatusErrors: true,
					}),
			)) as { statusCode: number };
			expect(answer.statusCode).toBe(307);
			// The HTTP Request node's request format (`uri`, followRedirect on by default).
			const legacy = await failureOf(
				run(
					async (context) =>
						await context.helpers.requestWithAuthentication.call(context, 'hiBobApi', {
							method: 'GET',
							uri: `${ORIGIN}/v1/company/people/fields`,
							followRedirect: true,
							followAllRedirects: true,
						} as IRequestOptions),
				),
			);
			expect(String(legacy.message)).not.toContain('employees');
			expect(seen).toEqual([]);
		});
	});

	describe('authenticate signs only URLs on the credential’s own origin', () => {
		const attempts: Array<[string, IHttpRequestOptions]> = [
			['an absolute URL to another https host', { url: `${EVIL_HTTPS}/x` }],
			['a relative URL with a caller-supplied base URL elsewhere', { url: '/x', baseURL: EVIL_HTTPS }],
			['a protocol-relative URL', { url: '//collector.evil.example/x' }],
			['a host that only starts like HiBob’s', { url: 'https://api.hibob.com.evil.example/x' }],
			['userinfo that hides the host', { url: 'https://api.hibob.com@collector.evil.example/x' }],
		]; // prettier-ignore
		it.each(attempts)('refuses %s, naming the origin, and sends nothing', async (_, options) => {
			const { seen } = collector(EVIL_HTTPS);
			const other = collector('https://api.hibob.com.evil.example');
			const error = await failureOf(
				run(
					async (context) =>
						await context.helpers.httpRequestWithAuthentication.call(context, 'hiBobApi', options),
				),
			);
			expect(error.message).toMatch(
				/The HiBob credential may only be used for https:\/\/api\.hibob\.com; this request was for https:\/\/(collector|api\.hibob\.com)\.evil\.example and was not sent/,
			);
			expect(seen).toEqual([]);
			expect(other.seen).toEqual([]);
		});

		it('refuses another origin in the HTTP Request node’s request format (uri)', async () => {
			const { seen } = collector(EVIL_HTTPS);
			const error = await failureOf(
				run(
					async (context) =>
						await context.helpers.requestWithAuthentication.call(context, 'hiBobApi', {
							method: 'GET',
							uri: `${EVIL_HTTPS}/x`,
						} as IRequestOptions),
				),
			);
			expect(error.message).toContain(`this request was for ${EVIL_HTTPS}`);
			expect(seen).toEqual([]);
		});

		it("still signs HiBob's own endpoints, relative or absolute", async () => {
			nock(ORIGIN)
				.get('/v1/company/people/fields')
				.times(2)
				.basicAuth({ user: ID, pass: TOKEN })
				.reply(200, [{ id: 'root.id' }]);
			for (const url of ['/v1/company/people/fields', `${ORIGIN}/v1/company/people/fields`]) {
				const answer = await run(
					async (context) =>
						await context.helpers.httpRequestWithAuthentication.call(context, 'hiBobApi', {
							url,
							json: true,
						}),
				);
				expect(answer).toEqual([{ id: 'root.id' }]);
			}
		});
	});
});

describe('security: what the package reads back', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		transportSettings.maxAnswerBytes = 128 * 1024 * 1024;
	});
	afterAll(() => nock.enableNetConnect());
	const fields: HiBobRequest = { method: 'GET', path: '/v1/company/people/fields' };

	it('removes an echoed token before cutting the error text, so no part of it survives the cut', async () => {
		// The token straddles the 300-character cut.
		nock(ORIGIN)
			.get('/v1/company/people/fields')
			.reply(400, `${'x'.repeat(290)} ${TOKEN}`, {
				'Content-Type': 'text/plain',
			});
		const error = await failureOf(call(fields));
		const text = `${error.message} ${error.description}`;
		expect(text).toContain('[redact');
		expect(text).not.toContain(TOKEN.slice(0, 8));
	});

	it('cuts a long error text in a JSON envelope too, and reads at most 64 KiB of an error answer', async () => {
		nock(ORIGIN)
			.get('/v1/company/people/fields')
			.reply(400, { error: 'e'.repeat(10_000) });
		const error = await failureOf(call(fields));
		expect(error.description).toContain(`HiBob said: "${'e'.repeat(300)}…"`);
		expect(error.description!.length).toBeLessThan(600);
		nock(ORIGIN)
			.get('/v1/company/people/fields')
			.reply(400, { error: 'e'.repeat(1_000_000) });
		const huge = await failureOf(call(fields));
		expect(huge.description!.length).toBeLessThan(600);
	});

	it('refuses an answer larger than the cap, naming it, whether its length is declared or not', async () => {
		transportSettings.maxAnswerBytes = 1000;
		const big = JSON.stringify([{ id: 'x'.repeat(2000) }]);
		nock(ORIGIN)
			.get('/v1/company/people/fields')
			.reply(200, big, {
				'Content-Type': 'application/json',
				'Content-Length': String(big.length),
			});
		const declared = await failureOf(call(fields));
		expect(declared.message).toBe(
			"HiBob's answer is larger than 1000 bytes, the most this node reads",
		);
		// A chunked answer (no Content-Length) that never ends is counted while it arrives and cut off
		// at the cap: the connection is closed, the server stops sending.
		let sent = 0;
		const server = createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			const more = () => {
				while (!response.destroyed && response.write(Buffer.alloc(512, 0x20))) sent += 512;
			};
			response.on('drain', more);
			more();
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		nock.enableNetConnect('127.0.0.1');
		try {
			const { port } = server.address() as AddressInfo;
			const { output } = await runExecute({
				nodeType: probeNode(async (context) => {
					try {
						return await hiBobRequest(context, fields);
					} catch (error) {
						return (error as Error).message;
					}
				}),
				parameters: {},
				credentials: { ...credentials, environment: 'custom', baseUrl: `http://127.0.0.1:${port}` },
			});
			expect(output[0][0].json.result).toBe(declared.message);
			expect(sent).toBeLessThan(10_000_000);
		} finally {
			server.closeAllConnections();
			server.close();
			nock.disableNetConnect();
		}
		// Under the cap, nothing changes.
		nock(ORIGIN)
			.get('/v1/company/people/fields')
			.reply(200, [{ id: 'root.id' }]);
		await expect(call(fields)).resolves.toEqual([{ id: 'root.id' }]);
	});
});
