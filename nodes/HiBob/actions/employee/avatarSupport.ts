/** What Set Avatar and Get Avatar share: reading an employee's avatar URL (`GET /v1/avatars/{id}`). */
import type { IExecuteFunctions } from 'n8n-workflow';

import { avatarUrlOf } from '../../core/avatars';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobRequest } from '../../transport';

export const AVATAR_READ_PERMISSION =
	'The service user needs "People\'s data > About > View selected employees\' About sections" for this employee (Bob → Settings → Permission groups).';

/** The avatar's URL as HiBob answers it (text), or null when HiBob answers nothing. */
export async function readAvatarUrl(
	context: IExecuteFunctions,
	employeeId: string,
	itemIndex: number,
): Promise<string | null> {
	return await explainStatus(
		context,
		itemIndex,
		{
			403: { message: `HiBob refused the avatar of employee ${employeeId} (403)`, description: AVATAR_READ_PERMISSION },
			404: unknownEmployee(employeeId),
		},
		async () =>
			await hiBobRequest<string | null>(context, {
				method: 'GET',
				path: `/v1/avatars/${employeeId}`,
				itemIndex,
				raw: avatarUrlOf,
			}),
	); // prettier-ignore
}
