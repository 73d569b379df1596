/**
 * The bulk walk's exact wire exchange, with nock: shapes the simulator does not produce (table
 * wrappers, keyed errors, a repeated cursor, an employee repeated across pages).
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { BULK_MAX_PAGES } from '../../../../../nodes/HiBob/core/history';
import { bulkWalkSettings } from '../../../../../nodes/HiBob/shared/bulkTable';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { runExecute } from '../../../../harness/n8n';

useFastClock();

const ORIGIN = 'https://api.hibob.com';
const credentials = {
	serviceUserId: 'SERVICE-1',
	token: 'test token 123456',
	environment: 'production',
};
const A = '3332883884017713238';
const B = '2578509511618723822';

const run = async (
	parameters: IDataObject,
	continueOnFail = false,
	items?: Array<{ json: IDataObject }>,
) =>
	await runExecute({
		nodeType: new HiBob(),
		parameters: {
			resource: 'employeeHistory',
			operation: 'getAll',
			table: 'lifecycle',
			...parameters,
		},
		credentials,
		continueOnFail,
		items,
	});

describe('HiBob → Employee History: bulk wire exchange', () => {
	beforeAll(() => nock.disableNetConnect());
	afterEach(() => nock.cleanAll());
	afterAll(() => nock.enableNetConnect());

	it('sends the cursor back URL-encoded exactly as given, and reads `cursor` then `next_cursor`', async () => {
		const scope = nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200' })
			.reply(200, { results: [{ employeeId: A, values: [{ id: 1 }] }], response_metadata: { cursor: 'a+b/c=' } })
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', cursor: 'a+b/c=' })
			.reply(200, { results: [{ employeeId: B, values: [{ id: 1 }] }], response_metadata: { next_cursor: 'n 2&x' } })
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', cursor: 'n 2&x' })
			.reply(200, { results: [], response_metadata: { next_cursor: null } });
		const { output } = await run({ employees: 'all', returnAll: true });
		expect(output[0].map((item) => item.json)).toEqual([
			{ employeeId: A, id: '1' },
			{ employeeId: B, id: '1' },
		]);
		scope.done();
	}); // prettier-ignore

	it('stops with an error on a repeated cursor instead of looping', async () => {
		const page = { results: [{ employeeId: A, values: [{ id: 1 }] }], response_metadata: { next_cursor: 'same' } };
		const scope = nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200' })
			.reply(200, page)
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', cursor: 'same' })
			.reply(200, page);
		const error = await failureOf(run({ employees: 'all', returnAll: true }));
		expect(error.message).toBe('HiBob returned the same page cursor twice while reading /v1/bulk/people/lifecycle');
		expect(error.description).toMatch(/Stopped after 2 pages/);
		scope.done();
		expect(nock.pendingMocks()).toEqual([]);
	}); // prettier-ignore

	it('unwraps table wrappers {values: [...]}; a row repeated on a later page (same employee and row ID) comes out once', async () => {
		const scope = nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query(true)
			.reply(200, {
				results: [{ employeeId: A, values: [{ values: [{ id: 1, status: 'Hired' }, { id: 2, status: 'Employed' }], restricted_columns: {} }] }],
				response_metadata: { next_cursor: 'p2' },
			})
			.get('/v1/bulk/people/lifecycle')
			.query(true)
			.reply(200, {
				results: [{ employeeId: A, values: [{ id: 1, status: 'Hired' }] }, { employeeId: B, values: [{ id: 7, status: 'Employed' }] }],
				response_metadata: { next_cursor: null },
			});
		const { output } = await run({ employees: 'all', returnAll: true });
		expect(output[0].map((item) => item.json)).toEqual([
			{ employeeId: A, id: '1', status: 'Hired' },
			{ employeeId: A, id: '2', status: 'Employed' },
			{ employeeId: B, id: '7', status: 'Employed' },
		]);
		scope.done();
	}); // prettier-ignore

	it('By ID: an employee whose rows continue on the next page gets every row, paired with the item that asked', async () => {
		const scope = nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', employeeIds: `${B},${A}` })
			.reply(200, {
				results: [{ employeeId: A, values: [{ id: 1, status: 'Hired' }] }, { employeeId: B, values: [{ id: 5, status: 'Hired' }] }],
				response_metadata: { next_cursor: 'p2' },
			})
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', employeeIds: `${B},${A}`, cursor: 'p2' })
			.reply(200, {
				results: [{ employeeId: B, values: [{ id: 6, status: 'Employed' }, { id: 7, status: 'Terminated' }] }],
				response_metadata: { next_cursor: null },
			});
		const { output } = await run({ employees: 'byId', employeeIds: '={{ $json.id }}' }, false, [{ json: { id: B } }, { json: { id: A } }]);
		expect(output[0].map((item) => [item.json.employeeId, item.json.id, item.pairedItem])).toEqual([
			[B, '5', { item: 0 }],
			[B, '6', { item: 0 }],
			[B, '7', { item: 0 }],
			[A, '1', { item: 1 }],
		]);
		scope.done();
	}); // prettier-ignore

	it('stops a walk that never ends (always a new cursor) at the page bound, with an error naming it', async () => {
		expect(BULK_MAX_PAGES).toBe(2000);
		expect(bulkWalkSettings.maxPages).toBe(BULK_MAX_PAGES);
		// Reaching 2,000 pages through n8n's request helper takes over 30 s here: the same rule at 25.
		bulkWalkSettings.maxPages = 25;
		let page = 0;
		try {
			nock(ORIGIN)
				.get('/v1/bulk/people/lifecycle')
				.query(true)
				.times(26)
				.reply(200, () => {
					page++;
					return { results: [{ employeeId: A, values: [{ id: page }] }], response_metadata: { next_cursor: `c${page}` } };
				});
			const error = await failureOf(run({ employees: 'all', returnAll: true }));
			expect(error.message).toBe('HiBob was still handing out page cursors after 25 pages of /v1/bulk/people/lifecycle');
			expect(error.description).toMatch(/stops a walk at 25 pages \(5000 table rows at most\)/);
			expect(page).toBe(25);
		} finally {
			bulkWalkSettings.maxPages = BULK_MAX_PAGES;
		}
	}); // prettier-ignore

	it('reads keyed errors {<id>: {error, message}} and fails the item that asked', async () => {
		nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query({ limit: '200', employeeIds: `${A},${B}` })
			.reply(200, {
				results: [{ employeeId: A, values: [{ id: 1 }] }],
				response_metadata: { next_cursor: null },
				errors: { [B]: { error: 'MISSING_PERMISSION', message: `You don't have permission to access data for employees with ids: ${B}` } },
			});
		const { output } = await run({ employees: 'byId', employeeIds: `${A},${B}` }, true);
		expect(output[0]).toEqual([
			expect.objectContaining({ json: expect.objectContaining({ error: `HiBob did not return the lifecycle history of 1 employee: ${B}` }), pairedItem: { item: 0 } }),
		]);
		expect(output[0][0].json.description).toMatch(/MISSING_PERMISSION/);
	}); // prettier-ignore

	it('in All in Scope mode, errors[] become an execution hint and the rows still come out', async () => {
		nock(ORIGIN)
			.get('/v1/bulk/people/lifecycle')
			.query(true)
			.reply(200, {
				results: [{ employeeId: A, values: [{ id: 1 }] }],
				response_metadata: { next_cursor: null },
				errors: [{ employeeId: B, error: 'MISSING_PERMISSION', message: 'no' }],
			});
		const { output, hints } = await run({ employees: 'all', returnAll: true });
		expect(output[0].map((item) => item.json)).toEqual([{ employeeId: A, id: '1' }]);
		expect(hints.map((hint) => hint.message)).toEqual([
			`HiBob did not return the lifecycle history of 1 employee(s) (${B}: MISSING_PERMISSION). Check the service user's people scope.`,
		]);
	});

	it('refuses an answer that is not a bulk page', async () => {
		nock(ORIGIN).get('/v1/bulk/people/lifecycle').query(true).reply(200, { values: [] });
		const error = await failureOf(run({ employees: 'all', returnAll: true }));
		expect(error.message).toBe(
			"HiBob's answer to GET /v1/bulk/people/lifecycle was not a bulk table page ({ results: [...] })",
		);
	});
});
