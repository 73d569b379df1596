/** What the Report operations share: the report picker and the words for HiBob's refusals. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseReportId } from '../../core/reports';
import type { StatusExplanations } from '../../shared/statusErrors';

export const RESOURCE = 'report';

/** HiBob's words for the permissions reports need (its "Reports permissions" page). */
export const REPORTS_PERMISSION =
	'In Bob, the service user\'s permission group needs Features > Reports > "View reports according to people\'s data access rights" (and Features > Formulas in Grids > "View formulas in grids" for reports with formulas), plus access to the people and fields the report shows.';

export const reportLocator: INodeProperties = {
	displayName: 'Report',
	name: 'report',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The saved report to download',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a report…',
			typeOptions: { searchListMethod: 'searchReports', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3100001',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'A report ID is a number' },
				},
			],
		},
	],
};

/** The report ID and, when picked from the list, its name. Bad IDs throw InputError. */
export function readReport(
	context: IExecuteFunctions,
	itemIndex: number,
): { id: string; name: string | undefined } {
	const raw = context.getNodeParameter('report', itemIndex, '') as
		| string
		| { value?: unknown; cachedResultName?: unknown };
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	const cached = typeof raw === 'object' && raw !== null ? raw.cachedResultName : undefined;
	return {
		id: parseReportId(value),
		name: typeof cached === 'string' && cached.trim() !== '' ? cached : undefined,
	};
}

export const forbiddenReports: StatusExplanations['403'] = {
	message: 'HiBob refused the service user access to reports (403)',
	description: REPORTS_PERMISSION,
};

export const unknownReport = (id: string): StatusExplanations['404'] => ({
	message: `HiBob has no report with ID ${id}`,
	description:
		'Check the ID with Report → Get Many (it lists the reports this service user may see), or pick the report from the list.',
});
