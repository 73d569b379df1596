/**
 * The dynamic methods of both nodes, in one place: each node registers all of them, so a parameter
 * shared between the nodes (such as Filters) always finds its method. One export per kind of method
 * n8n looks up (`loadOptions`, `listSearch`; add `resourceMapping` the same way); every exported
 * function of a kind's module is registered under its name.
 */
import {
	getCustomTableCreateColumns,
	getCustomTables,
	getCustomTableUpdateColumns,
} from './customTableOptions';
import * as fieldWriteOptions from './fieldWriteOptions';
import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';
import * as resourceMapping from './updateFields';
import * as writeOptions from './writeOptions';

export const methods = {
	loadOptions: { ...loadOptions, ...writeOptions, ...fieldWriteOptions, getCustomTables },
	listSearch: { ...listSearch },
	resourceMapping: { ...resourceMapping, getCustomTableCreateColumns, getCustomTableUpdateColumns },
};
