/**
 * Company → Check Access: one harmless read per capability the package offers, and one item per
 * capability saying whether the service user has it and, when not, what to grant in HiBob's words.
 * HiBob mostly hides what a service user may not see (fields and people left out of a 200), so the
 * people and field checks compare what came back; endpoints with their own permission answer 403.
 * Writes are never probed: one item lists the write permissions that cannot be checked without writing.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AccessFinding } from '../../core/access';
import {
	categoryPermission,
	historyPermission,
	PERMISSION_GROUP,
	PERMISSIONS,
	UNCHECKED_WRITES,
	WHOSE_DATA_CONDITION,
} from '../../core/access';
import { chunk } from '../../core/lists';
import type { FieldIndex } from '../../core/fields';
import type { RawEmployee } from '../../core/people';
import { employeeId, employeesOf, fieldsMissingFromAll } from '../../core/people';
import { clockNow } from '../../shared/clock';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { mapItems } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';

const show = { resource: ['company'], operation: ['checkAccess'] };

export const description = updateDisplayOptions({ show }, [
	{
		displayName:
			'Reads only: one harmless read per capability (people, each field category, history tables, time off, tasks, documents, reports, named lists). Write permissions cannot be checked without writing; the last item lists them.',
		name: 'checkAccessNotice',
		type: 'notice',
		default: '',
	},
]);

/** HiBob's search takes at most 400 fields. */
const FIELDS_PER_SEARCH = 400;

type Outcome = { ok: true; body: unknown } | { ok: false; status?: number; message: string };

async function probe(
	context: IExecuteFunctions,
	itemIndex: number,
	request: Parameters<typeof hiBobRequest>[1],
): Promise<Outcome> {
	try {
		return { ok: true, body: await hiBobRequest(context, { ...request, itemIndex }) };
	} catch (error) {
		const status = error instanceof NodeApiError ? Number(error.httpCode) || undefined : undefined;
		return { ok: false, status, message: error instanceof Error ? error.message : String(error) };
	}
}

const refused = (outcome: Outcome) =>
	!outcome.ok && (outcome.status === 403 || outcome.status === 401);

/** A finding for an endpoint with its own permission: 200 allowed, 401/403 missing, else unknown. */
function endpointFinding(
	outcome: Outcome,
	base: Omit<AccessFinding, 'status' | 'detail'>,
	allowedDetail: (body: unknown) => string,
): AccessFinding {
	if (outcome.ok) {
		return {
			...base,
			permission: undefined,
			status: 'allowed',
			detail: allowedDetail(outcome.body),
		};
	}
	if (refused(outcome))
		return { ...base, status: 'missing', detail: `HiBob refused the read (${outcome.status}).` };
	return {
		...base,
		permission: undefined,
		status: 'unknown',
		detail: `The read failed for another reason, so the permission could not be judged: ${outcome.message}`,
	};
}

function countOf(body: unknown, key: string): number | undefined {
	const list = body && typeof body === 'object' ? (body as IDataObject)[key] : undefined;
	return Array.isArray(list) ? list.length : undefined;
}

async function checkPeople(
	context: IExecuteFunctions,
	itemIndex: number,
	fieldIndex: FieldIndex,
): Promise<{ findings: AccessFinding[]; employees: RawEmployee[] }> {
	const search = (fields: string[], showInactive: boolean) =>
		probe(context, itemIndex, {
			method: 'POST',
			path: '/v1/people/search',
			body: { fields, showInactive },
		});
	const check = 'POST /v1/people/search';
	const usedBy = [
		'Employee → Get, Get Many',
		'HiBob Trigger',
		'HiBob Webhook Trigger (enrichment)',
	];
	const active = await search(['root.id'], false);
	const fieldIds = fieldIndex.fields.map((field) => field.id);
	const batches = chunk(fieldIds.length > 0 ? fieldIds : ['root.id'], FIELDS_PER_SEARCH);
	const answers: Outcome[] = [];
	for (const fields of batches) answers.push(await search(fields, true));
	const failed = [active, ...answers].find((outcome) => !outcome.ok);
	if (failed && !failed.ok) {
		const finding: AccessFinding = refused(failed)
			? { capability: 'People search', status: 'missing', permission: PERMISSION_GROUP, detail: `HiBob refused the search (${failed.status}).`, usedBy, check }
			: { capability: 'People search', status: 'unknown', detail: `The search failed: ${failed.message}`, usedBy, check }; // prettier-ignore
		return { findings: [finding], employees: [] };
	}
	const activeCount = employeesOf((active as { body: unknown }).body)?.length ?? 0;
	// Every batch is a search of the same people, each for other fields.
	const everyBatch = answers.map((answer) => employeesOf((answer as { body: unknown }).body) ?? []);
	const employees = everyBatch[0] ?? [];
	const total = employees.length;
	const inactive = Math.max(0, total - activeCount);
	const findings: AccessFinding[] = [];
	if (total === 0) {
		findings.push({
			capability: 'People search',
			status: 'missing',
			permission: PERMISSION_GROUP,
			condition: WHOSE_DATA_CONDITION,
			detail:
				'HiBob answered, but the service user sees no employees: it is in no permission group, or the group\'s "Whose data can members access" matches nobody.',
			usedBy,
			check,
		});
	} else {
		findings.push({
			capability: 'People search',
			status: 'allowed',
			...(inactive === 0 ? { condition: WHOSE_DATA_CONDITION } : {}),
			detail:
				`${total} people visible: ${activeCount} active, ${inactive} inactive (hired not yet started, terminated, some leaves).` +
				(inactive === 0
					? ' No inactive people are visible: the permission group probably covers only employed people, so the HiBob Trigger cannot see hires before their start date nor terminations.'
					: ''),
			usedBy,
			check,
		});
	}
	// Field categories: a category whose fields came back for nobody is not granted.
	const categories = new Map<string, { name: string; fields: string[] }>();
	for (const field of fieldIndex.fields) {
		const entry = categories.get(field.categoryId) ?? { name: field.categoryDisplayName || field.categoryId, fields: [] };
		entry.fields.push(field.id);
		categories.set(field.categoryId, entry);
	} // prettier-ignore
	const missing = new Set<string>();
	batches.forEach((fields, index) => {
		for (const id of fieldsMissingFromAll(everyBatch[index] ?? [], fields, fieldIndex))
			missing.add(id);
	});
	for (const [categoryId, { name, fields }] of categories) {
		const base = {
			capability: `Field category: ${name}`,
			usedBy: ['Employee → Get, Get Many (these fields)', 'HiBob Trigger (watched fields)'],
			check: `${check} (fields of the ${categoryId} category)`,
		};
		if (total === 0) {
			findings.push({ ...base, status: 'unknown', detail: 'No employee is visible, so fields cannot be judged.' });
			continue;
		}
		const absent = fields.filter((id) => missing.has(id));
		if (absent.length === fields.length)
			findings.push({ ...base, status: 'missing', permission: categoryPermission(name), detail: `None of the ${fields.length} field${fields.length === 1 ? '' : 's'} came back for any of the ${total} visible people (HiBob leaves out fields the service user may not read; a category that is simply empty for everyone looks the same).` });
		else
			findings.push({ ...base, status: 'allowed', detail: `${fields.length - absent.length} of ${fields.length} fields came back${absent.length > 0 ? ` (for nobody: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''}; empty, or hidden field by field)` : ''}.` });
	} // prettier-ignore
	return { findings, employees };
}

const TABLES = [
	{ table: 'lifecycle', category: 'Lifecycle' },
	{ table: 'work', category: 'Work' },
	{ table: 'employment', category: 'Employment' },
] as const;

async function checkTables(
	context: IExecuteFunctions,
	itemIndex: number,
	sampleId: string | undefined,
): Promise<AccessFinding[]> {
	const findings: AccessFinding[] = [];
	for (const { table, category } of TABLES) {
		const base = {
			capability: `${category} history`,
			permission: `${historyPermission(category)} (all rows); ${categoryPermission(category)} gives only the current row`,
			usedBy: ['Employee History → Get', ...(table === 'lifecycle' ? ['HiBob Trigger (lifecycle history)'] : [])],
			check: `GET /v1/people/{id}/${table}`,
		};
		if (sampleId === undefined) {
			findings.push({ ...base, permission: undefined, status: 'unknown', detail: 'No employee is visible to read a table of.' });
		} else {
			const outcome = await probe(context, itemIndex, { method: 'GET', path: `/v1/people/${sampleId}/${table}` });
			findings.push(endpointFinding(outcome, base, (body) => {
				const rows = countOf(body, 'values') ?? 0;
				return `Read ${rows} row${rows === 1 ? '' : 's'} for employee ${sampleId}.${rows <= 1 ? ` If earlier rows are missing for people with history, grant ${historyPermission(category)}.` : ''}`;
			}));
		}
		const bulk = await probe(context, itemIndex, { method: 'GET', path: `/v1/bulk/people/${table}`, qs: { limit: 1 } });
		findings.push(endpointFinding(bulk, {
			capability: `${category} history (bulk)`,
			permission: historyPermission(category),
			usedBy: ['Employee History → Get Many (All in Scope)', ...(table === 'lifecycle' ? ['HiBob Trigger (lifecycle history)'] : [])],
			check: `GET /v1/bulk/people/${table}`,
		}, () => 'The bulk read answered.'));
	} // prettier-ignore
	return findings;
}

async function checkFeatures(
	context: IExecuteFunctions,
	itemIndex: number,
	sampleId: string | undefined,
): Promise<AccessFinding[]> {
	const findings: AccessFinding[] = [];
	const now = clockNow();
	const today = new Date(now).toISOString().slice(0, 10);
	const whosOut = await probe(context, itemIndex, { method: 'GET', path: '/v1/timeoff/whosout', qs: { from: today, to: today } });
	findings.push(endpointFinding(whosOut, {
		capability: "Time off: who's out",
		permission: PERMISSIONS.whosOut,
		usedBy: ['Time Off → Get Who Is Out, Get Who Is Out Today'],
		check: 'GET /v1/timeoff/whosout',
	}, (body) => `${countOf(body, 'outs') ?? 0} people out today.`));
	const since = new Date(now - 24 * 3600 * 1000).toISOString();
	const changes = await probe(context, itemIndex, { method: 'GET', path: '/v1/timeoff/requests/changes', qs: { since } });
	findings.push(endpointFinding(changes, {
		capability: 'Time off: request changes',
		permission: `${PERMISSIONS.whosOut}; for pending requests also ${PERMISSIONS.pendingRequests}`,
		usedBy: ['Time Off → Get Request Changes', 'HiBob Trigger (time-off events)'],
		check: 'GET /v1/timeoff/requests/changes',
	}, (body) => `${countOf(body, 'changes') ?? 0} changes in the last day.`));
	const tasks = await probe(context, itemIndex, { method: 'GET', path: '/v1/tasks' });
	findings.push(endpointFinding(tasks, {
		capability: 'Tasks',
		permission: PERMISSIONS.tasks,
		usedBy: ['Task → Get Many, Complete', 'HiBob Webhook Trigger (task enrichment)'],
		check: 'GET /v1/tasks',
	}, (body) => `${countOf(body, 'tasks') ?? 0} open tasks visible.`));
	const docsBase = {
		capability: 'Document folders',
		permission: PERMISSIONS.documentsView,
		usedBy: ['Document → Get Many', 'HiBob Webhook Trigger (eSign enrichment)'],
		check: 'GET /v1/docs/people/{id}',
	};
	if (sampleId === undefined) {
		findings.push({ ...docsBase, permission: undefined, status: 'unknown', detail: 'No employee is visible to list documents of.' });
	} else {
		const docs = await probe(context, itemIndex, { method: 'GET', path: `/v1/docs/people/${sampleId}` });
		findings.push(endpointFinding(docs, docsBase, (body) => `${countOf(body, 'documents') ?? 0} documents listed for employee ${sampleId}. HiBob lists only the documents of folders the service user may view, so a folder without the view permission does not show as an error.`));
	}
	const reports = await probe(context, itemIndex, { method: 'GET', path: '/v1/company/reports' });
	findings.push(endpointFinding(reports, {
		capability: 'Reports',
		permission: PERMISSIONS.reports,
		usedBy: ['Reports (where the package offers them)'],
		check: 'GET /v1/company/reports',
	}, (body) => `${countOf(body, 'views') ?? 0} reports visible.`));
	const lists = await probe(context, itemIndex, { method: 'GET', path: '/v1/company/named-lists' });
	findings.push(endpointFinding(lists, {
		capability: 'Named lists',
		permission: PERMISSION_GROUP,
		usedBy: ['Company → Get Named List, Get All Named Lists', 'labels of list fields'],
		check: 'GET /v1/company/named-lists',
	}, (body) => `${body && typeof body === 'object' ? Object.keys(body).length : 0} lists.`));
	return findings;
} // prettier-ignore

function writesFinding(): AccessFinding & { writePermissions: IDataObject[] } {
	return {
		capability: 'Writes',
		status: 'notChecked',
		detail:
			'Write permissions cannot be checked without writing, and Check Access never writes. Grant these for the write operations the workflows use; the first real write shows a missing one as a 403.',
		usedBy: UNCHECKED_WRITES.map((write) => write.operations),
		check: 'none',
		writePermissions: UNCHECKED_WRITES.map((write) => ({ ...write })),
	};
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await mapItems(this, items, async (itemIndex) => {
		const fieldIndex = await loadFieldIndex(this, itemIndex);
		const people = await checkPeople(this, itemIndex, fieldIndex);
		const sample = people.employees.map(employeeId).find((id) => /^\d+$/.test(id));
		const findings = [
			...people.findings,
			...(await checkTables(this, itemIndex, sample)),
			...(await checkFeatures(this, itemIndex, sample)),
			writesFinding(),
		];
		// One key order for every item: what, verdict, what to grant, why, who needs it, how it was read.
		return findings.map(
			({ capability, status, permission, condition, detail, usedBy, check, ...rest }) =>
				({
					capability,
					status,
					...(permission === undefined ? {} : { permission }),
					...(condition === undefined ? {} : { condition }),
					detail,
					usedBy,
					check,
					...rest,
				}) as IDataObject,
		);
	});
}

export const checkAccess: HiBobOperation = { description, execute };
