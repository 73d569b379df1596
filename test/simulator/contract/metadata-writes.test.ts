/**
 * Writes to company metadata, as HiBob's reference describes them: "Add a new item to an existing
 * list" (POST /company/named-lists/{listName} `{name, parentId?}` → `{id}`; parentId places the item
 * under a hierarchy parent; 404 unknown list, 409 item exists), "Update an existing item from a list"
 * (PUT …/{listName}/{itemId}: at least one of name or parentId; moving takes the children along),
 * "Delete an item from an existing list", and "Create a new field" (POST /company/people/fields
 * `{name, category, type, description?, historical?}` → `{id}`; 400 for the root category or an
 * unsupported type; 404 unknown category), "Update an existing field" (name/description), "Delete an
 * existing field" (400 for a Bob default field, 404 unknown).
 */
import type { RunningSimulator } from '../index';
import { call, start } from './helpers';

describe('simulator: named-list items and custom fields (writes)', () => {
	let sim: RunningSimulator;
	beforeAll(async () => (sim = await start()));
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.control.denyWork({ deny: [] }));

	const department = async () =>
		(await call(sim, 'GET', '/v1/company/named-lists/department')).json.items;

	it('adds an item, answers {id} as a string, and the list shows it; the same name again is 409', async () => {
		const r = await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Robotics' } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ id: expect.any(String) });
		expect(await department()).toEqual(expect.arrayContaining([expect.objectContaining({ id: Number(r.json.id), name: 'Robotics', children: [] })]));
		expect((await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Robotics' } })).status).toBe(409);
		expect((await call(sim, 'POST', '/v1/company/named-lists/Department', { body: { name: 'X' } })).status).toBe(404);
		expect((await call(sim, 'POST', '/v1/company/named-lists/department', { body: {} })).status).toBe(400);
	}); // prettier-ignore

	it('adds items under a parent (hierarchy); the same name under another parent is allowed', async () => {
		const parent = await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Hardware' } });
		const child = await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'QA', parentId: Number(parent.json.id) } });
		expect(child.status).toBe(200);
		const other = await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'QA' } });
		expect(other.status).toBe(200);
		const hw = (await department()).find((i: { name: string }) => i.name === 'Hardware');
		expect(hw.children).toEqual([expect.objectContaining({ id: Number(child.json.id), name: 'QA' })]);
		expect((await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'QA', parentId: Number(parent.json.id) } })).status).toBe(409);
	}); // prettier-ignore

	it('a work row may name an item under a hierarchy parent (the value is the item ID at any level)', async () => {
		const parent = (await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Platform' } })).json.id;
		const child = (await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Platform SRE', parentId: Number(parent) } })).json.id;
		const someone = sim.control.listEmployees({ lifecycleStatus: 'employed' })[0];
		const site = (await call(sim, 'GET', '/v1/company/named-lists/site')).json.items[0].id;
		const r = await call(sim, 'POST', `/v1/people/${someone.id}/work`, { body: { effectiveDate: '2026-12-01', siteId: site, department: child } });
		expect(r.status).toBe(200);
		const rows = (await call(sim, 'GET', `/v1/people/${someone.id}/work`)).json.values;
		expect(rows.some((row: { department: unknown }) => String(row.department) === child)).toBe(true);
	}); // prettier-ignore

	it('updates (rename, move with children) and deletes items; unknown item 404; neither name nor parentId 400', async () => {
		const a = (await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Ops A' } })).json.id;
		const b = (await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Ops B' } })).json.id;
		const c = (await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Ops C', parentId: Number(b) } })).json.id;
		expect((await call(sim, 'PUT', `/v1/company/named-lists/department/${b}`, { body: { name: 'Ops Bee', parentId: Number(a) } })).status).toBe(200);
		const opsA = (await department()).find((i: { name: string }) => i.name === 'Ops A');
		expect(opsA.children).toEqual([expect.objectContaining({ name: 'Ops Bee', children: [expect.objectContaining({ id: Number(c) })] })]);
		expect((await call(sim, 'PUT', `/v1/company/named-lists/department/${a}`, { body: { parentId: Number(c) } })).status).toBe(400);
		expect((await call(sim, 'PUT', `/v1/company/named-lists/department/${a}`, { body: {} })).status).toBe(400);
		expect((await call(sim, 'PUT', '/v1/company/named-lists/department/1', { body: { name: 'x' } })).status).toBe(404);
		expect((await call(sim, 'DELETE', `/v1/company/named-lists/department/${a}`)).status).toBe(200);
		expect((await department()).some((i: { name: string }) => i.name === 'Ops A')).toBe(false);
		expect((await call(sim, 'DELETE', `/v1/company/named-lists/department/${a}`)).status).toBe(404);
		sim.control.denyWork({ deny: ['lists.edit'] });
		expect((await call(sim, 'POST', '/v1/company/named-lists/department', { body: { name: 'Denied' } })).status).toBe(403);
	}); // prettier-ignore

	it('creates a custom field (ID <category>.custom.field_<n>) that the field metadata lists; updates and deletes it', async () => {
		const r = await call(sim, 'POST', '/v1/company/people/fields', { body: { name: 'Okta ID', category: 'work', type: 'text', description: 'From Okta' } });
		expect(r.status).toBe(200);
		expect(r.json.id).toMatch(/^work\.custom\.field_\d+$/);
		const meta = async () => (await call(sim, 'GET', '/v1/company/people/fields')).json.find((f: { id: string }) => f.id === r.json.id);
		expect(await meta()).toEqual(expect.objectContaining({ name: 'Okta ID', categoryId: 'work', type: 'text', description: 'From Okta', historical: false }));
		expect((await call(sim, 'PUT', `/v1/company/people/fields/${r.json.id}`, { body: { name: 'Okta user ID' } })).status).toBe(200);
		expect((await meta()).name).toBe('Okta user ID');
		expect((await call(sim, 'DELETE', `/v1/company/people/fields/${r.json.id}`)).status).toBe(200);
		expect(await meta()).toBeUndefined();
		expect((await call(sim, 'DELETE', `/v1/company/people/fields/${r.json.id}`)).status).toBe(404);
	}); // prettier-ignore

	it('refuses the root category, unknown types (400), unknown categories (404) and changes to Bob default fields (400)', async () => {
		const create = async (body: object) => (await call(sim, 'POST', '/v1/company/people/fields', { body })).status;
		expect(await create({ name: 'X', category: 'root', type: 'text' })).toBe(400);
		expect(await create({ name: 'X', category: 'work', type: 'rainbow' })).toBe(400);
		expect(await create({ name: 'X', category: 'nope', type: 'text' })).toBe(404);
		expect(await create({ name: 'X', category: 'about', type: 'text', historical: true })).toBe(400);
		expect((await call(sim, 'DELETE', '/v1/company/people/fields/work.department')).status).toBe(400);
		expect((await call(sim, 'PUT', '/v1/company/people/fields/root.email', { body: { name: 'x' } })).status).toBe(400);
		sim.control.denyWork({ deny: ['fields.edit'] });
		expect(await create({ name: 'X', category: 'work', type: 'text' })).toBe(403);
	}); // prettier-ignore
});
