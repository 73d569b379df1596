/** Option lists for the write operations: termination reasons and types, onboarding wizards. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { flattenItems, loadNamedLists } from '../shared/metadata';
import { hiBobRequest } from '../transport';

async function listOptions(
	context: ILoadOptionsFunctions,
	listName: string,
): Promise<INodePropertyOptions[]> {
	const list = (await loadNamedLists(context)).find((candidate) => candidate.name === listName);
	return [
		{ name: '(None)', value: '' },
		...flattenItems(list?.items ?? [])
			.filter((item) => !item.archived)
			.map((item) => ({ name: item.name, value: item.id }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

/**
 * Sites for Employee → Create, where a site is required: the site list's live items and nothing else
 * (Who Is Out Today's list starts with "All Sites", which is no site for a new employee).
 */
export async function getCreateSites(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listOptions(this, 'site')).filter((option) => option.value !== '');
}

/** Items of HiBob's `terminationreason` list (its name really is lower-case). */
export async function getTerminationReasons(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await listOptions(this, 'terminationreason');
}

/** Items of HiBob's `lifecycleReasonType` list (e.g. Voluntary, Involuntary). */
export async function getTerminationReasonTypes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await listOptions(this, 'lifecycleReasonType');
}

/** `GET /v1/onboarding/wizards` → `{wizards: [{id, name}]}`. */
export async function getOnboardingWizards(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const body = (await hiBobRequest(this, { method: 'GET', path: '/v1/onboarding/wizards' })) as {
		wizards?: Array<{ id?: unknown; name?: unknown }>;
	} | null;
	return (body?.wizards ?? [])
		.filter((wizard) => wizard.id !== undefined && wizard.id !== null)
		.map((wizard) => ({ name: String(wizard.name ?? wizard.id), value: String(wizard.id) }));
}
