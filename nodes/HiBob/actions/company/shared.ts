import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

export function includeArchivedProperty(show: IDisplayOptions['show']): INodeProperties {
	return {
		displayName: 'Include Archived',
		name: 'includeArchived',
		type: 'boolean',
		default: false,
		description: 'Whether to include archived items (old values may still point at them)',
		displayOptions: { show },
	};
}
