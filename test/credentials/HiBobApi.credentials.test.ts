import nock from 'nock';

import { CREDENTIAL_TEST_MESSAGES, HiBobApi } from '../../credentials/HiBobApi.credentials';
import { testCredential } from '../harness/credentialTest';

const ID = 'SERVICE-USER-1';
const TOKEN = 'test token, not a secret 123';
const credential = new HiBobApi();

describe('HiBob API credential', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	it('keeps the public field names workflows store', () => {
		expect(credential.name).toBe('hiBobApi');
		expect(credential.properties.map((p) => p.name)).toEqual([
			'notice',
			'serviceUserId',
			'token',
			'environment',
			'baseUrl',
		]);
		const environment = credential.properties.find((p) => p.name === 'environment');
		expect(environment?.options?.map((o) => ('value' in o ? o.value : undefined))).toEqual([
			'production',
			'sandbox',
			'custom',
		]);
		const token = credential.properties.find((p) => p.name === 'token');
		expect(token?.typeOptions?.password).toBe(true);
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.displayOptions).toEqual({
			show: { environment: ['custom'] },
		});
	});

	it.each([
		['production', 'https://api.hibob.com'],
		['sandbox', 'https://api.sandbox.hibob.com'],
	])(
		'passes for %s when the service user sees employees, with Basic auth on the wire',
		async (environment, origin) => {
			const scope = nock(origin)
				.post('/v1/people/search', { fields: ['root.id'], showInactive: true })
				.basicAuth({ user: ID, pass: TOKEN })
				.reply(200, { employees: [{ id: '3332883884017713238' }] });
			const result = await testCredential(credential, {
				serviceUserId: ID,
				token: TOKEN,
				environment,
			});
			expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
			scope.done();
		},
	);

	it('fails a wrong ID or token (401) with what to check, environment mismatch included', async () => {
		nock('https://api.sandbox.hibob.com')
			.post('/v1/people/search')
			.times(2)
			.reply(401, { error: 'unauthorized' });
		const result = await testCredential(credential, {
			serviceUserId: ID,
			token: TOKEN,
			environment: 'sandbox',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toBe(CREDENTIAL_TEST_MESSAGES.unauthorized);
		expect(result.message).toMatch(/Environment matches/);
		expect(result.message).not.toContain(TOKEN);
	});

	it('fails a service user without a permission group (403) with how to fix it', async () => {
		nock('https://api.hibob.com')
			.post('/v1/people/search')
			.reply(403, { key: 'forbidden', error: 'Forbidden' });
		const result = await testCredential(credential, {
			serviceUserId: ID,
			token: TOKEN,
			environment: 'production',
		});
		expect(result).toEqual({ status: 'Error', message: CREDENTIAL_TEST_MESSAGES.forbidden });
	});

	it('does not report success for a service user that can read no employees (200, empty list)', async () => {
		nock('https://api.hibob.com').post('/v1/people/search').reply(200, { employees: [] });
		const result = await testCredential(credential, {
			serviceUserId: ID,
			token: TOKEN,
			environment: 'production',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toBe(CREDENTIAL_TEST_MESSAGES.noEmployees);
		expect(result.message).toMatch(/permission group/);
	});

	it('fails when the server answers but not like HiBob (a wrong custom base URL)', async () => {
		nock('https://hr.example.com').post('/v1/people/search').reply(200, { hello: 'world' });
		const result = await testCredential(credential, {
			serviceUserId: ID,
			token: TOKEN,
			environment: 'custom',
			baseUrl: 'https://hr.example.com/',
		});
		expect(result).toEqual({ status: 'Error', message: CREDENTIAL_TEST_MESSAGES.notHiBob });
	});

	it('accepts a custom base URL with a trailing /v1 and loopback http', async () => {
		const scope = nock('http://127.0.0.1:4010')
			.post('/v1/people/search')
			.basicAuth({ user: ID, pass: TOKEN })
			.reply(200, { employees: [{ id: '1' }] });
		const result = await testCredential(credential, {
			serviceUserId: ID,
			token: TOKEN,
			environment: 'custom',
			baseUrl: 'http://127.0.0.1:4010/v1/',
		});
		expect(result.status).toBe('OK');
		scope.done();
	});

	it.each(['http://hr.example.com', 'ftp://api.hibob.com', 'not a url', ''])(
		'refuses custom base URL %p before any request is sent',
		async (baseUrl) => {
			const requests: string[] = [];
			nock.emitter.on('no match', (req: { path?: string }) => requests.push(String(req.path)));
			const result = await testCredential(credential, {
				serviceUserId: ID,
				token: TOKEN,
				environment: 'custom',
				baseUrl,
			});
			nock.emitter.removeAllListeners('no match');
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/Base URL/);
			expect(result.message).not.toContain(TOKEN);
			expect(requests).toEqual([]);
		},
	);
});
