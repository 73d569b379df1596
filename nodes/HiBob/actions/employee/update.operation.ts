/**
 * Employee → Update: any fields from HiBob's metadata (custom fields included) through n8n's resource
 * mapper. Plain fields go in one `PUT /v1/people/{id}` (nested body; idempotent, so the transport may
 * repeat it); title, department, site and manager, which HiBob stores only as dated Work rows (a plain
 * update answers 304 and stores nothing), go in one `POST /v1/people/{id}/work` entry from the
 * Effective Date that carries over the other columns of the row in effect then (not repeated on an
 * unknown outcome: it would add a second entry).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { optionalDate } from '../../core/writes';
import type { WorkRow } from '../../core/update';
import {
	nestedBody,
	planUpdate,
	rowInEffect,
	WORK_FIELD_OF,
	workEntryBody,
} from '../../core/update';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator } from '../../shared/employeeLocator';
import { addHints, mapItems } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest, hiBobWrite } from '../../transport';
import type { HiBobOperation } from '../types';
import {
	fieldMapper,
	listsByName,
	mappedValues,
	resolvePlannedEmails,
	targetEmployeeId,
	todayInWorkflowZone,
	writeOutput,
} from './writeSupport';

const show = { resource: ['employee'], operation: ['update'] };

const NOT_MODIFIED = 'HiBob answered 304 (not modified): it stored nothing';

/**
 * After a 304: the fields the read-back shows with the value sent already had it; the others were not
 * stored (a field HiBob does not accept through this endpoint), which the output says plainly.
 */
function explainNotModified(
	out: IDataObject,
	unchanged: string[],
	how: IDataObject,
	hints: string[],
): void {
	const pending = new Set((out.notShownYet as string[] | undefined) ?? []);
	const notStored = unchanged.filter((fieldId) => pending.has(fieldId));
	for (const fieldId of unchanged)
		how[fieldId] = pending.has(fieldId)
			? `${NOT_MODIFIED}, and the employee shows another value: not stored`
			: `${NOT_MODIFIED}; the employee already had this value`;
	if (notStored.length === 0) {
		hints.push(
			'HiBob answered 304 (not modified) for some items; the read-back shows the employees already had those values. See "unchanged" in the output.',
		);
		return;
	}
	out.success = false;
	out.notStored = notStored;
	const rest = [...pending].filter((fieldId) => !notStored.includes(fieldId));
	if (rest.length > 0) out.notShownYet = rest;
	else {
		delete out.notShownYet;
		delete out.note;
	}
	out.notStoredNote =
		'HiBob answered 304 and stored nothing for these fields: the employee still shows other values. HiBob answers 304 for fields it does not accept through the profile update; change them in Bob, or with the operation their field help names.';
	hints.push(
		'HiBob did not store some fields (it answered 304 and the read-back shows other values). See "notStored" in the output.',
	);
}

export const description = updateDisplayOptions({ show }, [
	employeeLocator({
		description: 'The employee to update: pick from the list, or give their HiBob ID or work email',
		byEmail: true,
	}),
	{
		displayName: 'Fields to Update',
		name: 'updateFields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			'The fields to change, from HiBob\'s field metadata. List fields take the label as Bob shows it ("Engineering") or the item ID; Manager and other employee fields take an employee ID or work email.',
		typeOptions: {
			loadOptionsDependsOn: ['employee.value'],
			resourceMapper: fieldMapper('getEmployeeUpdateFields', 'Fields to Update'),
		},
	},
	{
		displayName: 'Effective Date',
		name: 'effectiveDate',
		type: 'dateTime',
		default: '',
		description:
			"When Job Title, Department, Site or Manager change: the date the change takes effect (a new Work history entry). Empty: today in the workflow's time zone. Other fields change at once.",
	},
	{
		displayName: 'Work Change Reason',
		name: 'workReason',
		type: 'string',
		default: '',
		description: 'Optional reason stored on the Work history entry',
	},
]);

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const hints: string[] = [];
	const output = await mapItems(this, items, async (itemIndex) => {
		const mapped = mappedValues(this, 'updateFields', items, itemIndex);
		const effectiveDate =
			optionalDate(this.getNodeParameter('effectiveDate', itemIndex, ''), 'Effective Date') ??
			todayInWorkflowZone(this);
		const reason = String(this.getNodeParameter('workReason', itemIndex, '') ?? '').trim();
		const index = await loadFieldIndex(this, itemIndex);
		const lists = await listsByName(this, itemIndex);
		// Every value checked (types, labels) before the first write.
		const plan = planUpdate(mapped, index, lists);
		const employeeId = await targetEmployeeId(this, itemIndex);
		const manager = await resolvePlannedEmails(this, plan, itemIndex);

		const how: IDataObject = {};
		const written: IDataObject = {};
		const expected: Record<string, unknown> = {};
		const unchanged: string[] = [];
		if (Object.keys(plan.fields).length > 0) {
			const result = await hiBobWrite(this, {
				method: 'PUT',
				path: `/v1/people/${employeeId}`,
				body: nestedBody(plan.fields, index) as IDataObject,
				write: { idempotent: true, checkInBob: "the employee's profile" },
				itemIndex,
			});
			written.fields = plan.fields as IDataObject;
			// The read-back decides what was stored, on 304 too: HiBob answers 304 both for values the
			// employee already had and for fields it does not accept through this endpoint.
			for (const fieldId of Object.keys(plan.fields)) {
				how[fieldId] = result.unchanged ? NOT_MODIFIED : 'field update';
				if (result.unchanged) unchanged.push(fieldId);
				expected[fieldId] = plan.fields[fieldId];
			}
		}
		if (Object.keys(plan.work).length > 0) {
			const rows = (await hiBobRequest<{ values?: WorkRow[] }>(this, {
				method: 'GET',
				path: `/v1/people/${employeeId}/work`,
				itemIndex,
			})) ?? { values: [] };
			const work = { ...plan.work, reportsTo: manager } as Parameters<typeof workEntryBody>[0];
			if (plan.work.reportsTo === undefined) delete work.reportsTo;
			const body = workEntryBody(
				work,
				effectiveDate,
				rowInEffect(rows.values ?? [], effectiveDate),
				reason,
			);
			await hiBobWrite(this, {
				method: 'POST',
				path: `/v1/people/${employeeId}/work`,
				body: body as IDataObject,
				write: {
					idempotent: false,
					checkInBob: `the employee's Work history for an entry effective ${effectiveDate}`,
				},
				itemIndex,
			});
			written.workEntry = body as IDataObject;
			const today = todayInWorkflowZone(this);
			for (const column of Object.keys(plan.work) as Array<keyof typeof WORK_FIELD_OF>) {
				const fieldId = WORK_FIELD_OF[column];
				how[fieldId] = `Work history entry effective ${effectiveDate}`;
				if (effectiveDate <= today)
					expected[fieldId] = column === 'reportsTo' ? manager : plan.work[column];
			}
		}
		const out: IDataObject = await writeOutput(this, itemIndex, {
			employeeId,
			operation: 'update',
			written,
			expected,
			fieldIndex: index,
			extra: {
				how,
				...(unchanged.length > 0 ? { unchanged } : {}),
				...(written.workEntry && effectiveDate > todayInWorkflowZone(this)
					? {
							scheduled: `The Work changes take effect on ${effectiveDate}; until then HiBob shows the current values.`,
						}
					: {}),
			},
		});
		if (unchanged.length > 0) explainNotModified(out, unchanged, how, hints);
		return out;
	});
	addHints(this, hints);
	return output;
}

export const update: HiBobOperation = { description, execute };
