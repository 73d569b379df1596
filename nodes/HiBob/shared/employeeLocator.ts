/**
 * The Employee resource locator, shared by every operation that picks one employee: From List (a
 * searchable list of everyone the service user sees, by name or email) and By ID; Employee → Get also
 * takes By Email (it resolves emails with its batched people search).
 */
import type { INodeProperties } from 'n8n-workflow';

import { EMPLOYEE_ID_EXAMPLE } from '../core/employeeIds';

export function employeeLocator(options: {
	description: string;
	byEmail?: boolean;
}): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Employee',
		name: 'employee',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an employee…',
				typeOptions: { searchListMethod: 'searchEmployees', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${EMPLOYEE_ID_EXAMPLE}`,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[0-9]{19}\\s*$',
							errorMessage: 'A HiBob employee ID has 19 digits',
						},
					},
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. amy.miles@acme.com',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
							errorMessage: 'Not a valid email address',
						},
					},
				],
			},
		],
	};
	if (!options.byEmail) property.modes = property.modes?.filter((mode) => mode.name !== 'email');
	return property;
}

/**
 * A locator parameter as `{ mode, value }`: the object n8n stores, or, for a plain value (an expression
 * that yields the ID, or a workflow saved before the parameter was a locator), no mode and that value.
 */
export function readLocator(raw: unknown): { mode: string | undefined; value: unknown } {
	if (raw !== null && typeof raw === 'object' && 'value' in raw) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' ? mode : undefined, value };
	}
	return { mode: undefined, value: raw };
}
