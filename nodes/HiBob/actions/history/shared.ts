/** Parameter readers shared by the history operations: each turns a bad value into an item error. */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	EMPLOYEE_ID_EXAMPLE,
	EmployeeIdError,
	parseEmployeeId,
	parseEmployeeIds,
} from '../../core/employeeIds';
import type { HistoryTable } from '../../core/history';
import { isHistoryTable } from '../../core/history';
import { readLocator } from '../../shared/employeeLocator';

/** The permission category behind each table, as Bob's permission screens name it. */
export const TABLE_CATEGORY: Record<HistoryTable, string> = {
	lifecycle: 'Lifecycle',
	work: 'Work',
	employment: 'Employment',
};

export function readTable(context: IExecuteFunctions, itemIndex: number): HistoryTable {
	const table = context.getNodeParameter('table', itemIndex, 'lifecycle');
	if (!isHistoryTable(table)) {
		throw new NodeOperationError(context.getNode(), `"${String(table)}" is not a history table`, {
			itemIndex,
			description: 'Table must be lifecycle, work or employment.',
		});
	}
	return table;
}

function idFailure(context: IExecuteFunctions, itemIndex: number, error: unknown) {
	return new NodeOperationError(context.getNode(), (error as Error).message, {
		itemIndex,
		description: `Give HiBob employee IDs (root.id), e.g. ${EMPLOYEE_ID_EXAMPLE}. Nothing was sent to HiBob for this item.`,
	});
}

/** The Employee locator of History → Get (a plain ID string is accepted too). */
export function readEmployeeId(context: IExecuteFunctions, itemIndex: number): string {
	const { value } = readLocator(context.getNodeParameter('employee', itemIndex, ''));
	let id: string | undefined;
	let failure: unknown;
	try {
		id = parseEmployeeId(value);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof EmployeeIdError) throw idFailure(context, itemIndex, failure);
	if (failure !== undefined || id === undefined) throw failure as Error;
	return id;
}

export function readEmployeeIds(context: IExecuteFunctions, itemIndex: number): string[] {
	const value = context.getNodeParameter('employeeIds', itemIndex, '');
	let ids: string[] | undefined;
	let failure: unknown;
	try {
		ids = parseEmployeeIds(value);
	} catch (error) {
		failure = error;
	}
	if (failure instanceof EmployeeIdError) throw idFailure(context, itemIndex, failure);
	if (failure !== undefined || ids === undefined) throw failure as Error;
	return ids;
}
