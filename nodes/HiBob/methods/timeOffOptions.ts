/** Load options for time-off requests: HiBob's policy types and a policy type's reason codes. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { pathSegment } from '../core/urlPath';
import { hiBobRequest } from '../transport';

export async function getTimeOffPolicyTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = await hiBobRequest<{ policyTypes?: unknown }>(this, {
		method: 'GET',
		path: '/v1/timeoff/policy-types',
	});
	const names = Array.isArray(body?.policyTypes) ? body.policyTypes : [];
	return names
		.filter((name): name is string => typeof name === 'string')
		.map((name) => ({ name, value: name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The reason codes of the policy type chosen in the same node (none chosen yet: an empty list). */
export async function getTimeOffReasonCodes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	// The editor sends the parameters being edited; without them, the saved ones.
	const policyType =
		this.getCurrentNodeParameter('policyType') ?? this.getNodeParameter('policyType', '');
	if (typeof policyType !== 'string' || policyType === '' || policyType.startsWith('=')) return [];
	const body = await hiBobRequest<{ reasonCodes?: unknown }>(this, {
		method: 'GET',
		path: `/v1/timeoff/policy-types/${pathSegment(policyType, 'Policy Type')}/reason-codes`,
	});
	const codes = Array.isArray(body?.reasonCodes) ? body.reasonCodes : [];
	return codes
		.filter(
			(code): code is { id: number | string; displayName: string } =>
				code !== null && typeof code === 'object' && 'id' in code,
		)
		.map((code) => ({ name: String(code.displayName ?? code.id), value: String(code.id) }));
}
