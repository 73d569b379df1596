import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../../simulator';
import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import {
	bodyOf,
	byEmail,
	byId,
	failureOf,
	fromList,
	jsonOf,
	pairedOf,
	runEmployee,
	searches,
} from './helpers';

useFastClock();

describe('HiBob → Employee → Get', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 200,
		seed: 7,
		today: '2026-11-21',
		rateLimit: false,
	});

	const employed = () => sim.control.listEmployees({ lifecycleStatus: 'employed' });
	const departmentLabel = (id: unknown) =>
		sim.simulator.company.lists
			.get('department')
			?.items.find((item) => String(item.id) === String(id))?.name;
	const get = (employee: IDataObject[string], extra: IDataObject = {}): IDataObject => ({
		operation: 'get',
		employee,
		...extra,
	});

	describe('one employee', () => {
		it('by ID: Simplified output with labels, the ID as a 19-digit string', async () => {
			const person = employed()[3];
			const snapshot = sim.control.getEmployee({ employeeId: person.id });
			const result = await runEmployee(sim, get(byId(person.id)));
			expect(jsonOf(result)).toEqual([
				expect.objectContaining({
					id: person.id,
					email: person.email,
					displayName: person.displayName,
					department: departmentLabel(snapshot.values['work.department']),
					lifecycleStatus: 'Employed',
					startDate: person.startDate,
				}),
			]);
			expect(jsonOf(result)[0].id).toMatch(/^\d{19}$/);
			expect(pairedOf(result)).toEqual([0]);
		});

		it('by email, whatever its case', async () => {
			const person = employed()[4];
			const result = await runEmployee(sim, get(byEmail(`  ${person.email.toUpperCase()} `)));
			expect(jsonOf(result)).toEqual([expect.objectContaining({ id: person.id })]);
			const [search] = searches(sim);
			expect(bodyOf(search).filters?.[0]).toMatchObject({
				fieldPath: 'root.email',
				operator: 'equals',
			});
		});

		it('from the list (the list hands over the ID)', async () => {
			const person = employed()[5];
			const result = await runEmployee(sim, get(fromList(person.id)));
			expect(jsonOf(result)).toEqual([
				expect.objectContaining({ id: person.id, email: person.email }),
			]);
		});

		it('finds hired (not started) and terminated people: searches send showInactive', async () => {
			const hired = sim.control.listEmployees({ lifecycleStatus: 'hired' })[0];
			const terminated = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const result = await runEmployee(sim, get('={{ $json.who }}'), {
				items: [{ json: { who: hired.id } }, { json: { who: terminated.email } }],
			});
			expect(jsonOf(result)).toEqual([
				expect.objectContaining({ id: hired.id, lifecycleStatus: 'Hired' }),
				expect.objectContaining({ id: terminated.id, lifecycleStatus: 'Terminated' }),
			]);
			expect(searches(sim).every((entry) => bodyOf(entry).showInactive === true)).toBe(true);
		});

		it('refuses more than 400 fields (HiBob\'s limit per search) before sending anything', async () => {
			const person = employed()[6];
			const fields = Array.from({ length: 399 }, (_, i) => `work.custom.field_${1000 + i}`);
			const error = await failureOf(runEmployee(sim, get(byId(person.id), { output: 'full', fields })));
			expect(error.message).toBe('Too many fields: the people search would ask for 401 (HiBob allows 400)');
			expect(error.description).toMatch(/No search was sent/);
			expect(sim.log.entries()).toHaveLength(0);
		}); // prettier-ignore

		it('Full output: HiBob nested shape, no slash keys, only the chosen fields (+ ID)', async () => {
			const person = employed()[6];
			const snapshot = sim.control.getEmployee({ employeeId: person.id });
			const result = await runEmployee(
				sim,
				get(byEmail(person.email), {
					output: 'full',
					fields: ['work.department', 'work.startDate'],
				}),
			);
			expect(jsonOf(result)).toEqual([
				{
					id: person.id,
					work: {
						department: snapshot.values['work.department'],
						startDate: person.startDate,
					},
				},
			]);
			// The email was read to match the answer to the item, but not chosen for output.
			expect(bodyOf(searches(sim)[0]).fields).toEqual(
				expect.arrayContaining(['root.id', 'root.email', 'work.department', 'work.startDate']),
			);
		});

		it('Full output with Append keeps machine values and adds humanReadable; Replace puts labels', async () => {
			const person = employed()[7];
			const snapshot = sim.control.getEmployee({ employeeId: person.id });
			const label = departmentLabel(snapshot.values['work.department']);
			const append = await runEmployee(
				sim,
				get(byId(person.id), {
					output: 'full',
					fields: ['work.department'],
					humanReadable: 'append',
				}),
			);
			expect(jsonOf(append)[0]).toEqual({
				id: person.id,
				work: { department: snapshot.values['work.department'] },
				humanReadable: { id: person.id, work: { department: label } },
			});
			const replace = await runEmployee(
				sim,
				get(byId(person.id), {
					output: 'full',
					fields: ['work.department'],
					humanReadable: 'replace',
				}),
			);
			expect(jsonOf(replace)[0]).toEqual({ id: person.id, work: { department: label } });
		});

		it('Default Set (empty Fields) returns the default fields', async () => {
			const person = employed()[8];
			const result = await runEmployee(sim, get(byId(person.id), { output: 'full' }));
			const json = jsonOf(result)[0];
			expect(json).toMatchObject({
				id: person.id,
				email: person.email,
				displayName: person.displayName,
			});
			expect(json.work).toHaveProperty('department');
			expect(json.internal).toHaveProperty('lifecycleStatus', 'employed');
			expect(Object.keys(json).some((key) => key.startsWith('/'))).toBe(false);
		});
	});

	describe('input checks, before anything is sent', () => {
		it.each([
			[
				'an 18-digit ID',
				byId('333288388401771323'),
				'"333288388401771323" is not a HiBob employee ID',
			],
			['a malformed email', byEmail('amy.miles@'), '"amy.miles@" is not a valid email address'],
			['nothing', byId(''), 'No employee given'],
			['an ID that became a number', Number('3332883884017713238'), 'arrived as a number'],
		])('%s fails the run with the item index and no request', async (_label, employee, message) => {
			const good = employed()[0];
			const failure = await failureOf(
				runEmployee(
					sim,
					get(`={{ $itemIndex === 0 ? ${JSON.stringify(byId(good.id))} : $json.who }}`),
					{
						items: [{ json: {} }, { json: { who: employee } }],
					},
				),
			);
			expect(failure.message).toContain(message);
			expect(failure.context.itemIndex).toBe(1);
			expect(sim.log.entries()).toEqual([]);
		});

		it('with continue-on-fail, the bad item becomes an error item and the others go on', async () => {
			const [a, b] = employed();
			const result = await runEmployee(sim, get('={{ $json.who }}'), {
				items: [
					{ json: { who: a.id } },
					{ json: { who: 'not-an-id' } },
					{ json: { who: b.email } },
				],
				continueOnFail: true,
			});
			expect(pairedOf(result)).toEqual([0, 1, 2]);
			expect(jsonOf(result)[0]).toMatchObject({ id: a.id });
			expect(jsonOf(result)[1].error).toBe('"not-an-id" is not a HiBob employee ID');
			expect(jsonOf(result)[2]).toMatchObject({ id: b.id });
		});

		it('unknown field IDs (from an expression) are rejected with their list before any search', async () => {
			const person = employed()[0];
			const failure = await failureOf(
				runEmployee(
					sim,
					get(byId(person.id), {
						output: 'full',
						fields: '={{ ["work.department", "work.nope", "x.y"] }}',
					}),
				),
			);
			expect(failure.message).toBe('HiBob has no fields "work.nope", "x.y"');
			expect(searches(sim)).toEqual([]);
		});
	});

	describe('batching across items', () => {
		let big: RunningSimulator;
		useSimulator((started) => (big = started), {
			employees: 1000,
			seed: 11,
			today: '2026-11-21',
			rateLimit: false,
		});

		it('1,000 items (IDs and emails mixed) cost at most 10 HiBob calls and map back in order', async () => {
			const people = big.control.listEmployees();
			expect(people).toHaveLength(1000);
			const items = people.map((person, index) => ({
				json: { who: index % 2 === 0 ? person.id : person.email },
			}));
			const result = await runEmployee(big, get('={{ $json.who }}'), { items });
			expect(result.output[0]).toHaveLength(1000);
			expect(pairedOf(result)).toEqual(people.map((_, index) => index));
			expect(jsonOf(result).map((json) => json.id)).toEqual(people.map((person) => person.id));

			const log = big.log.entries();
			expect(log.length).toBeLessThanOrEqual(10);
			const calls = searches(big);
			expect(calls.length).toBeGreaterThanOrEqual(4);
			for (const call of calls) {
				const [filter] = bodyOf(call).filters ?? [];
				expect(filter.operator).toBe('equals');
				expect(filter.values.length).toBeLessThanOrEqual(250);
				// IDs and emails never share a call.
				const idLike = filter.values.filter((value) => /^\d{19}$/.test(value));
				expect(idLike.length === 0 || idLike.length === filter.values.length).toBe(true);
				expect(filter.fieldPath).toBe(idLike.length > 0 ? 'root.id' : 'root.email');
			}
		});

		it('duplicates are asked once and answered for every item', async () => {
			const person = big.control.listEmployees({ lifecycleStatus: 'employed' })[0];
			const items = [
				person.email,
				person.email.toUpperCase(),
				person.email,
				person.id,
				person.id,
			].map((who) => ({ json: { who } }));
			const result = await runEmployee(big, get('={{ $json.who }}'), { items });
			expect(jsonOf(result).map((json) => json.id)).toEqual(Array(5).fill(person.id));
			expect(pairedOf(result)).toEqual([0, 1, 2, 3, 4]);
			const calls = searches(big);
			expect(calls).toHaveLength(2);
			const emailCall = calls.find((call) => bodyOf(call).filters?.[0].fieldPath === 'root.email');
			expect(
				new Set(bodyOf(emailCall!).filters?.[0].values.map((value) => value.toLowerCase())),
			).toEqual(new Set([person.email.toLowerCase()]));
			const idCall = calls.find((call) => bodyOf(call).filters?.[0].fieldPath === 'root.id');
			expect(bodyOf(idCall!).filters?.[0].values).toEqual([person.id]);
		});

		it("an unknown email among good ones is that item's error with continue-on-fail", async () => {
			const [a, b] = big.control.listEmployees({ lifecycleStatus: 'employed', limit: 2 });
			const items = [a.email, 'nobody@acme-sim.com', b.id].map((who) => ({ json: { who } }));
			const result = await runEmployee(big, get('={{ $json.who }}'), {
				items,
				continueOnFail: true,
			});
			expect(pairedOf(result)).toEqual([0, 1, 2]);
			expect(jsonOf(result)[0]).toMatchObject({ id: a.id });
			expect(jsonOf(result)[1]).toEqual({
				error:
					'No employee with email nobody@acme-sim.com in HiBob (or the service user may not see them: check its access scope)',
				description: expect.stringContaining('Whose data can members access'),
			});
			expect(jsonOf(result)[2]).toMatchObject({ id: b.id });
			expect(searches(big)).toHaveLength(2);
		});

		it('without continue-on-fail the unknown item fails the run, naming its index', async () => {
			const [a, b] = big.control.listEmployees({ lifecycleStatus: 'employed', limit: 2 });
			const items = [a.email, b.id, '3000000000000000001'].map((who) => ({ json: { who } }));
			const failure = await failureOf(runEmployee(big, get('={{ $json.who }}'), { items }));
			expect(failure.message).toBe(
				'No employee with ID 3000000000000000001 in HiBob (or the service user may not see them: check its access scope)',
			);
			expect(failure.context.itemIndex).toBe(2);
		});
	});

	describe('failures of HiBob calls', () => {
		it('a wrong token: every item gets the 401 with continue-on-fail, after one call', async () => {
			const [a, b] = employed();
			const result = await runEmployee(sim, get('={{ $json.who }}'), {
				items: [{ json: { who: a.id } }, { json: { who: b.email } }],
				continueOnFail: true,
				user: { id: sim.serviceUser.id, token: 'wrong-token-123' },
			});
			expect(pairedOf(result)).toEqual([0, 1]);
			expect(jsonOf(result).map((json) => json.error)).toEqual([
				'HiBob rejected the service user ID or token (401)',
				'HiBob rejected the service user ID or token (401)',
			]);
			expect(sim.log.entries()).toHaveLength(1);
		});

		it('items asking for different outputs are searched in separate groups, each batched', async () => {
			const people = employed().slice(0, 4);
			const result = await runEmployee(
				sim,
				get('={{ $json.who }}', { output: '={{ $json.output }}', fields: ['work.startDate'] }),
				{
					items: people.map((person, index) => ({
						json: { who: person.id, output: index % 2 === 0 ? 'simplified' : 'full' },
					})),
				},
			);
			expect(jsonOf(result)[0]).toHaveProperty('displayName', people[0].displayName);
			expect(jsonOf(result)[1]).toEqual({
				id: people[1].id,
				work: { startDate: people[1].startDate },
			});
			expect(searches(sim)).toHaveLength(2);
		});

		it('a failed search: the items it served fail (error items, or the run with the first item index)', async () => {
			const [a, b] = employed();
			const items = [{ json: { who: a.email } }, { json: { who: b.id } }];
			sim.control.injectFault({ kind: 'html', count: 10, path: '/v1/people/search' });
			try {
				const failure = await failureOf(runEmployee(sim, get('={{ $json.who }}'), { items }));
				expect(failure.message).toBe('HiBob answered with a web page instead of data');
				// IDs are searched first: the failed call served item 1.
				expect(failure.context.itemIndex).toBe(1);
				const result = await runEmployee(sim, get('={{ $json.who }}'), {
					items,
					continueOnFail: true,
				});
				expect(pairedOf(result)).toEqual([0, 1]);
				expect(jsonOf(result).map((json) => json.error)).toEqual([
					'HiBob answered with a web page instead of data',
					'HiBob answered with a web page instead of data',
				]);
			} finally {
				sim.control.clearFaults();
			}
		});
	});

	describe('permissions', () => {
		it('fields the service user may not read: a hint naming them and the category to grant', async () => {
			const user = sim.control.addServiceUser({
				permissions: { categories: ['root', 'work', 'about', 'employment'], scope: 'all' },
			});
			const person = employed()[1];
			const result = await runEmployee(sim, get(byId(person.id)), { user });
			expect(jsonOf(result)[0]).toMatchObject({ id: person.id });
			expect(jsonOf(result)[0]).not.toHaveProperty('lifecycleStatus');
			expect(result.hints).toHaveLength(1);
			expect(result.hints[0].message).toContain('Lifecycle status (internal.lifecycleStatus)');
			expect(result.hints[0].message).toContain('Termination date (internal.terminationDate)');
			expect(result.hints[0].message).toContain(
				"People's Data › Lifecycle › View selected employees' Lifecycle sections",
			);
			expect(result.hints[0].message).toContain('"Lifecycle" category');
			sim.control.removeServiceUser({ id: user.id });
		});

		it('no hint when every field came back', async () => {
			const result = await runEmployee(sim, get(byId(employed()[1].id)));
			expect(result.hints).toEqual([]);
		});

		it('someone outside the access scope is not found, with the access-scope advice', async () => {
			const terminated = sim.control.listEmployees({ lifecycleStatus: 'terminated' })[0];
			const user = sim.control.addServiceUser({
				permissions: { categories: '*', scope: 'employed-only' },
			});
			const failure = await failureOf(runEmployee(sim, get(byId(terminated.id)), { user }));
			expect(failure.message).toContain(`No employee with ID ${terminated.id} in HiBob`);
			expect(failure.message).toContain('check its access scope');
			sim.control.removeServiceUser({ id: user.id });
		});
	});
});
