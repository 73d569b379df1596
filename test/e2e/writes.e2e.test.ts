/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- test fixtures: throwaway service-user tokens of the local HiBob simulator */
/**
 * Writes back to HiBob inside a real n8n (`n8n execute`) against the simulator as its own process:
 * a provisioning chain (Get → Update Work Email → Update: department from a future date and a custom
 * field → Get) and an offboarding chain (Terminate → Revoke Access), each asserted on the node output
 * and the simulator's request log (exactly one write each, no POST repeated).
 */
import { credentialRef, hiBobCredential, locator } from './harness/fixtures';
import {
	type CredentialFixture,
	N8nInstance,
	nodeOutput,
	nodeType,
	type WorkflowFixture,
} from './harness/n8n';
import { type SimEmployee, type SimLogEntry, SimulatorProcess } from './harness/simulator';

const SERVICE_USER = { id: 'SERVICE-E2E-W', token: 'e2e-token-writes-0123456789ab' };
const COST_CENTER = 'work.custom.field_1711886937296';
const mapperKey = (fieldId: string) => fieldId.replace(/\./g, '__');
const TODAY = new Date().toISOString().slice(0, 10);
const START = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const FUTURE = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

const WF = {
	provision: 'hbWriteProvisio1',
	offboard: 'hbWriteOffboard1',
	getAfter: 'hbWriteGetAfter1',
};

/** Manual Trigger → Set {id} → HiBob nodes in a chain. */
function chain(id: string, credential: CredentialFixture, employeeId: string, steps: Array<{ name: string; parameters: Record<string, unknown> }>): WorkflowFixture {
	const nodes: Array<Record<string, unknown>> = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'who', name: 'Who', type: 'n8n-nodes-base.set', typeVersion: 3.4, position: [200, 0], parameters: { mode: 'raw', jsonOutput: JSON.stringify({ id: employeeId }) } },
		...steps.map((step, index) => ({ id: `s${index}`, name: step.name, type: nodeType('hiBob'), typeVersion: 1, position: [400 + 200 * index, 0], parameters: step.parameters, credentials: credentialRef(credential) })),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name as string] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `e2e: ${id}`, nodes, connections };
} // prettier-ignore

describe('HiBob writes in a real n8n against the simulator (out of process)', () => {
	let sim: SimulatorProcess;
	let n8n: N8nInstance;
	let newHire: SimEmployee;
	let leaver: SimEmployee;
	let engineering: { id: string; name: string };
	const writesOf = (log: SimLogEntry[]) =>
		log.filter((entry) => entry.method !== 'GET' && entry.path !== '/v1/people/search');

	beforeAll(async () => {
		sim = await SimulatorProcess.start({ employees: 40, seed: 21, today: TODAY, freezeClock: true, noRateLimit: true, serviceUser: SERVICE_USER });
		const employees = await sim.employees();
		const manager = employees.find((e) => e.lifecycleStatus === 'employed')!;
		leaver = employees.filter((e) => e.lifecycleStatus === 'employed')[1];
		newHire = await sim.control<SimEmployee>('hire', { firstName: 'Nia', surname: 'Okoro', startDate: START, managerId: manager.id });
		const snapshot = await sim.control<{ values: Record<string, unknown> }>('getEmployee', { employeeId: newHire.id });
		const auth = `Basic ${Buffer.from(`${SERVICE_USER.id}:${SERVICE_USER.token}`).toString('base64')}`;
		const list = (await (await fetch(`${sim.url}/v1/company/named-lists/department`, { headers: { Authorization: auth } })).json()) as { items: Array<{ id: number; name: string }> };
		const other = list.items.find((item) => String(item.id) !== String(snapshot.values['work.department']))!;
		engineering = { id: String(other.id), name: other.name };
		const good = hiBobCredential('hibobSimWrites001', sim.url, SERVICE_USER);
		n8n = await N8nInstance.create({ label: 'writes' });
		await n8n.importCredentials([good]);
		const byExpression = locator('id', '={{ $json.employeeId ?? $json.id }}');
		await n8n.importWorkflows([
			chain(WF.provision, good, newHire.id, [
				{ name: 'Get', parameters: { resource: 'employee', operation: 'get', employee: locator('id', '={{ $json.id }}') } },
				{ name: 'Update Work Email', parameters: { resource: 'employee', operation: 'updateEmail', employee: byExpression, email: '={{ "nia.okoro@google-sim.example.com" }}' } },
				{ name: 'Update', parameters: { resource: 'employee', operation: 'update', employee: byExpression, effectiveDate: `${FUTURE}T00:00:00`, updateFields: { mappingMode: 'defineBelow', value: { [mapperKey('work.department')]: engineering.name, [mapperKey(COST_CENTER)]: 'CC-E2E' }, matchingColumns: [], schema: [mapperKey('work.department'), mapperKey(COST_CENTER)].map((id) => ({ id, displayName: id, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: false })), attemptToConvertTypes: false, convertFieldsToString: false } } },
				{ name: 'Get After', parameters: { resource: 'employee', operation: 'get', employee: byExpression, output: 'full', fields: ['__defaultSet__', COST_CENTER] } },
			]),
			chain(WF.getAfter, good, newHire.id, [
				{ name: 'Get', parameters: { resource: 'employee', operation: 'get', employee: locator('id', '={{ $json.id }}') } },
			]),
			chain(WF.offboard, good, leaver.id, [
				{ name: 'Terminate', parameters: { resource: 'employee', operation: 'terminate', employee: locator('id', '={{ $json.id }}'), terminationDate: `${FUTURE}T00:00:00`, terminateOptions: { terminationReason: 'Resignation', reasonType: 'Voluntary' } } },
				{ name: 'Revoke Access', parameters: { resource: 'employee', operation: 'revokeAccess', employee: byExpression } },
			]),
		]);
	}); // prettier-ignore

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.stop();
	});

	test('provisioning: Get → Update Work Email → Update (department from a future date, custom field) → Get shows the new values', async () => {
		await sim.clearLog();
		const result = await n8n.execute(WF.provision);
		expect({ code: result.code, error: result.run?.data.resultData.error?.message }).toEqual({ code: 0, error: undefined });
		const email = nodeOutput(result.run!, 'Update Work Email');
		expect(email).toEqual([expect.objectContaining({ success: true, employeeId: newHire.id, readBackShowsWrite: true })]);
		const update = nodeOutput(result.run!, 'Update');
		expect(update[0]).toMatchObject({ success: true, how: { 'work.department': `Work history entry effective ${FUTURE}`, [COST_CENTER]: 'field update' } });
		expect(update[0].scheduled).toContain(FUTURE);
		const after = nodeOutput(result.run!, 'Get After');
		expect(JSON.stringify(after[0])).toContain('nia.okoro@google-sim.example.com');
		expect(JSON.stringify(after[0])).toContain('CC-E2E');

		const log = await sim.log();
		const writes = writesOf(log).map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
		expect(writes).toEqual([
			`PUT /v1/people/${newHire.id}/email 200`,
			`PUT /v1/people/${newHire.id} 200`,
			`POST /v1/people/${newHire.id}/work 200`,
		]);
		const workEntry = writesOf(log)[2].body as Record<string, unknown>;
		expect(workEntry).toMatchObject({ effectiveDate: FUTURE });
		expect(log.every((entry) => entry.serviceUserId === SERVICE_USER.id)).toBe(true);

		// the department is dated: once the simulator reaches that day, Get shows it
		await sim.control('setToday', { today: FUTURE });
		const later = await n8n.execute(WF.getAfter);
		expect(later.code).toBe(0);
		expect(nodeOutput(later.run!, 'Get')[0]).toMatchObject({ id: newHire.id, email: 'nia.okoro@google-sim.example.com', department: engineering.name });
	}); // prettier-ignore

	test('offboarding: Terminate → Revoke Access, exactly one POST each', async () => {
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
	}); // prettier-ignore
});
