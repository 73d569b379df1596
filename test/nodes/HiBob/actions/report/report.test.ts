/**
 * Report → Get Many and Download (JSON rows, CSV/XLSX binary, direct and asynchronous) through
 * n8n-core's real ExecuteContext against the HiBob simulator.
 */
import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { searchReports } from '../../../../../nodes/HiBob/methods/listSearch';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';
import { unzip } from '../../../../simulator/xlsx';

const clock = useFastClock(Date.parse('2026-11-21T12:00:00.000Z'));

const HEADCOUNT = '3100001';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('HiBob → Report', () => {
	let sim: RunningSimulator;
	useSimulator((started) => (sim = started), {
		employees: 40,
		seed: 3,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});
	beforeEach(() => {
		sim.control.denyWork({ deny: [] });
		sim.control.setReportPendingPolls({ polls: 2 });
	});

	const run = async (parameters: Record<string, unknown>, options: { continueOnFail?: boolean } = {}) =>
		await runExecute({
			nodeType: new HiBob(),
			parameters: { resource: 'report', ...parameters },
			credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token),
			...options,
		}); // prettier-ignore
	const employed = () => sim.control.listEmployees({ lifecycleStatus: 'employed' });

	it('Get Many lists the reports with string IDs and folders; Folder ID narrows them', async () => {
		const { output } = await run({ operation: 'getAll' });
		expect(output[0].map((item) => item.json.name)).toEqual(expect.arrayContaining(['Headcount by department', 'All people']));
		expect(output[0][0].json).toEqual(expect.objectContaining({ id: HEADCOUNT, folderId: 'people', fields: expect.arrayContaining(['work.department']) }));
		const { output: hrOps } = await run({ operation: 'getAll', folderId: 'hr-ops' });
		expect(hrOps[0].map((item) => item.json.name)).toEqual(['Tenure (formula)']);
	}); // prettier-ignore

	it('Get Many without the reports permission says which permission is missing', async () => {
		sim.control.denyWork({ deny: ['reports'] });
		const failure = await failureOf(run({ operation: 'getAll' }));
		expect(failure.message).toBe('HiBob refused the service user access to reports (403)');
		expect(failure.description).toContain('Features > Reports');
	});

	it('the Report list search offers the reports by name', async () => {
		const context = loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'report', operation: 'download' }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token) }); // prettier-ignore
		const all = await searchReports.call(context);
		expect(all.results).toEqual(expect.arrayContaining([{ name: 'Headcount by department', value: HEADCOUNT }]));
		expect((await searchReports.call(context, 'tenure')).results.map((r) => r.name)).toEqual(['Tenure (formula)']);
		expect(new HiBob().methods.listSearch.searchReports).toBe(searchReports);
	}); // prettier-ignore

	it('Download as JSON: one item per row with labels by default, IDs with As Stored; one request', async () => {
		const { output } = await run({ operation: 'download', report: byId(HEADCOUNT) });
		expect(output[0]).toHaveLength(employed().length);
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
		const department = output[0][0].json.work as { department: string };
		expect(department.department).not.toMatch(/^\d+$/);
		expect(sim.log.entries()).toEqual([expect.objectContaining({ path: `/v1/company/reports/${HEADCOUNT}/download`, query: { format: 'json', humanReadable: 'REPLACE' } })]);
		const { output: stored } = await run({ operation: 'download', report: byId(HEADCOUNT), humanReadable: 'none' });
		expect((stored[0][0].json.work as { department: string }).department).toMatch(/^\d+$/);
		expect(sim.log.entries().at(-1)?.query).toEqual({ format: 'json' });
	}); // prettier-ignore

	it('Download as XLSX: the workbook as binary with the report name, MIME type and size', async () => {
		const { output } = await run({ operation: 'download', report: { __rl: true, mode: 'list', value: HEADCOUNT, cachedResultName: 'Headcount by department' }, output: 'file', fileFormat: 'xlsx' });
		const item = output[0][0];
		expect(item.json).toEqual({ reportId: HEADCOUNT, fileName: 'Headcount by department.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileSize: expect.any(Number) });
		const binary = item.binary!.data;
		expect(binary).toEqual(expect.objectContaining({ fileName: 'Headcount by department.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileExtension: 'xlsx' }));
		const bytes = Buffer.from(binary.data, 'base64');
		expect(bytes.length).toBe(item.json.fileSize);
		const sheet = unzip(bytes).get('xl/worksheets/sheet1.xml')!.toString('utf8');
		expect((sheet.match(/<row /g) ?? []).length).toBe(employed().length + 1);
		expect(sim.log.entries()[0].query).toEqual({ format: 'xlsx', includeInfo: 'false' });
	}); // prettier-ignore

	it('Download as CSV into a named binary field, with a chosen file name and HiBob info lines', async () => {
		const { output } = await run({ operation: 'download', report: byId(HEADCOUNT), output: 'file', fileFormat: 'csv', binaryPropertyName: 'report', options: { fileName: 'weekly', includeInfo: true, locale: 'fr-FR' } }); // prettier-ignore
		const binary = output[0][0].binary!.report;
		expect(binary).toEqual(expect.objectContaining({ fileName: 'weekly.csv', mimeType: 'text/csv' }));
		const text = Buffer.from(binary.data, 'base64').toString('utf8');
		expect(text.split('\r\n')[0]).toBe('Headcount by department');
		expect(sim.log.entries()[0].query).toEqual({ format: 'csv', includeInfo: 'true', locale: 'fr-FR' });
	}); // prettier-ignore

	it('Asynchronous: asks for the file at its own base URL (not the app host in Location), polls 204, 204, then 200', async () => {
		const { output } = await run({ operation: 'download', report: byId(HEADCOUNT), output: 'file', fileFormat: 'xlsx', generation: 'async' }); // prettier-ignore
		expect(unzip(Buffer.from(output[0][0].binary!.data.data, 'base64')).has('xl/workbook.xml')).toBe(true);
		const log = sim.log.entries();
		expect(log.map((e) => [e.path.replace(/download\/.*/, 'download/<name>'), e.status])).toEqual([
			[`/v1/company/reports/${HEADCOUNT}/download-async`, 200],
			['/v1/company/reports/download/<name>', 204],
			['/v1/company/reports/download/<name>', 204],
			['/v1/company/reports/download/<name>', 200],
		]);
		expect(log[1].path).toMatch(/\.XlsxFormat$/);
		expect(clock.current.sleeps).toEqual([1000, 2000]);
	}); // prettier-ignore

	it('Asynchronous JSON rows come out as with the direct download', async () => {
		const { output } = await run({
			operation: 'download',
			report: byId(HEADCOUNT),
			generation: 'async',
		});
		expect(output[0]).toHaveLength(employed().length);
		expect(sim.log.entries()[0].query).toEqual({ format: 'json', humanReadable: 'REPLACE' });
	});

	it('Asynchronous: gives up at the timeout with a clear error, after polling within it', async () => {
		sim.control.setReportPendingPolls({ polls: 1000 });
		const failure = await failureOf(run({ operation: 'download', report: byId(HEADCOUNT), generation: 'async', timeout: 20 }));
		expect(failure.message).toMatch(new RegExp(`^HiBob had not finished preparing report ${HEADCOUNT} after 1\\d seconds$`));
		expect(failure.description).toContain('Raise "Timeout (Seconds)" (now 20)');
		expect(clock.current.sleeps).toEqual([1000, 2000, 4000, 5000, 5000]);
		expect(sim.log.entries().filter((e) => e.status === 204)).toHaveLength(6);
	}); // prettier-ignore

	it('refuses bad input before sending anything', async () => {
		for (const [parameters, message] of [
			[{ report: byId('') }, 'Choose a report'],
			[{ report: byId('12a') }, '"12a" is not a report ID'],
			[{ report: byId(HEADCOUNT), generation: 'async', timeout: 0 }, 'Timeout 0 is not between 1 and 3600 seconds'],
			[{ report: byId(HEADCOUNT), output: 'file', binaryPropertyName: ' ' }, 'Put Output File in Field is empty'],
		] as const) {
			const failure = await failureOf(run({ operation: 'download', ...parameters }));
			expect(failure.message).toBe(message);
			expect(failure.description).toContain('Nothing was sent to HiBob');
		}
		expect(sim.log.entries()).toHaveLength(0);
	}); // prettier-ignore

	it("explains HiBob's refusals: unknown report (404), formulas without permission (403); continue-on-fail keeps going", async () => {
		const unknown = await failureOf(run({ operation: 'download', report: byId('999') }));
		expect(unknown.message).toBe('HiBob has no report with ID 999');
		sim.control.denyWork({ deny: ['reports.formulas'] });
		const formulas = await failureOf(run({ operation: 'download', report: byId('3100003'), generation: 'async' }));
		expect(formulas.message).toBe('HiBob refused the service user access to reports (403)');
		expect(formulas.description).toContain('View formulas in grids');
		const { output } = await run({ operation: 'download', report: byId('999') }, { continueOnFail: true });
		expect(output[0]).toEqual([{ json: expect.objectContaining({ error: 'HiBob has no report with ID 999' }), pairedItem: { item: 0 } }]);
	}); // prettier-ignore
});
