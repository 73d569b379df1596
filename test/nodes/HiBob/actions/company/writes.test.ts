/**
 * Company → List Items (Add, Get or Add, Update, Delete) and Fields (Create, Update, Delete) through
 * n8n-core's real ExecuteContext against the HiBob simulator.
 */
import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import { CUSTOM_DESK_NUMBER, type RunningSimulator } from '../../../../simulator';

useFastClock();

describe('HiBob → Company writes', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 20, seed: 5, today: '2026-11-21', rateLimit: false, freezeClock: true }, 'test'); // prettier-ignore

	const run = async (parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'company', ...parameters },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			...options,
		}); // prettier-ignore
	const writes = () => sim.log.entries().filter((e) => e.method !== 'GET');

	describe('List items', () => {
		it('Add: posts once, then outputs the item as the list shows it', async () => {
			const { output } = await run({ operation: 'addListItem', listName: 'department', itemName: ' Robotics ' });
			expect(output[0][0].json).toEqual({ listName: 'department', id: expect.stringMatching(/^\d+$/), name: 'Robotics', value: 'Robotics', archived: false, parentId: null, path: 'Robotics', added: true });
			expect(writes().map((e) => [e.method, e.path, e.body])).toEqual([['POST', '/v1/company/named-lists/department', { name: 'Robotics' }]]);
			expect(sim.log.entries().map((e) => e.method)).toEqual(['GET', 'POST', 'GET']);
		}); // prettier-ignore

		it('Add under a parent sends its numeric ID; an existing name there is refused before sending', async () => {
			const parent = (await run({ operation: 'addListItem', listName: 'department', itemName: 'Hardware' })).output[0][0].json;
			const { output } = await run({ operation: 'addListItem', listName: 'department', itemName: 'QA', parentItem: 'hardware' });
			expect(output[0][0].json).toEqual(expect.objectContaining({ name: 'QA', parentId: parent.id, path: 'Hardware › QA' }));
			expect(writes().at(-1)?.body).toEqual({ name: 'QA', parentId: Number(parent.id) });
			const failure = await failureOf(run({ operation: 'addListItem', listName: 'department', itemName: 'qa', parentItem: String(parent.id) }));
			expect(failure.message).toBe(`List "department" already has "Hardware › QA" (ID ${String(output[0][0].json.id)})`);
			expect(writes()).toHaveLength(2);
		}); // prettier-ignore

		it('Get or Add returns an existing item without writing, adds a missing one once, and refuses an ambiguous name', async () => {
			const existing = (await run({ operation: 'getNamedList', listName: 'department' })).output[0][0].json;
			const found = await run({ operation: 'getOrAddListItem', listName: 'department', itemName: String(existing.name) });
			expect(found.output[0][0].json).toEqual(expect.objectContaining({ id: existing.id, added: false }));
			expect(writes()).toHaveLength(0);
			const added = await run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'Data Science' });
			expect(added.output[0][0].json).toEqual(expect.objectContaining({ name: 'Data Science', added: true }));
			const again = await run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'data science' });
			expect(again.output[0][0].json).toEqual(expect.objectContaining({ id: added.output[0][0].json.id, added: false }));
			expect(writes()).toHaveLength(1);
			// The same name under two parents: ambiguous without a parent, found with one.
			const a = (await run({ operation: 'addListItem', listName: 'department', itemName: 'Lab A' })).output[0][0].json;
			await run({ operation: 'addListItem', listName: 'department', itemName: 'Lab B' });
			await run({ operation: 'addListItem', listName: 'department', itemName: 'Team', parentItem: 'Lab A' });
			await run({ operation: 'addListItem', listName: 'department', itemName: 'Team', parentItem: 'Lab B' });
			const ambiguous = await failureOf(run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'Team' }));
			expect(ambiguous.message).toBe('"Team" is ambiguous for an item of list "department": 2 items have that name');
			expect(ambiguous.description).toContain('Lab A › Team');
			const underA = await run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'Team', parentItem: 'Lab A' });
			expect(underA.output[0][0].json).toEqual(expect.objectContaining({ parentId: a.id, added: false }));
		}); // prettier-ignore

		it('Get or Add a department under a parent, then Employee → Update moves someone into it (by the item ID)', async () => {
			const engineering = (await run({ operation: 'getNamedList', listName: 'department' })).output[0][0].json;
			const { output } = await run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'Platform SRE', parentItem: String(engineering.name) });
			const department = output[0][0].json;
			expect(department).toEqual(expect.objectContaining({ parentId: engineering.id, added: true }));
			const someone = sim.control.listEmployees({ lifecycleStatus: 'employed' })[1];
			await runExecute({
				nodeType: new HiBob(),
				parameters: { resource: 'employee', operation: 'update', employee: someone.id, effectiveDate: '2026-12-01T00:00:00', updateFields: { mappingMode: 'defineBelow', value: { work__department: String(department.id) } } },
				credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			});
			expect(writes().filter((e) => e.path.endsWith('/work')).at(-1)).toEqual(expect.objectContaining({ method: 'POST', path: `/v1/people/${someone.id}/work`, status: 200, body: expect.objectContaining({ effectiveDate: '2026-12-01', department: department.id }) }));
		}); // prettier-ignore

		it('Update renames and moves (PUT once) and outputs the item where it now is; refuses a move under its own child', async () => {
			const a = (await run({ operation: 'addListItem', listName: 'department', itemName: 'Ops Lab' })).output[0][0].json;
			const b = (await run({ operation: 'addListItem', listName: 'department', itemName: 'Helpdesk' })).output[0][0].json;
			const { output } = await run({ operation: 'updateListItem', listName: 'department', item: 'Helpdesk', newName: 'Customer Helpdesk', newParent: String(a.id) });
			expect(output[0][0].json).toEqual(expect.objectContaining({ id: b.id, name: 'Customer Helpdesk', parentId: a.id, path: 'Ops Lab › Customer Helpdesk', updated: true }));
			expect(writes().at(-1)).toEqual(expect.objectContaining({ method: 'PUT', path: `/v1/company/named-lists/department/${String(b.id)}`, body: { name: 'Customer Helpdesk', parentId: Number(a.id) } }));
			const loop = await failureOf(run({ operation: 'updateListItem', listName: 'department', item: 'Ops Lab', newParent: 'Customer Helpdesk' }));
			expect(loop.message).toMatch(/^Cannot move "Ops Lab" \(ID \d+\) under "Ops Lab › Customer Helpdesk"/);
			const nothing = await failureOf(run({ operation: 'updateListItem', listName: 'department', item: 'Ops Lab' }));
			expect(nothing.message).toBe('Nothing to update');
			expect(writes().filter((e) => e.method === 'PUT')).toHaveLength(1);
		}); // prettier-ignore

		it('Delete removes the item (DELETE once) and says the list no longer shows it; unknown items are refused before sending', async () => {
			const a = (await run({ operation: 'addListItem', listName: 'department', itemName: 'Temp' })).output[0][0].json;
			const { output } = await run({ operation: 'deleteListItem', listName: 'department', item: 'Temp' });
			expect(output[0][0].json).toEqual(expect.objectContaining({ id: a.id, name: 'Temp', deleted: true }));
			expect(writes().at(-1)).toEqual(expect.objectContaining({ method: 'DELETE', path: `/v1/company/named-lists/department/${String(a.id)}` }));
			const missing = await failureOf(run({ operation: 'deleteListItem', listName: 'department', item: 'Temp' }));
			expect(missing.message).toBe('List "department" has no item "Temp" (Item)');
			expect(missing.description).toContain('Nothing was sent to HiBob');
		}); // prettier-ignore

		it("explains HiBob's refusals: unknown list (404), no permission (403), and a POST that fails with 5xx is not repeated", async () => {
			const unknown = await failureOf(run({ operation: 'addListItem', listName: 'Department', itemName: 'X' }));
			expect(unknown.message).toBe('HiBob has no named list "Department"');
			sim.control.denyWork({ deny: ['lists.edit'] });
			const denied = await failureOf(run({ operation: 'getOrAddListItem', listName: 'department', itemName: 'New One' }));
			expect(denied.message).toBe('HiBob refused the service user access to change company lists (403)');
			sim.control.denyWork({ deny: [] });
			sim.control.injectFault({ kind: 'status', status: 503, path: '/v1/company/named-lists/department', method: 'POST', count: 3 });
			const unknownOutcome = await failureOf(run({ operation: 'addListItem', listName: 'department', itemName: 'Flaky' }));
			expect(unknownOutcome.description).toContain('the "department" list');
			expect(writes().filter((e) => (e.body as { name?: string }).name === 'Flaky')).toHaveLength(1);
			const empty = await failureOf(run({ operation: 'addListItem', listName: 'department', itemName: '  ' }));
			expect(empty.message).toBe('Item Name is required');
		}); // prettier-ignore
	});

	describe('Fields', () => {
		it('Create posts the field once and outputs it as the field metadata shows it', async () => {
			const { output } = await run({ operation: 'createField', fieldName: 'Okta ID', category: 'work', fieldType: 'text', fieldDescription: 'From Okta' });
			expect(output[0][0].json).toEqual({ id: expect.stringMatching(/^work\.custom\.field_\d+$/), name: 'Okta ID', categoryId: 'work', categoryDisplayName: 'Work', type: 'text', historical: false, description: 'From Okta', created: true });
			expect(writes().map((e) => [e.method, e.path, e.body])).toEqual([['POST', '/v1/company/people/fields', { name: 'Okta ID', category: 'work', type: 'text', description: 'From Okta', historical: false }]]);
			const twice = await failureOf(run({ operation: 'createField', fieldName: 'okta id', category: 'work', fieldType: 'text' }));
			expect(twice.message).toMatch(/^Category "Work" already has a field "Okta ID"/);
			expect(writes()).toHaveLength(1);
		}); // prettier-ignore

		it('Create refuses the root category and unknown types before sending; HiBob\'s 400 and 404 are explained', async () => {
			expect((await failureOf(run({ operation: 'createField', fieldName: 'X', category: 'root', fieldType: 'text' }))).message).toBe('HiBob adds no fields to the Basic info (root) category');
			expect((await failureOf(run({ operation: 'createField', fieldName: 'X', category: 'work', fieldType: 'rainbow' }))).message).toBe('"rainbow" is not a field type HiBob creates');
			expect((await failureOf(run({ operation: 'createField', fieldName: '', category: 'work' }))).message).toBe('Field Name is required');
			expect(writes()).toHaveLength(0);
			expect((await failureOf(run({ operation: 'createField', fieldName: 'X', category: 'about', fieldType: 'text', historical: true }))).message).toBe('HiBob refused the new field "X"');
			expect((await failureOf(run({ operation: 'createField', fieldName: 'X', category: 'nope', fieldType: 'text' }))).message).toBe('HiBob has no field category "nope"');
		}); // prettier-ignore

		it('Update and Delete change a custom field; built-in fields are refused before anything is sent', async () => {
			const updated = await run({ operation: 'updateField', field: CUSTOM_DESK_NUMBER, newName: 'Desk' });
			expect(updated.output[0][0].json).toEqual(expect.objectContaining({ id: CUSTOM_DESK_NUMBER, name: 'Desk', updated: true }));
			expect(writes().at(-1)).toEqual(expect.objectContaining({ method: 'PUT', body: { name: 'Desk' } }));
			for (const field of ['work.department', 'Email']) {
				const refused = await failureOf(run({ operation: 'deleteField', field }));
				expect(refused.message).toMatch(/is one of Bob's built-in fields$/);
				expect(refused.description).toContain('Nothing was sent to HiBob');
			}
			expect((await failureOf(run({ operation: 'updateField', field: 'root.email', newName: 'x' }))).message).toBe('"Email" (root.email) is one of Bob\'s built-in fields');
			const deleted = await run({ operation: 'deleteField', field: 'Desk' });
			expect(deleted.output[0][0].json).toEqual(expect.objectContaining({ id: CUSTOM_DESK_NUMBER, deleted: true }));
			expect(writes().map((e) => e.method)).toEqual(['PUT', 'DELETE']);
			expect((await failureOf(run({ operation: 'deleteField', field: CUSTOM_DESK_NUMBER }))).message).toBe(`HiBob has no employee field "${CUSTOM_DESK_NUMBER}"`);
			sim.control.denyWork({ deny: ['fields.edit'] });
			expect((await failureOf(run({ operation: 'updateField', field: 'Cost center', newDescription: 'x' }))).message).toBe('HiBob refused the service user access to change employee fields (403)');
		}); // prettier-ignore
	});
});
