/**
 * The secret the trigger's digests are keyed with when "Keep Previous Values" is off: the HiBob
 * credential's service user and token, which n8n stores encrypted and never puts in the workflow's
 * static data. The engine derives its key from it (core/lifecycle/digest.ts); a new token gives new
 * digests and a new, silent baseline.
 */
import type { IPollFunctions } from 'n8n-workflow';

import type { TriggerSettings } from './settings';

export async function withDigestKey(
	context: IPollFunctions,
	settings: TriggerSettings,
): Promise<TriggerSettings> {
	if (settings.engine.keepPreviousValues !== false) return settings;
	const credentials = await context.getCredentials('hiBobApi');
	const token = typeof credentials.token === 'string' ? credentials.token : '';
	const user = typeof credentials.serviceUserId === 'string' ? credentials.serviceUserId : '';
	return { ...settings, engine: { ...settings.engine, digestKey: `${user}\u0000${token}` } };
}
