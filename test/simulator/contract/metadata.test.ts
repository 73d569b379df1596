import type { RunningSimulator } from '../index';
import { call, search, start } from './helpers';

describe('simulator: metadata', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await start();
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('describes every field with HiBob metadata keys, including the lifecycle lists', async () => {
		const r = await call(sim, 'GET', '/v1/company/people/fields');
		const byId = new Map<string, Record<string, unknown>>(r.json.map((f: { id: string }) => [f.id, f]));
		for (const f of r.json) {
			expect(Object.keys(f).sort()).toEqual(
				['category', 'categoryDisplayName', 'categoryId', 'description', 'historical', 'id', 'jsonPath', 'name', 'type', 'typeData'].sort(),
			); // prettier-ignore
		}
		const listId = (id: string) => (byId.get(id)?.typeData as { listId?: string }).listId;
		expect(listId('internal.lifecycleStatus')).toBe('lifecycleStatus');
		expect(listId('internal.status')).toBe('status');
		expect(listId('internal.terminationReason')).toBe('terminationreason');
		expect(listId('work.department')).toBe('department');
		expect(listId('work.title')).toBe('title');
		expect(listId('work.siteId')).toBe('site');
		expect(byId.get('root.id')).toEqual(expect.objectContaining({ jsonPath: 'id', categoryId: 'root', categoryDisplayName: 'Basic info' }));
		expect(byId.get('internal.terminationDate')).toEqual(expect.objectContaining({ type: 'date', categoryId: 'lifecycle' }));
		expect(byId.get('work.startDate')).toEqual(expect.objectContaining({ type: 'date', categoryId: 'work' }));
		expect(byId.get('root.creationDateTime')?.type).toBe('time');
		expect([...byId.keys()].some((id) => /^work\.custom\.field_\d{13}$/.test(id))).toBe(true);
		// Employment fields have payroll.* IDs but the employment category.
		expect(byId.get('payroll.employment.type')?.categoryId).toBe('employment');
	}); // prettier-ignore

	it('describes every field it serves: requesting all metadata IDs returns only described jsonPaths', async () => {
		const meta = (await call(sim, 'GET', '/v1/company/people/fields')).json as Array<{
			id: string;
			jsonPath: string;
		}>;
		const r = await search(sim, { fields: meta.map((f) => f.id), showInactive: true });
		const slashKeys = new Set(meta.map((f) => `/${f.id.split('.').join('/')}`));
		for (const p of r.json.employees) {
			for (const key of Object.keys(p)) {
				if (key.startsWith('/')) expect(slashKeys.has(key)).toBe(true);
			}
		}
		// Every field appears nested in every employee (nulls kept; a field below an empty one, such as
		// the manager's email of someone without a manager, leaves that parent null).
		const p = r.json.employees[0];
		for (const f of meta) {
			const value = f.jsonPath
				.split('.')
				.reduce((o: any, k) => (o === undefined || o === null ? o : o[k]), p); // eslint-disable-line @typescript-eslint/no-explicit-any
			expect(value).not.toBeUndefined();
		}
	});

	describe('named lists', () => {
		it('GET /v1/company/named-lists/{name} repeats items under values and items, numeric IDs for department', async () => {
			const r = await call(sim, 'GET', '/v1/company/named-lists/department');
			expect(r.status).toBe(200);
			expect(r.json.name).toBe('department');
			expect(r.json.values).toEqual(r.json.items);
			for (const item of r.json.items) {
				expect(item).toEqual({
					id: expect.any(Number),
					value: item.name,
					name: expect.any(String),
					archived: false,
					children: [],
				});
			}
			const hobbies = await call(sim, 'GET', '/v1/company/named-lists/hobbies');
			expect(typeof hobbies.json.items[0].id).toBe('string');
		});

		it('excludes archived items unless includeArchived=true', async () => {
			const plain = await call(sim, 'GET', '/v1/company/named-lists/department');
			const all = await call(sim, 'GET', '/v1/company/named-lists/department?includeArchived=true');
			const archived = all.json.items.filter((i: { archived: boolean }) => i.archived);
			expect(archived.length).toBeGreaterThan(0);
			expect(all.json.items.length).toBe(plain.json.items.length + archived.length);
		});

		it('list names are case-sensitive; unknown lists are 404 with an empty body and no content type', async () => {
			expect((await call(sim, 'GET', '/v1/company/named-lists/terminationreason')).status).toBe(
				200,
			);
			for (const name of ['terminationReason', 'Department', 'nope']) {
				const r = await call(sim, 'GET', `/v1/company/named-lists/${name}`);
				expect(r.status).toBe(404);
				expect(r.text).toBe('');
				expect(r.headers.get('content-type')).toBeNull();
			}
		});

		it('lifecycleStatus and status lists hold the machine values the people fields use', async () => {
			const lc = (await call(sim, 'GET', '/v1/company/named-lists/lifecycleStatus')).json;
			expect(lc.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['employed', 'hired', 'terminated', 'garden leave', 'leave', 'parental leave']));
			expect(lc.items.find((i: { id: string }) => i.id === 'garden leave').name).toBe('Garden leave');
			const st = (await call(sim, 'GET', '/v1/company/named-lists/status')).json;
			expect(st.items.map((i: { id: string }) => i.id).sort()).toEqual(['Active', 'Inactive']);
		}); // prettier-ignore

		it('GET /v1/company/named-lists is an object keyed by list name, configurable to the array form', async () => {
			const obj = await call(sim, 'GET', '/v1/company/named-lists');
			expect(Array.isArray(obj.json)).toBe(false);
			expect(obj.json.department.name).toBe('department');
			expect(obj.json.site.items.length).toBeGreaterThan(0);
			expect(obj.json.department.items.some((i: { archived: boolean }) => i.archived)).toBe(false);
			sim.control.configure({ namedListsShape: 'array' });
			try {
				const arr = await call(sim, 'GET', '/v1/company/named-lists?includeArchived=true');
				expect(Array.isArray(arr.json)).toBe(true);
				const dept = arr.json.find((l: { name: string }) => l.name === 'department');
				expect(dept.items.some((i: { archived: boolean }) => i.archived)).toBe(true);
			} finally {
				sim.control.configure({ namedListsShape: 'object' });
			}
		});

		it('search list values are items of the matching named list (work.site is the site name)', async () => {
			const lists = (await call(sim, 'GET', '/v1/company/named-lists?includeArchived=true')).json;
			const ids = (name: string) => new Set(lists[name].items.map((i: { id: unknown }) => String(i.id)));
			const r = await search(sim, { fields: ['work.department', 'work.title', 'work.siteId', 'work.site'], showInactive: true });
			for (const p of r.json.employees) {
				expect(ids('department').has(p.work.department)).toBe(true);
				expect(ids('title').has(p.work.title)).toBe(true);
				const site = lists.site.items.find((i: { id: number }) => i.id === p.work.siteId);
				expect(p.work.site).toBe(site.name);
			}
		}); // prettier-ignore
	});
});
