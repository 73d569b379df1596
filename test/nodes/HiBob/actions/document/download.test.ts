/**
 * Document → Download through n8n-core's real ExecuteContext: the document list from the simulator's
 * API, the file from its separate file host (a pre-signed link that refuses a request carrying a
 * credential), as n8n binary data.
 */
import type { IDataObject } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';

useFastClock(Date.parse('2026-11-21T12:00:00.000Z'));

const pdf = Buffer.from('%PDF-1.4\n\xe2\x82\xac binary \x00\xff\n%%EOF\n', 'latin1');

describe('HiBob → Document → Download', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	useSimulator((started) => (sim = started), { employees: 20, seed: 3, today: '2026-11-21', rateLimit: false, freezeClock: true }, 'test'); // prettier-ignore

	async function upload(name: string, bytes: Buffer, type = 'application/pdf') {
		const boundary = 'test-boundary';
		const body = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`, 'latin1'), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
		const res = await fetch(`${sim.url}/v1/docs/people/${employee.id}/shared/upload`, { method: 'POST', headers: { Authorization: sim.authHeader(), 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body });
		expect(res.status).toBe(200);
	} // prettier-ignore

	beforeEach(async () => {
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2];
		await upload('contract.pdf', pdf);
		sim.log.clear();
	});

	const run = async (parameters: IDataObject, continueOnFail = false) =>
		await runExecute({ nodeType: new HiBob(), parameters: { resource: 'document', operation: 'download', employee: { mode: 'id', value: employee.id }, documentName: 'contract.pdf', ...parameters }, credentials: credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token), items: [{ json: {} }], continueOnFail }); // prettier-ignore

	it('outputs the file byte for byte as binary, fetched from the link on the other host without the credential', async () => {
		const { output } = await run({});
		const item = output[0][0];
		expect(item.json).toEqual({ employeeId: employee.id, documentName: 'contract.pdf', fileName: 'contract.pdf', mimeType: 'application/pdf', size: pdf.length });
		expect(item.binary?.data).toEqual(expect.objectContaining({ fileName: 'contract.pdf', mimeType: 'application/pdf' }));
		expect(Buffer.from(item.binary!.data.data, 'base64')).toEqual(pdf);
		expect(sim.log.entries().map((e) => [e.method, e.path])).toEqual([['GET', `/v1/docs/people/${employee.id}`]]);
		expect(sim.simulator.fileLog.at(-1)).toEqual({ path: expect.stringMatching(/^\/files\/\d+\/contract\.pdf$/), status: 200, authorization: false });
	}); // prettier-ignore

	it('puts the file in the named binary field, and matches the name ignoring case', async () => {
		const { output } = await run({
			documentName: ' CONTRACT.pdf ',
			binaryPropertyName: 'contract',
		});
		expect(Object.keys(output[0][0].binary ?? {})).toEqual(['contract']);
	});

	it('refuses a file over Max File Size (MB) and outputs nothing', async () => {
		await upload('scan.pdf', Buffer.alloc(30_000, 0x41));
		const failure = await failureOf(run({ documentName: 'scan.pdf', maxFileSizeMb: 0.01 }));
		expect(failure.message).toMatch(/^The document "scan\.pdf" is larger than the 0\.01 MB limit \(30000 bytes\)$/);
		expect(failure.description).toMatch(/Raise Max File Size \(MB\)/);
		const { output } = await run({ documentName: 'scan.pdf', maxFileSizeMb: 1 });
		expect(output[0][0].json.size).toBe(30_000);
	}); // prettier-ignore

	it.each([
		['no name', { documentName: '  ' }, /Document Name is empty/],
		['a size of 0', { maxFileSizeMb: 0 }, /Max File Size \(MB\) 0 is not a positive number/],
	])('%s: a clear error and nothing is sent', async (_name, extra, message) => {
		const failure = await failureOf(run(extra));
		expect(failure.message).toMatch(message);
		expect(sim.log.entries()).toEqual([]);
		expect(sim.simulator.fileLog).toHaveLength(0);
	});

	it('names the documents there are when none has the name', async () => {
		const failure = await failureOf(run({ documentName: 'payslip.pdf' }));
		expect(failure.message).toBe('The employee has no document named "payslip.pdf"');
		expect(failure.description).toMatch(/"contract\.pdf"/);
	});

	it('refuses to guess between two documents of the same name, or downloads all when asked', async () => {
		await upload('contract.pdf', Buffer.from('second'), 'text/plain');
		const failure = await failureOf(run({}));
		expect(failure.message).toBe('2 documents of the employee are named "contract.pdf"');
		expect(sim.simulator.fileLog).toHaveLength(0);
		const { output } = await run({ several: 'all' });
		expect(output[0].map((i) => [i.json.size, i.json.mimeType, i.pairedItem])).toEqual([[pdf.length, 'application/pdf', { item: 0 }], [6, 'text/plain', { item: 0 }]]);
	}); // prettier-ignore

	it('a link its host refuses fails the item with the host and status; continue-on-fail gives an error item', async () => {
		sim.simulator.fileHost = `${sim.fileHostUrl}/moved`;
		const failure = await failureOf(run({}));
		expect(failure.message).toMatch(/^127\.0\.0\.1:\d+ refused the download of the document "contract\.pdf" \(404\)$/);
		const { output } = await run({}, true);
		expect(output[0][0].json.error).toMatch(/refused the download/);
	}); // prettier-ignore

	it('HiBob refusing the list (404 unknown employee) is explained', async () => {
		employee = { id: '1234567890123456789' };
		const failure = await failureOf(run({}));
		expect(failure.message).toMatch(/no employee with ID 1234567890123456789/);
	});
});
