/** Time Off → Get Balance: `GET /v1/timeoff/employees/{id}/balance?policyType=&date=`. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { stringifyIds } from '../../core/employeeIds';
import { InputError } from '../../core/errors';
import { balanceDate } from '../../core/timeOffRequests';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { readEmployeeParameter } from '../../shared/employeeParameter';
import { mapItems } from '../../shared/items';
import { explainStatus, unknownEmployee } from '../../shared/statusErrors';
import { clockNow } from '../../shared/clock';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import { policyTypeProperty } from './requestParameters';
import { RESOURCE } from './shared';

const show = { resource: [RESOURCE], operation: ['getBalance'] };

export const description = updateDisplayOptions({ show }, [
	employeeLocator({ description: 'The employee whose balance to get' }),
	policyTypeProperty('The policy type whose balance to get, e.g. Holiday'),
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		description:
			"The balance as of this calendar date (in the workflow's time zone). Empty: today.",
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const employeeId = readEmployeeParameter(this, itemIndex);
		const policyType = String(this.getNodeParameter('policyType', itemIndex, '')).trim();
		if (policyType === '')
			throw new InputError(
				'Policy Type is empty',
				'Pick a policy type (e.g. Holiday) from the list. Nothing was sent to HiBob.',
			);
		const date = balanceDate(
			this.getNodeParameter('date', itemIndex, ''),
			clockNow(),
			this.getTimezone(),
		);
		const body = await explainStatus(
			this,
			itemIndex,
			{
				400: { message: `HiBob refused the ${policyType} balance (400)`, description: 'Check that the policy type exists in Bob (Settings → Time off) and applies to this employee.' },
				403: { message: `HiBob refused the time-off balance of employee ${employeeId} (403)`, description: 'The service user needs the permission "See selected people\'s time off and sick leave balances" for this employee (Bob → Settings → Permission groups → Time off).' },
				404: unknownEmployee(employeeId),
			},
			async () => await hiBobRequest(this, { method: 'GET', path: `/v1/timeoff/employees/${employeeId}/balance`, qs: { policyType, date }, itemIndex }),
		); // prettier-ignore
		return stringifyIds({ employeeId, policyType, date, ...((body ?? {}) as IDataObject) });
	});
}

export const getBalance: HiBobOperation = { description, execute };
