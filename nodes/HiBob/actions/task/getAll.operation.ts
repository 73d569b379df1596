/**
 * Task → Get Many: the company's open tasks (`GET /v1/tasks`) or one employee's tasks by status
 * (`GET /v1/tasks/people/{id}`), filtered here by title, list (workflow) and due date, since HiBob
 * filters by nothing else. HiBob does not page these answers.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseTasks, readTaskFilters, type TaskRelation, taskMatches } from '../../core/tasks';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { RESOURCE, TASKS_PERMISSION } from './shared';
import { returnAllProperties } from '../../shared/returnAll';

const show = { resource: [RESOURCE], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Tasks Of',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'The Whole Company (Open Tasks)',
				value: 'company',
				description: 'Every open task in Bob the service user may see',
			},
			{
				name: 'One Employee',
				value: 'employee',
				description: 'The tasks one employee must do or that are about them, open, closed or all',
			},
		],
		default: 'company',
	},
	...updateDisplayOptions({ show: { scope: ['employee'] } }, [
		employeeLocator({
			description:
				'The employee whose tasks to get: pick from the list, or give their HiBob ID (19 digits, as text)',
		}),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Open', value: 'open' },
				{ name: 'Closed', value: 'closed' },
				{ name: 'All', value: 'all' },
			],
			default: 'open',
			description: "Which of the employee's tasks: still to do, completed, or both",
		},
		{
			displayName: 'Their Role',
			name: 'relation',
			type: 'options',
			options: [
				{ name: 'Any', value: 'any', description: 'Tasks they must do and tasks about them' },
				{ name: 'Assigned to Them', value: 'owner', description: 'Tasks they must do (they own)' },
				{
					name: 'About Them',
					value: 'requestedFor',
					description: 'Tasks requested for them, e.g. the IT tasks of a new hire',
				},
			],
			default: 'any',
			description: 'Whether to keep the tasks they own, the tasks requested for them, or both',
		},
	]),
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Applied by n8n after reading the tasks from HiBob; all given filters must match',
		options: [
			{
				displayName: 'Due On or After',
				name: 'dueFrom',
				type: 'dateTime',
				default: '',
				description: "Tasks due on this calendar date or later (in the workflow's time zone)",
			},
			{
				displayName: 'Due On or Before',
				name: 'dueTo',
				type: 'dateTime',
				default: '',
				description: "Tasks due on this calendar date or earlier (in the workflow's time zone)",
			},
			{
				displayName: 'List Contains',
				name: 'workflowContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Onboarding',
				description: 'Tasks whose task list (workflow) contains this text, ignoring case',
			},
			{
				displayName: 'Title Contains',
				name: 'titleContains',
				type: 'string',
				default: '',
				placeholder: 'e.g. Google account',
				description: 'Tasks whose title contains this text, ignoring case',
			},
		],
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const scope = this.getNodeParameter('scope', itemIndex, 'company') as string;
		const filters = readTaskFilters(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		let path = '/v1/tasks';
		let qs: IDataObject | undefined;
		let person: { employeeId: string; relation: TaskRelation } | undefined;
		if (scope === 'employee') {
			const employeeId = readEmployeeParameter(this, itemIndex);
			const status = this.getNodeParameter('status', itemIndex, 'open') as string;
			const relation = this.getNodeParameter('relation', itemIndex, 'any') as TaskRelation;
			path = `/v1/tasks/people/${employeeId}`;
			// Without task_status HiBob lists open and closed tasks.
			qs = status === 'all' ? undefined : { task_status: status };
			person = { employeeId, relation };
		}
		const body = await explainStatus(
			this,
			itemIndex,
			{
				403: { message: 'HiBob refused to show these tasks (403)', description: TASKS_PERMISSION },
				404: unknownEmployee(person?.employeeId ?? ''),
			},
			async () =>
				await hiBobRequest(this, { method: 'GET', path, ...(qs ? { qs } : {}), itemIndex }),
		);
		const tasks = parseTasks(body);
		if (!tasks) {
			throw new NodeOperationError(
				this.getNode(),
				`HiBob's answer to GET ${path} has no "tasks" list`,
				{
					itemIndex,
					description: 'Nothing was output for this item. Try again; if it persists, report it.',
				},
			);
		}
		return tasks
			.filter((task) => taskMatches(task, filters, person))
			.slice(0, limit) as IDataObject[];
	});
}

export const getAll: HiBobOperation = { description, execute };
