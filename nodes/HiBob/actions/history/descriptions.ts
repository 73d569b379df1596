import type { INodeProperties } from 'n8n-workflow';

export const RESOURCE = 'employeeHistory';

/** The table picker, one copy per operation (n8n shows a parameter by its displayOptions). */
export function tableProperty(operation: string): INodeProperties {
	return {
		displayName: 'Table',
		name: 'table',
		type: 'options',
		options: [
			{
				name: 'Employment',
				value: 'employment',
				description: 'Employment contract rows: type, contract, weekly hours, working pattern',
			},
			{
				name: 'Lifecycle',
				value: 'lifecycle',
				description:
					'Lifecycle status rows: Hired, Employed, Leave, Garden leave, Terminated, with active/inactive status and reasons',
			},
			{
				name: 'Work',
				value: 'work',
				description: 'Work rows: department, title, site, manager (reportsTo), change type',
			},
		],
		default: 'lifecycle',
		description:
			'Which history table to read. Each row has effectiveDate, endEffectiveDate and isCurrent. Without the "history" permission HiBob returns only the current row.',
		displayOptions: { show: { resource: [RESOURCE], operation: [operation] } },
	};
}
