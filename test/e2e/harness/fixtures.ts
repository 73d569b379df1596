/**
 * Credentials and workflows of the HiBob scenarios, as n8n's CLI imports them: a `hiBobApi` credential
 * pointing at the simulator (environment Custom, loopback URL), and workflows with fixed IDs.
 */
import { selectedLine } from './host';
import { type CredentialFixture, nodeType, type WorkflowFixture } from './n8n';

export const HIBOB_NODE = 'HiBob';

/** A `hiBobApi` credential for the simulator at `url` (Custom environment, loopback http). */
export function hiBobCredential(
	id: string,
	url: string,
	serviceUser: { id: string; token: string },
): CredentialFixture {
	return {
		id,
		name: `HiBob simulator ${id}`,
		type: 'hiBobApi',
		data: {
			serviceUserId: serviceUser.id,
			token: serviceUser.token,
			environment: 'custom',
			baseUrl: url,
		},
	};
}

export function credentialRef(credential: CredentialFixture): Record<string, unknown> {
	return { hiBobApi: { id: credential.id, name: credential.name } };
}

const manualTrigger = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * Manual Trigger → [extra nodes…] → HiBob (run with `n8n execute`). `before` are nodes placed between the
 * trigger and the HiBob node, connected in a chain.
 */
export function actionWorkflow(
	id: string,
	credential: CredentialFixture,
	parameters: Record<string, unknown>,
	before: Array<Record<string, unknown>> = [],
): WorkflowFixture {
	const chain: Array<Record<string, unknown>> = [
		manualTrigger,
		...before.map((node, index) => ({
			id: `n${index}`,
			position: [200 * (index + 1), 0],
			...node,
		})),
		{
			id: 'hibob',
			name: HIBOB_NODE,
			type: nodeType('hiBob'),
			typeVersion: 1,
			position: [200 * (before.length + 1), 0],
			parameters,
			credentials: credentialRef(credential),
		},
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < chain.length - 1; i++) {
		connections[chain[i].name as string] = {
			main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	return { id, name: `e2e: ${id}`, nodes: chain, connections };
}

/** A resource locator value as the editor stores it. */
export function locator(mode: 'id' | 'email' | 'list', value: string): Record<string, unknown> {
	return { __rl: true, mode, value };
}

/**
 * What n8n's credential test shows for a wrong token (401). n8n 2.x applies the credential's
 * `responseCode` rules, so people see our message; n8n 1.x never does for a 401 (its tester gets an
 * error without the response) and shows its own generic text instead: still a failed test, but without
 * our hint. The 1.x expectation documents what 1.x users see (test/e2e/README.md, compatibility matrix).
 */
export function unauthorizedTestMessage(ours: string): string {
	return selectedLine() === 1 ? 'Authorization failed - please check your credentials' : ours;
}
