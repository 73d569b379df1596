import type { INodeProperties } from 'n8n-workflow';

export const includeArchivedProperty: INodeProperties = {
	displayName: 'Include Archived',
	name: 'includeArchived',
	type: 'boolean',
	default: false,
	description: 'Whether to include archived items (old values may still point at them)',
};
