/**
 * Employee → Get Many: everyone the service user can see, in one `POST /v1/people/search` (HiBob has
 * no pagination), narrowed by client-side filters (HiBob filters only by ID or
 * email) and a limit. Identical searches across input items are sent once.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_SET } from '../../core/fields';
import type { RawEmployee } from '../../core/people';
import { employeesOf, flatValues } from '../../core/people';
import { updateDisplayOptions } from '../../shared/displayOptions';
import {
	checkFilterParameter,
	compileFilterParameter,
	filterConditions,
	filtersProperty,
} from '../../shared/filters';
import { addHints, mapItems } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	checkFieldsExist,
	checkSearchFieldCount,
	fullEmployee,
	humanReadableBody,
	missingFieldsHint,
	nobodyVisibleHint,
	outputProperties,
	readOutputSettings,
	simplifiedEmployee,
} from './shared';
import { returnAllProperties } from '../../shared/returnAll';

const show = { resource: ['employee'], operation: ['getAll'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName: 'Include Inactive',
		name: 'includeInactive',
		type: 'boolean',
		default: false,
		description:
			'Whether to include people HiBob treats as inactive: hired people whose start date has not come yet and terminated people. HiBob leaves them out by default.',
	},
	...returnAllProperties,
	filtersProperty(
		'Conditions every returned employee must meet (all of them). n8n applies them after reading from HiBob, which itself can only filter by ID or email. Fields used here are read even when not returned.',
	),
	...outputProperties,
]);

const NOT_SENT = "Nothing was sent to HiBob's people search.";

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const searches = new Map<string, Promise<unknown>>();
	const hints = new Set<string>();
	const output = await mapItems(this, items, async (itemIndex) => {
		const includeInactive = this.getNodeParameter('includeInactive', itemIndex, false) as boolean;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll ? Infinity : (this.getNodeParameter('limit', itemIndex, 50) as number);
		const settings = readOutputSettings(this, itemIndex);
		const conditions = filterConditions(this.getNodeParameter('filters', itemIndex, {}));

		// What can be checked without HiBob is checked before any request.
		checkFilterParameter(this, conditions, itemIndex, NOT_SENT);
		checkSearchFieldCount(this, itemIndex, settings.outputFieldIds);

		const fieldIndex = await loadFieldIndex(this, itemIndex);
		checkFieldsExist(
			this,
			itemIndex,
			settings.chosen.filter((id) => id !== DEFAULT_SET),
			fieldIndex,
		);
		const compiled = await compileFilterParameter(
			this,
			conditions,
			fieldIndex,
			itemIndex,
			NOT_SENT,
		);

		const filtering = compiled.fieldIds.length > 0;
		const requestedFieldIds = [...new Set([...settings.outputFieldIds, ...compiled.fieldIds])];
		checkSearchFieldCount(this, itemIndex, requestedFieldIds);
		const body = {
			fields: requestedFieldIds,
			showInactive: includeInactive,
			// Filters compare machine values: with filters, Replace is asked as Append and applied here.
			...humanReadableBody(settings.humanReadable, filtering),
		};
		const key = JSON.stringify(body);
		let pending = searches.get(key);
		if (!pending) {
			pending = hiBobRequest(this, { method: 'POST', path: '/v1/people/search', body, itemIndex });
			searches.set(key, pending);
		}
		const employees = employeesOf(await pending);
		if (!employees) {
			throw unexpectedAnswer(this, 'POST /v1/people/search', 'has no "employees" list', {
				itemIndex,
			});
		}

		if (employees.length === 0) hints.add(nobodyVisibleHint(includeInactive));
		const missing = missingFieldsHint(employees, requestedFieldIds, fieldIndex);
		if (missing) hints.add(missing);

		const replaceLabels =
			settings.mode === 'full' && settings.humanReadable === 'replace' && filtering;
		const results: IDataObject[] = [];
		for (const employee of employees as RawEmployee[]) {
			if (results.length >= limit) break;
			if (filtering && !compiled.matches(flatValues(employee, compiled.fieldIds, fieldIndex)))
				continue;
			results.push(
				settings.mode === 'full'
					? fullEmployee(
							employee,
							{ outputFieldIds: settings.outputFieldIds, requestedFieldIds },
							fieldIndex,
							replaceLabels,
						)
					: simplifiedEmployee(employee, fieldIndex),
			);
		}
		return results;
	});
	addHints(this, hints);
	return output;
}

export const getAll: HiBobOperation = { description, execute };
