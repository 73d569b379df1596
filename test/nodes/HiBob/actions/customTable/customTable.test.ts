/**
 * Custom Table → Get Metadata, Get Many, Create Row, Update Row, Delete Row, and the editor's table
 * picker and column mappers, through n8n-core's real contexts against the simulator's custom tables.
 */
import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { CERTIFICATIONS_TABLE, EQUIPMENT_TABLE } from '../../../../simulator/customTables';
import type { RunOptions } from '../employee/helpers';
import { byEmail, byId, failureOf, jsonOf, runEmployee } from '../employee/helpers';

useFastClock(Date.parse('2026-11-21T12:00:00Z'));

const ITEM = 'column_1663598000001';
const TYPE = 'column_1663598000002';
const SERIAL = 'column_1663598000003';
const ASSIGNED = 'column_1663598000004';
const VALUE = 'column_1663598000005';
const ACCESSORIES = 'column_1663598000006';
const APPROVER = 'column_1663598000007';

describe('HiBob → Custom Table', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), { employees: 20, seed: 8, today: '2026-11-21', freezeClock: true, rateLimit: false }, 'test'); // prettier-ignore

	const run = async (parameters: IDataObject, options: RunOptions = {}) =>
		await runEmployee(
			sim,
			{ resource: 'customTable', customTableId: EQUIPMENT_TABLE, ...parameters },
			options,
		);
	const employed = (n = 0) => sim.control.listEmployees({ lifecycleStatus: 'employed' })[n];
	const mapped = (value: IDataObject) => ({ mappingMode: 'defineBelow', value });
	const writes = () =>
		sim.log.entries({ path: '/v1/people/custom-tables/' }).filter((e) => e.method !== 'GET');
	const apiCalls = () => sim.log.entries().filter((e) => e.path.startsWith('/v1/'));

	it('Get Metadata: every table with its columns, or one table\'s columns (list columns name their list)', async () => {
		const all = jsonOf(await run({ operation: 'getMetadata', scope: 'all' }));
		expect(all.map((t) => t.name)).toEqual(['Equipment', 'Certifications']);
		const columns = jsonOf(await run({ operation: 'getMetadata', scope: 'one' }));
		expect(columns).toContainEqual({ customTableId: EQUIPMENT_TABLE, customTableName: 'Equipment', id: TYPE, name: 'Type', type: 'list', mandatory: true, listId: `${EQUIPMENT_TABLE}.${TYPE}` });
	}); // prettier-ignore

	it('Get Many: one item per row with IDs as text; human-readable labels on request', async () => {
		const e = employed(0);
		const plain = jsonOf(await run({ operation: 'getAll', employee: byId(e.id), returnAll: true }));
		expect(plain).toEqual([expect.objectContaining({ employeeId: e.id, customTableId: EQUIPMENT_TABLE, id: expect.stringMatching(/^\d+$/), [TYPE]: '252614471' })]);
		const human = jsonOf(await run({ operation: 'getAll', employee: byId(e.id), returnAll: true, humanReadable: true }));
		expect(human[0].humanReadable).toEqual(expect.objectContaining({ [TYPE]: 'Laptop' }));
		expect(sim.log.entries({ path: `/v1/people/custom-tables/${e.id}/${EQUIPMENT_TABLE}` }).at(-1)?.query).toEqual({ includeHumanReadable: 'true' });
	}); // prettier-ignore

	it('Create Row: labels become item IDs, the approver\'s email their ID, money and dates checked; one POST; the row read back with its ID; then Get Many shows it', async () => {
		const [e, approver] = [employed(1), employed(2)];
		const result = await run({ operation: 'createRow', employee: byEmail(e.email), columns: mapped({ [ITEM]: 'Pixel 9', [TYPE]: 'phone', [ACCESSORIES]: 'Charger, headset', [VALUE]: '700 eur', [ASSIGNED]: '2026-11-20T00:00:00', [APPROVER]: approver.email, [SERIAL]: '' }) });
		const body = { [ITEM]: 'Pixel 9', [TYPE]: '252614472', [ACCESSORIES]: ['252614475', '252614477'], [VALUE]: { value: 700, currency: 'EUR' }, [ASSIGNED]: '2026-11-20', [APPROVER]: approver.id };
		expect(writes().map((w) => [w.method, w.path, w.body])).toEqual([['POST', `/v1/people/custom-tables/${e.id}/${EQUIPMENT_TABLE}`, { values: [body] }]]);
		const out = jsonOf(result)[0];
		expect(out).toEqual({ success: true, operation: 'createRow', employeeId: e.id, customTableId: EQUIPMENT_TABLE, written: body, entryId: expect.stringMatching(/^\d+$/), row: expect.objectContaining({ id: out.entryId, ...body }) });
		const rows = jsonOf(await run({ operation: 'getAll', employee: byId(e.id), returnAll: true }));
		expect(rows.map((r) => r.id)).toContain(out.entryId);
	}); // prettier-ignore

	it('Update Row: PUTs only the given columns (a cleared one as null) and shows the row as Bob holds it; Delete Row removes it', async () => {
		const e = employed(0);
		const [row] = jsonOf(await run({ operation: 'getAll', employee: byId(e.id), returnAll: true }));
		sim.log.clear();
		const updated = jsonOf(await run({ operation: 'updateRow', employee: byId(e.id), entryId: row.id, columns: mapped({ [TYPE]: 'Monitor', [SERIAL]: '' }) }))[0];
		expect(writes().map((w) => [w.method, w.path, w.body])).toEqual([['PUT', `/v1/people/custom-tables/${e.id}/${EQUIPMENT_TABLE}/${row.id}`, { [TYPE]: '252614473', [SERIAL]: null }]]);
		expect(updated.row).toEqual(expect.objectContaining({ id: row.id, [TYPE]: '252614473', [SERIAL]: null, [ITEM]: row[ITEM] }));
		const deleted = jsonOf(await run({ operation: 'deleteRow', employee: byId(e.id), entryId: row.id }));
		expect(deleted).toEqual([{ success: true, operation: 'deleteRow', employeeId: e.id, customTableId: EQUIPMENT_TABLE, deletedEntryId: row.id }]);
		expect(jsonOf(await run({ operation: 'getAll', employee: byId(e.id), returnAll: true }))).toEqual([]);
	}); // prettier-ignore

	it.each([
		['a missing mandatory column', { [ITEM]: 'Dock' }, /^Column "Type" is mandatory in "Equipment"$/],
		['a label not in the list', { [ITEM]: 'Dock', [TYPE]: 'Tablet' }, /^"Tablet" is not an item of the "Type" column in HiBob$/],
		['two items in a one-item column', { [ITEM]: 'Dock', [TYPE]: 'Laptop,Phone' }, /^"Laptop,Phone" is not an item/],
		['an unknown column', { [ITEM]: 'Dock', [TYPE]: 'Laptop', column_999: 'x' }, /^"column_999" is not a column of the custom table "Equipment"$/],
		['money without a currency', { [ITEM]: 'Dock', [TYPE]: 'Laptop', [VALUE]: '700' }, /^Column "Value" takes an amount and a currency$/],
		['a made-up currency', { [ITEM]: 'Dock', [TYPE]: 'Laptop', [VALUE]: '700 XYZ' }, /currency "XYZ" is not a currency code/],
		['a bad date', { [ITEM]: 'Dock', [TYPE]: 'Laptop', [ASSIGNED]: 'soon' }, /^Column "Assigned on" "soon" is not a date$/],
		['a name for an employee', { [ITEM]: 'Dock', [TYPE]: 'Laptop', [APPROVER]: 'Amy Miles' }, /takes an employee's HiBob ID or work email/],
	])('Create Row with %s: a clear error and nothing is written', async (_name, columns, message) => {
		const failure = await failureOf(run({ operation: 'createRow', employee: byId(employed(1).id), columns: mapped(columns) }));
		expect(failure.message).toMatch(message);
		expect(writes()).toEqual([]);
	}); // prettier-ignore

	it.each([
		['no table', { customTableId: '' }, /^No custom table is chosen$/],
		['a table ID that walks paths', { customTableId: '../../company' }, /is not a custom table ID/],
		['a row ID that is not a number', { entryId: '12/34' }, /^Row ID "12\/34" is not a custom table row ID$/],
		['no column', { entryId: '1', columns: mapped({}) }, /^No column to change$/],
	])('Update Row with %s: a clear error and nothing is sent', async (_name, extra, message) => {
		const failure = await failureOf(run({ operation: 'updateRow', employee: byId(employed().id), entryId: '1', columns: mapped({ [ITEM]: 'x' }), ...extra }));
		expect(failure.message).toMatch(message);
		expect(apiCalls()).toEqual([]);
	}); // prettier-ignore

	it('Update Row may not empty a mandatory column', async () => {
		const failure = await failureOf(run({ operation: 'updateRow', employee: byId(employed().id), entryId: '1', columns: mapped({ [TYPE]: '' }) }));
		expect(failure.message).toBe('Column "Type" is mandatory in "Equipment"');
		expect(writes()).toEqual([]);
	}); // prettier-ignore

	it('Create Row: a dropped connection is not repeated and the error says what to check', async () => {
		sim.control.injectFault({ kind: 'reset', method: 'POST', path: '/v1/people/custom-tables/' });
		const failure = await failureOf(run({ operation: 'createRow', employee: byId(employed(1).id), columns: mapped({ [ITEM]: 'Dock', [TYPE]: 'Laptop' }) }));
		expect(writes()).toHaveLength(1);
		expect(failure.description).toMatch(/"Equipment" table for the new row/);
	}); // prettier-ignore

	it('HiBob refusing: 403 without the table\'s category, 404 for an unknown row or table', async () => {
		const user = sim.control.addServiceUser({ permissions: { categories: ['root', 'work'], scope: 'all' } });
		const refused = await failureOf(run({ operation: 'getAll', employee: byId(employed().id), returnAll: true }, { user: { id: user.id, token: user.token! } }));
		expect(refused.message).toMatch(/refused the custom table .*\(403\)/);
		expect(refused.description).toMatch(/category/);
		const gone = await failureOf(run({ operation: 'deleteRow', employee: byId(employed().id), entryId: '999' }));
		expect(gone.message).toMatch(/no employee .*, custom table .* or row like that/);
		const noTable = await failureOf(run({ operation: 'getMetadata', scope: 'one', customTableId: 'nope' }));
		expect(noTable.message).toBe('HiBob has no custom table with ID nope');
	}); // prettier-ignore

	it('the editor lists the tables, and the chosen table\'s columns (mandatory ones required on create only)', async () => {
		const node = new HiBob();
		const context = (parameters: IDataObject) => loadOptionsContext({ nodeType: node, parameters: { resource: 'customTable', operation: 'createRow', ...parameters }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token) });
		expect(await node.methods.loadOptions.getCustomTables.call(context({}))).toEqual([{ name: 'Certifications', value: CERTIFICATIONS_TABLE }, { name: 'Equipment', value: EQUIPMENT_TABLE, description: 'Hardware lent to the employee' }]);
		const create = await node.methods.resourceMapping.getCustomTableCreateColumns.call(context({ customTableId: EQUIPMENT_TABLE }));
		expect(create.fields).toContainEqual(expect.objectContaining({ id: TYPE, displayName: 'Type (label or item ID)', required: true, type: 'string' }));
		expect(create.fields).toContainEqual(expect.objectContaining({ id: ASSIGNED, type: 'dateTime', required: false }));
		const update = await node.methods.resourceMapping.getCustomTableUpdateColumns.call(context({ customTableId: EQUIPMENT_TABLE }));
		expect(update.fields.every((f) => !f.required)).toBe(true);
		expect((await node.methods.resourceMapping.getCustomTableCreateColumns.call(context({ customTableId: '' }))).fields).toEqual([]);
	}); // prettier-ignore
});
