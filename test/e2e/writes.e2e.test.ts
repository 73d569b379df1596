/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/**
 * Writes back to HiBob inside a real n8n against the simulator as its own process.
 *
 * Provisioning runs as users run it: an active workflow in `n8n start` whose HiBob Trigger (polling
 * every 10 s, event employeeCreated, its own service user) fires for a new hire made through the
 * simulator's control API, and continues on the trigger's item into HiBob Get → Update Work Email →
 * Update (department from a future Effective Date and a custom field through the resource mapper) →
 * Get. Asserted: the trigger fired exactly once for the hire (one execution, one item, nothing more on
 * the next polls), the node outputs, exactly one write of each kind in the simulator's request log (no
 * POST repeated), and the simulator's state; once the simulator reaches the effective date (n8n
 * stopped), a Get under `n8n execute` shows the new department. The simulator has no read lag here.
 *
 * Offboarding (Terminate → Revoke Access) runs from a Manual Trigger under `n8n execute`, asserted on
 * the node output and the request log (exactly one POST each).
 *
 * Hiring from n8n runs the remaining writes the same way: Create (the five mandatory fields plus a
 * department label and a custom field through Other Fields) → Set Start Date → Invite → Employee
 * History → Create Entry (Work, from a future date); then Delete Entry removes that row. Asserted on the
 * node outputs, one write each in the request log, and the simulator's state.
 *
 * People data from n8n runs one chain under `n8n execute`: Custom Table → Create Row (a list column by
 * label) → Employee History → Create Entry (Salary) → Delete Entry (that row) → Document → Download (the
 * file from the simulator's separate file host, as binary) → Employee → Set Avatar → Custom Table → Get
 * Many (the new row read back; last, since it outputs one item per row).
 */
import { credentialRef, hiBobCredential, locator } from './harness/fixtures';
import {
	type CredentialFixture,
	N8nInstance,
	nodeOutput,
	nodeType,
	type WorkflowFixture,
} from './harness/n8n';
import { delay } from './harness/processes';
import { type SimEmployee, type SimLogEntry, SimulatorProcess } from './harness/simulator';
import { eventKeys, triggerNode, TriggerWatch, waitFor } from './harness/watch';

/** The action nodes' service user; the trigger has its own, so its searches are told apart in the log. */
const SERVICE_USER = { id: 'SERVICE-E2E-W', token: 'e2e-token-writes-0123456789ab' };
const TRIGGER_USER = { id: 'SERVICE-E2E-W-TRIGGER', token: 'e2e-token-writes-trigger-0123456789' };
const TRIGGER = 'HiBob Trigger';
const COST_CENTER = 'work.custom.field_1711886937296';
const NEW_EMAIL = 'nia.okoro@google-sim.example.com';
const mapperKey = (fieldId: string) => fieldId.replace(/\./g, '__');
const TODAY = new Date().toISOString().slice(0, 10);
const START = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const FUTURE = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
/** One poll (10 s apart) plus a whole chain of HiBob nodes, on a loaded 2-core machine. */
const STEP_TIMEOUT_MS = 180000;

const WF = {
	provision: 'hbWriteProvisio1',
	offboard: 'hbWriteOffboard1',
	getAfter: 'hbWriteGetAfter1',
	hireFromN8n: 'hbWriteHireN8n01',
	deleteEntry: 'hbWriteDelEntry1',
	peopleData: 'hbWritePeopleDt1',
	department: 'hbWriteNewDept01',
	report: 'hbWriteReport001',
};
const EQUIPMENT = '1663597900001';
const EQ_ITEM = 'column_1663598000001';
const EQ_TYPE = 'column_1663598000002';
const LATER_START = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

/** A resource-mapper value for the given HiBob field IDs and values, as the editor saves it. */
const mapped = (values: Record<string, string>) => ({
	mappingMode: 'defineBelow',
	value: Object.fromEntries(Object.entries(values).map(([id, value]) => [mapperKey(id), value])),
	matchingColumns: [],
	schema: Object.keys(values).map((id) => ({ id: mapperKey(id), displayName: id, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: false })),
	attemptToConvertTypes: false,
	convertFieldsToString: false,
}); // prettier-ignore

/** Manual Trigger → Set {id}: the start of a chain run with `n8n execute`. */
const manualStart = (employeeId: string): Array<Record<string, unknown>> => [
	{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	{ id: 'who', name: 'Who', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ id: employeeId }) } },
]; // prettier-ignore

/** `start` nodes → HiBob nodes, all in one chain. */
function chain(id: string, credential: CredentialFixture, start: Array<Record<string, unknown>>, steps: Array<{ name: string; parameters: Record<string, unknown> }>): WorkflowFixture {
	const nodes: Array<Record<string, unknown>> = [
		...start,
		...steps.map((step, index) => ({ id: `s${index}`, name: step.name, type: nodeType('hiBob'), typeVersion: 1, position: [400 + 200 * index, 0], parameters: step.parameters, credentials: credentialRef(credential) })),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name as string] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `e2e: ${id}`, settings: { executionOrder: 'v1', timezone: 'UTC' }, nodes, connections };
} // prettier-ignore

describe('HiBob writes in a real n8n against the simulator (out of process)', () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let watch: TriggerWatch;
	let manager: SimEmployee;
	let leaver: SimEmployee;
	let hireDepartment: { id: string; name: string };
	let engineering: { id: string; name: string };
	let site: { id: string; name: string };
	/** The site Update moves the hire to, given by its label as a user types it. */
	let siteByLabel: { id: string; name: string };
	let good: CredentialFixture;
	const writesOf = (log: SimLogEntry[]) =>
		log.filter((entry) => entry.method !== 'GET' && entry.path !== '/v1/people/search');
	const context = () =>
		`--- n8n log (tail) ---\n${n8n.serverLog().split('\n').slice(-40).join('\n')}`;
	const valuesOf = async (employeeId: string) =>
		(await sim.control<{ values: Record<string, unknown> }>('getEmployee', { employeeId })).values;

	beforeAll(async () => {
		sim = await SimulatorProcess.start({ employees: 40, seed: 21, today: TODAY, freezeClock: true, noRateLimit: true, serviceUser: SERVICE_USER });
		await sim.control('addServiceUser', TRIGGER_USER);
		const employees = await sim.employees({ lifecycleStatus: 'employed' });
		[manager, leaver] = employees;
		const auth = `Basic ${Buffer.from(`${SERVICE_USER.id}:${SERVICE_USER.token}`).toString('base64')}`;
		const list = (await (await fetch(`${sim.url}/v1/company/named-lists/department`, { headers: { Authorization: auth } })).json()) as { items: Array<{ id: number; name: string }> };
		[hireDepartment, engineering] = list.items.slice(0, 2).map((item) => ({ id: String(item.id), name: item.name }));
		const sites = (await (await fetch(`${sim.url}/v1/company/named-lists/site`, { headers: { Authorization: auth } })).json()) as { items: Array<{ id: number; name: string }> };
		site = { id: String(sites.items[0].id), name: sites.items[0].name };
		siteByLabel = { id: String(sites.items[1].id), name: sites.items[1].name };

		good = hiBobCredential('hibobSimWrites001', sim.url, SERVICE_USER);
		const triggerCredential = hiBobCredential('hibobSimWritesTr1', sim.url, TRIGGER_USER);
		n8n = await N8nInstance.create({ label: 'writes' });
		await n8n.importCredentials([good, triggerCredential]);
		const byExpression = locator('id', '={{ $json.employeeId ?? $json.id }}');
		await n8n.importWorkflows([
			chain(WF.provision, good, [triggerNode(TRIGGER, triggerCredential, ['employeeCreated'])], [
				{ name: 'Get', parameters: { resource: 'employee', operation: 'get', employee: locator('id', '={{ $json.employeeId }}') } },
				{ name: 'Update Work Email', parameters: { resource: 'employee', operation: 'updateEmail', employee: byExpression, email: `={{ "${NEW_EMAIL}" }}` } },
				{ name: 'Update', parameters: { resource: 'employee', operation: 'update', employee: byExpression, effectiveDate: `${FUTURE}T00:00:00`, updateFields: mapped({ 'work.department': engineering.name, 'work.siteId': siteByLabel.name.toLowerCase(), [COST_CENTER]: 'CC-E2E' }) } },
				{ name: 'Get After', parameters: { resource: 'employee', operation: 'get', employee: byExpression, output: 'full', fields: ['__defaultSet__', COST_CENTER] } },
			]),
			// the hire is found by the address the chain wrote
			chain(WF.getAfter, good, manualStart(''), [
				{ name: 'Get', parameters: { resource: 'employee', operation: 'get', employee: locator('email', NEW_EMAIL) } },
			]),
			chain(WF.hireFromN8n, good, manualStart(''), [
				{ name: 'Create', parameters: { resource: 'employee', operation: 'create', firstName: 'Rui', surname: 'Tanaka', email: 'rui.tanaka@e2e.example', site: site.id, startDate: `${START}T00:00:00`, otherFields: mapped({ 'work.department': hireDepartment.name, [COST_CENTER]: 'CC-NEW' }) } },
				{ name: 'Set Start Date', parameters: { resource: 'employee', operation: 'setStartDate', employee: byExpression, startDate: `${LATER_START}T00:00:00`, reason: 'Laptop arrives later' } },
				{ name: 'Invite', parameters: { resource: 'employee', operation: 'invite', employee: byExpression, welcomeWizardId: '2' } },
				{ name: 'Create Entry', parameters: { resource: 'employeeHistory', operation: 'createEntry', table: 'work', employee: byExpression, effectiveDate: `${FUTURE}T00:00:00`, workColumns: { department: engineering.name, reason: 'Team change' } } },
			]),
			chain(WF.peopleData, good, manualStart(manager.id), [
				{ name: 'Create Row', parameters: { resource: 'customTable', operation: 'createRow', employee: locator('id', "={{ $('Who').item.json.id }}"), customTableId: EQUIPMENT, columns: mapped({ [EQ_ITEM]: 'ThinkPad X1', [EQ_TYPE]: 'laptop' }) } },
				{ name: 'Salary', parameters: { resource: 'employeeHistory', operation: 'createEntry', table: 'salaries', employee: locator('id', "={{ $('Who').item.json.id }}"), effectiveDate: `${FUTURE}T00:00:00`, salaryColumns: { amount: 81000, currency: 'EUR', payPeriod: 'Annual', payFrequency: 'Monthly' } } },
				{ name: 'Delete Salary', parameters: { resource: 'employeeHistory', operation: 'deleteEntry', table: 'salaries', employee: locator('id', "={{ $('Who').item.json.id }}"), entryId: '={{ $json.entryId }}' } },
				{ name: 'Download', parameters: { resource: 'document', operation: 'download', employee: locator('id', "={{ $('Who').item.json.id }}"), documentName: 'offer.pdf' } },
				{ name: 'Set Avatar', parameters: { resource: 'employee', operation: 'setAvatar', employee: locator('id', "={{ $('Who').item.json.id }}"), imageUrl: 'https://avatars.example.com/manager.png' } },
				{ name: 'Rows', parameters: { resource: 'customTable', operation: 'getAll', employee: locator('id', "={{ $('Who').item.json.id }}"), customTableId: EQUIPMENT, returnAll: true } },
			]),
			chain(WF.offboard, good, manualStart(leaver.id), [
				{ name: 'Terminate', parameters: { resource: 'employee', operation: 'terminate', employee: locator('id', '={{ $json.id }}'), terminationDate: `${FUTURE}T00:00:00`, terminateOptions: { terminationReason: 'Resignation', reasonType: 'Voluntary' } } },
				{ name: 'Revoke Access', parameters: { resource: 'employee', operation: 'revokeAccess', employee: byExpression } },
			]),
		]);
		await n8n.publishWorkflow(WF.provision);
		watch = new TriggerWatch(n8n, sim, WF.provision, TRIGGER, TRIGGER_USER.id);
		await n8n.start({ timeoutMs: 180000 });
		await n8n.login();
	}, 600000); // prettier-ignore

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('provisioning: HiBob Trigger (employeeCreated) → Get → Update Work Email → Update (department and site by label from a future date, custom field) → Get shows the new values', async () => {
		// baseline: the activation poll and the next one report nothing (everyone is already known)
		await waitFor('the first poll', async () => ((await watch.searches()).length > 0 ? true : undefined), { timeoutMs: STEP_TIMEOUT_MS, context });
		await watch.pollAfter((await watch.searches()).length, STEP_TIMEOUT_MS, context);
		await watch.collect();
		expect([...watch.executions.keys()]).toEqual([]);

		await sim.clearLog();
		const newHire = await sim.control<SimEmployee>('hire', { firstName: 'Nia', surname: 'Okoro', email: 'nia.okoro@e2e.example', startDate: START, department: hireDepartment.id, managerId: manager.id });
		// the trigger fires for the hire, and the chain runs on its item in the same execution
		const [execution] = await waitFor('the trigger execution for the hire', async () => {
			await watch.collect();
			return watch.executions.size > 0 ? [...watch.executions.values()] : undefined;
		}, { timeoutMs: STEP_TIMEOUT_MS, context });
		const run = execution.run!;
		expect({ status: execution.status, error: run.data.resultData.error?.message }).toEqual({ status: 'success', error: undefined });
		expect(nodeOutput(run, TRIGGER)).toEqual([expect.objectContaining({ event: 'employeeCreated', employeeId: newHire.id })]);
		expect(nodeOutput(run, 'Get')).toEqual([expect.objectContaining({ id: newHire.id, email: 'nia.okoro@e2e.example' })]);
		expect(nodeOutput(run, 'Update Work Email')).toEqual([expect.objectContaining({ success: true, employeeId: newHire.id, readBackShowsWrite: true })]);
		const update = nodeOutput(run, 'Update');
		expect(update).toHaveLength(1);
		expect(update[0]).toMatchObject({ success: true, how: { 'work.department': `Work history entry effective ${FUTURE}`, 'work.siteId': `Work history entry effective ${FUTURE}`, [COST_CENTER]: 'field update' } });
		expect(update[0].scheduled).toContain(FUTURE);
		const after = nodeOutput(run, 'Get After');
		expect(after).toHaveLength(1);
		expect(JSON.stringify(after[0])).toContain(NEW_EMAIL);
		expect(JSON.stringify(after[0])).toContain('CC-E2E');

		// two more polls: the trigger does not fire again for the hire (nor for the chain's own writes)
		const polled = (await watch.searches()).length;
		await watch.pollAfter(polled, STEP_TIMEOUT_MS, context);
		await watch.pollAfter(polled + 1, STEP_TIMEOUT_MS, context);
		await delay(3000);
		await watch.collect();
		expect([...watch.executions.keys()]).toEqual([execution.id]);
		expect(eventKeys(watch.events())).toEqual(eventKeys([['employeeCreated', newHire.id]]));
		expect(await watch.unfinished()).toEqual([]);

		const log = await sim.log();
		const writes = writesOf(log);
		expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			`PUT /v1/people/${newHire.id}/email 200`,
			`PUT /v1/people/${newHire.id} 200`,
			`POST /v1/people/${newHire.id}/work 200`,
		]);
		// the site given by its label ("london") went out as the site list's item ID, as HiBob types siteId
		expect(writes[2].body).toMatchObject({ effectiveDate: FUTURE, siteId: Number(siteByLabel.id) });
		expect(writes.every((entry) => entry.serviceUserId === SERVICE_USER.id)).toBe(true);
		// only the trigger's service user searches for changes; every other call is the chain's
		const triggerCalls = log.filter((entry) => entry.serviceUserId === TRIGGER_USER.id);
		expect(triggerCalls.length).toBeGreaterThanOrEqual(3);
		expect(triggerCalls.every((entry) => entry.method === 'POST' && entry.path === '/v1/people/search')).toBe(true);
		expect(log.every((entry) => [SERVICE_USER.id, TRIGGER_USER.id].includes(entry.serviceUserId ?? ''))).toBe(true);

		// HiBob's state: address and custom field now, the department only from the effective date
		const now = await valuesOf(newHire.id);
		expect({ email: now['root.email'], costCenter: now[COST_CENTER], department: String(now['work.department']) }).toEqual({ email: NEW_EMAIL, costCenter: 'CC-E2E', department: hireDepartment.id });

		// once the simulator reaches that day (n8n stopped: no more polls), Get shows the new department
		await n8n.stop();
		await sim.control('setToday', { today: FUTURE });
		expect(String((await valuesOf(newHire.id))['work.department'])).toBe(engineering.id);
		const later = await n8n.execute(WF.getAfter);
		expect({ code: later.code, error: later.run?.data.resultData.error?.message }).toEqual({ code: 0, error: undefined });
		expect(nodeOutput(later.run!, 'Get')).toEqual([expect.objectContaining({ id: newHire.id, email: NEW_EMAIL, department: engineering.name, site: siteByLabel.name })]);
		expect(writesOf(await sim.log())).toHaveLength(3);
	}, 600000); // prettier-ignore

	test('offboarding: Terminate → Revoke Access, exactly one POST each', async () => {
		await n8n.stop();
		await sim.clearLog();
		const result = await n8n.execute(WF.offboard);
		expect({ code: result.code, error: result.run?.data.resultData.error?.message }).toEqual({ code: 0, error: undefined });
		expect(nodeOutput(result.run!, 'Terminate')).toEqual([expect.objectContaining({ success: true, employeeId: leaver.id, readBackShowsWrite: true })]);
		expect(nodeOutput(result.run!, 'Revoke Access')).toEqual([expect.objectContaining({ success: true, employeeId: leaver.id, revoked: 'Bob login' })]);
		const writes = writesOf(await sim.log());
		expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			`POST /v1/employees/${leaver.id}/terminate 200`,
			`POST /v1/employees/${leaver.id}/uninvite 200`,
		]);
		expect(writes[0].body).toMatchObject({ terminationDate: FUTURE, terminationReason: expect.any(String), reasonType: expect.any(String) });
		expect(writes[0].body).not.toMatchObject({ terminationReason: 'Resignation' });
		expect(JSON.stringify(result.run)).not.toContain(SERVICE_USER.token);
	}, 300000); // prettier-ignore

	test('hiring from n8n: Create (Other Fields) → Set Start Date → Invite → History Create Entry, then Delete Entry; one write each', async () => {
		await n8n.stop();
		await sim.clearLog();
		const result = await n8n.execute(WF.hireFromN8n);
		expect({ code: result.code, error: result.run?.data.resultData.error?.message }).toEqual({ code: 0, error: undefined });
		const [created] = nodeOutput(result.run!, 'Create');
		expect(created).toMatchObject({ success: true, operation: 'create', readBackShowsWrite: true, how: { 'work.department': `first Work history entry, effective ${START}`, [COST_CENTER]: 'set at creation' } });
		const id = String(created.employeeId);
		expect(id).toMatch(/^\d{19}$/);
		expect(nodeOutput(result.run!, 'Set Start Date')).toEqual([expect.objectContaining({ success: true, employeeId: id, written: { startDate: LATER_START, reason: 'Laptop arrives later' } })]);
		expect(nodeOutput(result.run!, 'Invite')).toEqual([expect.objectContaining({ success: true, employeeId: id, written: { welcomeWizardId: 2 } })]);
		expect(nodeOutput(result.run!, 'Create Entry')).toEqual([expect.objectContaining({ success: true, employeeId: id, table: 'work', effectiveDate: FUTURE })]);

		const writes = writesOf(await sim.log());
		expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			'POST /v1/people 200',
			`POST /v1/employees/${id}/start-date 200`,
			`POST /v1/employees/${id}/invitations 200`,
			`POST /v1/people/${id}/work 200`,
		]);
		expect(writes[0].body).toMatchObject({ firstName: 'Rui', surname: 'Tanaka', email: 'rui.tanaka@e2e.example', work: { site: site.name, startDate: START, department: hireDepartment.name } });
		expect(writes[3].body).toMatchObject({ effectiveDate: FUTURE, department: engineering.id, reason: 'Team change' });

		// HiBob's state: the person with the later start date, the custom field, the invitation, the dated row
		const hired = await sim.control<{ values: Record<string, unknown>; work: Array<{ id: number | string; effectiveDate: string; department: unknown }> }>('getEmployee', { employeeId: id });
		expect({ email: hired.values['root.email'], start: hired.values['work.startDate'], costCenter: hired.values[COST_CENTER] }).toEqual({ email: 'rui.tanaka@e2e.example', start: LATER_START, costCenter: 'CC-NEW' });
		// the first Work row has the department given at creation (the simulator's day may already be past it)
		expect(hired.work.map((entry) => [entry.effectiveDate, String(entry.department)])).toEqual([[LATER_START, hireDepartment.id], [FUTURE, engineering.id]]);
		expect(await sim.control('getAccessEvents', { employeeId: id })).toEqual([expect.objectContaining({ kind: 'invited', detail: 2 })]);
		const row = hired.work.find((entry) => entry.effectiveDate === FUTURE);
		expect(row && String(row.department)).toBe(engineering.id);

		// Delete Entry: that row by its ID, one DELETE, and HiBob no longer has it
		await sim.clearLog();
		await n8n.importWorkflows([
			chain(WF.deleteEntry, good, [
				{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ id: 'who', name: 'Who', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ id, entryId: String(row!.id) }) } },
			], [
				{ name: 'Delete Entry', parameters: { resource: 'employeeHistory', operation: 'deleteEntry', table: 'work', employee: locator('id', '={{ $json.id }}'), entryId: '={{ $json.entryId }}' } },
			]),
		]);
		const deleted = await n8n.execute(WF.deleteEntry);
		expect({ code: deleted.code, error: deleted.run?.data.resultData.error?.message }).toEqual({ code: 0, error: undefined });
		expect(nodeOutput(deleted.run!, 'Delete Entry')).toEqual([expect.objectContaining({ success: true, employeeId: id, table: 'work', deletedEntryId: String(row!.id) })]);
		expect(writesOf(await sim.log()).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([`DELETE /v1/people/${id}/work/${row!.id} 200`]);
		const after = await sim.control<{ work: Array<{ id: number | string }> }>('getEmployee', { employeeId: id });
		expect(after.work.some((entry) => String(entry.id) === String(row!.id))).toBe(false);
		expect(JSON.stringify([result.run, deleted.run])).not.toContain(SERVICE_USER.token);
	}, 300000); // prettier-ignore

	test('people data from n8n: custom-table row created and read back, a salary entry created and deleted, a document downloaded as binary, an avatar set', async () => {
		await n8n.stop();
		const auth = `Basic ${Buffer.from(`${SERVICE_USER.id}:${SERVICE_USER.token}`).toString('base64')}`;
		const pdf = Buffer.from('%PDF-1.4\n\xe2\x82\xac e2e \x00\xff\n%%EOF\n', 'latin1');
		const boundary = 'e2e-boundary';
		const upload = await fetch(`${sim.url}/v1/docs/people/${manager.id}/shared/upload`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="offer.pdf"\r\nContent-Type: application/pdf\r\n\r\n`), pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]) });
		expect(upload.status).toBe(200);
		await sim.clearLog();
		const result = await n8n.execute(WF.peopleData);
		const refused = (await sim.log()).filter((entry) => entry.status >= 400).map((entry) => `${entry.method} ${entry.path} ${entry.status} ${JSON.stringify(entry.body)}`);
		expect({ code: result.code, error: result.run?.data.resultData.error?.message, refused }).toEqual({ code: 0, error: undefined, refused: [] });
		const run = result.run!;
		const [row] = nodeOutput(run, 'Create Row');
		expect(row).toMatchObject({ success: true, employeeId: manager.id, customTableId: EQUIPMENT, written: { [EQ_ITEM]: 'ThinkPad X1', [EQ_TYPE]: '252614471' }, entryId: expect.stringMatching(/^\d+$/) });
		expect(nodeOutput(run, 'Rows').map((r) => r.id)).toContain(row.entryId);
		const [salary] = nodeOutput(run, 'Salary');
		expect(salary).toMatchObject({ success: true, table: 'salaries', effectiveDate: FUTURE, entry: { base: { value: 81000, currency: 'EUR' } }, entryId: expect.stringMatching(/^\d+$/) });
		expect(nodeOutput(run, 'Delete Salary')).toEqual([expect.objectContaining({ success: true, table: 'salaries', deletedEntryId: salary.entryId })]);
		expect(nodeOutput(run, 'Download')).toEqual([{ employeeId: manager.id, documentName: 'offer.pdf', fileName: 'offer.pdf', mimeType: 'application/pdf', size: pdf.length }]);
		// the item carries the file as n8n binary data
		expect(JSON.stringify(run.data.resultData.runData.Download)).toMatch(/"binary":\{"data":\{[^}]*"fileName":"offer\.pdf"/);
		expect(nodeOutput(run, 'Set Avatar')).toEqual([expect.objectContaining({ success: true, employeeId: manager.id, avatarUrl: expect.stringMatching(/^https:\/\//) })]);
		const writes = writesOf(await sim.log());
		expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([
			`POST /v1/people/custom-tables/${manager.id}/${EQUIPMENT} 200`,
			`POST /v1/people/${manager.id}/salaries 200`,
			`DELETE /v1/people/${manager.id}/salaries/${salary.entryId} 200`,
			`PUT /v1/avatars/${manager.id} 200`,
		]);
		const salaries = await fetch(`${sim.url}/v1/people/${manager.id}/salaries`, { headers: { Authorization: auth } });
		expect(JSON.stringify(await salaries.json())).not.toContain(FUTURE);
		expect(JSON.stringify(run)).not.toContain(SERVICE_USER.token);
	}, 300000); // prettier-ignore

	test('a new department: Get or Add List Item (under Engineering) → Update moves someone into it; reports: JSON rows, then the XLSX file (asynchronous) read by n8n\'s Extract From File', async () => {
		await n8n.stop();
		const mover = (await sim.employees({ lifecycleStatus: 'employed' }))[3];
		await sim.clearLog();
		const extract = { id: 'x', name: 'Read XLSX', type: 'n8n-nodes-base.extractFromFile', typeVersion: 1, position: [1000, 0], parameters: { operation: 'xlsx', binaryPropertyName: 'data', options: {} } };
		const report = chain(WF.report, good, manualStart(''), [
			{ name: 'Headcount Rows', parameters: { resource: 'report', operation: 'download', report: locator('id', '3100001') } },
			{ name: 'Headcount File', parameters: { resource: 'report', operation: 'download', report: { __rl: true, mode: 'list', value: '3100001', cachedResultName: 'Headcount by department' }, output: 'file', fileFormat: 'xlsx', generation: 'async', timeout: 60 } },
		]);
		(report.nodes as Array<Record<string, unknown>>).find((node) => node.name === 'Headcount File')!.executeOnce = true;
		report.nodes.push(extract);
		(report.connections as Record<string, unknown>)['Headcount File'] = { main: [[{ node: 'Read XLSX', type: 'main', index: 0 }]] };
		await n8n.importWorkflows([
			chain(WF.department, good, manualStart(mover.id), [
				{ name: 'Get or Add Department', parameters: { resource: 'company', operation: 'getOrAddListItem', listName: 'department', itemName: 'E2E Robotics', parentItem: engineering.name } },
				{ name: 'Move', parameters: { resource: 'employee', operation: 'update', employee: locator('id', "={{ $('Who').item.json.id }}"), effectiveDate: `${FUTURE}T00:00:00`, updateFields: mapped({ 'work.department': '={{ $json.id }}' }) } },
			]),
			report,
		]);
		const moved = await n8n.execute(WF.department);
		expect({ code: moved.code, error: moved.run?.data.resultData.error?.message, output: moved.code === 0 ? '' : `${moved.stdout}${moved.stderr}`.slice(-3000) }).toEqual({ code: 0, error: undefined, output: '' });
		const [item] = nodeOutput(moved.run!, 'Get or Add Department');
		expect(item).toEqual(expect.objectContaining({ listName: 'department', name: 'E2E Robotics', parentId: engineering.id, path: `${engineering.name} › E2E Robotics`, added: true }));
		const writes = writesOf(await sim.log());
		expect(writes.map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['POST /v1/company/named-lists/department 200', `POST /v1/people/${mover.id}/work 200`]);
		expect(writes[0].body).toEqual({ name: 'E2E Robotics', parentId: Number(engineering.id) });
		expect(writes[1].body).toMatchObject({ effectiveDate: FUTURE, department: item.id });

		await sim.clearLog();
		const started = Date.now();
		const result = await n8n.execute(WF.report);
		expect({ code: result.code, error: result.run?.data.resultData.error?.message, output: result.code === 0 ? '' : `${result.stdout}${result.stderr}`.slice(-3000) }).toEqual({ code: 0, error: undefined, output: '' });
		const rows = nodeOutput(result.run!, 'Headcount Rows');
		const employed = await sim.employees({ lifecycleStatus: 'employed' });
		expect(rows).toHaveLength(employed.length);
		expect(rows.find((row) => row.id === mover.id)).toEqual(expect.objectContaining({ email: mover.email, work: expect.objectContaining({ department: expect.any(String) }) }));
		expect(nodeOutput(result.run!, 'Headcount File')).toEqual([{ reportId: '3100001', fileName: 'Headcount by department.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileSize: expect.any(Number) }]);
		const sheet = nodeOutput(result.run!, 'Read XLSX');
		expect(sheet).toHaveLength(employed.length);
		expect(sheet.find((row) => row.ID === mover.id)).toEqual(expect.objectContaining({ Email: mover.email }));
		const log = await sim.log();
		expect(log.map((entry) => `${entry.method} ${entry.path.replace(/download\/.*XlsxFormat$/, 'download/<file>')} ${entry.status}`)).toEqual([
			'GET /v1/company/reports/3100001/download 200',
			'GET /v1/company/reports/3100001/download-async 200',
			'GET /v1/company/reports/download/<file> 204',
			'GET /v1/company/reports/download/<file> 204',
			'GET /v1/company/reports/download/<file> 200',
		]);
		expect(Date.now() - started).toBeGreaterThan(3000); // the node waited 1 s and 2 s between checks
		expect(JSON.stringify([moved.run, result.run])).not.toContain(SERVICE_USER.token);
	}, 300000); // prettier-ignore
});
