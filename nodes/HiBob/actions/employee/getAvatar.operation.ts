/**
 * Employee → Get Avatar: `GET /v1/avatars/{id}`, which HiBob answers with the URL of the employee's
 * avatar image as text. The URL is signed and expires, so it is for use now, not for storing.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import type { HiBobOperation } from '../types';
import { readAvatarUrl } from './avatarSupport';
import { targetEmployeeId } from './writeSupport';

const show = { resource: ['employee'], operation: ['getAvatar'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({
		description:
			'The employee whose avatar to get: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = await targetEmployeeId(this, itemIndex);
		const avatarUrl = await readAvatarUrl(this, employeeId, itemIndex);
		return { employeeId, avatarUrl, hasAvatar: avatarUrl !== null };
	});
}

export const getAvatar: HiBobOperation = { description, execute };
