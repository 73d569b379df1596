/** Reads the Employee locator (or a plain ID from an expression) as a HiBob employee ID, or an InputError. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { EMPLOYEE_ID_EXAMPLE, parseEmployeeId } from '../core/employeeIds';
import { readLocator } from './employeeLocator';

export function readEmployeeParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'employee',
): string {
	const { value } = readLocator(context.getNodeParameter(name, itemIndex, ''));
	return parseEmployeeId(
		value,
		`Pick the employee from the list or give their HiBob ID (root.id, 19 digits as text), e.g. ${EMPLOYEE_ID_EXAMPLE}. Nothing was sent to HiBob.`,
	);
}
