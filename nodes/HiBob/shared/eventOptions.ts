/** Options both triggers offer for the employee in each event. */
import type { INodeProperties } from 'n8n-workflow';

/** How the `employee` object of each event is shaped */
export const employeeOutputProperty: INodeProperties = {
	displayName: 'Employee Output',
	name: 'employeeOutput',
	type: 'options',
	options: [
		{
			name: 'Nested',
			value: 'nested',
			description: "HiBob's nested shape (work.department, internal.lifecycleStatus…)",
		},
		{
			name: 'Simplified',
			value: 'simplified',
			description: 'A few flat fields, with labels when human-readable labels are on',
		},
	],
	default: 'nested',
	description: 'How the "employee" object of each event is shaped',
};

/**
 * Whether labels of list values come with each event (off unless a trigger says otherwise); `where` says
 * where they go in the output.
 */
export function humanReadableLabelsOption(where: string): INodeProperties {
	return {
		displayName: 'Add Human-Readable Labels',
		name: 'humanReadableLabels',
		type: 'boolean',
		default: false,
		description: `Whether to add labels for list values (department names instead of IDs, manager names…) ${where}`,
	};
}
