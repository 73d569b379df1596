import { HiBob } from '../../../../nodes/HiBob/HiBob.node';
import { searchEmployees } from '../../../../nodes/HiBob/methods/listSearch';
import { useFastClock } from '../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../harness/n8n';
import { useSimulator } from '../../../harness/simulator';
import type { RunningSimulator } from '../../../simulator';

useFastClock();

describe('HiBob list search: searchEmployees', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 200,
		seed: 7,
		today: '2026-11-21',
		rateLimit: false,
	});

	const context = () =>
		loadOptionsContext({
			nodeType: new HiBob(),
			parameters: { resource: 'employee', operation: 'get' },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
		});

	it('is wired into the node and its Employee locator', () => {
		const node = new HiBob();
		expect(node.methods.listSearch.searchEmployees).toBe(searchEmployees);
		const locators = node.description.properties.filter((property) => property.name === 'employee');
		const modesOf = (resource: string) =>
			locators
				.find((property) => property.displayOptions?.show?.resource?.includes(resource))
				?.modes?.map((mode) => mode.name);
		// Employee → Get resolves emails itself; History → Get reads /people/{id}/… and takes IDs only.
		expect(modesOf('employee')).toEqual(['list', 'id', 'email']);
		expect(modesOf('employeeHistory')).toEqual(['list', 'id']);
		for (const employee of locators) {
			expect(employee.type).toBe('resourceLocator');
			expect(employee.default).toEqual({ mode: 'list', value: '' });
			expect(employee.modes?.[0].typeOptions?.searchListMethod).toBe('searchEmployees');
		}
		// Every operation that picks one employee uses this same locator.
		expect(locators.length).toBeGreaterThanOrEqual(2);
	});

	it('lists everyone (inactive people too) as "Name (email)" → ID, sorted, 100 per page', async () => {
		const everyone = sim.control.listEmployees();
		const first = await searchEmployees.call(context());
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await searchEmployees.call(context(), undefined, first.paginationToken);
		expect(second.results).toHaveLength(100);
		expect(second.paginationToken).toBeUndefined();
		const all = [...first.results, ...second.results];
		expect(all.map((result) => result.value).sort()).toEqual(
			everyone.map((person) => person.id).sort(),
		);
		const someone = everyone[10];
		expect(all).toContainEqual({
			name: `${someone.displayName} (${someone.email})`,
			value: someone.id,
		});
		const names = all.map((result) => result.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const [search] = sim.log.entries({ path: '/v1/people/search' });
		expect(search.body).toEqual({
			fields: ['root.id', 'root.displayName', 'root.email'],
			showInactive: true,
		});
	});

	it('searches by part of the name or email, ignoring case', async () => {
		const person = sim.control.listEmployees({ lifecycleStatus: 'employed' })[12];
		const surname = person.displayName.split(' ').slice(-1)[0];
		const byName = await searchEmployees.call(context(), surname.slice(0, 4).toUpperCase());
		expect(byName.results.map((result) => result.value)).toContain(person.id);
		expect(
			byName.results.every((result) =>
				result.name.toLowerCase().includes(surname.slice(0, 4).toLowerCase()),
			),
		).toBe(true);
		const byEmail = await searchEmployees.call(context(), person.email.split('@')[0].toUpperCase());
		expect(byEmail.results.map((result) => result.value)).toContain(person.id);
		const byId = await searchEmployees.call(context(), person.id);
		expect(byId.results).toEqual([
			{ name: `${person.displayName} (${person.email})`, value: person.id },
		]);
		const none = await searchEmployees.call(context(), 'zzzz-nobody');
		expect(none).toEqual({ results: [] });
	});

	it('reads HiBob once per call context', async () => {
		const shared = context();
		await searchEmployees.call(shared, 'a');
		await searchEmployees.call(shared, 'b');
		expect(sim.log.entries({ path: '/v1/people/search' })).toHaveLength(1);
	});
});
