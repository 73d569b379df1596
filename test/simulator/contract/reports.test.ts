/**
 * Reports, as HiBob's reference describes them: "Read company reports" (GET /company/reports →
 * `{views: [...]}` with each report's folderId), "Download the report by ID" (GET
 * /company/reports/{reportId}/download, format csv|xlsx|json, humanReadable APPEND|REPLACE for json),
 * "Get the report download URL for polling" (GET …/{reportId}/download-async: the file's URL in the
 * Location header) and "Download a report by the report name" (GET /company/reports/download/{name}:
 * 204 while the file is not ready, then the file). Permissions: "Reports permissions" (View reports;
 * formulas need "View formulas in grids").
 */
import type { RunningSimulator } from '../index';
import { unzip } from '../xlsx';
import { call, start } from './helpers';

async function bytes(sim: RunningSimulator, path: string) {
	const res = await fetch(`${sim.url}${path}`, { headers: { Authorization: sim.authHeader() } });
	return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe('simulator: reports (/v1/company/reports)', () => {
	let sim: RunningSimulator;
	beforeAll(async () => (sim = await start()));
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.control.denyWork({ deny: [] }));

	it('lists the saved reports under views, each with id, name and folderId', async () => {
		const r = await call(sim, 'GET', '/v1/company/reports');
		expect(r.status).toBe(200);
		expect(r.json.views.length).toBeGreaterThanOrEqual(2);
		expect(r.json.views[0]).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Headcount by department', folderId: expect.any(String), isScheduled: false, configuration: expect.objectContaining({ fields: expect.arrayContaining(['work.department']) }) }));
	}); // prettier-ignore

	it('refuses a service user without report permissions (403) and formulas without that permission', async () => {
		sim.control.denyWork({ deny: ['reports'] });
		expect((await call(sim, 'GET', '/v1/company/reports')).status).toBe(403);
		sim.control.denyWork({ deny: ['reports.formulas'] });
		expect((await call(sim, 'GET', '/v1/company/reports/3100003/download?format=json')).status).toBe(403);
		expect((await call(sim, 'GET', '/v1/company/reports/3100001/download?format=json')).status).toBe(200);
	}); // prettier-ignore

	it('downloads JSON rows in the people API shape; humanReadable APPEND adds labels, REPLACE swaps them in', async () => {
		const plain = await call(sim, 'GET', '/v1/company/reports/3100001/download?format=json');
		expect(plain.headers.get('content-type')).toMatch(/application\/json/);
		const row = plain.json.employees[0];
		expect(row).toEqual(expect.objectContaining({ id: expect.any(String), displayName: expect.any(String), work: expect.objectContaining({ department: expect.stringMatching(/^\d+$/) }) }));
		expect(row.humanReadable).toBeUndefined();
		const appended = await call(sim, 'GET', '/v1/company/reports/3100001/download?format=json&humanReadable=APPEND');
		expect(appended.json.employees[0].work.department).toBe(row.work.department);
		expect(appended.json.employees[0].humanReadable.work.department).not.toMatch(/^\d+$/);
		const replaced = await call(sim, 'GET', '/v1/company/reports/3100001/download?format=json&humanReadable=REPLACE');
		expect(replaced.json.employees[0].work.department).toBe(appended.json.employees[0].humanReadable.work.department);
	}); // prettier-ignore

	it('downloads CSV (header row of field names) and a real XLSX workbook with the same cells', async () => {
		const csv = await bytes(sim, '/v1/company/reports/3100001/download?format=csv&includeInfo=false');
		expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
		const lines = csv.body.toString('utf8').trim().split('\r\n');
		expect(lines[0]).toBe('ID,Display name,Email,Department,Site,Start date');
		const file = await bytes(sim, '/v1/company/reports/3100001/download?format=xlsx&includeInfo=false');
		expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		expect(file.body.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
		const parts = unzip(file.body);
		expect([...parts.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
		const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
		expect(sheet).toContain('<t xml:space="preserve">Department</t>');
		expect((sheet.match(/<row /g) ?? []).length).toBe(lines.length);
		const withInfo = await bytes(sim, '/v1/company/reports/3100001/download?format=csv');
		expect(withInfo.body.toString('utf8').split('\r\n')[0]).toBe('Headcount by department');
	}); // prettier-ignore

	it('async: Location names the file on the app host; the file answers 204 until ready, then 200 with the file', async () => {
		sim.control.setReportPendingPolls({ polls: 2 });
		const started = await fetch(`${sim.url}/v1/company/reports/3100001/download-async?format=json&humanReadable=REPLACE`, { headers: { Authorization: sim.authHeader() } });
		expect(started.status).toBe(200);
		const location = started.headers.get('location')!;
		expect(location).toMatch(/^https:\/\/app\.hibob\.com\/v1\/company\/reports\/download\/.+\.JsonFormat$/);
		const name = location.split('/download/')[1];
		const path = `/v1/company/reports/download/${encodeURIComponent(name)}`;
		expect((await bytes(sim, path)).status).toBe(204);
		expect((await bytes(sim, path)).status).toBe(204);
		const ready = await call(sim, 'GET', path);
		expect(ready.status).toBe(200);
		expect(typeof ready.json.employees[0].work.department).toBe('string');
		expect((await call(sim, 'GET', '/v1/company/reports/download/unknown.CsvFormat')).status).toBe(404);
	}); // prettier-ignore

	it('unknown report → 404, non-numeric ID → 400, unsupported format → 400', async () => {
		expect((await call(sim, 'GET', '/v1/company/reports/999/download')).status).toBe(404);
		expect((await call(sim, 'GET', '/v1/company/reports/abc/download')).status).toBe(400);
		expect((await call(sim, 'GET', '/v1/company/reports/3100001/download?format=pdf')).status).toBe(
			400,
		);
	});
});
