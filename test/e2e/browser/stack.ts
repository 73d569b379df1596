/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/require-node-api-error -- test fixtures: a throwaway service-user token of the local HiBob simulator */
/**
 * What the browser test runs against: the HiBob simulator as its own process and a real n8n
 * (`n8n start`, fresh user folder, our packed package) with the owner set up and one `hiBobApi`
 * credential, so the editor preselects it in both nodes.
 */
import { hiBobCredential } from '../harness/fixtures';
import { N8nInstance, OWNER } from '../harness/n8n';
import { SimulatorProcess } from '../harness/simulator';

export const SERVICE_USER = { id: 'SERVICE-BROWSER', token: 'e2e-token-browser-0123456789' };

export interface Stack {
	sim: SimulatorProcess;
	n8n: N8nInstance;
	owner: { email: string; password: string };
	stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
	const sim = await SimulatorProcess.start({ employees: 40, seed: 11, serviceUser: SERVICE_USER });
	const n8n = await N8nInstance.create({ label: 'browser' });
	try {
		await n8n.importCredentials([hiBobCredential('hibobBrowser00001', sim.url, SERVICE_USER)]);
		await n8n.start({ timeoutMs: 180000 });
		await n8n.login();
	} catch (error) {
		await n8n.dispose();
		await sim.stop();
		throw error;
	}
	return {
		sim,
		n8n,
		owner: { email: OWNER.email, password: OWNER.password },
		stop: async () => {
			await n8n.dispose();
			await sim.stop();
		},
	};
}
