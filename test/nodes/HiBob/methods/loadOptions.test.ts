import { DEFAULT_SET } from '../../../../nodes/HiBob/core/fields';
import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import { HiBobTrigger } from '../../../../nodes/HiBob/HiBobTrigger.node';
import {
	getEmployeeFields,
	getFieldCategories,
	getNamedListNames,
} from '../../../../nodes/HiBob/methods/loadOptions';
import { useFastClock } from '../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../harness/n8n';
import type { RunningSimulator } from '../../../simulator';
import { CUSTOM_COST_CENTER, startSimulator } from '../../../simulator';

useFastClock();

describe('HiBob load options', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ employees: 10, seed: 5, rateLimit: false });
	});
	afterAll(async () => await sim.stop());

	const context = () =>
		loadOptionsContext({
			nodeType: new HiBob(),
			parameters: { resource: 'company', operation: 'getFields' },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
		});

	it('lists employee fields grouped by category, Default Set first, custom fields included', async () => {
		const options = await getEmployeeFields.call(context());
		expect(options[0].value).toBe(DEFAULT_SET);
		const names = options.slice(1).map((option) => option.name);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
		expect(options).toContainEqual(
			expect.objectContaining({ value: 'work.department', name: 'Work › Department' }),
		);
		expect(options.some((option) => String(option.value).includes('.custom.'))).toBe(true);
	});

	it('lists field categories and named lists', async () => {
		const categories = await getFieldCategories.call(context());
		expect(categories.map((category) => category.value)).toEqual(
			expect.arrayContaining(['root', 'work', 'lifecycle']),
		);
		const lists = await getNamedListNames.call(context());
		expect(lists.map((list) => list.value)).toEqual(
			expect.arrayContaining(['department', 'site', 'title']),
		);
	});

	it('loads the field metadata once per context', async () => {
		sim.log.clear();
		const shared = context();
		await getEmployeeFields.call(shared);
		await getFieldCategories.call(shared);
		expect(
			sim.log.entries().filter((entry) => entry.path === '/v1/company/people/fields'),
		).toHaveLength(1);
	});

	it.each([
		['HiBob', new HiBob()],
		['HiBob Trigger', new HiBobTrigger()],
	])(
		'%s: filter fields offer every field (custom ones included) but no Default Set',
		async (_name, node) => {
			const options = await node.methods.loadOptions.getFilterFields.call(
				loadOptionsContext({
					nodeType: node,
					parameters: {},
					credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
				}),
			);
			const values = options.map((option) => option.value);
			expect(values).not.toContain(DEFAULT_SET);
			expect(values).toEqual(expect.arrayContaining(['work.department', CUSTOM_COST_CENTER]));
			expect(options.find((option) => option.value === 'work.department')).toEqual({
				name: 'Work › Department',
				value: 'work.department',
				description:
					'work.department (list, list department: compare with labels such as "Engineering")',
			});
		},
	);
});
