/**
 * Security: values from a workflow (or a signed webhook) that reach a URL path, a file upload or the
 * label suggestions. Through n8n-core's real contexts; nock refuses any request nobody expects, so
 * "nothing was sent" is checked on the wire.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import nock from 'nock';

import { InputError } from '../../nodes/HiBob/core/errors';
import { assertSafePath, pathSegment } from '../../nodes/HiBob/core/urlPath';
import { resolveListItem, SUGGEST_MAX_CHARS } from '../../nodes/HiBob/core/writes';
import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { getTimeOffReasonCodes } from '../../nodes/HiBob/methods/timeOffOptions';
import { hiBobRequest } from '../../nodes/HiBob/transport';
import { failureOf } from '../harness/failure';
import { useFastClock } from '../harness/fastClock';
import { loadOptionsContext, runExecute } from '../harness/n8n';
import { probeNode } from '../harness/probeNode';

const ORIGIN = 'https://api.hibob.com';
const credentials = { serviceUserId: 'SERVICE-USER-7', token: 'test token, not a secret 7', environment: 'production' }; // prettier-ignore

useFastClock(Date.parse('2026-11-21T09:00:00Z'), 0.5);

/** Every request that reached HiBob's origin. */
function wire() {
	const seen: string[] = [];
	const record = function (this: nock.ReplyFnContext, path: string) {
		seen.push(`${this.req.method} ${path}`);
		return [200, {}] as [number, nock.Body];
	};
	nock(ORIGIN).persist().get(/.*/).reply(record).post(/.*/).reply(record);
	return seen;
}

describe('security: values placed in a URL path', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	const unsafe = ['..', '.', '%2e%2E', '.%2e', 'a/b', 'x?y=1', 'x#y', '', '  ', 'a\\b', 'a%2fb'];

	it.each(unsafe)('core refuses %p as a path segment with an InputError naming the parameter', (value) => {
		expect(() => pathSegment(value, 'List Name')).toThrow(InputError);
		expect(() => pathSegment(value, 'List Name')).toThrow(/^List Name /);
	}); // prettier-ignore

	it('core keeps real names and IDs, encoded', () => {
		expect(pathSegment('department', 'List Name')).toBe('department');
		expect(pathSegment('Holiday 2026', 'Policy Type')).toBe('Holiday%202026');
		expect(pathSegment('a.b', 'List Name')).toBe('a.b');
		expect(pathSegment('...', 'List Name')).toBe('...');
		expect(() => assertSafePath('/v1/company/named-lists/department')).not.toThrow();
	});

	it.each([
		'/v1/company/named-lists/..',
		'/v1/a/./b',
		'/v1/a/%2E%2e/b',
		'/v1/a//b',
		'/v1/a?b',
		'v1/a',
	])('the transport refuses the finished path %p and sends nothing', async (path) => {
		const seen = wire();
		const error = await failureOf(
				runExecute({
					nodeType: probeNode(async (context: IExecuteFunctions) => await hiBobRequest(context, { method: 'GET', path })),
					parameters: {},
					credentials,
				}),
			); // prettier-ignore
		expect(error.message).toMatch(/^The HiBob address ".*" .* and was not sent$/);
		expect(seen).toEqual([]);
	});

	it('Company → Get Named List refuses a List Name of ".." before sending (it would read GET /v1/company/)', async () => {
		const seen = wire();
		const error = await failureOf(
			runExecute({
				nodeType: new HiBob(),
				parameters: { resource: 'company', operation: 'getNamedList', listName: '..' },
				credentials,
			}),
		);
		expect(error.message).toBe(
			'List Name ".." is a dot-segment ("." or "..") and cannot be used in a HiBob address',
		);
		expect(error.description).toContain('Nothing was sent to HiBob.');
		expect(seen).toEqual([]);
	});

	it('the reason-code list refuses a Policy Type of ".." before sending (it would read GET /v1/timeoff/reason-codes)', async () => {
		const seen = wire();
		const context = loadOptionsContext({
			nodeType: new HiBob(),
			parameters: { resource: 'timeOff', operation: 'createRequest', policyType: '..' },
			credentials,
		});
		await expect(getTimeOffReasonCodes.call(context)).rejects.toThrow(/^Policy Type "\.\." is a dot-segment/); // prettier-ignore
		expect(seen).toEqual([]);
	});
});

describe('security: Document → Upload checks the size before reading the file', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	const upload = async (item: INodeExecutionData) =>
		await failureOf(
			runExecute({
				nodeType: new HiBob(),
				parameters: { resource: 'document', operation: 'upload', employee: { mode: 'id', value: '3332883884017713238' } },
				credentials,
				items: [item],
			}),
		); // prettier-ignore

	it('refuses a 6 MB file kept outside the item from its metadata, without reading it', async () => {
		// A binary in n8n's filesystem mode: reading it would need the binary data service; the size
		// n8n recorded is enough to refuse it.
		const seen = wire();
		const error = await upload({
			json: {},
			binary: { data: { id: 'filesystem-v2:workflows/1/executions/1/binary_data/x', data: 'filesystem-v2', mimeType: 'application/pdf', fileName: 'big.pdf', bytes: 6 * 1024 * 1024 } }, // prettier-ignore
		});
		expect(error.message).toMatch(/^The file "big\.pdf" is 6\.0 MB/);
		expect(seen).toEqual([]);
	});

	it('measures a file kept in the item from its base64 text', async () => {
		const seen = wire();
		const data = Buffer.alloc(5 * 1024 * 1024 + 1, 65).toString('base64');
		const error = await upload({ json: {}, binary: { data: { data, mimeType: 'application/pdf', fileName: 'big.pdf' } } }); // prettier-ignore
		expect(error.message).toMatch(/^The file "big\.pdf" is 5\.0 MB/);
		expect(seen).toEqual([]);
	});
});

describe('security: label suggestions run on bounded input', () => {
	const labels = Array.from({ length: 300 }, (_, i) => ({
		id: String(i),
		name: `Department ${i}`,
	}));

	it('a 100,000-character value gets no suggestions and a short message', () => {
		const value = 'x'.repeat(100_000);
		let caught: InputError | undefined;
		try {
			resolveListItem(labels, value, 'a department');
		} catch (error) {
			caught = error as InputError;
		}
		expect(caught).toBeInstanceOf(InputError);
		expect(caught!.message.length).toBeLessThan(100);
		expect(caught!.hint).toBe(
			"The value is 100000 characters long, longer than any name in the list. Give the name as it is in Bob or the item's ID. Nothing was sent to HiBob.",
		);
	});

	it('values up to the bound still get suggestions', () => {
		expect(SUGGEST_MAX_CHARS).toBe(100);
		expect(() => resolveListItem(labels, 'Departmnt 12', 'a department')).toThrow(
			expect.objectContaining({ hint: expect.stringContaining('"Department 12"') }),
		);
	});
});
