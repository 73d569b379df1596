import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../types';
import { addListItem } from './addListItem.operation';
import { checkAccess } from './checkAccess.operation';
import { createField } from './createField.operation';
import { deleteField } from './deleteField.operation';
import { deleteListItem } from './deleteListItem.operation';
import { getAllNamedLists } from './getAllNamedLists.operation';
import { getFields } from './getFields.operation';
import { getNamedList } from './getNamedList.operation';
import { getOrAddListItem } from './getOrAddListItem.operation';
import { updateField } from './updateField.operation';
import { updateListItem } from './updateListItem.operation';

export const operations: ResourceOperations = {
	checkAccess,
	getFields,
	getNamedList,
	getAllNamedLists,
	addListItem,
	getOrAddListItem,
	updateListItem,
	deleteListItem,
	createField,
	updateField,
	deleteField,
};

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['company'] } },
	options: [
		{
			name: 'Add List Item',
			value: 'addListItem',
			description:
				'Add an item (e.g. a department) to a named list, optionally under a parent; refused when the list already has it',
			action: 'Add a list item',
		},
		{
			name: 'Check Access',
			value: 'checkAccess',
			description:
				"Check what the service user may read in HiBob: one harmless read per capability, one item each (allowed or missing, and the permission to grant in HiBob's words). Reads only; never writes.",
			action: 'Check what the service user may read',
		},
		{
			name: 'Create Field',
			value: 'createField',
			description:
				'Create a custom employee field (e.g. "Okta ID") in a category. Not repeated if the outcome is unknown.',
			action: 'Create a custom field',
		},
		{
			name: 'Delete Field',
			value: 'deleteField',
			description:
				"Permanently delete a custom employee field and every employee's value in it. Built-in fields are refused.",
			action: 'Delete a custom field',
		},
		{
			name: 'Delete List Item',
			value: 'deleteListItem',
			description: 'Permanently delete an item (and the items under it) from a named list',
			action: 'Delete a list item',
		},
		{
			name: 'Get All Named Lists',
			value: 'getAllNamedLists',
			description: 'Get every named list (departments, sites, titles, …) with its items',
			action: 'Get all named lists',
		},
		{
			name: 'Get Fields',
			value: 'getFields',
			description: 'Get the metadata of every employee field: ID, name, category, type, list',
			action: 'Get employee fields',
		},
		{
			name: 'Get Named List',
			value: 'getNamedList',
			description: 'Get the items of one named list, e.g. department',
			action: 'Get a named list',
		},
		{
			name: 'Get or Add List Item',
			value: 'getOrAddListItem',
			description:
				"Return the item with this name (under this parent), adding it only when the list has none; e.g. a new hire's department",
			action: 'Get or add a list item',
		},
		{
			name: 'Update Field',
			value: 'updateField',
			description:
				'Rename a custom employee field or change its description. Built-in fields are refused.',
			action: 'Update a custom field',
		},
		{
			name: 'Update List Item',
			value: 'updateListItem',
			description: 'Rename a named-list item and/or move it (with its children) under another item',
			action: 'Update a list item',
		},
	],
	default: 'getFields',
};
