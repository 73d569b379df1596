/**
 * Employee → Set Avatar: `PUT /v1/avatars/{id}` with `{url}` (200, no body): HiBob downloads the image
 * from that URL and keeps its own copy. Setting the same image again has the same effect, so the
 * transport may repeat it after a dropped connection. The avatar is then read back, so the output
 * shows the URL Bob now serves (its own, not the one sent).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readImageUrl } from '../../core/avatars';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { mapItems } from '../../shared/items';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import { readAvatarUrl } from './avatarSupport';
import { targetEmployeeId } from './writeSupport';

const show = { resource: ['employee'], operation: ['setAvatar'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({
		description:
			'The employee whose avatar to set: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://avatars.slack-edge.com/2026-01-01/123_abc_512.png',
		description:
			'A public http(s) address of the image (PNG or JPEG); HiBob downloads it and replaces the current avatar',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const imageUrl = readImageUrl(this.getNodeParameter('imageUrl', itemIndex, ''));
		const employeeId = await targetEmployeeId(this, itemIndex);
		const result = await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused the image for employee ${employeeId} (400)`, description: 'Check that the URL is public (no sign-in) and serves an image (PNG or JPEG).' },
				403: { message: `HiBob refused to change the avatar of employee ${employeeId} (403)`, description: "The service user needs edit rights on the About section of this employee in its permission group (Bob → Settings → Permission groups)." },
				404: unknownEmployee(employeeId),
			},
			async () =>
				await hiBobWrite(this, {
					method: 'PUT',
					path: `/v1/avatars/${employeeId}`,
					body: { url: imageUrl },
					write: { idempotent: true, checkInBob: "the employee's avatar" },
					itemIndex,
				}),
		); // prettier-ignore
		// What Bob holds now; a refused read-back does not undo the write, so it is reported, not thrown.
		let avatarUrl: string | null = null;
		let readBack: string | undefined;
		try {
			avatarUrl = await readAvatarUrl(this, employeeId, itemIndex);
		} catch (error) {
			readBack = `The avatar was set, but reading it back failed: ${(error as Error).message}`;
		}
		return {
			success: true,
			operation: 'setAvatar',
			employeeId,
			imageUrl,
			avatarUrl,
			...(result.unchanged ? { unchanged: true } : {}),
			...(readBack ? { readBack } : {}),
		};
	});
}

export const setAvatar: HiBobOperation = { description, execute };
