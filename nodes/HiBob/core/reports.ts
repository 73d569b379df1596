/**
 * HiBob's saved reports (`/v1/company/reports…`): reading the list, the report ID, the rows of a JSON
 * download, the file name of an asynchronous download (from its `Location` URL), the file's name and
 * MIME type, and the wait schedule of the asynchronous download. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { isRecord } from './json';

const NOT_SENT = 'Nothing was sent to HiBob.';

export type ReportFormat = 'json' | 'csv' | 'xlsx';

export interface ReportSummary {
	id: string;
	name: string;
	folderId: string | null;
	description: string | null;
	type: string | null;
	createdBy: string | null;
	creationDate: string | null;
	modificationDate: string | null;
	isScheduled: boolean;
	fields: string[];
}

const text = (value: unknown): string | null =>
	value === undefined || value === null ? null : String(value);

/** `GET /v1/company/reports` → `{views: [...]}`; undefined when the answer has no `views` list. */
export function parseReports(body: unknown): ReportSummary[] | undefined {
	if (!isRecord(body) || !Array.isArray(body.views)) return undefined;
	const reports: ReportSummary[] = [];
	for (const view of body.views) {
		if (!isRecord(view) || view.id === undefined || view.id === null) continue;
		const configuration = isRecord(view.configuration) ? view.configuration : {};
		reports.push({
			// Report IDs are numbers in HiBob's schema; n8n users see and type them as text.
			id: String(view.id),
			name: text(view.name) ?? String(view.id),
			folderId: text(view.folderId),
			description: text(view.description),
			type: text(view.type),
			createdBy: text(view.createdBy),
			creationDate: text(view.creationDate),
			modificationDate: text(view.modificationDate),
			isScheduled: view.isScheduled === true,
			fields: Array.isArray(configuration.fields) ? configuration.fields.map(String) : [],
		});
	}
	return reports;
}

/** A report ID as typed or picked: digits only (HiBob's are whole numbers). */
export function parseReportId(value: unknown): string {
	const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : ''; // prettier-ignore
	if (id === '')
		throw new InputError('Choose a report', `Pick a report from the list, or give its ID (a number from Report → Get Many or from the report's address in Bob). ${NOT_SENT}`); // prettier-ignore
	if (!/^\d{1,19}$/.test(id))
		throw new InputError(`"${id}" is not a report ID`, `A report ID is a number, e.g. 3100001 (Report → Get Many lists them). ${NOT_SENT}`); // prettier-ignore
	return id;
}

/**
 * The rows of a JSON report download: the answer itself when it is a list, else the one list it holds
 * (HiBob's reference does not name the key; `employees` is what we expect). The row objects are
 * returned as parsed, not copied. Undefined when there is no list.
 */
export function reportRows(body: unknown): unknown[] | undefined {
	if (Array.isArray(body)) return body;
	if (!isRecord(body)) return undefined;
	if (Array.isArray(body.employees)) return body.employees;
	const lists = Object.values(body).filter(Array.isArray);
	return lists.length === 1 ? lists[0] : undefined;
}

/**
 * The report name of an asynchronous download: what follows `/download/` in the `Location` HiBob
 * answers (a URL on HiBob's app host, which the node never calls: it asks its own base URL for the
 * file). Undefined when the location names none.
 */
export function asyncReportName(location: unknown): string | undefined {
	if (typeof location !== 'string') return undefined;
	const marker = '/reports/download/';
	const at = location.indexOf(marker);
	if (at < 0) return undefined;
	let name = location.slice(at + marker.length).split(/[?#]/)[0];
	try {
		name = decodeURIComponent(name);
	} catch {
		return undefined;
	}
	if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name)) return undefined;
	return name;
}

export const MIME_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
	csv: 'text/csv',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The binary file's name: the one asked for (extension added when missing), else the report's. */
export function reportFileName(
	format: Exclude<ReportFormat, 'json'>,
	requested: string,
	reportName: string | undefined,
	reportId: string,
): string {
	const chosen = requested.trim();
	const base =
		chosen !== ''
			? chosen
			: (reportName ?? `report-${reportId}`).replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim() ||
				`report-${reportId}`;
	return base.toLowerCase().endsWith(`.${format}`) ? base : `${base}.${format}`;
}

/** Seconds the user allows an asynchronous download to take; checked before anything is sent. */
export function parseTimeout(value: unknown): number {
	const seconds = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600)
		throw new InputError(`Timeout ${String(value)} is not between 1 and 3600 seconds`, `Set "Timeout (Seconds)" to how long HiBob may take to prepare the report, e.g. 300. ${NOT_SENT}`); // prettier-ignore
	return seconds;
}

/** The wait before the next poll of a report that is not ready: 1 s, 2 s, 4 s, then every 5 s. */
export function pollDelayMs(pollsSoFar: number): number {
	return Math.min(5000, 1000 * 2 ** Math.max(0, pollsSoFar - 1));
}
