/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: a throwaway service-user token of the local HiBob simulator */
/**
 * Onboarding work in a real n8n (`n8n execute`): list a new hire's open IT task, file a generated PDF in
 * their shared folder and complete the task, asserted on the simulator's state and request log.
 */
import { credentialRef, HIBOB_NODE, hiBobCredential, locator } from './harness/fixtures';
import { N8nInstance, nodeOutput, nodeType } from './harness/n8n';
import { type SimEmployee, type SimLogEntry, SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-E2E-TASKS', token: 'e2e-token-tasks-0123456789abcdef' };
const WORKFLOW_ID = 'hbTasksOnboard01';

/** A tiny valid PDF (one empty page) with a correct cross-reference table. */
function tinyPdf(): Buffer {
	const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, index) => {
		offsets.push(body.length);
		body += `${index + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
} // prettier-ignore

interface SimTask { id: number; title: string; status: string; kind: string; requestedForId: string } // prettier-ignore
interface SimDocument { id: number; name: string; folderName: string; size: number; head: string; mimeType: string } // prettier-ignore

describe('Tasks and documents in a real n8n against the simulator', () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let hire: SimEmployee;
	let itTask: SimTask;
	const pdf = tinyPdf();

	beforeAll(async () => {
		sim = await SimulatorProcess.start({ employees: 60, seed: 21, serviceUser: SERVICE_USER });
		const everyone = await sim.employees();
		hire = everyone.find((e) => e.lifecycleStatus === 'employed' && e.id !== everyone[0].id)!;
		itTask = await sim.control<SimTask>('addTask', { requestedForId: hire.id, title: 'IT: create the Google account', workflow: 'IT onboarding' });
		await sim.control('addTask', { requestedForId: hire.id, title: 'IT: sign the laptop receipt', workflow: 'IT onboarding', kind: 'eSign' });
		await sim.control('addTask', { requestedForId: hire.id, title: 'Plan the welcome lunch', workflow: 'Onboarding' });

		const credential = hiBobCredential('hibobSimTasks0001', sim.url, SERVICE_USER);
		n8n = await N8nInstance.create({ label: 'tasks' });
		await n8n.importCredentials([credential]);
		const hibob = (name: string, parameters: Record<string, unknown>, x: number) => ({ id: name.replace(/\W/g, ''), name, type: nodeType('hiBob'), typeVersion: 1, position: [x, 0], parameters, credentials: credentialRef(credential) }); // prettier-ignore
		const nodes = [
			{ id: 'trigger', name: 'When clicking Execute', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			hibob(HIBOB_NODE, { resource: 'task', operation: 'getAll', scope: 'employee', employee: locator('id', hire.id), status: 'open', relation: 'requestedFor', returnAll: true, filters: { titleContains: 'IT:' } }, 200),
			{ id: 'pdf', name: 'Welcome Pack', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [400, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ pdf: pdf.toString('base64') }) } },
			{ id: 'file', name: 'To PDF File', type: 'n8n-nodes-base.convertToFile', typeVersion: 1.1, position: [600, 0], parameters: { operation: 'toBinary', sourceProperty: 'pdf', options: { fileName: 'welcome-pack.pdf', mimeType: 'application/pdf' } } },
			hibob('File Welcome Pack', { resource: 'document', operation: 'upload', employee: locator('id', `={{ $('${HIBOB_NODE}').item.json.requestedFor.id }}`), folder: 'shared', source: 'binary', binaryPropertyName: 'data' }, 800),
			hibob('Complete Task', { resource: 'task', operation: 'complete', taskId: `={{ $('${HIBOB_NODE}').item.json.id }}` }, 1000),
		]; // prettier-ignore
		const connections: Record<string, unknown> = {};
		for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
		await n8n.importWorkflows([{ id: WORKFLOW_ID, name: 'e2e: onboarding tasks', nodes, connections }]);
	}); // prettier-ignore

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test("lists the hire's open IT task, files the PDF in their shared folder and completes the task", async () => {
		await sim.clearLog();
		const result = await n8n.execute(WORKFLOW_ID);
		expect({ code: result.code, crashed: result.crashedAfterRun }).toEqual({ code: 0, crashed: false });
		const listed = nodeOutput(result.run!, HIBOB_NODE);
		// The e-signature task is not a general task: HiBob's API does not show it.
		expect(listed.map((task) => task.id)).toEqual([String(itTask.id)]);
		expect(listed[0]).toMatchObject({ title: 'IT: create the Google account', status: 'open', requestedFor: { id: hire.id } });
		const filed = nodeOutput(result.run!, 'File Welcome Pack');
		expect(filed).toEqual([{ employeeId: hire.id, folder: 'shared', documentId: expect.stringMatching(/^\d+$/), name: 'welcome-pack.pdf', size: pdf.length }]);
		expect(nodeOutput(result.run!, 'Complete Task')).toEqual([{ id: String(itTask.id), completed: true, alreadyComplete: false, toDosUpdated: 1 }]);

		const documents = await sim.control<SimDocument[]>('listDocuments', { employeeId: hire.id });
		expect(documents).toEqual([expect.objectContaining({ id: Number(filed[0].documentId), name: 'welcome-pack.pdf', folderName: 'Shared', mimeType: 'application/pdf', size: pdf.length, head: pdf.toString('latin1').slice(0, 16) })]);
		const tasks = await sim.control<SimTask[]>('listTasks', { employeeId: hire.id });
		expect(tasks.map((t) => [t.title, t.status])).toEqual([['IT: create the Google account', 'closed'], ['IT: sign the laptop receipt', 'open'], ['Plan the welcome lunch', 'open']]);
		const log: SimLogEntry[] = await sim.log();
		expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([`GET /v1/tasks/people/${hire.id} 200`, `POST /v1/docs/people/${hire.id}/shared/upload 200`, `POST /v1/tasks/${itTask.id}/complete 200`]);
		expect(log.every((e) => e.serviceUserId === SERVICE_USER.id)).toBe(true);
	}); // prettier-ignore
});
