/**
 * Saved company reports (`/v1/company/reports…`): the list (`{views: […]}` with each report's folder),
 * the direct download (`/{id}/download?format=csv|xlsx|json`, JSON rows in the people API's nested
 * shape with `humanReadable` APPEND/REPLACE), and the asynchronous download: `/{id}/download-async`
 * answers 200 with the file's URL in `Location` (on HiBob's app host, as HiBob's own example shows),
 * then `GET /company/reports/download/{reportName}` answers 204 until the file is ready, then 200.
 * Rows are the employees in the service user's scope; columns the user may not read are left out.
 * Permission: the `reports` grant ("View reports"); a report with formulas also `reports.formulas`.
 */
import type { ServiceUser } from './access';
import { canReadField, inScope } from './access';
import { apiError, forbidden } from './answers';
import type { Company, Employee } from './company';
import type { FieldDef } from './fields';
import { humanLabel } from './render';
import type { Handler, RouteContext } from './routes';
import type { ApiResponse } from './simulator';
import { allowed, workOf } from './work';
import { xlsx } from './xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReportDefinition {
	id: number;
	name: string;
	folderId: string;
	description: string;
	fields: string[];
	/** Only employees whose lifecycle status is Employed. */
	employedOnly: boolean;
	hasFormulas: boolean;
}

const REPORTS: ReportDefinition[] = [
	{ id: 3100001, name: 'Headcount by department', folderId: 'people', description: 'Everyone employed, with department and site', fields: ['root.id', 'root.displayName', 'root.email', 'work.department', 'work.site', 'work.startDate'], employedOnly: true, hasFormulas: false },
	{ id: 3100002, name: 'All people', folderId: 'people', description: 'Everyone in scope, with title', fields: ['root.id', 'root.displayName', 'work.title', 'work.startDate'], employedOnly: false, hasFormulas: false },
	{ id: 3100003, name: 'Tenure (formula)', folderId: 'hr-ops', description: 'Start dates with a tenure formula column', fields: ['root.id', 'root.displayName', 'work.startDate'], employedOnly: true, hasFormulas: true },
]; // prettier-ignore

export type ReportFormat = 'csv' | 'xlsx' | 'json';

interface AsyncJob {
	reportId: number;
	format: ReportFormat;
	humanReadable: string | null;
	includeInfo: boolean;
	userId: string;
	/** 204 answers left before the file is ready. */
	pending: number;
}

interface ReportState {
	jobs: Map<string, AsyncJob>;
	/** How many polls of a new asynchronous download answer 204 before it is ready (control API). */
	pendingPolls: number;
	seq: number;
}

const states = new WeakMap<Company, ReportState>();

export function reportsOf(company: Company): ReportState {
	let state = states.get(company);
	if (!state) {
		state = { jobs: new Map(), pendingPolls: 2, seq: 0 };
		states.set(company, state);
	}
	return state;
}

const FORMAT_SUFFIX: Record<ReportFormat, string> = {
	csv: 'CsvFormat',
	xlsx: 'XlsxFormat',
	json: 'JsonFormat',
};

function reportJson(r: ReportDefinition, company: Company) {
	return {
		id: r.id,
		name: r.name,
		description: r.description,
		type: 'employees',
		folderId: r.folderId,
		createdBy: company.adminId,
		creationDate: '2025-01-15T09:00:00.000',
		modificationDate: '2026-03-02T10:30:00.000',
		isScheduled: false,
		isComparable: false,
		configuration: { fields: r.fields, instructions: r.employedOnly ? [{ fieldPath: 'internal.lifecycleStatus', operator: 'equals', values: ['employed'] }] : [] },
	}; // prettier-ignore
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node = target;
	for (const key of path.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	node[path[path.length - 1]] = value;
}

function rowsOf(company: Company, user: ServiceUser, report: ReportDefinition): Employee[] {
	return [...company.employees.values()].filter(
		(e) =>
			inScope(company, user, e) &&
			(!report.employedOnly || company.lifecycleStatus(e).toLowerCase() === 'employed'),
	);
}

function columnsOf(company: Company, user: ServiceUser, report: ReportDefinition): FieldDef[] {
	return report.fields
		.map((id) => company.fieldById.get(id))
		.filter((f): f is FieldDef => f !== undefined && canReadField(user, f));
}

const DATE_FORMAT = 'dd/MM/yyyy';

/** The report's file: CSV and XLSX carry labels (as Bob's UI exports), JSON the API's shape. */
export function renderReport(
	company: Company,
	user: ServiceUser,
	report: ReportDefinition,
	format: ReportFormat,
	options: { humanReadable: string | null; includeInfo: boolean },
): { body: Buffer; contentType: string } {
	const columns = columnsOf(company, user, report);
	const employees = rowsOf(company, user, report);
	if (format === 'json') {
		const mode = options.humanReadable === 'APPEND' || options.humanReadable === 'REPLACE' ? options.humanReadable : null; // prettier-ignore
		const rows = employees.map((e) => {
			const row: Record<string, unknown> = {};
			const human: Record<string, unknown> = {};
			for (const f of columns) {
				const value = company.value(e, f.id);
				const label = humanLabel(company, f, value, DATE_FORMAT);
				setPath(row, f.path, mode === 'REPLACE' ? label : value);
				if (mode === 'APPEND') setPath(human, f.path, label);
			}
			if (mode === 'APPEND') row.humanReadable = human;
			return row;
		});
		return { body: Buffer.from(JSON.stringify({ employees: rows }), 'utf8'), contentType: 'application/json; charset=utf-8' }; // prettier-ignore
	}
	const table: Array<Array<string | null>> = [];
	if (options.includeInfo)
		table.push(
			[report.name],
			[`Generated on ${new Date(company.now()).toISOString().slice(0, 10)}`],
			[],
		);
	table.push(columns.map((f) => f.name));
	for (const e of employees)
		table.push(columns.map((f) => humanLabel(company, f, company.value(e, f.id), DATE_FORMAT)));
	if (format === 'xlsx') return { body: xlsx(table, report.name), contentType: XLSX_TYPE };
	const cell = (v: string | null) => (v === null ? '' : /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v); // prettier-ignore
	const csv = table.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
	return { body: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8' };
}

function file(rendered: { body: Buffer; contentType: string }): ApiResponse {
	return { status: 200, headers: { 'Content-Type': rendered.contentType }, body: rendered.body };
}

function readFormat(query: URLSearchParams, allowedFormats: ReportFormat[]): ReportFormat | ApiResponse {
	const format = (query.get('format') ?? 'csv') as ReportFormat;
	if (!allowedFormats.includes(format))
		return apiError(400, 'bad.request', `format must be one of ${allowedFormats.join(', ')}`);
	return format;
} // prettier-ignore

export function reportsRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, query, now } = ctx;
	if (method !== 'GET' || rest[0] !== 'company' || rest[1] !== 'reports') return undefined;
	const state = reportsOf(company);
	const guard =
		(run: (user: ServiceUser) => ApiResponse) =>
		(user: ServiceUser): ApiResponse =>
			allowed(workOf(company), user.id, 'reports') ? run(user) : forbidden('view reports');
	const findReport = (user: ServiceUser, id: string): ReportDefinition | ApiResponse => {
		if (!/^\d+$/.test(id)) return apiError(400, 'bad.request', `Report id ${id} is not a number`);
		const report = REPORTS.find((r) => String(r.id) === id);
		if (!report) return apiError(404, 'report.not.found', `Report ${id} not found`);
		if (report.hasFormulas && !allowed(workOf(company), user.id, 'reports.formulas'))
			return forbidden('view formulas in grids');
		return report;
	};
	const includeInfo = query.get('includeInfo') !== 'false';
	const humanReadable = query.get('humanReadable');
	if (rest.length === 2)
		return { name: 'reports', run: guard(() => ({ status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ views: REPORTS.map((r) => reportJson(r, company)) }) })) }; // prettier-ignore
	if (rest.length === 4 && rest[3] === 'download' && rest[2] !== 'download')
		return {
			name: 'report-download',
			run: guard((user) => {
				const report = findReport(user, rest[2]);
				if ('status' in report) return report;
				const format = readFormat(query, ['csv', 'xlsx', 'json']);
				if (typeof format !== 'string') return format;
				return file(renderReport(company, user, report, format, { humanReadable, includeInfo }));
			}),
		};
	if (rest.length === 4 && rest[3] === 'download-async')
		return {
			name: 'report-download-async',
			run: guard((user) => {
				const report = findReport(user, rest[2]);
				if ('status' in report) return report;
				// HiBob's reference lists csv and xlsx; its own example name ends in JsonFormat.
				const format = readFormat(query, ['csv', 'xlsx', 'json']);
				if (typeof format !== 'string') return format;
				const stamp = new Date(now).toISOString().replace(/:/g, '_').replace('Z', '');
				const slug = report.name
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '');
				const name = `${stamp}${String(++state.seq).padStart(3, '0')}-${slug}.${FORMAT_SUFFIX[format]}`;
				state.jobs.set(name, { reportId: report.id, format, humanReadable, includeInfo, userId: user.id, pending: state.pendingPolls }); // prettier-ignore
				return { status: 200, headers: { Location: `https://app.hibob.com/v1/company/reports/download/${name}` }, body: null }; // prettier-ignore
			}),
		};
	if (rest.length === 4 && rest[2] === 'download')
		return {
			name: 'report-file',
			run: guard((user) => {
				const job = state.jobs.get(rest[3]);
				if (!job || job.userId !== user.id)
					return apiError(404, 'report.not.found', `Report file ${rest[3]} not found`);
				if (job.pending > 0) {
					job.pending--;
					return { status: 204, headers: {}, body: null };
				}
				const report = REPORTS.find((r) => r.id === job.reportId)!;
				return file(renderReport(company, user, report, job.format, job));
			}),
		};
	return undefined;
}
