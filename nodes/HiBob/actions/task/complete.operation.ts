/**
 * Task → Complete: `POST /v1/tasks/{taskId}/complete`. HiBob answers `{toDosUpdated: n}`: 1 when it
 * ticked the task, 0 when it was already complete (not an error). Only general tasks can be completed
 * through HiBob's API. Completing twice has the same effect as once, so the transport may repeat it.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { completionResult, parseTaskId } from '../../core/tasks';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { RESOURCE, TASKS_PERMISSION } from './shared';

const show = { resource: [RESOURCE], operation: ['complete'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 48210003',
		description:
			"The ID of the task, from Task → Get Many or a todo webhook. Only general tasks can be completed through HiBob's API.",
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const taskId = parseTaskId(this.getNodeParameter('taskId', itemIndex, ''));
		const { body } = await explainStatus(
			this,
			itemIndex,
			{
				400: {
					message: `Task ${taskId} cannot be completed through HiBob's API: only general tasks can`,
					description:
						'E-signature, form and other kinds of task must be completed by the person in Bob. Use Task → Get Many to find the general tasks.',
				},
				403: {
					message: `HiBob refused to complete task ${taskId} (403)`,
					description: TASKS_PERMISSION,
				},
				404: {
					message: `HiBob has no task with ID ${taskId}`,
					description:
						'Check the ID (the "id" from Task → Get Many), and that the service user may see the person the task is for.',
				},
			},
			async () =>
				await hiBobWrite(this, {
					method: 'POST',
					path: `/v1/tasks/${taskId}/complete`,
					write: { idempotent: true, checkInBob: `task ${taskId} in Bob's task list` },
					itemIndex,
				}),
		);
		return completionResult(taskId, body) as IDataObject;
	});
}

export const complete: HiBobOperation = { description, execute };
