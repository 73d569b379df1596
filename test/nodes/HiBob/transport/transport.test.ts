import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import nock from 'nock';

import type { HiBobRequest, HiBobWriteOptions } from '../../../../nodes/HiBob/transport';
import { hiBobRequest, hiBobWrite } from '../../../../nodes/HiBob/transport';
import { useFastClock } from '../../../harness/fastClock';
import { runExecute } from '../../../harness/n8n';
import { probeNode } from '../../../harness/probeNode';
import type { RunningSimulator } from '../../../simulator';
import { startSimulator } from '../../../simulator';

const ORIGIN = 'https://api.hibob.com';
const ID = 'SERVICE-USER-7';
const TOKEN = 'test token, not a secret 42';
const credentials = { serviceUserId: ID, token: TOKEN, environment: 'production' };

const clock = useFastClock(Date.parse('2026-11-21T09:00:00Z'), 0.5);

async function call(
	request: HiBobRequest,
	creds: ICredentialDataDecryptedObject = credentials,
): Promise<unknown> {
	const { output } = await runExecute({
		nodeType: probeNode(async (context: IExecuteFunctions) => await hiBobRequest(context, request)),
		parameters: {},
		credentials: creds,
	});
	return output[0][0].json.result;
}

async function failure(request: HiBobRequest, creds?: ICredentialDataDecryptedObject) {
	let caught: unknown;
	try {
		await call(request, creds);
	} catch (error) {
		caught = error;
	}
	if (!caught) throw new Error('expected the request to fail');
	return caught as Error & {
		description?: string;
		httpCode?: string;
		context?: IDataObject;
		failure?: IDataObject;
	};
}

const search: HiBobRequest = {
	method: 'POST',
	path: '/v1/people/search',
	body: { fields: ['root.id'] },
};
const fields: HiBobRequest = { method: 'GET', path: '/v1/company/people/fields' };
const notIdempotent: HiBobWriteOptions = {
	idempotent: false,
	checkInBob: "the employee's Employment table",
};

async function write(request: HiBobRequest & { write: HiBobWriteOptions }): Promise<unknown> {
	const { output } = await runExecute({
		nodeType: probeNode(async (context: IExecuteFunctions) => await hiBobWrite(context, request)),
		parameters: {},
		credentials,
	});
	return output[0][0].json.result;
}

describe('transport', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	describe('the request on the wire', () => {
		it('sends a POST with Basic auth, Accept and a JSON Content-Type, and parses the answer', async () => {
			const scope = nock(ORIGIN, {
				reqheaders: { accept: 'application/json', 'content-type': 'application/json' },
			})
				.post('/v1/people/search', { fields: ['root.id'] })
				.basicAuth({ user: ID, pass: TOKEN })
				.reply(
					200,
					{ employees: [{ id: '3332883884017713238' }] },
					{ 'content-type': 'application/json' },
				);
			await expect(call(search)).resolves.toEqual({ employees: [{ id: '3332883884017713238' }] });
			scope.done();
		});

		it('sends no Content-Type on a GET (HiBob answers some such GETs with 400 HTML)', async () => {
			const scope = nock(ORIGIN, { badheaders: ['content-type'] })
				.get('/v1/company/people/fields')
				.query({ includeArchived: 'false' })
				.basicAuth({ user: ID, pass: TOKEN })
				.reply(200, [{ id: 'root.id' }]);
			await expect(call({ ...fields, qs: { includeArchived: false } })).resolves.toEqual([
				{ id: 'root.id' },
			]);
			scope.done();
		});

		it('keeps 19-digit IDs exact (the body is parsed as text, never through numbers)', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(200, '{"employees":[{"id":"3332883884017713238"}]}');
			expect(await call(search)).toEqual({ employees: [{ id: '3332883884017713238' }] });
		});

		it('uses the sandbox and custom base URLs from the credential', async () => {
			const sandbox = nock('https://api.sandbox.hibob.com')
				.get('/v1/company/people/fields')
				.reply(200, []);
			await call(fields, { ...credentials, environment: 'sandbox' });
			sandbox.done();
			const custom = nock('http://localhost:4010').get('/v1/company/people/fields').reply(200, []);
			await call(fields, {
				...credentials,
				environment: 'custom',
				baseUrl: 'http://localhost:4010/v1',
			});
			custom.done();
		});

		it('refuses a non-https custom base URL before sending anything', async () => {
			const error = await failure(fields, {
				...credentials,
				environment: 'custom',
				baseUrl: 'http://hr.example.com',
			});
			expect(error.constructor.name).toBe('NodeOperationError');
			expect(error.message).toMatch(/must start with https:\/\//);
			expect(nock.pendingMocks()).toEqual([]);
		});
	});

	describe('429 rate limit', () => {
		it('waits until X-RateLimit-Reset (epoch seconds), then succeeds', async () => {
			const reset = Math.floor(Date.parse('2026-11-21T09:00:30Z') / 1000);
			const scope = nock(ORIGIN)
				.post('/v1/people/search')
				.reply(
					429,
					{ error: 'Too many requests' },
					{ 'X-RateLimit-Reset': String(reset), 'X-RateLimit-Remaining': '0' },
				)
				.post('/v1/people/search')
				.reply(200, { employees: [] });
			await expect(call(search)).resolves.toEqual({ employees: [] });
			expect(clock.current.sleeps).toEqual([31_000]);
			scope.done();
		});

		it('falls back to Retry-After when there is no reset header', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(429, '', { 'Retry-After': '7' })
				.post('/v1/people/search')
				.reply(200, { employees: [] });
			await call(search);
			expect(clock.current.sleeps).toEqual([7_000]);
		});

		it('backs off exponentially with jitter when HiBob sends neither header', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.times(3)
				.reply(429, '')
				.post('/v1/people/search')
				.reply(200, { employees: [] });
			await call(search);
			// random 0.5 ⇒ 75% of each step: 2 s, 4 s, 8 s steps
			expect(clock.current.sleeps).toEqual([1_500, 3_000, 6_000]);
		});

		it('gives up after a bounded number of attempts with an actionable message', async () => {
			const scope = nock(ORIGIN)
				.post('/v1/people/search')
				.times(5)
				.reply(429, '', { 'Retry-After': '1' });
			const error = await failure(search);
			expect(error.message).toBe("HiBob's rate limit is still exceeded after 5 attempts (429)");
			expect(error.description).toMatch(/50 people searches a minute/);
			expect(error.httpCode).toBe('429');
			expect(error.failure).toMatchObject({ cause: 'rate-limited' });
			expect(clock.current.sleeps).toHaveLength(4);
			scope.done();
		});

		it('does not wait for a reset further away than one wait may last', async () => {
			const reset = Math.floor(Date.parse('2026-11-21T09:30:00Z') / 1000);
			const scope = nock(ORIGIN)
				.post('/v1/people/search')
				.once()
				.reply(429, '', { 'X-RateLimit-Reset': String(reset) });
			const error = await failure(search);
			expect(error.httpCode).toBe('429');
			expect(clock.current.sleeps).toEqual([]);
			scope.done();
		});

		it("stops instead of waiting past the caller's deadline (a poll's budget)", async () => {
			const scope = nock(ORIGIN)
				.post('/v1/people/search')
				.once()
				.reply(429, '', { 'Retry-After': '20' });
			const deadline = Date.parse('2026-11-21T09:00:10Z');
			const error = await failure({ ...search, deadline });
			expect(error.httpCode).toBe('429');
			expect(clock.current.sleeps).toEqual([]);
			scope.done();
		});

		it('bounds the total wait across retries', async () => {
			nock(ORIGIN).post('/v1/people/search').times(5).reply(429, '', { 'Retry-After': '50' });
			const error = await failure(search);
			expect(error.httpCode).toBe('429');
			// 50 + 50 s fit in the 120 s total; a third 50 s wait would not
			expect(clock.current.sleeps).toEqual([50_000, 50_000]);
		});
	});

	describe('transient failures', () => {
		it.each([502, 503, 504])('retries %i for reads', async (status) => {
			const scope = nock(ORIGIN)
				.get('/v1/company/people/fields')
				.reply(status, 'Bad gateway')
				.get('/v1/company/people/fields')
				.reply(200, []);
			await expect(call(fields)).resolves.toEqual([]);
			expect(clock.current.sleeps).toEqual([1_500]);
			scope.done();
		});

		it('does not retry a 503 for a write that is not idempotent, and says what to check in Bob', async () => {
			const scope = nock(ORIGIN).post('/v1/people/search').once().reply(503, { error: 'down' });
			const error = await failure({ ...search, write: notIdempotent });
			expect(error.message).toBe(
				'HiBob may or may not have applied this change — HiBob is unavailable right now (503)',
			);
			expect(error.description).toContain('HiBob said: "down"');
			expect(error.description).toContain(
				"not repeated, since repeating it could apply it twice. Check the employee's Employment table in Bob before running it again.",
			);
			expect(clock.current.sleeps).toEqual([]);
			scope.done();
		});

		it('repeats an idempotent write (a PUT) after a 503', async () => {
			const scope = nock(ORIGIN)
				.put('/v1/people/1/email', { email: 'a@example.com' })
				.reply(503, 'down')
				.put('/v1/people/1/email', { email: 'a@example.com' })
				.reply(200, '');
			await expect(
				write({
					method: 'PUT',
					path: '/v1/people/1/email',
					body: { email: 'a@example.com' },
					write: { idempotent: true, checkInBob: "the employee's work email" },
				}),
			).resolves.toEqual({ status: 200, body: null, unchanged: false });
			expect(clock.current.sleeps).toHaveLength(1);
			scope.done();
		});

		it('waits out a 429 and repeats even a write that is not idempotent (HiBob did not process it)', async () => {
			const reset = Math.floor(clock.current.now() / 1000) + 3;
			const scope = nock(ORIGIN)
				.post('/v1/employees/1/terminate')
				.reply(429, { error: 'Too many requests' }, { 'X-RateLimit-Reset': String(reset) })
				.post('/v1/employees/1/terminate')
				.reply(200, '');
			await expect(
				write({
					method: 'POST',
					path: '/v1/employees/1/terminate',
					body: { terminationDate: '2026-12-31' },
					write: notIdempotent,
				}),
			).resolves.toEqual({ status: 200, body: null, unchanged: false });
			expect(clock.current.sleeps).toHaveLength(1);
			scope.done();
		});

		it('reports a 304 to a write as unchanged, not as an error', async () => {
			const scope = nock(ORIGIN).put('/v1/people/1').once().reply(304);
			await expect(
				write({
					method: 'PUT',
					path: '/v1/people/1',
					body: { work: { title: 'x' } },
					write: { idempotent: true, checkInBob: "the employee's profile" },
				}),
			).resolves.toEqual({ status: 304, body: null, unchanged: true });
			scope.done();
		});

		it('never repeats a 401 to a write', async () => {
			const scope = nock(ORIGIN).put('/v1/people/1').once().reply(401, { error: 'bad' });
			const error = await failure({
				method: 'PUT',
				path: '/v1/people/1',
				body: {},
				write: { idempotent: true, checkInBob: 'x' },
			});
			expect(error.message).toBe('HiBob rejected the service user ID or token (401)');
			expect(clock.current.sleeps).toEqual([]);
			scope.done();
		});

		it('retries a cut-off JSON answer, then succeeds', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(200, '{"employees":[{"id":"1"', { 'content-type': 'application/json' })
				.post('/v1/people/search')
				.reply(200, { employees: [] });
			await expect(call(search)).resolves.toEqual({ employees: [] });
		});

		it('reports invalid JSON when it persists', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.times(5)
				.reply(200, '{"employees":[', { 'content-type': 'application/json' });
			const error = await failure(search);
			expect(error.message).toBe("HiBob's answer could not be read (invalid JSON)");
		});
	});

	describe('final answers', () => {
		it.each([
			[400, /invalid \(400\)/, /HiBob said: "Invalid fieldPath"/],
			[401, /service user ID or token \(401\)/, /Environment matches/],
			[403, /refused access \(403\)/, /permission group/],
			[404, /Not found in HiBob \(404\)/, /Check the ID, email or name/],
		])('never retries %i and says what to do', async (status, message, description) => {
			const scope = nock(ORIGIN)
				.post('/v1/people/search')
				.once()
				.reply(status, { key: 'x', error: 'Invalid fieldPath' });
			const error = await failure(search);
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toMatch(message);
			expect(error.description).toMatch(description);
			expect(error.httpCode).toBe(String(status));
			expect(clock.current.sleeps).toEqual([]);
			scope.done();
		});

		it('treats a 200 HTML page as an error that names the likely cause, without retrying', async () => {
			const scope = nock(ORIGIN)
				.get('/v1/company/people/fields')
				.once()
				.reply(200, '<!doctype html><html></html>', { 'content-type': 'text/html' });
			const error = await failure(fields);
			expect(error.message).toBe('HiBob answered with a web page instead of data');
			expect(error.description).toMatch(/Base URL/);
			scope.done();
		});

		it('returns null for an empty 2xx body', async () => {
			nock(ORIGIN).get('/v1/company/people/fields').reply(200, '');
			await expect(call(fields)).resolves.toBeNull();
		});

		it('never lets the token into an error, even when HiBob echoes it', async () => {
			const basic = Buffer.from(`${ID}:${TOKEN}`).toString('base64');
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(400, { error: `bad header Basic ${basic} token ${TOKEN}` });
			const error = await failure(search);
			const everything = JSON.stringify({
				...error,
				message: error.message,
				description: error.description,
				stack: error.stack,
			});
			expect(everything).not.toContain(TOKEN);
			expect(everything).not.toContain(basic);
			expect(error.description).toContain('[redacted]');
		});

		it('carries the item index into the error', async () => {
			nock(ORIGIN).post('/v1/people/search').reply(404, '');
			const error = await failure({ ...search, itemIndex: 3 });
			expect((error as unknown as { context: IDataObject }).context.itemIndex).toBe(3);
		});
	});

	// Real TCP resets from the simulator rather than nock's replyWithError, whose extra socket error
	// can surface after the request settled and be blamed on whichever test is running.
	describe('raw answers (the bytes as received, for the caller to read)', () => {
		const seen: unknown[] = [];
		const rawSearch = (read: (body: Buffer) => unknown = (body) => body.toString('utf8')) => ({
			...search,
			raw: (body: Buffer) => {
				seen.push(body);
				return read(body);
			},
		});
		beforeEach(() => {
			seen.length = 0;
		});

		it('hands over the exact bytes as a Buffer, never parsed', async () => {
			const text = '{"employees":[{"id":"3332883884017713238","n":12345678901234567890}]}';
			nock(ORIGIN).post('/v1/people/search').reply(200, text, {
				'content-type': 'application/json',
			});
			await expect(call(rawSearch())).resolves.toBe(text);
			expect(seen).toHaveLength(1);
			expect(Buffer.isBuffer(seen[0])).toBe(true);
		});

		it('keeps the HTML and empty-body checks without calling the reader', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(200, '  \n <!doctype html><html></html>', { 'content-type': 'application/json' })
				.post('/v1/people/search')
				.reply(200, ' \n ');
			const error = await failure(rawSearch());
			expect(error.message).toBe('HiBob answered with a web page instead of data');
			await expect(call(rawSearch())).resolves.toBeNull();
			expect(seen).toEqual([]);
		});

		it('retries a body the reader rejects with a SyntaxError (a cut-off answer), then succeeds', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(200, '{"employees":[{"id":"1"')
				.post('/v1/people/search')
				.reply(200, '{"employees":[]}');
			await expect(
				call(rawSearch((body) => JSON.parse(body.toString('utf8')) as unknown)),
			).resolves.toEqual({ employees: [] });
			expect(seen).toHaveLength(2);
			expect(clock.current.sleeps).toHaveLength(1);
		});

		it('retries statuses as before and reads their error text', async () => {
			nock(ORIGIN)
				.post('/v1/people/search')
				.reply(503, 'busy')
				.post('/v1/people/search')
				.reply(200, '{"employees":[]}')
				.post('/v1/people/search')
				.reply(400, { error: 'Invalid fieldPath' });
			await expect(call(rawSearch())).resolves.toBe('{"employees":[]}');
			const error = await failure(rawSearch());
			expect(error.description).toMatch(/HiBob said: "Invalid fieldPath"/);
			expect(seen).toHaveLength(1);
		});

		it('lets any other error of the reader through, unretried', async () => {
			nock(ORIGIN).post('/v1/people/search').once().reply(200, '{"employees":[]}');
			const error = await failure(
				rawSearch(() => {
					throw new Error('reader failed');
				}),
			);
			expect(error.message).toBe('reader failed');
			expect(clock.current.sleeps).toEqual([]);
		});
	});

	describe('dropped connections', () => {
		let sim: RunningSimulator;
		beforeAll(async () => {
			nock.enableNetConnect('127.0.0.1');
			sim = await startSimulator({ employees: 10, seed: 2, rateLimit: false });
		});
		afterAll(async () => {
			await sim.stop();
			nock.disableNetConnect();
		});
		beforeEach(() => {
			sim.control.clearFaults();
			sim.log.clear();
		});
		const simCredentials = () => ({
			serviceUserId: sim.serviceUser.id,
			token: sim.serviceUser.token,
			environment: 'custom',
			baseUrl: sim.url,
		});

		it('retries a reset connection for reads and reports it when it persists', async () => {
			sim.control.injectFault({ kind: 'reset', count: 5, path: '/v1/company/people/fields' });
			const error = await failure(fields, simCredentials());
			expect(error.message).toBe('Could not reach HiBob: the connection was reset');
			expect(error.description).toContain('(ECONNRESET)');
			expect(clock.current.sleeps).toHaveLength(4);
		});

		it('retries a reset connection once it comes back', async () => {
			sim.control.injectFault({ kind: 'reset', count: 1, path: '/v1/company/people/fields' });
			const result = await call(fields, simCredentials());
			expect(Array.isArray(result)).toBe(true);
			expect(clock.current.sleeps).toEqual([1_500]);
		});

		it('does not retry a reset connection for a write', async () => {
			sim.control.injectFault({ kind: 'reset', count: 1, path: '/v1/people/search' });
			const error = await failure({ ...search, write: notIdempotent }, simCredentials());
			expect(error.message).toBe(
				'HiBob may or may not have applied this change — Could not reach HiBob: the connection was reset',
			);
			expect(clock.current.sleeps).toEqual([]);
		});
	});
});
