/**
 * Report → Download: a saved report as JSON rows (one item per row, values as stored, with labels, or
 * labels only) or as a CSV/XLSX file (n8n binary). Direct (`GET /v1/company/reports/{id}/download`),
 * or asynchronous for large reports: `…/download-async` names the file in its `Location` header, and
 * `GET /v1/company/reports/download/{reportName}` answers 204 until it is ready; the node polls it
 * with waits of 1, 2, 4, then 5 seconds, up to the timeout the user sets. The file is asked for at the
 * credential's own base URL, never at the URL in `Location`.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';
import { NodeOperationError as OperationError } from 'n8n-workflow';

import { isRecord } from '../../core/json';
import type { ReportFormat } from '../../core/reports';
import {
	asyncReportName,
	MIME_TYPES,
	parseTimeout,
	pollDelayMs,
	reportFileName,
	reportRows,
} from '../../core/reports';
import { clockNow, clockSettings } from '../../shared/clock';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { asNodeError, errorItem } from '../../shared/items';
import { explainStatus } from '../../shared/statusErrors';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import { forbiddenReports, readReport, reportLocator, RESOURCE, unknownReport } from './shared';

const show = { resource: [RESOURCE], operation: ['download'] };

export const description = updateDisplayOptions({ show }, [
	reportLocator,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'JSON Rows', value: 'json', description: 'One output item per row of the report' },
			{ name: 'File', value: 'file', description: 'The report as a CSV or XLSX file (binary)' },
		],
		default: 'json',
	},
	{
		displayName: 'Values',
		name: 'humanReadable',
		type: 'options',
		displayOptions: { show: { output: ['json'] } },
		options: [
			{ name: 'As Stored (IDs)', value: 'none', description: 'List fields as item IDs, dates as YYYY-MM-DD' },
			{ name: 'As Stored, Plus Labels', value: 'APPEND', description: 'Also a humanReadable object with the labels Bob shows' },
			{ name: 'Labels', value: 'REPLACE', description: 'The values as Bob shows them (department names, formatted dates)' },
		],
		default: 'REPLACE',
	}, // prettier-ignore
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		displayOptions: { show: { output: ['file'] } },
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'XLSX (Excel)', value: 'xlsx' },
		],
		default: 'xlsx',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { output: ['file'] } },
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Generation',
		name: 'generation',
		type: 'options',
		options: [
			{ name: 'Direct', value: 'direct', description: 'HiBob answers with the report at once (small and medium reports)' },
			{ name: 'Asynchronous (Large Reports)', value: 'async', description: 'HiBob prepares the file; the node waits for it, up to the timeout' },
		],
		default: 'direct',
	}, // prettier-ignore
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600 },
		default: 300,
		displayOptions: { show: { generation: ['async'] } },
		description: 'How long HiBob may take to prepare the report before the node gives up',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. headcount.xlsx',
				description: "The output file's name. Empty: the report's name (picked from the list) or report-ID (e.g. report-3100001).",
				displayOptions: { show: { '/output': ['file'] } },
			},
			{
				displayName: 'Include Info',
				name: 'includeInfo',
				type: 'boolean',
				default: false,
				description: "Whether the file starts with the report's name and the date it was run (HiBob's own header lines)",
				displayOptions: { show: { '/output': ['file'] } },
			},
			{
				displayName: 'Locale',
				name: 'locale',
				type: 'string',
				default: '',
				placeholder: 'e.g. fr-FR',
				description: "Language of the column names. Empty: the service user's locale.",
			},
		],
	}, // prettier-ignore
]);

interface DownloadPlan {
	reportId: string;
	reportName: string | undefined;
	format: ReportFormat;
	qs: IDataObject;
	asFile: boolean;
	async: boolean;
	timeoutSeconds: number;
}

function readPlan(context: IExecuteFunctions, itemIndex: number): DownloadPlan {
	const { id, name } = readReport(context, itemIndex);
	const asFile = context.getNodeParameter('output', itemIndex, 'json') === 'file';
	const format = (asFile ? context.getNodeParameter('fileFormat', itemIndex, 'xlsx') : 'json') as ReportFormat; // prettier-ignore
	if (!['json', 'csv', 'xlsx'].includes(format))
		throw new OperationError(context.getNode(), `"${format}" is not a report file format`, { itemIndex, description: 'Choose CSV or XLSX. Nothing was sent to HiBob.' }); // prettier-ignore
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const async = context.getNodeParameter('generation', itemIndex, 'direct') === 'async';
	const timeoutSeconds = async ? parseTimeout(context.getNodeParameter('timeout', itemIndex, 300)) : 0; // prettier-ignore
	const qs: IDataObject = { format };
	if (asFile) qs.includeInfo = options.includeInfo === true;
	else {
		const human = context.getNodeParameter('humanReadable', itemIndex, 'REPLACE');
		if (human === 'APPEND' || human === 'REPLACE') qs.humanReadable = human;
	}
	const locale = typeof options.locale === 'string' ? options.locale.trim() : '';
	if (locale !== '') qs.locale = locale;
	return { reportId: id, reportName: name, format, qs, asFile, async, timeoutSeconds };
}

/** Asks HiBob to prepare the file and waits for it; resolves to the answer body of the file. */
async function downloadAsync(
	context: IExecuteFunctions,
	itemIndex: number,
	plan: DownloadPlan,
	raw: ((body: Buffer) => unknown) | undefined,
): Promise<unknown> {
	let location: unknown;
	await explainStatus(
		context,
		itemIndex,
		{ 403: forbiddenReports, 404: unknownReport(plan.reportId) },
		async () =>
			await hiBobRequest(context, {
				method: 'GET',
				path: `/v1/company/reports/${plan.reportId}/download-async`,
				qs: plan.qs,
				itemIndex,
				onAnswer: ({ headers }) => {
					location = Object.entries(headers).find(([key]) => key.toLowerCase() === 'location')?.[1];
				},
			}),
	);
	const name = asyncReportName(Array.isArray(location) ? location[0] : location);
	if (name === undefined)
		throw unexpectedAnswer(context, `GET /v1/company/reports/${plan.reportId}/download-async`, 'has no Location header naming the report file', { itemIndex }); // prettier-ignore
	const started = clockNow();
	const deadline = started + plan.timeoutSeconds * 1000;
	for (let polls = 1; ; polls++) {
		let status = 0;
		const body = await explainStatus(
			context,
			itemIndex,
			{ 403: forbiddenReports, 404: { message: `HiBob no longer has the prepared file of report ${plan.reportId}`, description: `The file "${name}" was not found. Run the node again to prepare it anew.` } },
			async () =>
				await hiBobRequest(context, {
					method: 'GET',
					path: `/v1/company/reports/download/${encodeURIComponent(name)}`,
					itemIndex,
					deadline,
					raw,
					onAnswer: (answer) => (status = answer.status),
				}),
		); // prettier-ignore
		if (status !== 204) return body;
		const wait = pollDelayMs(polls);
		if (clockNow() + wait > deadline) {
			const seconds = Math.round((clockNow() - started) / 1000);
			throw new OperationError(context.getNode(), `HiBob had not finished preparing report ${plan.reportId} after ${seconds} seconds`, {
				itemIndex,
				description: `It answered "not ready yet" (204) to all ${polls} checks. Raise "Timeout (Seconds)" (now ${plan.timeoutSeconds}) or run the node again later. Nothing was output for this item.`,
			}); // prettier-ignore
		}
		await clockSettings.clock.sleep(wait);
	}
}

async function downloadOne(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const plan = readPlan(context, itemIndex);
	const binaryPropertyName = plan.asFile
		? String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim()
		: '';
	if (plan.asFile && binaryPropertyName === '')
		throw new OperationError(context.getNode(), 'Put Output File in Field is empty', { itemIndex, description: 'Name the binary field for the file, e.g. data. Nothing was sent to HiBob.' }); // prettier-ignore
	// A file is kept as the bytes received: one copy, handed to n8n's binary data as it is.
	const raw = plan.asFile ? (bytes: Buffer) => bytes : undefined;
	const request = `GET /v1/company/reports/${plan.reportId}/download`;
	const body = plan.async
		? await downloadAsync(context, itemIndex, plan, raw)
		: await explainStatus(
				context,
				itemIndex,
				{ 403: forbiddenReports, 404: unknownReport(plan.reportId) },
				async () =>
					await hiBobRequest(context, {
						method: 'GET',
						path: `/v1/company/reports/${plan.reportId}/download`,
						qs: plan.qs,
						itemIndex,
						raw,
					}),
			);
	if (plan.asFile) {
		const format = plan.format as Exclude<ReportFormat, 'json'>;
		const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
		const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const fileName = reportFileName(format, String(options.fileName ?? ''), plan.reportName, plan.reportId); // prettier-ignore
		const binary = await context.helpers.prepareBinaryData(bytes, fileName, MIME_TYPES[format]);
		return [
			{
				json: { reportId: plan.reportId, fileName, mimeType: MIME_TYPES[format], fileSize: bytes.length },
				binary: { [binaryPropertyName]: binary },
				pairedItem: { item: itemIndex },
			},
		]; // prettier-ignore
	}
	// An empty answer is a report without rows.
	const rows = body === null ? [] : reportRows(body);
	if (!rows) throw unexpectedAnswer(context, request, 'has no list of rows', { itemIndex });
	// The parsed rows become the items as they are: no second copy of the answer.
	return rows.map((row) => ({
		json: (isRecord(row) ? row : { value: row }) as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let produced: INodeExecutionData[];
		try {
			produced = await downloadOne(this, itemIndex);
		} catch (error) {
			const failure: NodeApiError | NodeOperationError = asNodeError(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push(errorItem(failure, itemIndex));
			continue;
		}
		for (const item of produced) output.push(item);
	}
	return output;
}

export const download: HiBobOperation = { description, execute };
