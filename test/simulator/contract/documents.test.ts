import type { RunningSimulator } from '../index';
import { call, start } from './helpers';

/** A multipart/form-data body with one `file` part, as an HTTP client would build it. */
function multipart(bytes: Buffer, filename = 'contract.pdf', type = 'application/pdf') {
	const boundary = '----simulator-test-boundary';
	const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`, 'latin1');
	return { body: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'latin1')]), contentType: `multipart/form-data; boundary=${boundary}` };
} // prettier-ignore

describe('simulator: documents (/v1/docs)', () => {
	let sim: RunningSimulator;
	let employee: { id: string };
	let folders: Array<{ id: string; name: string; folderType: string }>;
	const custom = () => folders.find((f) => f.folderType === 'custom')!;
	beforeAll(async () => {
		sim = await start();
		employee = sim.control.listEmployees({ lifecycleStatus: 'employed' })[1];
		folders = sim.control.listDocumentFolders();
	});
	afterAll(async () => await sim.stop());

	async function upload(path: string, bytes: Buffer, filename?: string) {
		const { body, contentType } = multipart(bytes, filename);
		const res = await fetch(`${sim.url}${path}`, { method: 'POST', headers: { Authorization: sim.authHeader(), 'Content-Type': contentType }, body });
		const text = await res.text();
		return { status: res.status, json: text ? JSON.parse(text) : null };
	} // prettier-ignore

	it('GET /v1/docs/folders/metadata lists folders as {id:{value}, name:{value}, folderType:{value}}', async () => {
		const r = await call(sim, 'GET', '/v1/docs/folders/metadata');
		expect(r.status).toBe(200);
		expect(r.json).toEqual(expect.arrayContaining([{ id: { value: expect.any(String) }, name: { value: 'Shared' }, folderType: { value: 'shared' } }, { id: { value: expect.any(String) }, name: { value: 'Confidential' }, folderType: { value: 'confidential' } }]));
		expect(r.json.some((f: { folderType: { value: string } }) => f.folderType.value === 'custom')).toBe(true);
	}); // prettier-ignore

	it('uploads a file (multipart part "file") to the shared folder, keeping its bytes, and answers {id}', async () => {
		const pdf = Buffer.from('%PDF-1.4\n\xff\xfe binary \x00 bytes\n%%EOF\n', 'latin1');
		const r = await upload(`/v1/docs/people/${employee.id}/shared/upload`, pdf);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ id: expect.any(Number) });
		const stored = sim.control.listDocuments({ employeeId: employee.id }).find((d) => d.id === r.json.id);
		expect(stored).toEqual(expect.objectContaining({ name: 'contract.pdf', folderName: 'Shared', mimeType: 'application/pdf', size: pdf.length, head: pdf.toString('latin1').slice(0, 16) }));
		const list = await call(sim, 'GET', `/v1/docs/people/${employee.id}`);
		expect(list.json.documents).toEqual(expect.arrayContaining([{ documentName: 'contract.pdf', downloadLink: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\//) }]));
		const logged = sim.log.entries({ path: `/v1/docs/people/${employee.id}/shared/upload` }).at(-1);
		expect(logged?.body).toEqual({ multipart: [{ name: 'file', filename: 'contract.pdf', contentType: 'application/pdf', size: pdf.length }] });
	}); // prettier-ignore

	it('refuses files over 5 MB (1 MB for custom folders), and a body without a file part', async () => {
		const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x41);
		expect((await upload(`/v1/docs/people/${employee.id}/confidential/upload`, big)).status).toBe(400);
		expect((await upload(`/v1/docs/people/${employee.id}/confidential/upload`, big.subarray(0, 5 * 1024 * 1024))).status).toBe(200);
		const mb = Buffer.alloc(1024 * 1024 + 1, 0x41);
		const r = await upload(`/v1/docs/people/${employee.id}/folders/${custom().id}/upload`, mb);
		expect(r).toEqual({ status: 400, json: { key: 'file.too.large', error: expect.stringMatching(/1 MB/) } });
		expect((await upload(`/v1/docs/people/${employee.id}/folders/${custom().id}/upload`, mb.subarray(1))).status).toBe(200);
		const json = await call(sim, 'POST', `/v1/docs/people/${employee.id}/shared/upload`, { body: { file: 'x' } });
		expect(json.status).toBe(400);
	}); // prettier-ignore

	it('uploads from a URL into shared, confidential or a custom folder and answers the document', async () => {
		const r = await call(sim, 'POST', `/v1/docs/people/${employee.id}/custom/${custom().id}`, { body: { documentName: 'Receipt', documentUrl: 'https://files.example.com/r.pdf', tags: ['it'] } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual(expect.objectContaining({ id: expect.any(Number), name: 'Receipt', folderId: custom().id, fileId: expect.any(String), mimeType: expect.any(String), uploadedById: sim.serviceUser.id, tags: ['it'] }));
		expect((await call(sim, 'POST', `/v1/docs/people/${employee.id}/shared`, { body: { documentName: 'x', documentUrl: 'ftp://nope' } })).status).toBe(400);
		expect((await call(sim, 'POST', `/v1/docs/people/${employee.id}/shared`, { body: { documentUrl: 'https://files.example.com/a' } })).status).toBe(400);
	}); // prettier-ignore

	it('deletes from the folder it is in (404 from another folder or twice)', async () => {
		const { json } = await upload(`/v1/docs/people/${employee.id}/shared/upload`, Buffer.from('hello'), 'hello.txt');
		expect((await call(sim, 'DELETE', `/v1/docs/people/${employee.id}/confidential/${json.id}`)).status).toBe(404);
		const r = await call(sim, 'DELETE', `/v1/docs/people/${employee.id}/shared/${json.id}`);
		expect(r.status).toBe(200);
		expect(sim.control.listDocuments({ employeeId: employee.id }).some((d) => d.id === json.id)).toBe(false);
		expect((await call(sim, 'DELETE', `/v1/docs/people/${employee.id}/shared/${json.id}`)).status).toBe(404);
	}); // prettier-ignore

	it('applies per-folder permissions: view, upload, delete', async () => {
		const shared = folders.find((f) => f.folderType === 'shared')!;
		const { json } = await upload(`/v1/docs/people/${employee.id}/shared/upload`, Buffer.from('kept'), 'kept.txt');
		sim.control.denyWork({ deny: [`docs.${shared.id}.view`, `docs.${shared.id}.upload`, `docs.${shared.id}.delete`] });
		try {
			const list = await call(sim, 'GET', `/v1/docs/people/${employee.id}`);
			expect(list.json.documents.some((d: { documentName: string }) => d.documentName === 'kept.txt')).toBe(false);
			expect((await upload(`/v1/docs/people/${employee.id}/shared/upload`, Buffer.from('x'))).status).toBe(403);
			expect((await call(sim, 'DELETE', `/v1/docs/people/${employee.id}/shared/${json.id}`)).status).toBe(403);
			expect((await upload(`/v1/docs/people/${employee.id}/confidential/upload`, Buffer.from('x'))).status).toBe(200);
		} finally {
			sim.control.denyWork({ deny: [] });
		}
	}); // prettier-ignore
});
