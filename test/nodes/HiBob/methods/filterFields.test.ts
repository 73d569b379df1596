import { DEFAULT_SET } from '../../../../nodes/HiBob/core/fields';
import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import { useFastClock } from '../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../harness/n8n';
import type { RunningSimulator } from '../../../simulator';
import { CUSTOM_COST_CENTER, startSimulator } from '../../../simulator';

useFastClock();

describe('HiBob load options: getFilterFields', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startSimulator({ employees: 10, seed: 5, rateLimit: false });
	});
	afterAll(async () => await sim.stop());

	it('offers every field (custom ones included) but no Default Set', async () => {
		const node = new HiBob();
		const context = loadOptionsContext({
			nodeType: node,
			parameters: { resource: 'employee', operation: 'getAll' },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
		});
		const options = await node.methods.loadOptions.getFilterFields.call(context);
		const values = options.map((option) => option.value);
		expect(values).not.toContain(DEFAULT_SET);
		expect(values).toEqual(expect.arrayContaining(['work.department', CUSTOM_COST_CENTER]));
		expect(options.find((option) => option.value === 'work.department')).toEqual({
			name: 'Work › Department',
			value: 'work.department',
			description:
				'work.department (list, list department: compare with labels such as "Engineering")',
		});
	});
});
