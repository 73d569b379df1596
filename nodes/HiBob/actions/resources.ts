/** The resources of the HiBob node, each with its operation selector and operations. */
import type { INodeProperties } from 'n8n-workflow';

import * as company from './company';
import * as customTable from './customTable';
import * as document from './document';
import * as employee from './employee';
import * as employeeHistory from './history';
import * as report from './report';
import * as task from './task';
import * as timeOff from './timeOff';
import type { ResourceOperations } from './types';

export interface Resource {
	name: string;
	value: string;
	description: string;
	operationProperty: INodeProperties;
	operations: ResourceOperations;
}

export const RESOURCES: Resource[] = [
	{
		name: 'Employee',
		value: 'employee',
		description:
			'People in HiBob: get or list with filters, create, update, terminate, invite, set start dates and avatars, revoke access',
		...employee,
	},
	{
		name: 'Employee History',
		value: 'employeeHistory',
		description:
			'Dated history rows (lifecycle, work, employment, salary, equity, variable pay, training): get for one or many employees, create or delete a row',
		...employeeHistory,
	},
	{
		name: 'Time Off',
		value: 'timeOff',
		description: 'Who is out, time-off requests (create, get, cancel, changes) and balances',
		...timeOff,
	},
	{
		name: 'Task',
		value: 'task',
		description: "Tasks in Bob's task lists (onboarding, offboarding…): get them and complete them",
		...task,
	},
	{
		name: 'Document',
		value: 'document',
		description: "People's documents: get them with download links, download a file, upload to a folder, delete",
		...document,
	},
	{
		name: 'Custom Table',
		value: 'customTable',
		description:
			"Employees' custom tables (equipment, licences, certifications, visas…): get the tables' columns, get, create, update and delete rows",
		...customTable,
	},
	{
		name: 'Company',
		value: 'company',
		description:
			"Get field metadata and named lists (departments, sites, titles, …); add, update and delete list items; create, update and delete custom fields; check the service user's access",
		...company,
	},
	{
		name: 'Report',
		value: 'report',
		description: "Bob's saved reports: get the list, download one as rows or as a CSV/XLSX file",
		...report,
	},
];

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: RESOURCES.map(({ name, value, description }) => ({ name, value, description })),
	default: 'employee',
};

/** Every parameter of the node, in order: resource, then per resource its operation and their fields. */
export function nodeProperties(): INodeProperties[] {
	return [
		resourceProperty,
		...RESOURCES.flatMap((resource) => [
			resource.operationProperty,
			...Object.values(resource.operations).flatMap((operation) => operation.description),
		]),
	];
}
