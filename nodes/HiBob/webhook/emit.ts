/**
 * The HiBob Webhook Trigger inside the execution: its `execute()` gets the events webhook() accepted,
 * drops deliveries already emitted, and enriches the rest with one HiBob read each.
 *
 * Why the memory is written here and not in webhook(): n8n 2.41 does not keep static data that a
 * webhook() changes when the request starts an execution (starting it re-wraps the same static data
 * object and clears its "changed" flag before the webhook's own save runs). An execution's static data
 * is saved when it ends. So webhook() reads the memory (a delivery re-sent after its run ended starts
 * nothing) and claims keys in process memory (a copy arriving during the run starts nothing); this step
 * records the emitted keys and drops any the memory already holds.
 *
 * n8n's processed-items store (what Remove Duplicates uses) is not used: when several executions of a
 * workflow start within milliseconds, as Bob's bursts make them, it dropped distinct events in n8n
 * 2.41 (measured in the e2e suite), which would lose events.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { RawEmployee } from '../core/people';
import { employeesOf, readField, readLabel, simplify } from '../core/people';
import type { WebhookEvent } from '../core/webhook';
import {
	eventTypeOf,
	signedDocumentOf,
	taskLookup,
	timeOffRequestPath,
	updatedFieldIds,
} from '../core/webhook';
import { deliveryAgeProblem, readMemory, remember } from '../core/webhookMemory';
import { pathSegment } from '../core/urlPath';
import { projectEmployee } from '../trigger/output';
import { clockNow } from '../shared/clock';
import { hiBobRequest } from '../transport';
import { DEFAULT_SET, readFieldList } from '../core/fields';
import { MEMORY_KEY } from './receive';

interface EmitSettings {
	enrich: boolean;
	outputFields: string[];
	humanReadableLabels: boolean;
	employeeOutput: 'nested' | 'simplified';
	deduplicate: boolean;
}

function readEmitSettings(context: IExecuteFunctions): EmitSettings {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const hasApiCredential = context.getNode().credentials?.hiBobApi !== undefined;
	return {
		enrich: hasApiCredential && context.getNodeParameter('enrich', 0, true) !== false,
		outputFields: readFieldList(context.getNodeParameter('outputFields', 0, [DEFAULT_SET])),
		humanReadableLabels: options.humanReadableLabels !== false,
		employeeOutput: options.employeeOutput === 'simplified' ? 'simplified' : 'nested',
		deduplicate: options.deduplicate !== false,
	};
}

/** The events not emitted before, recorded as emitted in the node's static data. */
type Emitted = INodeExecutionData & { pairedItem: { item: number } };

async function freshEvents(context: IExecuteFunctions, items: Emitted[]): Promise<Emitted[]> {
	const staticData = context.getWorkflowStaticData('node');
	const now = clockNow();
	// The same rule as webhook(): a key counts while it has not expired, then it is dropped.
	const memory = remember(readMemory(staticData[MEMORY_KEY]), [], now);
	const seen = new Set(memory.map(([key]) => key));
	const batch = new Set<string>();
	const fresh = items.filter((item) => {
		const key = String(item.json.deliveryKey ?? '');
		if (key === '' || seen.has(key) || batch.has(key)) return false;
		batch.add(key);
		return true;
	});
	staticData[MEMORY_KEY] = remember(
		memory,
		fresh.map((item) => String(item.json.deliveryKey)),
		now,
	);
	return fresh;
}

async function readEmployee(
	context: IExecuteFunctions,
	employeeId: string,
	fieldIds: string[],
	settings: EmitSettings,
	itemIndex: number,
): Promise<RawEmployee | undefined> {
	const body = await hiBobRequest(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: fieldIds,
			filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employeeId] }],
			showInactive: true,
			...(settings.humanReadableLabels ? { humanReadable: 'APPEND' } : {}),
		},
		itemIndex,
	});
	return employeesOf(body)?.find(
		(employee) => String(readField(employee, 'root.id')) === employeeId,
	);
}

async function enrichEmployee(
	context: IExecuteFunctions,
	event: WebhookEvent,
	settings: EmitSettings,
	itemIndex: number,
): Promise<IDataObject> {
	if (event.employeeId === null || event.event === 'employee.deleted') return {};
	const updated = event.event === 'employee.updated' ? updatedFieldIds(event.data) : [];
	const fieldIds = [...new Set(['root.id', ...settings.outputFields, ...updated])];
	const raw = await readEmployee(context, event.employeeId, fieldIds, settings, itemIndex);
	if (!raw) {
		return {
			employee: null,
			enrichmentError: `HiBob returned no employee ${event.employeeId} (deleted since, or outside the service user's access scope)`,
		};
	}
	const nested = projectEmployee(raw, fieldIds, settings.humanReadableLabels);
	const result: IDataObject = {
		employee: (settings.employeeOutput === 'simplified' ? simplify(nested) : nested) as IDataObject,
	};
	if (updated.length > 0) {
		result.updatedFields = updated.map((field) => {
			const value = readField(raw, field);
			const label = settings.humanReadableLabels ? readLabel(raw, field) : undefined;
			return {
				field,
				value: value === undefined ? null : value,
				...(label === undefined || label === value ? {} : { label }),
			} as IDataObject;
		});
	}
	return result;
}

async function enrichTask(
	context: IExecuteFunctions,
	event: WebhookEvent,
	itemIndex: number,
): Promise<IDataObject> {
	const { taskIds, assigneeId } = taskLookup(event.event, event.data);
	if (taskIds.length === 0) return {};
	// A status change names the assignee, whose task list holds the task (titles in the event may be
	// cut short); an assignment does not, so the open tasks are read.
	const path = assigneeId
		? `/v1/tasks/people/${pathSegment(assigneeId, "The delivery's assignee ID")}`
		: '/v1/tasks';
	const body = (await hiBobRequest(context, { method: 'GET', path, itemIndex })) as {
		tasks?: unknown;
	} | null;
	const tasks = Array.isArray(body?.tasks) ? (body.tasks as IDataObject[]) : [];
	const matches = tasks.filter((task) => taskIds.includes(String(task.id)));
	if (matches.length === 0)
		return { task: null, enrichmentError: `HiBob listed no task ${taskIds.join(', ')}` };
	return matches.length === 1 ? { task: matches[0] } : { task: matches[0], tasks: matches };
}

async function enrichRequest(
	context: IExecuteFunctions,
	event: WebhookEvent,
	itemIndex: number,
): Promise<IDataObject> {
	const path = timeOffRequestPath(event.data);
	if (!path) return {};
	const body = await hiBobRequest<IDataObject | null>(context, { method: 'GET', path, itemIndex });
	return { request: body };
}

/**
 * An eSign completion: the employee, and their documents as HiBob lists them, with the signed one
 * picked out by its ID in the download link. A refused document read keeps the employee.
 */
async function enrichSignedDocument(
	context: IExecuteFunctions,
	event: WebhookEvent,
	settings: EmitSettings,
	itemIndex: number,
): Promise<IDataObject> {
	const result = await enrichEmployee(context, event, settings, itemIndex);
	if (event.employeeId === null) return result;
	const { documentId, downloadUrl } = signedDocumentOf(event.data);
	try {
		const body = await hiBobRequest<{ documents?: unknown } | null>(context, {
			method: 'GET',
			path: `/v1/docs/people/${encodeURIComponent(event.employeeId)}`,
			itemIndex,
		});
		const documents = Array.isArray(body?.documents) ? (body.documents as IDataObject[]) : [];
		const signed = documents.find((document) => {
			const link = typeof document.downloadLink === 'string' ? document.downloadLink : '';
			return (
				(downloadUrl !== null && link === downloadUrl) ||
				(documentId !== null &&
					(String(document.id ?? document.docId ?? '') === documentId ||
						link.split(/[/?#]/).includes(documentId)))
			);
		});
		return { ...result, document: signed ?? null, documents };
	} catch (error) {
		return {
			...result,
			documentsError: error instanceof Error ? error.message : String(error),
		};
	}
}

async function enrich(
	context: IExecuteFunctions,
	event: WebhookEvent,
	settings: EmitSettings,
	itemIndex: number,
): Promise<IDataObject> {
	const family = eventTypeOf(event.event)?.family;
	try {
		if (family === 'task') return await enrichTask(context, event, itemIndex);
		if (family === 'timeOff') return await enrichRequest(context, event, itemIndex);
		if (family === 'document')
			return await enrichSignedDocument(context, event, settings, itemIndex);
		// Positions are read with Workforce planning's own endpoints and permission: the raw event only.
		if (family === 'workforcePlanning') return {};
		return await enrichEmployee(context, event, settings, itemIndex);
	} catch (error) {
		// The event is not lost when HiBob cannot be read: it goes on with the reason, unenriched.
		return { enrichmentError: error instanceof Error ? error.message : String(error) };
	}
}

export async function emitEvents(context: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const settings = readEmitSettings(context);
	let items = context
		.getInputData()
		.map((item, index) => ({ json: item.json, pairedItem: { item: index } }));
	if (context.getMode() !== 'manual') {
		// webhook()'s age rule again, so the two steps agree: a delivery dated outside the window is
		// never emitted, whatever started the run.
		const now = clockNow();
		items = items.filter(
			(item) =>
				deliveryAgeProblem(
					typeof item.json.triggeredAt === 'string' ? item.json.triggeredAt : null,
					now,
				) === undefined,
		);
		if (settings.deduplicate) items = await freshEvents(context, items);
	}
	if (!settings.enrich) return [items];
	const output: INodeExecutionData[] = [];
	for (const item of items) {
		const event = item.json as unknown as WebhookEvent;
		const extra = await enrich(context, event, settings, item.pairedItem.item);
		output.push({ ...item, json: { ...item.json, ...extra } });
	}
	return [output];
}
