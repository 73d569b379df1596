/**
 * Contract: the pay and training tables, custom tables, avatars and documents' download links, as
 * HiBob's API reference describes them (apidocs.hibob.com: "List employee's salary history",
 * "Creates a new salary entry for a given employee", "List payroll history (salaries) for a list of
 * employees", the equity, variable pay and training pages, "Read metadata of custom tables defined",
 * "Read all entries of the given custom table", "Create new custom table entry", "Upload employee's
 * avatar by image url", "Read avatar for an employee ID", "Download list of documents of an employee").
 * The custom-table create body `{values: [{columnId: value}]}` is also how the public MCP server
 * JustParent/hibob-advanced-mcp documents it.
 */
import type { RunningSimulator } from '../index';
import { EQUIPMENT_TABLE } from '../customTables';
import { call, start } from './helpers';

const TYPE = 'column_1663598000002';
const ITEM = 'column_1663598000001';
const ACCESSORIES = 'column_1663598000006';
const VALUE = 'column_1663598000005';

describe('simulator: pay tables, custom tables, avatars, download links', () => {
	let sim: RunningSimulator;
	let id: string;
	beforeAll(async () => {
		sim = await start();
		id = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2].id;
	});
	afterAll(async () => await sim.stop());

	it('GET /people/{id}/salaries answers {values: [rows]} with base {value, currency}, payPeriod and the history columns', async () => {
		const r = await call(sim, 'GET', `/v1/people/${id}/salaries`);
		expect(r.status).toBe(200);
		expect(r.json.values[0]).toEqual(expect.objectContaining({ id: expect.any(Number), effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), endEffectiveDate: null, isCurrent: true, base: { value: expect.any(Number), currency: expect.stringMatching(/^[A-Z]{3}$/) }, payPeriod: 'Annual', customColumns: {} }));
	}); // prettier-ignore

	it('POST a salary row (200, no body), refuses a bad currency, an unknown period and a second row on the same date, DELETE removes it', async () => {
		const row = { effectiveDate: '2026-12-01', base: { value: 65000, currency: 'EUR' }, payPeriod: 'Annual', payFrequency: 'Monthly', reason: 'Raise' };
		const added = await call(sim, 'POST', `/v1/people/${id}/salaries`, { body: row });
		expect(added).toEqual(expect.objectContaining({ status: 200, text: '' }));
		expect((await call(sim, 'POST', `/v1/people/${id}/salaries`, { body: row })).status).toBe(400);
		expect((await call(sim, 'POST', `/v1/people/${id}/salaries`, { body: { ...row, effectiveDate: '2026-12-02', base: { value: 1, currency: 'euro' } } })).status).toBe(400);
		expect((await call(sim, 'POST', `/v1/people/${id}/salaries`, { body: { ...row, effectiveDate: '2026-12-02', payPeriod: 'Fortnightly' } })).status).toBe(400);
		const rows = (await call(sim, 'GET', `/v1/people/${id}/salaries`)).json.values;
		const mine = rows.find((x: { effectiveDate: string }) => x.effectiveDate === '2026-12-01');
		expect(mine).toEqual(expect.objectContaining({ base: { value: 65000, currency: 'EUR' }, isCurrent: false }));
		expect((await call(sim, 'DELETE', `/v1/people/${id}/salaries/${mine.id}`)).status).toBe(200);
		expect((await call(sim, 'DELETE', `/v1/people/${id}/salaries/${mine.id}`)).status).toBe(404);
	}); // prettier-ignore

	it('variable pay takes amount, variableType and paymentPeriod (Annual, Half-Yearly, Quarterly, Monthly); equity quantity and equityType; training a name and a frequency', async () => {
		const variable = { effectiveDate: '2026-12-01', amount: { value: 3000, currency: 'USD' }, variableType: 'Bonus', paymentPeriod: 'Quarterly' };
		expect((await call(sim, 'POST', `/v1/people/${id}/variable`, { body: variable })).status).toBe(200);
		expect((await call(sim, 'POST', `/v1/people/${id}/variable`, { body: { ...variable, paymentPeriod: 'Weekly' } })).status).toBe(400);
		expect((await call(sim, 'POST', `/v1/people/${id}/equities`, { body: { effectiveDate: '2026-12-01', quantity: 500, equityType: 'RSU', exercisePrice: { value: 2, currency: 'USD' } } })).status).toBe(200);
		expect((await call(sim, 'POST', `/v1/people/${id}/equities`, { body: { effectiveDate: '2026-12-01', equityType: 'RSU' } })).status).toBe(400);
		expect((await call(sim, 'POST', `/v1/people/${id}/training`, { body: { name: 'Training', frequency: 'Once', startDate: '2026-12-01', cost: { value: 99, currency: 'GBP' } } })).status).toBe(200);
		expect((await call(sim, 'POST', `/v1/people/${id}/training`, { body: { name: 'Training', frequency: 'Daily' } })).status).toBe(400);
		const training = (await call(sim, 'GET', `/v1/people/${id}/training`)).json.values;
		expect(training).toEqual(expect.arrayContaining([expect.objectContaining({ id: expect.any(Number), name: 'Training', frequency: 'Once', cost: { value: 99, currency: 'GBP' } })]));
		expect(training[0]).not.toHaveProperty('effectiveDate');
	}); // prettier-ignore

	it('GET /bulk/people/salaries pages salaries like the other bulk tables; the pay tables need the Payroll category', async () => {
		const r = await call(sim, 'GET', `/v1/bulk/people/salaries?limit=5`);
		expect(r.status).toBe(200);
		expect(r.json.results).toHaveLength(5);
		expect(r.json.results[0]).toEqual({ employeeId: expect.any(String), values: [expect.objectContaining({ base: expect.any(Object), payPeriod: expect.any(String) })] });
		const user = sim.control.addServiceUser({ permissions: { categories: ['root', 'work'], scope: 'all' } });
		const auth = sim.authHeader({ id: user.id, token: user.token! });
		expect((await call(sim, 'GET', `/v1/people/${id}/salaries`, { auth })).status).toBe(403);
		expect((await call(sim, 'GET', `/v1/bulk/people/salaries`, { auth })).status).toBe(403);
	}); // prettier-ignore

	it('custom tables metadata: {tables: [...]} with typed columns; list columns name their list <tableId>.<columnId>, which /company/named-lists serves', async () => {
		const r = await call(sim, 'GET', '/v1/people/custom-tables/metadata');
		expect(r.status).toBe(200);
		const table = r.json.tables.find((t: { id: string }) => t.id === EQUIPMENT_TABLE);
		expect(table).toEqual(expect.objectContaining({ id: EQUIPMENT_TABLE, name: 'Equipment', category: expect.any(String), columns: expect.any(Array) }));
		expect(table.columns).toEqual(expect.arrayContaining([{ id: TYPE, name: 'Type', description: '', mandatory: true, type: 'list', typeData: { listId: `${EQUIPMENT_TABLE}.${TYPE}` } }, expect.objectContaining({ id: VALUE, type: 'currency' }), expect.objectContaining({ id: ACCESSORIES, type: 'multi-list' })]));
		const one = await call(sim, 'GET', `/v1/people/custom-tables/metadata/${EQUIPMENT_TABLE}`);
		expect(one.json).toEqual(table);
		expect((await call(sim, 'GET', '/v1/people/custom-tables/metadata/nope')).status).toBe(404);
		const list = await call(sim, 'GET', `/v1/company/named-lists/${EQUIPMENT_TABLE}.${TYPE}`);
		expect(list.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: '252614471', name: 'Laptop' })]));
	}); // prettier-ignore

	it('custom table rows: POST {values: [row]} with item IDs, mandatory columns enforced, PUT changes columns, DELETE removes; humanReadable on request', async () => {
		const path = `/v1/people/custom-tables/${id}/${EQUIPMENT_TABLE}`;
		expect((await call(sim, 'POST', path, { body: { values: [{ [ITEM]: 'Dock' }] } })).status).toBe(400);
		expect((await call(sim, 'POST', path, { body: { values: [{ [ITEM]: 'Phone', [TYPE]: 'Phone' }] } })).status).toBe(400);
		const ok = await call(sim, 'POST', path, { body: { values: [{ [ITEM]: 'Pixel 9', [TYPE]: '252614472', [ACCESSORIES]: ['252614475', '252614477'], [VALUE]: { value: 700, currency: 'EUR' } }] } });
		expect(ok).toEqual(expect.objectContaining({ status: 200, text: '' }));
		const rows = (await call(sim, 'GET', `${path}?includeHumanReadable=true`)).json.values;
		const row = rows.find((x: Record<string, unknown>) => x[ITEM] === 'Pixel 9');
		expect(row).toEqual(expect.objectContaining({ id: expect.any(Number), [TYPE]: '252614472', humanReadable: expect.objectContaining({ [TYPE]: 'Phone', [ACCESSORIES]: 'Charger,Headset' }) }));
		expect((await call(sim, 'PUT', `${path}/${row.id}`, { body: { [TYPE]: null } })).status).toBe(400);
		expect((await call(sim, 'PUT', `${path}/${row.id}`, { body: { [ITEM]: 'Pixel 9 Pro' } })).status).toBe(200);
		expect((await call(sim, 'GET', path)).json.values.find((x: { id: number }) => x.id === row.id)[ITEM]).toBe('Pixel 9 Pro');
		expect((await call(sim, 'DELETE', `${path}/${row.id}`)).status).toBe(200);
		expect((await call(sim, 'DELETE', `${path}/${row.id}`)).status).toBe(404);
		const html = await call(sim, 'GET', path, { headers: { 'Content-Type': 'application/json' } });
		expect(html.status).toBe(400);
		expect(html.text).toMatch(/^<html>/);
	}); // prettier-ignore

	it('avatars: GET answers the URL as text; PUT {url} stores Bob\'s own copy (a new URL); a non-http URL is refused', async () => {
		const before = await call(sim, 'GET', `/v1/avatars/${id}`);
		expect(before.status).toBe(200);
		expect(before.text).toMatch(/^https:\/\//);
		expect(before.json).toBeUndefined();
		expect((await call(sim, 'PUT', `/v1/avatars/${id}`, { body: { url: 'https://example.com/me.png' } })).status).toBe(200);
		const after = await call(sim, 'GET', `/v1/avatars/${id}`);
		expect(after.text).not.toBe(before.text);
		expect(after.text).not.toContain('example.com');
		expect((await call(sim, 'PUT', `/v1/avatars/${id}`, { body: { url: 'ftp://x/y.png' } })).status).toBe(400);
	}); // prettier-ignore

	it('a document\'s downloadLink is a signed URL on another host that works without the credential and refuses one', async () => {
		const boundary = 'b0undary';
		const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n`, 'latin1'), Buffer.from('%PDF-1.4 \xff\x00 bytes', 'latin1'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
		await fetch(`${sim.url}/v1/docs/people/${id}/shared/upload`, { method: 'POST', headers: { Authorization: sim.authHeader(), 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
		const list = (await call(sim, 'GET', `/v1/docs/people/${id}`)).json.documents;
		const link = list.find((d: { documentName: string }) => d.documentName === 'id.pdf').downloadLink as string;
		expect(new URL(link).origin).toBe(sim.fileHostUrl);
		expect(new URL(link).origin).not.toBe(sim.url);
		const file = await fetch(link);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toBe('%PDF-1.4 \xff\x00 bytes');
		expect((await fetch(link, { headers: { Authorization: sim.authHeader() } })).status).toBe(400);
		expect((await fetch(link.replace(/Signature=\w+/, 'Signature=deadbeef'))).status).toBe(403);
	}); // prettier-ignore
});
