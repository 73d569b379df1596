import nock from 'nock';

import type { RunningSimulator } from '../../../../simulator';
import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';

useFastClock();

describe('HiBob → Company', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 30,
		seed: 3,
		today: '2026-11-21',
		rateLimit: false,
	});

	const run = async (parameters: Record<string, unknown>, items = [{ json: {} }]) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'company', ...parameters },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			items,
		});

	it('Get Fields returns one item per field with its category and list', async () => {
		const { output } = await run({ operation: 'getFields' });
		const department = output[0].find((item) => item.json.id === 'work.department');
		expect(department?.json).toMatchObject({
			name: 'Department',
			categoryId: 'work',
			type: 'list',
			listId: 'department',
		});
		expect(output[0].find((item) => item.json.id === 'root.id')?.json.jsonPath).toBe('id');
		expect(
			output[0].every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);
	});

	it('Get Fields keeps only the chosen categories', async () => {
		const { output } = await run({ operation: 'getFields', categories: ['lifecycle'] });
		expect(output[0].length).toBeGreaterThan(2);
		expect(new Set(output[0].map((item) => item.json.categoryId))).toEqual(new Set(['lifecycle']));
	});

	it('Get Named List returns the items with string IDs, one request per input item', async () => {
		const { output } = await run({ operation: 'getNamedList', listName: 'department' }, [
			{ json: {} },
			{ json: {} },
		]);
		const items = output[0];
		expect(items.length).toBeGreaterThan(2);
		expect(items.every((item) => typeof item.json.id === 'string')).toBe(true);
		expect(items[0].json).toMatchObject({
			listName: 'department',
			archived: false,
			parentId: null,
		});
		const paired = items.map((item) => (item.pairedItem as { item: number }).item);
		expect(new Set(paired)).toEqual(new Set([0, 1]));
		const listCalls = sim.log
			.entries()
			.filter((entry) => entry.path === '/v1/company/named-lists/department');
		expect(listCalls).toHaveLength(2);
	});

	it('Get Named List explains case-sensitive names on a 404', async () => {
		await expect(run({ operation: 'getNamedList', listName: 'Department' })).rejects.toThrow(
			'HiBob has no named list "Department"',
		);
	});

	it("Get Named List with continue-on-fail turns the 404 into that item's error item", async () => {
		const nodeType = new HiBob();
		const { output } = await runExecute({
			nodeType,
			parameters: { resource: 'company', operation: 'getNamedList', listName: 'nope' },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			continueOnFail: true,
		});
		expect(output[0]).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ error: 'HiBob has no named list "nope"' }),
				pairedItem: { item: 0 },
			}),
		]);
	});

	it('Get All Named Lists returns one item per list', async () => {
		const { output } = await run({ operation: 'getAllNamedLists' });
		const names = output[0].map((item) => item.json.name);
		expect(names).toEqual(
			expect.arrayContaining(['department', 'site', 'title', 'lifecycleStatus']),
		);
	});

	it('Get All Named Lists names each list by its key in HiBob\'s keyed answer (an entry\'s name may be a display name)', async () => {
		const scope = nock('https://api.hibob.com')
			.get('/v1/company/named-lists')
			.query(true)
			.reply(200, { terminationreason: { name: 'Termination reason', values: [{ id: 7, value: 'Resigned', name: 'Resigned', archived: false, children: [] }] } });
		const { output } = await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'company', operation: 'getAllNamedLists' },
			credentials: { serviceUserId: 'SERVICE-1', token: 'test token 123456', environment: 'production' },
		});
		expect(output[0].map((item) => item.json.name)).toEqual(['terminationreason']);
		scope.done();
	}); // prettier-ignore

	it('reports a wrong token through the transport (one request, no retry)', async () => {
		await expect(
			runExecute({
				nodeType: new HiBob(),
				parameters: { resource: 'company', operation: 'getFields' },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, 'wrong token value'),
			}),
		).rejects.toThrow('HiBob rejected the service user ID or token (401)');
		expect(sim.log.entries()).toHaveLength(1);
	});
});
