/** What the time-off operations share: the resource name, two options, reading `{outs}`/`{changes}`. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { stringifyIds } from '../../core/employeeIds';
import { unexpectedAnswer } from '../../transport';

export const RESOURCE = 'timeOff';

/** Options that Who's Out and Out Today both send to HiBob. */
export const INCLUDE_HOURLY_OPTION: INodeProperties = {
	displayName: 'Include Hourly',
	name: 'includeHourly',
	type: 'boolean',
	default: false,
	description: 'Whether to include time off requested in hours, not only whole or half days',
};

export const INCLUDE_PRIVATE_OPTION: INodeProperties = {
	displayName: 'Include Private',
	name: 'includePrivate',
	type: 'boolean',
	default: false,
	description:
		'Whether to include requests of private policy types (the service user needs permission to see them)',
};

/** The list under `key` of a time-off answer, IDs as strings; an error when the answer has none. */
export function listOf(
	context: IExecuteFunctions,
	body: unknown,
	key: 'outs' | 'changes',
	path: string,
	itemIndex: number,
): IDataObject[] {
	const list =
		body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
	if (!Array.isArray(list)) {
		throw unexpectedAnswer(context, `GET ${path}`, `has no "${key}" list`, { itemIndex });
	}
	return list
		.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object')
		.map((entry) => stringifyIds(entry));
}
