/**
 * Document → Upload, Get Many and Delete through n8n-core's real ExecuteContext (binary data included)
 * against the HiBob simulator.
 */
import { NodeHelpers, type IDataObject, type INode, type INodeExecutionData } from 'n8n-workflow';

import { HiBob } from '../../../../../nodes/HiBob/HiBob.node';
import { failureOf } from '../../../../harness/failure';
import { useFastClock } from '../../../../harness/fastClock';
import { credentialsFor, loadOptionsContext, runExecute } from '../../../../harness/n8n';
import { useSimulator } from '../../../../harness/simulator';
import type { RunningSimulator } from '../../../../simulator';

useFastClock(Date.parse('2026-11-21T12:00:00.000Z'));

const pdf = Buffer.from(
	'%PDF-1.4\n1 0 obj <<>> endobj\n\xe2\x82\xac binary \x00\xff\n%%EOF\n',
	'latin1',
);
const fileItem = (data: Buffer, fileName = 'contract.pdf', mimeType = 'application/pdf'): INodeExecutionData => ({
	json: {},
	binary: { data: { data: data.toString('base64'), mimeType, fileName, fileExtension: 'pdf' } },
}); // prettier-ignore

describe('HiBob → Document', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	let custom: { id: string; name: string };
	useSimulator((started) => (sim = started), {
		employees: 40,
		seed: 3,
		today: '2026-11-21',
		rateLimit: false,
		freezeClock: true,
	});
	beforeAll(() => {
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[2];
		custom = sim.control.listDocumentFolders().find((f) => f.folderType === 'custom')!;
	}); // prettier-ignore

	const credentials = () => credentialsFor(sim.url, sim.serviceUser.id, sim.serviceUser.token);
	const run = async (parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], continueOnFail = false) =>
		await runExecute({ nodeType: new HiBob(), parameters: { resource: 'document', employee: { mode: 'id', value: employee.id }, ...parameters }, credentials: credentials(), items, continueOnFail }); // prettier-ignore
	const stored = () => sim.control.listDocuments({ employeeId: employee.id });
	describe('Upload (upload)', () => {
		it('marks Document Name required in the editor for a URL, and optional for a binary file', () => {
			const description = new HiBob().description;
			const issuesFor = (source: string) => {
				const node: INode = { id: '1', name: 'HiBob', type: 'n8n-nodes-hibob.hiBob', typeVersion: 1, position: [0, 0], parameters: { resource: 'document', operation: 'upload', source, documentName: '', documentUrl: 'https://files.example.com/a.pdf', employee: { __rl: true, mode: 'id', value: employee.id } } };
				node.parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
				return Object.keys(NodeHelpers.getNodeParametersIssues(description.properties, node, description)?.parameters ?? {});
			};
			expect(issuesFor('url')).toEqual(['documentName']);
			expect(issuesFor('binary')).toEqual([]);
		}); // prettier-ignore

		it("files the input item's binary in the shared folder byte for byte and returns the document's ID", async () => {
			const { output } = await run({ operation: 'upload' }, [fileItem(pdf)]);
			const json = output[0][0].json;
			expect(json).toEqual({ employeeId: employee.id, folder: 'shared', documentId: expect.stringMatching(/^\d+$/), name: 'contract.pdf', size: pdf.length });
			const doc = stored().find((d) => String(d.id) === json.documentId);
			expect(doc).toMatchObject({ folderName: 'Shared', name: 'contract.pdf', mimeType: 'application/pdf', size: pdf.length, head: pdf.toString('latin1').slice(0, 16) });
			expect(sim.log.entries().map((e) => [e.method, e.path, e.body])).toEqual([['POST', `/v1/docs/people/${employee.id}/shared/upload`, { multipart: [{ name: 'file', filename: 'contract.pdf', contentType: 'application/pdf', size: pdf.length }] }]]);
		}); // prettier-ignore

		it('uploads to the confidential folder or a custom folder, under a given name', async () => {
			await run({ operation: 'upload', folder: 'confidential', documentName: 'Signed contract.pdf' }, [fileItem(pdf)]);
			const { output } = await run({ operation: 'upload', folder: 'custom', folderId: custom.id }, [fileItem(pdf, 'receipt.pdf')]);
			expect(output[0][0].json).toMatchObject({ folder: 'custom', folderId: custom.id, name: 'receipt.pdf' });
			expect(sim.log.entries().map((e) => e.path)).toEqual([`/v1/docs/people/${employee.id}/confidential/upload`, `/v1/docs/people/${employee.id}/folders/${custom.id}/upload`]);
			expect(stored().map((d) => [d.name, d.folderName])).toEqual(expect.arrayContaining([['Signed contract.pdf', 'Confidential'], ['receipt.pdf', custom.name]]));
		}); // prettier-ignore

		it('checks sizes before sending: over 5 MB, over 1 MB into a custom folder, empty; with the item index', async () => {
			const big = await failureOf(run({ operation: 'upload' }, [fileItem(Buffer.alloc(5 * 1024 * 1024 + 1, 65))]));
			expect(big.message).toBe('The file "contract.pdf" is 5.0 MB: HiBob takes at most 5 MB');
			const mb = await failureOf(run({ operation: 'upload', folder: 'custom', folderId: custom.id }, [fileItem(Buffer.alloc(1024 * 1024 + 10, 65))]));
			expect(mb.message).toMatch(/at most 1 MB into a custom folder/);
			expect(mb.description).toMatch(/shared or confidential folder/);
			await failureOf(run({ operation: 'upload' }, [fileItem(Buffer.alloc(0))]));
			const missing = await failureOf(run({ operation: 'upload', binaryPropertyName: 'file' }, [fileItem(pdf)]));
			expect(missing.message).toMatch(/file/);
			const noFolder = await failureOf(run({ operation: 'upload', folder: 'custom', folderId: '' }, [fileItem(pdf)]));
			expect(noFolder.message).toBe('No custom folder is chosen');
			expect(sim.log.entries()).toEqual([]);
			const { output } = await run({ operation: 'upload' }, [fileItem(Buffer.alloc(5 * 1024 * 1024 + 1, 65)), fileItem(pdf)], true);
			expect(output[0].map((item) => [item.pairedItem, item.json.error ?? item.json.documentId])).toEqual([[{ item: 0 }, expect.stringMatching(/at most 5 MB/)], [{ item: 1 }, expect.stringMatching(/^\d+$/)]]);
		}); // prettier-ignore

		it('asks HiBob to fetch a document from a URL; the URL and name are checked first', async () => {
			const { output } = await run({ operation: 'upload', source: 'url', folder: 'custom', folderId: custom.id, documentUrl: 'https://files.example.com/receipt.pdf', documentName: 'Laptop receipt' });
			expect(output[0][0].json).toMatchObject({ employeeId: employee.id, folder: 'custom', documentId: expect.stringMatching(/^\d+$/), name: 'Laptop receipt', folderId: custom.id });
			expect(sim.log.entries().map((e) => [e.path, e.body])).toEqual([[`/v1/docs/people/${employee.id}/custom/${custom.id}`, { documentName: 'Laptop receipt', documentUrl: 'https://files.example.com/receipt.pdf' }]]);
			sim.log.clear();
			expect((await failureOf(run({ operation: 'upload', source: 'url', documentUrl: 'file:///etc/passwd', documentName: 'x' }))).message).toMatch(/not an http\(s\) URL/);
			expect((await failureOf(run({ operation: 'upload', source: 'url', documentUrl: 'https://a.example/x' }))).message).toBe('Document Name is empty');
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('never repeats an upload whose outcome is unknown, and explains a folder permission refusal', async () => {
			sim.control.injectFault({ kind: 'status', status: 500, method: 'POST' });
			const failure = await failureOf(run({ operation: 'upload' }, [fileItem(pdf)]));
			expect(failure.message + (failure.description ?? '')).toMatch(/may or may not have applied/);
			expect(sim.log.entries({ method: 'POST' }).length).toBe(1);
			const shared = sim.control.listDocumentFolders().find((f) => f.folderType === 'shared')!;
			sim.control.denyWork({ deny: [`docs.${shared.id}.upload`] });
			try {
				const refused = await failureOf(run({ operation: 'upload' }, [fileItem(pdf)]));
				expect(refused.description).toMatch(/Each folder has its own permissions/);
				expect(JSON.stringify([refused.message, refused.description])).not.toContain(sim.serviceUser.token);
			} finally {
				sim.control.denyWork({ deny: [] });
			}
		}); // prettier-ignore
	});

	describe('Get Many (getAll) and Delete (delete)', () => {
		it('lists names and download links, deletes from the folder, and 404s the wrong folder', async () => {
			const { output } = await run({ operation: 'upload' }, [fileItem(pdf, 'to-delete.pdf')]);
			const documentId = String(output[0][0].json.documentId);
			const list = await run({ operation: 'getAll', returnAll: true });
			expect(list.output[0].find((item) => item.json.name === 'to-delete.pdf')?.json).toEqual({ employeeId: employee.id, name: 'to-delete.pdf', documentName: 'to-delete.pdf', downloadLink: expect.stringMatching(/^https:\/\//) });
			expect((await run({ operation: 'getAll', limit: 1 })).output[0]).toHaveLength(1);
			const wrong = await failureOf(run({ operation: 'delete', folder: 'confidential', documentId }));
			expect(wrong.message).toBe(`HiBob has no document ${documentId} in that folder of employee ${employee.id}`);
			const deleted = await run({ operation: 'delete', documentId });
			expect(deleted.output[0][0].json).toEqual({ employeeId: employee.id, folder: 'shared', documentId, deleted: true });
			expect(stored().some((d) => String(d.id) === documentId)).toBe(false);
			sim.log.clear();
			expect((await failureOf(run({ operation: 'delete', documentId: 'doc-1' }))).message).toMatch(/not a HiBob document ID/);
			expect(sim.log.entries()).toEqual([]);
		}); // prettier-ignore

		it('offers the custom folders in the Custom Folder list', async () => {
			const context = loadOptionsContext({ nodeType: new HiBob(), parameters: { resource: 'document', operation: 'upload' }, credentials: credentials() });
			const options = await new HiBob().methods.loadOptions.getDocumentFolders.call(context);
			expect(options).toEqual(sim.control.listDocumentFolders().filter((f) => f.folderType === 'custom').map((f) => ({ name: f.name, value: f.id })).sort((a, b) => a.name.localeCompare(b.name)));
		}); // prettier-ignore
	});
});
