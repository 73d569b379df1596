/**
 * Company → Check Access against the simulator, whose service users model HiBob's permission groups:
 * field categories, "Whose data can members access", history, and the feature grants (tasks, docs).
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunningSimulator } from '../../../../simulator';
import type { Permissions } from '../../../../simulator/access';
import { buildFieldCatalogue } from '../../../../simulator/fields';
import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';

useFastClock();

/** Every field category of the simulator's catalogue (the live tenant's built-in categories). */
const CATEGORIES = [...new Set(buildFieldCatalogue().map((field) => field.categoryId))];
const DISPLAY: Record<string, string> = {};

describe('HiBob → Company → Check Access', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 30,
		seed: 3,
		today: '2026-11-21',
		rateLimit: false,
	});

	beforeAll(() => {
		for (const field of sim.simulator.company.fields)
			DISPLAY[field.categoryId] = field.categoryDisplayName;
	});

	const check = async (user = sim.serviceUser) => {
		const result = await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'company', operation: 'checkAccess' },
			credentials: credentialsFor(sim.url, user.id, user.token),
			items: [{ json: {} }],
		});
		const findings = result.output[0].map((item) => item.json);
		const by = (capability: string) => {
			const found = findings.find((finding) => finding.capability === capability);
			if (!found) throw new Error(`No finding "${capability}" in ${findings.map((f) => f.capability).join(', ')}`);
			return found;
		};
		return { findings, by, result };
	}; // prettier-ignore

	const withUser = async (
		permissions: Permissions | null,
		test: (user: ReturnType<RunningSimulator['control']['addServiceUser']>) => Promise<void>,
	) => {
		const user = sim.control.addServiceUser({ permissions });
		try {
			await test(user);
		} finally {
			sim.control.removeServiceUser({ id: user.id });
		}
	};

	it('full access: every capability allowed, people counted active and inactive, writes not checked', async () => {
		const { findings, by, result } = await check();
		const everyone = sim.control.listEmployees();
		const active = everyone.filter((person) => person.status === 'Active').length;
		expect(by('People search')).toMatchObject({
			status: 'allowed',
			detail: expect.stringContaining(`${everyone.length} people visible: ${active} active, ${everyone.length - active} inactive`),
		});
		expect(by('People search').condition).toBeUndefined();
		for (const categoryId of CATEGORIES)
			expect(by(`Field category: ${DISPLAY[categoryId]}`)).toMatchObject({ status: 'allowed' });
		for (const name of ['Lifecycle history', 'Work history', 'Employment history', 'Lifecycle history (bulk)', 'Tasks', 'Document folders', "Time off: who's out", 'Time off: request changes', 'Named lists'])
			expect(by(name)).toMatchObject({ status: 'allowed' });
		expect(findings.filter((f) => f.status === 'allowed').every((f) => f.permission === undefined)).toBe(true);
		const writes = by('Writes');
		expect(writes.status).toBe('notChecked');
		expect(writes.detail).toMatch(/cannot be checked without writing/);
		expect(JSON.stringify(writes.writePermissions)).toContain('Edit selected employees');
		// Reads only.
		expect(sim.control.getLog().filter((l) => l.method !== 'GET' && l.path !== '/v1/people/search')).toEqual([]);
		expect(result.hints).toEqual([]);
	}); // prettier-ignore

	it.each(CATEGORIES.filter((c) => c !== 'root'))(
		'without the %s category: that category is missing, named with HiBob\'s permission, the others allowed',
		async (removed) => {
			await withUser({ categories: CATEGORIES.filter((c) => c !== removed), scope: 'all' }, async (user) => {
				const { by, findings } = await check(user);
				const name = DISPLAY[removed];
				expect(by(`Field category: ${name}`)).toMatchObject({
					status: 'missing',
					permission: `People's Data › ${name} › View selected employees' ${name} sections`,
				});
				const others = findings.filter((f) => String(f.capability).startsWith('Field category: ') && f.capability !== `Field category: ${name}`);
				expect(others.map((f) => [f.capability, f.status])).toEqual(others.map((f) => [f.capability, 'allowed']));
				const table = { lifecycle: 'Lifecycle', work: 'Work', employment: 'Employment' }[removed];
				if (table) {
					expect(by(`${table} history`)).toMatchObject({ status: 'missing', permission: expect.stringContaining(`View selected employees' ${table} section histories`) });
					expect(by(`${table} history (bulk)`)).toMatchObject({ status: 'missing' });
				}
			});
		},
	); // prettier-ignore

	it('only employed people visible: allowed, with the "Whose data can members access" condition', async () => {
		await withUser({ categories: '*', scope: 'employed-only' }, async (user) => {
			const people = (await check(user)).by('People search');
			expect(people.status).toBe('allowed');
			expect(people.detail).toMatch(/ 0 inactive/);
			expect(people.condition).toContain('Whose data can members access');
			expect(people.condition).toContain('Lifecycle status equals Employed');
		});
	});

	it('a service user in no permission group: people missing, categories and tables unknown', async () => {
		await withUser(null, async (user) => {
			const { by } = await check(user);
			expect(by('People search')).toMatchObject({ status: 'missing', permission: expect.stringContaining('permission group'), condition: expect.stringContaining('Whose data can members access') });
			expect(by('Field category: Work').status).toBe('unknown');
			expect(by('Work history').status).toBe('unknown');
		});
	}); // prettier-ignore

	it('tasks refused (403): missing, with HiBob\'s task permission', async () => {
		await withUser({ categories: '*', scope: 'all' }, async (user) => {
			sim.control.denyWork({ serviceUserId: user.id, deny: ['tasks'] });
			const tasks = (await check(user)).by('Tasks');
			expect(tasks).toMatchObject({
				status: 'missing',
				permission: "People's Data › Tasks and flow › People's tasks › View and mark selected people's tasks as complete or incomplete",
				detail: expect.stringContaining('403'),
			});
		});
	}); // prettier-ignore

	it('without history: the table is read, and the detail names the histories permission', async () => {
		await withUser({ categories: '*', scope: 'all', history: false }, async (user) => {
			const work = (await check(user)).by('Work history');
			expect(work.status).toBe('allowed');
			expect(work.detail).toMatch(/1 row .*View selected employees' Work section histories/);
		});
	});

	it('a read that fails for another reason is unknown, not missing', async () => {
		// A web page instead of data, as HiBob answers on a path it does not serve.
		sim.control.injectFault({ kind: 'html', path: '/v1/company/reports', count: 3 });
		const reports = (await check()).by('Reports');
		expect(reports.status).toBe('unknown');
		expect(reports.detail).toMatch(/web page/);
		expect(reports.permission).toBeUndefined();
		sim.control.clearFaults();
	});

	it('is one item per capability, each paired with the input item', async () => {
		const { result } = await check();
		const names = result.output[0].map((item) => (item.json as IDataObject).capability);
		expect(new Set(names).size).toBe(names.length);
		expect(result.output[0].every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	}); // prettier-ignore
});
