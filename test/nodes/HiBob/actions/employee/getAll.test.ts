import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../../simulator';
import { CUSTOM_COST_CENTER, startSimulator } from '../../../../simulator';
import { useFastClock } from '../../../../harness/fastClock';
import { useSimulator } from '../../../../harness/simulator';
import { bodyOf, failureOf, jsonOf, pairedOf, runEmployee, searches } from './helpers';

const clock = useFastClock();

type Condition = { field: string; operator: string; value?: unknown };
const where = (...conditions: Condition[]) => ({ filters: { conditions } });

describe('HiBob → Employee → Get Many', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 200,
		seed: 7,
		today: '2026-11-21',
		rateLimit: false,
	});

	const getMany = (extra: IDataObject = {}) => ({ operation: 'getAll', ...extra });
	const everyone = () => sim.control.listEmployees();
	const active = () => everyone().filter((person) => person.status === 'Active');
	const ids = (json: IDataObject[]) => json.map((entry) => entry.id as string).sort();
	const departmentId = (label: string) =>
		String(
			sim.simulator.company.lists.get('department')?.items.find((item) => item.name === label)?.id,
		);
	/** Every employee with all values (the test's own view, independent of the node). */
	const snapshots = () =>
		everyone().map((person) => sim.control.getEmployee({ employeeId: person.id }));

	describe('who and how many', () => {
		it('by default: active people only, at most 50, each paired with the input item', async () => {
			const result = await runEmployee(sim, getMany());
			expect(result.output[0]).toHaveLength(50);
			const activeIds = new Set(active().map((person) => person.id));
			expect(jsonOf(result).every((json) => activeIds.has(json.id as string))).toBe(true);
			expect(new Set(pairedOf(result))).toEqual(new Set([0]));
			expect(bodyOf(searches(sim)[0]).showInactive).toBe(false);
			expect(bodyOf(searches(sim)[0]).filters).toBeUndefined();
		});

		it('Return All: every active person; Include Inactive adds hired and terminated people', async () => {
			const all = await runEmployee(sim, getMany({ returnAll: true }));
			expect(ids(jsonOf(all))).toEqual(
				active()
					.map((person) => person.id)
					.sort(),
			);
			const inactive = await runEmployee(sim, getMany({ returnAll: true, includeInactive: true }));
			expect(ids(jsonOf(inactive))).toEqual(
				everyone()
					.map((person) => person.id)
					.sort(),
			);
			expect(active().length).toBeLessThan(everyone().length);
		});

		it('Limit cuts the result', async () => {
			const result = await runEmployee(sim, getMany({ limit: 7 }));
			expect(result.output[0]).toHaveLength(7);
		});

		it('the same search for several input items is sent once; every item gets its own results', async () => {
			const result = await runEmployee(sim, getMany({ limit: 3 }), {
				items: [{ json: {} }, { json: {} }],
			});
			expect(pairedOf(result)).toEqual([0, 0, 0, 1, 1, 1]);
			expect(searches(sim)).toHaveLength(1);
		});
	});

	it('refuses more than 400 fields (HiBob\'s limit per search) before sending anything', async () => {
		const fields = Array.from({ length: 400 }, (_, i) => `work.custom.field_${1000 + i}`);
		const error = await failureOf(runEmployee(sim, getMany({ output: 'full', fields })));
		expect(error.message).toBe('Too many fields: the people search would ask for 401 (HiBob allows 400)');
		expect(sim.log.entries()).toHaveLength(0);
	}); // prettier-ignore

	describe('output', () => {
		it('Simplified: a few flat fields with labels', async () => {
			const result = await runEmployee(sim, getMany({ limit: 5 }));
			const labels = new Set(
				sim.simulator.company.lists.get('department')?.items.map((item) => item.name),
			);
			for (const json of jsonOf(result)) {
				expect(Object.keys(json).every((key) => !key.includes('.') && !key.startsWith('/'))).toBe(
					true,
				);
				expect(json.id).toMatch(/^\d{19}$/);
				if (json.department !== null) expect(labels.has(json.department as string)).toBe(true);
			}
		});

		it('Simplified: dates stay ISO beside the labels (start and termination dates, inactive people too)', async () => {
			const result = await runEmployee(sim, getMany({ returnAll: true, includeInactive: true }));
			const byPerson = new Map(snapshots().map((snapshot) => [snapshot.id, snapshot.values]));
			const json = jsonOf(result);
			expect(json.some((entry) => entry.terminationDate !== null)).toBe(true);
			for (const entry of json) {
				const values = byPerson.get(entry.id as string);
				expect(entry.startDate).toBe(values?.['work.startDate'] ?? null);
				expect(entry.terminationDate).toBe(values?.['internal.terminationDate'] ?? null);
			}
			expect(JSON.stringify(json).match(/"[^"]*":"\d{2}\/\d{2}\/\d{4}"/g)).toBeNull();
		});

		it('Full: Default Set plus a custom field, nested, no slash keys, 19-digit string IDs', async () => {
			const result = await runEmployee(
				sim,
				getMany({
					output: 'full',
					fields: ['__defaultSet__', CUSTOM_COST_CENTER],
					returnAll: true,
				}),
			);
			const json = jsonOf(result);
			expect(json).toHaveLength(active().length);
			for (const entry of json) {
				expect(Object.keys(entry).some((key) => key.startsWith('/'))).toBe(false);
				expect(typeof entry.id).toBe('string');
				expect(entry.id).toMatch(/^\d{19}$/);
				expect(entry.work).toHaveProperty('department');
				expect(entry.work).toHaveProperty('custom');
			}
			const someone = json[0];
			const snapshot = sim.control.getEmployee({ employeeId: someone.id as string });
			expect((someone.work as IDataObject).custom).toEqual({
				field_1711886937296: snapshot.values[CUSTOM_COST_CENTER],
			});
			expect(bodyOf(searches(sim)[0]).fields).toContain(CUSTOM_COST_CENTER);
		});

		it('Human-Readable Append adds humanReadable; Replace is sent to HiBob as REPLACE', async () => {
			const append = await runEmployee(
				sim,
				getMany({ output: 'full', fields: ['work.department'], humanReadable: 'append', limit: 3 }),
			);
			expect(bodyOf(searches(sim)[0]).humanReadable).toBe('APPEND');
			for (const json of jsonOf(append)) {
				expect(json.humanReadable).toEqual(expect.objectContaining({ id: json.id }));
			}
			sim.log.clear();
			const replace = await runEmployee(
				sim,
				getMany({ output: 'full', fields: ['work.startDate'], humanReadable: 'replace', limit: 3 }),
			);
			expect(bodyOf(searches(sim)[0]).humanReadable).toBe('REPLACE');
			for (const json of jsonOf(replace)) {
				expect((json.work as IDataObject).startDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
				expect(json).not.toHaveProperty('humanReadable');
			}
		});
	});

	describe('filters (applied by the node)', () => {
		it('equals a list label: "Engineering" is resolved to its list item ID', async () => {
			const engineering = departmentId('Engineering');
			const expected = snapshots()
				.filter((s) => s.status === 'Active' && s.values['work.department'] === engineering)
				.map((s) => s.id)
				.sort();
			expect(expected.length).toBeGreaterThan(0);
			const result = await runEmployee(
				sim,
				getMany({
					returnAll: true,
					...where({ field: 'work.department', operator: 'equals', value: 'engineering' }),
				}),
			);
			expect(ids(jsonOf(result))).toEqual(expected);
			expect(jsonOf(result).every((json) => json.department === 'Engineering')).toBe(true);
			expect(sim.log.entries({ path: '/v1/company/named-lists' })).toHaveLength(1);
		});

		it('not equals, is one of, contains', async () => {
			const all = snapshots().filter((s) => s.status === 'Active');
			const engineering = departmentId('Engineering');
			const sales = departmentId('Sales');
			const run = async (condition: Condition) =>
				ids(jsonOf(await runEmployee(sim, getMany({ returnAll: true, ...where(condition) }))));

			expect(
				await run({ field: 'work.department', operator: 'notEquals', value: 'Engineering' }),
			).toEqual(
				all
					.filter((s) => s.values['work.department'] !== engineering)
					.map((s) => s.id)
					.sort(),
			);
			expect(
				await run({ field: 'work.department', operator: 'isOneOf', value: 'Engineering, Sales' }),
			).toEqual(
				all
					.filter((s) => [engineering, sales].includes(String(s.values['work.department'])))
					.map((s) => s.id)
					.sort(),
			);
			const surname = String(all[0].values['root.surname']);
			const needle = surname.slice(1, 4).toUpperCase();
			expect(await run({ field: 'root.displayName', operator: 'contains', value: needle })).toEqual(
				all
					.filter((s) => s.displayName.toLowerCase().includes(needle.toLowerCase()))
					.map((s) => s.id)
					.sort(),
			);
		});

		it('is empty / is not empty, date before / after (calendar dates)', async () => {
			const all = snapshots();
			const run = async (condition: Condition) =>
				ids(
					jsonOf(
						await runEmployee(
							sim,
							getMany({ returnAll: true, includeInactive: true, ...where(condition) }),
						),
					),
				);
			const terminated = all
				.filter((s) => s.terminationDate !== null)
				.map((s) => s.id)
				.sort();
			expect(terminated.length).toBeGreaterThan(0);
			expect(await run({ field: 'internal.terminationDate', operator: 'isNotEmpty' })).toEqual(
				terminated,
			);
			expect(await run({ field: 'internal.terminationDate', operator: 'isEmpty' })).toEqual(
				all
					.filter((s) => s.terminationDate === null)
					.map((s) => s.id)
					.sort(),
			);
			expect(
				await run({ field: 'work.startDate', operator: 'dateAfter', value: '2026-11-21' }),
			).toEqual(
				all
					.filter((s) => (s.startDate ?? '') > '2026-11-21')
					.map((s) => s.id)
					.sort(),
			);
			expect(
				await run({ field: 'work.startDate', operator: 'dateBefore', value: '2020-01-01' }),
			).toEqual(
				all
					.filter((s) => s.startDate !== null && s.startDate < '2020-01-01')
					.map((s) => s.id)
					.sort(),
			);
		});

		it('all conditions must hold; a limit counts matches', async () => {
			const engineering = departmentId('Engineering');
			const expected = snapshots().filter(
				(s) =>
					s.status === 'Active' &&
					s.values['work.department'] === engineering &&
					(s.startDate ?? '') >= '2020-01-01',
			);
			const result = await runEmployee(
				sim,
				getMany({
					limit: 2,
					...where(
						{ field: 'work.department', operator: 'equals', value: 'Engineering' },
						{ field: 'work.startDate', operator: 'dateAfter', value: '2019-12-31' },
					),
				}),
			);
			expect(expected.length).toBeGreaterThan(2);
			expect(result.output[0]).toHaveLength(2);
			expect(jsonOf(result).every((json) => expected.some((s) => s.id === json.id))).toBe(true);
		});

		it('fields a filter needs are read but not output unless chosen', async () => {
			const result = await runEmployee(
				sim,
				getMany({
					output: 'full',
					fields: ['root.email'],
					limit: 3,
					...where({ field: 'work.startDate', operator: 'dateBefore', value: '2026-01-01' }),
				}),
			);
			expect(bodyOf(searches(sim)[0]).fields).toEqual(['root.id', 'root.email', 'work.startDate']);
			for (const json of jsonOf(result)) expect(Object.keys(json).sort()).toEqual(['email', 'id']);
		});

		it('Replace with filters: filters see machine values, the output gets labels', async () => {
			const result = await runEmployee(
				sim,
				getMany({
					output: 'full',
					fields: ['work.department'],
					humanReadable: 'replace',
					returnAll: true,
					...where({ field: 'work.department', operator: 'equals', value: 'Sales' }),
				}),
			);
			expect(bodyOf(searches(sim)[0]).humanReadable).toBe('APPEND');
			expect(result.output[0].length).toBeGreaterThan(0);
			for (const json of jsonOf(result))
				expect(json).toEqual({ id: json.id, work: { department: 'Sales' } });
		});

		it('a label that matches no list item is an error naming the list and valid labels', async () => {
			const failure = await failureOf(
				runEmployee(
					sim,
					getMany(where({ field: 'work.department', operator: 'equals', value: 'Enginering' })),
				),
			);
			expect(failure.message).toBe(
				'Filter 1 (Department equals): "Enginering" is not an item of the HiBob list "department"',
			);
			expect(failure.description).toContain('Engineering');
			expect(failure.context.itemIndex).toBe(0);
			expect(searches(sim)).toEqual([]);
		});

		it('a field that does not exist fails before the people search (only metadata was read)', async () => {
			const failure = await failureOf(
				runEmployee(
					sim,
					getMany(where({ field: 'work.departmnt', operator: 'equals', value: 'x' })),
				),
			);
			expect(failure.message).toBe('The filters use a field HiBob does not have: work.departmnt');
			expect(sim.log.entries().map((entry) => entry.path)).toEqual(['/v1/company/people/fields']);
		});

		it('a malformed field ID or missing value fails before any request at all', async () => {
			const malformed = await failureOf(
				runEmployee(sim, getMany(where({ field: 'Department', operator: 'equals', value: 'x' }))),
			);
			expect(malformed.message).toBe('Filter 1: "Department" is not a HiBob field ID');
			const noValue = await failureOf(
				runEmployee(
					sim,
					getMany(where({ field: 'work.department', operator: 'equals', value: '' })),
				),
			);
			expect(noValue.message).toBe('Filter 1 (work.department equals) needs a value');
			expect(sim.log.entries()).toEqual([]);
		});

		it("with continue-on-fail a bad filter is that item's error item", async () => {
			const result = await runEmployee(
				sim,
				getMany({ limit: 1, ...where({ field: '={{ $json.field }}', operator: 'isNotEmpty' }) }),
				{
					items: [{ json: { field: 'work.department' } }, { json: { field: 'work.nope' } }],
					continueOnFail: true,
				},
			);
			expect(pairedOf(result)).toEqual([0, 1]);
			expect(jsonOf(result)[1].error).toBe(
				'The filters use a field HiBob does not have: work.nope',
			);
		});
	});

	it('unknown output field IDs are rejected with their list before the people search', async () => {
		const failure = await failureOf(
			runEmployee(
				sim,
				getMany({ output: 'full', fields: '={{ ["root.email", "work.custom.field_9"] }}' }),
			),
		);
		expect(failure.message).toBe('HiBob has no field "work.custom.field_9"');
		expect(searches(sim)).toEqual([]);
	});

	describe('permission diagnostics', () => {
		it('without the Lifecycle category: a hint naming the missing fields and "Lifecycle"', async () => {
			const user = sim.control.addServiceUser({
				permissions: { categories: ['root', 'work', 'about', 'employment'], scope: 'all' },
			});
			const result = await runEmployee(sim, getMany({ output: 'full', limit: 5 }), { user });
			expect(result.output[0]).toHaveLength(5);
			expect(result.hints).toHaveLength(1);
			const { message } = result.hints[0];
			expect(message).toContain(
				'Lifecycle: Lifecycle status (internal.lifecycleStatus), Status (internal.status), Termination date (internal.terminationDate)',
			);
			expect(message).toContain('"Lifecycle" category');
			expect(message).toContain(
				"People's Data › Lifecycle › View selected employees' Lifecycle sections",
			);
			expect(message).toContain('Check Access');
			sim.control.removeServiceUser({ id: user.id });
		});

		it('a service user that sees nobody: a hint about permission groups and access scope', async () => {
			const user = sim.control.addServiceUser({ permissions: null });
			const result = await runEmployee(sim, getMany(), { user });
			expect(result.output[0]).toEqual([]);
			expect(result.hints.map((hint) => hint.message)).toEqual([
				expect.stringContaining('HiBob returned no employees'),
			]);
			expect(result.hints[0].message).toContain('Whose data can members access');
			expect(result.hints[0].message).toContain('Include Inactive');
			sim.control.removeServiceUser({ id: user.id });
		});

		it('no hint when all is well, even when filters leave nobody', async () => {
			const result = await runEmployee(
				sim,
				getMany(where({ field: 'root.email', operator: 'equals', value: 'nobody@nowhere.test' })),
			);
			expect(result.output[0]).toEqual([]);
			expect(result.hints).toEqual([]);
		});
	});

	describe('errors', () => {
		it('a wrong token fails with the 401 explanation', async () => {
			const failure = await failureOf(
				runEmployee(sim, getMany(), { user: { id: sim.serviceUser.id, token: 'wrong-token-123' } }),
			);
			expect(failure.message).toBe('HiBob rejected the service user ID or token (401)');
			expect(failure.httpCode).toBe('401');
		});

		it('a burst of 429s is ridden out (waits go through the transport clock)', async () => {
			sim.control.injectFault({
				kind: 'rate-limit',
				count: 2,
				path: '/v1/people/search',
				resetHeader: false,
				retryAfterSeconds: 2,
			});
			const result = await runEmployee(sim, getMany({ limit: 3 }));
			expect(result.output[0]).toHaveLength(3);
			expect(searches(sim).map((entry) => entry.status)).toEqual([429, 429, 200]);
			expect(clock.current.sleeps).toEqual([2000, 2000]);
		});
	});

	it('10,000 employees: Return All gives every one of them in one search', async () => {
		const large = await startSimulator({
			employees: 10000,
			seed: 3,
			today: '2026-11-21',
			rateLimit: false,
		});
		try {
			const result = await runEmployee(large, getMany({ returnAll: true, includeInactive: true }));
			expect(result.output[0]).toHaveLength(10000);
			expect(new Set(jsonOf(result).map((json) => json.id)).size).toBe(10000);
			expect(searches(large)).toHaveLength(1);
		} finally {
			await large.stop();
		}
	});
});
