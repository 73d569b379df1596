/**
 * Employee History through n8n-core's real ExecuteContext against the HiBob simulator: what goes on
 * the wire (the simulator's request log) and what comes out (items, pairing, errors).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';

const clock = useFastClock(Date.parse('2026-11-21T12:00:00Z'));

const EMPLOYEES = 520;
const UNKNOWN_ID = '1234567890123456789';

type Table = 'lifecycle' | 'work' | 'employment';

describe('HiBob → Employee History', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: EMPLOYEES,
		seed: 11,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});

	const credentials = () => credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token);

	const run = async (
		parameters: IDataObject,
		items: INodeExecutionData[] = [{ json: {} }],
		options: { continueOnFail?: boolean; user?: { id: string; token: string } } = {},
	) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'employeeHistory', ...parameters },
			credentials: options.user
				? credentialsFor(sim.url, options.user.id, options.user.token)
				: credentials(),
			items,
			continueOnFail: options.continueOnFail,
		});

	/** The rows the simulator holds for an employee, as the node outputs them (IDs as strings). */
	const expectedRows = (employeeId: string, table: Table): IDataObject[] =>
		(sim.control.getEmployee({ employeeId })[table] as IDataObject[]).map((row) =>
			JSON.parse(
				JSON.stringify({
					employeeId,
					...row,
					id: String(row.id),
					...(row.siteId === undefined ? {} : { siteId: String(row.siteId) }),
				}),
			),
		);

	const paired = (item: INodeExecutionData) => (item.pairedItem as { item: number }).item;
	const employed = () => sim.control.listEmployees({ lifecycleStatus: 'employed' });
	const bulkCalls = (table: Table = 'lifecycle') =>
		sim.log.entries({ path: `/v1/bulk/people/${table}` });
	/** HiBob's `limit` counts table entries: the pages a walk of these employees takes at 200 rows a page. */
	const pagesFor = (table: Table, ids = sim.control.listEmployees().map((e) => e.id)) =>
		Math.ceil(ids.reduce((n, id) => n + Math.max(1, sim.control.getEmployee({ employeeId: id })[table].length), 0) / 200);

	describe('Get (one employee)', () => {
		const byId = (value: string) => ({ __rl: true, mode: 'id', value });
		const fromList = (value: string) => ({
			__rl: true,
			mode: 'list',
			value,
			cachedResultName: 'someone',
		});

		it.each<Table>(['lifecycle', 'work', 'employment'])(
			'returns every %s row of the employee, one item each, with employeeId and string IDs',
			async (table) => {
				const employee = employed()[4];
				const { output } = await run({ operation: 'get', table, employee: fromList(employee.id) });
				const rows = output[0];
				expect(rows.length).toBeGreaterThan(0);
				expect(rows.map((item) => item.json)).toEqual(expectedRows(employee.id, table));
				expect(rows.every((item) => paired(item) === 0)).toBe(true);
				expect(rows.every((item) => typeof item.json.id === 'string')).toBe(true);
				expect(sim.log.entries().map((entry) => `${entry.method} ${entry.path}`)).toEqual([
					`GET /v1/people/${employee.id}/${table}`,
				]);
			},
		);

		it('reads the employee ID of each input item (expression), pairing rows with their item', async () => {
			const [a, b] = employed();
			const { output } = await run(
				{ operation: 'get', table: 'lifecycle', employee: byId('={{ $json.id }}') },
				[{ json: { id: a.id } }, { json: { id: b.id } }],
			);
			const byItem = (index: number) =>
				output[0].filter((item) => paired(item) === index).map((item) => item.json.employeeId);
			expect(new Set(byItem(0))).toEqual(new Set([a.id]));
			expect(new Set(byItem(1))).toEqual(new Set([b.id]));
		});

		it('takes the ID as a plain value too (a whole-parameter expression, or a workflow saved before the locator)', async () => {
			const [a] = employed();
			const { output } = await run(
				{ operation: 'get', table: 'work', employee: '={{ $json.id }}' },
				[{ json: { id: a.id } }],
			);
			expect(output[0].map((item) => item.json)).toEqual(expectedRows(a.id, 'work'));
		});

		it('explains an unknown employee (404) with the ID', async () => {
			const error = await failureOf(
				run({ operation: 'get', table: 'work', employee: byId(UNKNOWN_ID) }),
			);
			expect(error.message).toBe(`HiBob has no employee with ID ${UNKNOWN_ID}`);
			expect(error.description).toMatch(/19 digits/);
			expect(error.description).toMatch(/\(HiBob answered 404: /);
		});

		it('refuses a bad ID before any request', async () => {
			const error = await failureOf(
				run({ operation: 'get', table: 'work', employee: byId('amy.miles@acme.com') }),
			);
			expect(error.constructor.name).toBe('NodeOperationError');
			expect(error.message).toBe('"amy.miles@acme.com" is not a HiBob employee ID');
			expect(error.description).toMatch(/Nothing was sent to HiBob/);
			expect(sim.log.entries()).toEqual([]);
		});

		it('refuses an ID that went through a JS number and lost digits', async () => {
			const error = await failureOf(
				run({ operation: 'get', table: 'work', employee: byId('={{ 3332883884017713238 }}') }),
			);
			expect(error.message).toMatch(/arrived as a number/);
			expect(sim.log.entries()).toEqual([]);
		});

		it('names the category and scope when HiBob refuses (403)', async () => {
			const terminated = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const scoped = sim.control.addServiceUser({
				permissions: { categories: '*', scope: 'employed-only' },
			});
			const error = await failureOf(
				run({ operation: 'get', table: 'lifecycle', employee: byId(terminated.id) }, undefined, {
					user: scoped,
				}),
			);
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe(
				`HiBob refused the lifecycle history of employee ${terminated.id} (403)`,
			);
			expect(error.description).toMatch(/Lifecycle category/);
		});

		it('with continue-on-fail: an error item per failed item, the others still run', async () => {
			const employee = employed()[0];
			const { output } = await run(
				{ operation: 'get', table: 'lifecycle', employee: byId('={{ $json.id }}') },
				[{ json: { id: employee.id } }, { json: { id: 'nope' } }, { json: { id: UNKNOWN_ID } }],
				{ continueOnFail: true },
			);
			const errors = output[0].filter((item) => item.json.error !== undefined);
			expect(errors.map((item) => [paired(item), item.json.error])).toEqual([
				[1, '"nope" is not a HiBob employee ID'],
				[2, `HiBob has no employee with ID ${UNKNOWN_ID}`],
			]);
			expect(output[0].filter((item) => paired(item) === 0).map((item) => item.json)).toEqual(
				expectedRows(employee.id, 'lifecycle'),
			);
			// The bad ID was never sent.
			expect(sim.log.entries()).toHaveLength(2);
		});
	});

	describe('Get Many, all in scope', () => {
		it('Return All walks every page (200 rows each): every row of every employee exactly once, across page breaks', async () => {
			const { output } = await run({
				operation: 'getAll',
				table: 'lifecycle',
				employees: 'all',
				returnAll: true,
			});
			const calls = bulkCalls('lifecycle');
			expect(calls.length).toBeGreaterThan(Math.ceil(EMPLOYEES / 200));
			expect(calls).toHaveLength(pagesFor('lifecycle'));
			expect(calls.every((call) => call.query.limit === '200')).toBe(true);
			expect(calls[0].query.cursor).toBeUndefined();
			expect(calls.slice(1).every((call) => typeof call.query.cursor === 'string')).toBe(true);

			const all = sim.control.listEmployees();
			expect(all).toHaveLength(EMPLOYEES);
			const byEmployee = new Map<string, IDataObject[]>();
			for (const item of output[0]) {
				const id = item.json.employeeId as string;
				byEmployee.set(id, [...(byEmployee.get(id) ?? []), item.json]);
			}
			expect(byEmployee.size).toBe(EMPLOYEES);
			for (const employee of all)
				expect(byEmployee.get(employee.id)).toEqual(expectedRows(employee.id, 'lifecycle'));
			expect(output[0].every((item) => paired(item) === 0)).toBe(true);
		});

		it('Limit (default 50) returns exactly that many rows from one small page', async () => {
			const { output } = await run({ operation: 'getAll', table: 'lifecycle', employees: 'all' });
			expect(output[0]).toHaveLength(50);
			const calls = bulkCalls();
			expect(calls).toHaveLength(1);
			expect(calls[0].query.limit).toBe('50');
		});

		it('reads the `cursor` key as well as `next_cursor`', async () => {
			sim.control.configure({ cursorKey: 'cursor' });
			try {
				const { output } = await run({
					operation: 'getAll',
					table: 'employment',
					employees: 'all',
					returnAll: true,
				});
				expect(bulkCalls('employment')).toHaveLength(pagesFor('employment'));
				expect(new Set(output[0].map((item) => item.json.employeeId)).size).toBe(EMPLOYEES);
			} finally {
				sim.control.configure({ cursorKey: 'next_cursor' });
			}
		});

		it('rides out a 429 with the fast clock and still reads every page', async () => {
			sim.control.injectFault({
				kind: 'rate-limit',
				path: '/v1/bulk/people/lifecycle',
				resetHeader: false,
				retryAfterSeconds: 3,
			});
			const { output } = await run({
				operation: 'getAll',
				table: 'lifecycle',
				employees: 'all',
				returnAll: true,
			});
			expect(bulkCalls().map((call) => call.status)).toEqual([429, ...Array<number>(pagesFor('lifecycle')).fill(200)]);
			expect(clock.current.sleeps).toEqual([3_000]);
			expect(new Set(output[0].map((item) => item.json.employeeId)).size).toBe(EMPLOYEES);
			expect(output[0]).toHaveLength(sim.control.listEmployees().reduce((n, e) => n + expectedRows(e.id, 'lifecycle').length, 0));
		});
	});

	describe('Get Many, by ID', () => {
		it('accepts a comma-separated list: one bulk call with those IDs, rows in the given order', async () => {
			const [a, b, c] = employed();
			const { output } = await run({
				operation: 'getAll',
				table: 'lifecycle',
				employees: 'byId',
				employeeIds: `${c.id}, ${a.id},${b.id}`,
			});
			expect(output[0].map((item) => item.json)).toEqual([
				...expectedRows(c.id, 'lifecycle'),
				...expectedRows(a.id, 'lifecycle'),
				...expectedRows(b.id, 'lifecycle'),
			]);
			const calls = bulkCalls();
			expect(calls).toHaveLength(1);
			expect(calls[0].query.employeeIds).toBe([c.id, a.id, b.id].join(','));
		});

		it('accepts an array from an expression', async () => {
			const [a, b] = employed();
			const { output } = await run({
				operation: 'getAll',
				table: 'work',
				employees: 'byId',
				employeeIds: `={{ ["${a.id}", "${b.id}"] }}`,
			});
			expect(new Set(output[0].map((item) => item.json.employeeId))).toEqual(new Set([a.id, b.id]));
			expect(bulkCalls('work')).toHaveLength(1);
		});

		it('batches 500 input items into 3 ID lists (200, 200, 100), walks each to its end and pairs every row with its item', async () => {
			const ids = sim.control
				.listEmployees()
				.map((employee) => employee.id)
				.slice(0, 500);
			const items = ids.map((id) => ({ json: { id } }));
			const { output } = await run(
				{
					operation: 'getAll',
					table: 'lifecycle',
					employees: 'byId',
					employeeIds: '={{ $json.id }}',
				},
				items,
			);
			const calls = bulkCalls();
			const lists = [ids.slice(0, 200), ids.slice(200, 400), ids.slice(400)];
			expect(calls.map((call) => call.query.employeeIds)).toEqual(
				lists.flatMap((list) => Array<string>(pagesFor('lifecycle', list)).fill(list.join(','))),
			);
			expect(sim.log.entries()).toHaveLength(calls.length);
			for (const item of output[0]) expect(item.json.employeeId).toBe(ids[paired(item)]);
			const perItem = new Map<number, number>();
			for (const item of output[0]) perItem.set(paired(item), (perItem.get(paired(item)) ?? 0) + 1);
			expect(perItem.size).toBe(500);
			for (const [index, id] of ids.entries())
				expect(perItem.get(index)).toBe(expectedRows(id, 'lifecycle').length);
		});

		it('gives an employee asked for by two items to both, in one request', async () => {
			const [a, b] = employed();
			const { output } = await run(
				{ operation: 'getAll', table: 'lifecycle', employees: 'byId', employeeIds: '={{ $json.ids }}' },
				[{ json: { ids: `${a.id},${b.id}` } }, { json: { ids: [a.id] } }],
			);
			const forItem = (index: number) =>
				output[0].filter((item) => paired(item) === index).map((item) => item.json);
			expect(forItem(0)).toEqual([...expectedRows(a.id, 'lifecycle'), ...expectedRows(b.id, 'lifecycle')]);
			expect(forItem(1)).toEqual(expectedRows(a.id, 'lifecycle'));
			expect(bulkCalls()).toHaveLength(1);
			expect(bulkCalls()[0].query.employeeIds).toBe(`${a.id},${b.id}`);
		}); // prettier-ignore

		it('fails the item that asked for an out-of-scope employee, naming it (one request in all)', async () => {
			const [a, b] = employed();
			const terminated = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const scoped = sim.control.addServiceUser({
				permissions: { categories: '*', scope: 'employed-only' },
			});
			const parameters = {
				operation: 'getAll',
				table: 'lifecycle',
				employees: 'byId',
				employeeIds: '={{ $json.ids }}',
			};
			const items = [
				{ json: { ids: a.id } },
				{ json: { ids: terminated.id } },
				{ json: { ids: `${b.id},${UNKNOWN_ID}` } },
			];
			const error = await failureOf(run(parameters, items, { user: scoped }));
			expect(error.message).toBe(
				`HiBob did not return the lifecycle history of 1 employee: ${terminated.id}`,
			);
			expect(error.description).toMatch(/MISSING_PERMISSION/);
			expect(error.description).toMatch(/Permission groups/);
			expect(error.context?.itemIndex).toBe(1);
			expect(bulkCalls()).toHaveLength(1);

			sim.log.clear();
			const { output } = await run(parameters, items, { user: scoped, continueOnFail: true });
			expect(output[0].filter((item) => paired(item) === 0).map((item) => item.json)).toEqual(
				expectedRows(a.id, 'lifecycle'),
			);
			const errors = output[0].filter((item) => item.json.error !== undefined);
			expect(errors.map((item) => [paired(item), item.json.error])).toEqual([
				[1, `HiBob did not return the lifecycle history of 1 employee: ${terminated.id}`],
				[2, `HiBob did not return the lifecycle history of 1 employee: ${UNKNOWN_ID}`],
			]);
			expect(output[0].some((item) => item.json.employeeId === b.id)).toBe(false);
			expect(bulkCalls()).toHaveLength(1);
		});

		it('refuses a bad ID in any item before any request', async () => {
			const [a] = employed();
			const error = await failureOf(
				run(
					{
						operation: 'getAll',
						table: 'lifecycle',
						employees: 'byId',
						employeeIds: '={{ $json.id }}',
					},
					[{ json: { id: a.id } }, { json: { id: `${a.id}0x` } }],
				),
			);
			expect(error.message).toBe(`"${a.id}0x" is not a HiBob employee ID`);
			expect(error.context?.itemIndex).toBe(1);
			expect(sim.log.entries()).toEqual([]);
		});

		it('with continue-on-fail: the bad item gets an error item, the good ones are still batched', async () => {
			const [a, b] = employed();
			const { output } = await run(
				{ operation: 'getAll', table: 'work', employees: 'byId', employeeIds: '={{ $json.id }}' },
				[{ json: { id: a.id } }, { json: { id: '' } }, { json: { id: b.id } }],
				{ continueOnFail: true },
			);
			expect(output[0].filter((item) => item.json.error).map((item) => [paired(item), item.json.error])).toEqual([[1, 'No employee IDs were given']]);
			expect(output[0].filter((item) => paired(item) === 2).map((item) => item.json)).toEqual(expectedRows(b.id, 'work'));
			expect(bulkCalls('work')).toHaveLength(1);
		}); // prettier-ignore

		it('a failed bulk request fails the items of that batch (continue-on-fail: error items)', async () => {
			const [a] = employed();
			const noWork = sim.control.addServiceUser({
				permissions: { categories: ['root', 'lifecycle'], scope: 'all' },
			});
			const { output } = await run(
				{ operation: 'getAll', table: 'work', employees: 'byId', employeeIds: '={{ $json.id }}' },
				[{ json: { id: a.id } }, { json: { id: a.id } }],
				{ user: noWork, continueOnFail: true },
			);
			expect(output[0].map((item) => [paired(item), item.json.error])).toEqual([
				[0, 'HiBob refused access (403)'],
				[1, 'HiBob refused access (403)'],
			]);
			expect(bulkCalls('work')).toHaveLength(1);
		});
	});
});
