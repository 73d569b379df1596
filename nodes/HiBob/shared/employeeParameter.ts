/** Reads the Employee locator (or a plain ID from an expression) as a HiBob employee ID, or an InputError. */
import type { IExecuteFunctions } from 'n8n-workflow';

import { EMPLOYEE_ID_EXAMPLE, EmployeeIdError, parseEmployeeId } from '../core/employeeIds';
import { InputError } from '../core/errors';
import { readLocator } from './employeeLocator';

export function readEmployeeParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'employee',
): string {
	const { value } = readLocator(context.getNodeParameter(name, itemIndex, ''));
	let id: string | undefined;
	let failure: unknown;
	try {
		id = parseEmployeeId(value);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof EmployeeIdError) {
		throw new InputError(
			failure.message,
			`Pick the employee from the list or give their HiBob ID (root.id, 19 digits as text), e.g. ${EMPLOYEE_ID_EXAMPLE}. Nothing was sent to HiBob.`,
		);
	}
	if (failure !== undefined) throw failure as Error;
	return id as string;
}
