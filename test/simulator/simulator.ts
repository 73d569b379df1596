/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test tooling: the simulator runs outside n8n and needs timers for slow-answer faults */
/**
 * The HiBob API as the simulator serves it, independent of the HTTP transport: clock, service users,
 * rate limits, authorization blocking, faults, the request log and every `/v1` route
 * `server.ts` only moves bytes.
 */
import { timingSafeEqual } from 'node:crypto';

import {
	canReadCategory,
	FULL_ACCESS,
	inScope,
	type Permissions,
	type ServiceUser,
	validatePermissions,
} from './access';
import {
	type Company,
	type CompanyOptions,
	ControlError,
	generateCompany,
	type TableName,
	type TimeOffRequest,
} from './company';
import { avatarsRoute } from './avatars';
import { customTablesRoute } from './customTables';
import { documentsRoute, multipartSummary } from './documents';
import { payTablesRoute, renderPayRows } from './payTables';
import { metadataWritesRoute } from './metadataWrites';
import { reportsRoute } from './reports';
import { toMeta } from './fields';
import { readEmployee, searchPeople } from './render';
import type { Handler } from './routes';
import { tasksRoute } from './tasks';
import {
	hiddenByLag,
	hoursOnDate,
	requestShapeFields,
	timeOffRequestsRoute,
} from './timeOffRequests';
import { policyDisplayName } from './work';
import { addMonthsMs, dateOfMs, hibobTime, isIsoDate, Prng } from './util';
import { WRITE_RATE_LIMITS, WriteApi } from './writes';

export type CursorKey = 'next_cursor' | 'cursor';
export type NamedListsShape = 'object' | 'array';
/** What a bulk table page's `limit` counts: table entries (HiBob's reference) or whole employees (the old reading). */
export type BulkPaging = 'entries' | 'employees';

export interface RateLimitOptions {
	/** People searches per minute per service user (HiBob documents 50). */
	perMinute?: number;
	/** Also send `Retry-After` on 429 (HiBob does not document it; off by default so clients cope without it). */
	retryAfter?: boolean;
	/** Optional per-minute limit for every other `/v1` endpoint (per-endpoint numbers are UNCONFIRMED); off by default. */
	otherPerMinute?: number;
	/** Per-minute limits by endpoint name (writes.ts: `update`, `terminate`, `work-entry`…); overrides the defaults there. */
	endpoints?: Record<string, number>;
}

export interface AuthBlockOptions {
	/** 401 answers within `windowMs` from one client address or with one Authorization header … */
	threshold: number;
	windowMs: number;
	/** … block that client / header for this long ("Authorization-based blocking", numbers UNCONFIRMED). */
	blockMs: number;
}

export interface SimulatorOptions extends CompanyOptions {
	/** `false` switches rate limiting off (unit tests); default `{ perMinute: 50 }`. */
	rateLimit?: false | RateLimitOptions;
	/** Bulk tables' `response_metadata` cursor key (the spec says `cursor`, the prose `next_cursor`). */
	cursorKey?: CursorKey;
	/** `GET /v1/company/named-lists`: keyed object as observed (default) or the documented array. */
	namedListsShape?: NamedListsShape;
	/**
	 * Bulk tables: `limit` counts table entries (default, HiBob's reference: one employee's rows can
	 * continue on the next page) or whole employees.
	 */
	bulkPaging?: BulkPaging;
	/** Company display format for humanReadable dates (tokens dd, MM, yyyy). Default `dd/MM/yyyy`. */
	dateFormat?: string;
	/** Stop the wall clock: time moves only through the control API. Default false (runs in real time). */
	freezeClock?: boolean;
	/** `false` disables blocking after repeated 401s. Default `{ threshold: 50, windowMs: 10000, blockMs: 300000 }`. */
	authBlock?: false | AuthBlockOptions;
	/** The default full-access service user's credentials (random from the seed if omitted). */
	serviceUser?: { id?: string; token?: string };
}

export type FaultKind = 'rate-limit' | 'status' | 'slow' | 'html' | 'truncated-json' | 'reset';

export interface FaultSpec {
	kind: FaultKind;
	/** How many matching requests it hits (default 1). */
	count?: number;
	/** Only requests with this method (default: any). */
	method?: string;
	/** Only requests whose path starts with this (default: any `/v1` path). */
	path?: string;
	/** `status`: the status to answer (500, 502, 503, 504…). Default 500. */
	status?: number;
	/** `rate-limit`: send the `X-RateLimit-*` headers (default true). */
	resetHeader?: boolean;
	/** `rate-limit`: also send `Retry-After` with this many seconds. */
	retryAfterSeconds?: number;
	/** `slow`: delay before answering normally (default 1000 ms). */
	delayMs?: number;
	/**
	 * `slow`: compute the answer when the request arrives and deliver it after the delay, so it is
	 * already out of date when it lands if HiBob changed meanwhile (a slow gateway or a slow HiBob). Default
	 * false: the answer is computed after the delay.
	 */
	staleOnArrival?: boolean;
	/** `reset` / `status`: handle the request first (the write is applied), then fail: the outcome the client sees is unknown. */
	afterApply?: boolean;
}

export interface Fault extends FaultSpec {
	id: number;
	remaining: number;
}

export interface LogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Parsed JSON body, the raw text when it is not JSON, or null when empty. */
	body: unknown;
	/** The authenticated service user, or null. */
	serviceUserId: string | null;
	/** 0 when the connection was reset by a fault. */
	status: number;
	/** Simulator wall clock, ISO-8601. */
	timestamp: string;
	fault?: FaultKind;
}

export interface ApiRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	/** The body's bytes (multipart uploads); `rawBody` is their UTF-8 reading. */
	rawBytes?: Buffer;
	remoteAddress: string;
}

export interface ApiResponse {
	status: number;
	headers: Record<string, string>;
	/** Text, or bytes for binary files (report downloads). */
	body: string | Buffer | null;
	/** Destroy the connection instead of answering. */
	reset?: boolean;
}

/** The SPA page HiBob's host answers for paths it has no API route for. */
export const SPA_HTML =
	'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bob</title></head>' +
	'<body><div id="app-root"></div><script src="/static/main.js"></script></body></html>';

const HTML = { 'Content-Type': 'text/html; charset=utf-8' };
const JSON_TYPE = { 'Content-Type': 'application/json; charset=utf-8' };

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
	return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) };
}

function apiError(status: number, key: string, error: string): ApiResponse {
	return json(status, { key, error });
}

function html(status = 200): ApiResponse {
	return { status, headers: { ...HTML }, body: SPA_HTML };
}

export function basicAuth(id: string, token: string): string {
	return `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
}

/** The simulator's wall clock: real time plus an offset, or frozen. Tests move it instead of waiting. */
export class SimClock {
	private offset = 0;
	private frozenAt: number | null;

	constructor(startMs: number | undefined, frozen: boolean) {
		const start = startMs ?? Date.now();
		this.frozenAt = frozen ? start : null;
		this.offset = start - Date.now();
	}

	now(): number {
		return this.frozenAt ?? Date.now() + this.offset;
	}

	set(ms: number): void {
		if (this.frozenAt !== null) this.frozenAt = ms;
		else this.offset = ms - Date.now();
	}

	advance(ms: number): void {
		this.set(this.now() + ms);
	}
}

interface Window {
	start: number;
	count: number;
}

const TABLES = new Set<TableName>(['lifecycle', 'work', 'employment']);

export class Simulator {
	company: Company;
	readonly clock: SimClock;
	readonly serviceUsers = new Map<string, ServiceUser>();
	readonly defaultUser: ServiceUser;
	faults: Fault[] = [];
	log: LogEntry[] = [];
	settings: {
		rateLimit: false | RateLimitOptions;
		cursorKey: CursorKey;
		namedListsShape: NamedListsShape;
		bulkPaging: BulkPaging;
		dateFormat: string;
		authBlock: false | AuthBlockOptions;
	};
	private windows = new Map<string, Window>();
	private authFailures = new Map<string, number[]>();
	private blockedUntil = new Map<string, number>();
	private faultSeq = 0;
	private readonly options: SimulatorOptions;
	readonly timers = new Set<ReturnType<typeof setTimeout>>();
	/** Where documents' pre-signed download links point: another host than the API (server.ts sets it). */
	fileHost = 'https://files.hibob.example';
	/** Requests the file host answered (tests check that no credential reached it). */
	readonly fileLog: Array<{ path: string; status: number; authorization: boolean }> = [];
	readonly writes = new WriteApi(
		() => this.company,
		() => this.clock.now(),
	);

	constructor(options: SimulatorOptions = {}) {
		this.options = options;
		const start = options.today ? Date.parse(`${options.today}T12:00:00.000Z`) : undefined;
		if (options.today !== undefined && !isIsoDate(options.today))
			throw new ControlError(`today must be YYYY-MM-DD, got ${options.today}`);
		this.clock = new SimClock(start, options.freezeClock ?? false);
		this.company = this.generate();
		this.settings = {
			rateLimit: options.rateLimit === undefined ? { perMinute: 50 } : options.rateLimit,
			cursorKey: options.cursorKey ?? 'next_cursor',
			namedListsShape: options.namedListsShape ?? 'object',
			bulkPaging: options.bulkPaging ?? 'entries',
			dateFormat: options.dateFormat ?? 'dd/MM/yyyy',
			authBlock:
				options.authBlock === undefined
					? { threshold: 50, windowMs: 10_000, blockMs: 300_000 }
					: options.authBlock,
		};
		const prng = new Prng((options.seed ?? 1) ^ 0x5eed);
		this.defaultUser = {
			id: options.serviceUser?.id ?? `SERVICE-${prng.int(10000, 99999)}`,
			token: options.serviceUser?.token ?? prng.hex(40),
			permissions: { ...FULL_ACCESS },
		};
		this.serviceUsers.set(this.defaultUser.id, this.defaultUser);
	}

	private generate(): Company {
		return generateCompany({
			...this.options,
			today: dateOfMs(this.clock.now()),
			now: () => this.clock.now(),
		});
	}

	/** Regenerates the company and forgets logs, faults, limits and extra service users. */
	reset(): void {
		this.company = this.generate();
		this.writes.reset();
		this.log = [];
		this.faults = [];
		this.windows.clear();
		this.authFailures.clear();
		this.blockedUntil.clear();
		this.serviceUsers.clear();
		this.defaultUser.permissions = { ...FULL_ACCESS };
		this.serviceUsers.set(this.defaultUser.id, this.defaultUser);
	}

	/** Brings "today" in line with the wall clock, applying lifecycle changes that fell due. */
	sync(): number {
		const today = dateOfMs(this.clock.now());
		if (today === this.company.today) return 0;
		const applied = this.company.setToday(today);
		this.writes.refresh();
		return applied;
	}

	// ---------- service users ----------

	addServiceUser(
		input: { id?: string; token?: string; permissions?: Permissions | null } = {},
	): ServiceUser {
		const prng = new Prng(this.serviceUsers.size * 7919 + (this.options.seed ?? 1));
		const id = input.id ?? `SERVICE-${prng.int(10000, 99999)}-${this.serviceUsers.size}`;
		if (this.serviceUsers.has(id)) throw new ControlError(`Service user ${id} already exists`);
		const user: ServiceUser = {
			id,
			token: input.token ?? prng.hex(40),
			permissions:
				input.permissions === undefined
					? { ...FULL_ACCESS }
					: validatePermissions(input.permissions),
		};
		this.serviceUsers.set(id, user);
		return user;
	}

	updateServiceUser(input: {
		id: string;
		token?: string;
		permissions?: Permissions | null;
	}): ServiceUser {
		const user = this.serviceUsers.get(input.id);
		if (!user) throw new ControlError(`Unknown service user ${input.id}`);
		if (input.token !== undefined) user.token = input.token;
		if (input.permissions !== undefined) user.permissions = validatePermissions(input.permissions);
		return user;
	}

	// ---------- auth ----------

	/** Only `Basic base64(id:token)` is accepted; the legacy raw token is shut off. */
	authenticate(header: string | undefined): ServiceUser | null {
		if (!header) return null;
		const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
		if (!m) return null;
		const decoded = Buffer.from(m[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon < 0) return null;
		const user = this.serviceUsers.get(decoded.slice(0, colon));
		if (!user) return null;
		const given = Buffer.from(decoded.slice(colon + 1));
		const expected = Buffer.from(user.token);
		return given.length === expected.length && timingSafeEqual(given, expected) ? user : null;
	}

	private isBlocked(keys: string[]): boolean {
		const now = this.clock.now();
		return keys.some((k) => (this.blockedUntil.get(k) ?? 0) > now);
	}

	private recordAuthFailure(keys: string[]): void {
		const cfg = this.settings.authBlock;
		if (!cfg) return;
		const now = this.clock.now();
		for (const k of keys) {
			const times = (this.authFailures.get(k) ?? []).filter((t) => t > now - cfg.windowMs);
			times.push(now);
			this.authFailures.set(k, times);
			if (times.length >= cfg.threshold) this.blockedUntil.set(k, now + cfg.blockMs);
		}
	}

	resetAuthBlocks(): void {
		this.authFailures.clear();
		this.blockedUntil.clear();
	}

	// ---------- rate limits ----------

	private take(
		bucket: string,
		limit: number,
	): { ok: boolean; headers: Record<string, string>; retryAfter: number } {
		const now = this.clock.now();
		let w = this.windows.get(bucket);
		if (!w || now >= w.start + 60_000) {
			w = { start: now, count: 0 };
			this.windows.set(bucket, w);
		}
		const ok = w.count < limit;
		if (ok) w.count++;
		const resetMs = w.start + 60_000;
		return {
			ok,
			retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
			headers: {
				'X-RateLimit-Limit': String(limit),
				'X-RateLimit-Remaining': String(limit - w.count),
				// Epoch seconds: the unit is UNCONFIRMED; seconds is what clients must handle.
				'X-RateLimit-Reset': String(Math.ceil(resetMs / 1000)),
			},
		};
	}

	resetRateLimits(): void {
		this.windows.clear();
	}

	// ---------- faults ----------

	injectFault(spec: FaultSpec): Fault {
		const kinds: FaultKind[] = ['rate-limit', 'status', 'slow', 'html', 'truncated-json', 'reset'];
		if (!kinds.includes(spec.kind))
			throw new ControlError(`Unknown fault kind ${String(spec.kind)}`);
		const count = spec.count ?? 1;
		if (!Number.isInteger(count) || count < 1)
			throw new ControlError('count must be a positive integer');
		const fault: Fault = { ...spec, id: ++this.faultSeq, remaining: count };
		this.faults.push(fault);
		return fault;
	}

	private takeFault(method: string, path: string): Fault | undefined {
		const fault = this.faults.find(
			(f) =>
				(f.method === undefined || f.method.toUpperCase() === method) &&
				(f.path === undefined || path.startsWith(f.path)),
		);
		if (!fault) return undefined;
		fault.remaining--;
		if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
		return fault;
	}

	private faultResponse(fault: Fault): ApiResponse | undefined {
		switch (fault.kind) {
			case 'rate-limit': {
				const headers: Record<string, string> = {};
				if (fault.resetHeader !== false) {
					const limit =
						this.settings.rateLimit === false ? 50 : (this.settings.rateLimit.perMinute ?? 50);
					headers['X-RateLimit-Limit'] = String(limit);
					headers['X-RateLimit-Remaining'] = '0';
					headers['X-RateLimit-Reset'] = String(Math.ceil(this.clock.now() / 1000) + 60);
				}
				if (fault.retryAfterSeconds !== undefined)
					headers['Retry-After'] = String(fault.retryAfterSeconds);
				return json(429, { key: 'too.many.requests', error: 'Too many requests' }, headers);
			}
			case 'status': {
				const status = fault.status ?? 500;
				if (status === 500) return apiError(500, 'internal.error', 'Internal server error');
				// Gateways answer 502/503/504 with their own HTML page, not HiBob's JSON.
				return {
					status,
					headers: { ...HTML },
					body: `<html><head><title>${status}</title></head><body><h1>${status}</h1></body></html>`,
				};
			}
			case 'html':
				return html(200);
			case 'reset':
				return { status: 0, headers: {}, body: null, reset: true };
			default:
				return undefined;
		}
	}

	private delay(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const t = setTimeout(() => {
				this.timers.delete(t);
				resolve();
			}, ms);
			this.timers.add(t);
		});
	}

	// ---------- request handling ----------

	async handle(req: ApiRequest): Promise<ApiResponse> {
		const fault = this.takeFault(req.method, req.path);
		const stale = fault?.kind === 'slow' && fault.staleOnArrival === true;
		if (fault?.kind === 'slow' && !stale) await this.delay(fault.delayMs ?? 1000);
		this.sync();
		let user: ServiceUser | null = null;
		let res = fault && !fault.afterApply ? this.faultResponse(fault) : undefined;
		if (!res) {
			const out = this.route(req);
			res = out.res;
			user = out.user;
			if (fault?.afterApply) res = this.faultResponse(fault) ?? res;
		}
		if (stale) await this.delay(fault.delayMs ?? 1000);
		if (fault?.kind === 'truncated-json' && res.body) {
			res = {
				...res,
				status: 200,
				headers: { ...res.headers, ...JSON_TYPE },
				body: res.body.slice(0, Math.max(1, Math.floor(res.body.length / 2))),
			};
		}
		this.log.push({
			method: req.method,
			path: req.path,
			query: Object.fromEntries(req.query.entries()),
			body:
				multipartSummary(header(req, 'content-type'), req.rawBytes ?? Buffer.alloc(0)) ??
				parseLogBody(req.rawBody),
			serviceUserId: user?.id ?? this.authenticate(header(req, 'authorization'))?.id ?? null,
			status: res.reset ? 0 : res.status,
			timestamp: new Date(this.clock.now()).toISOString(),
			...(fault ? { fault: fault.kind } : {}),
		});
		return res;
	}

	private route(req: ApiRequest): { res: ApiResponse; user: ServiceUser | null } {
		const handler = this.match(req.method, req.path, req.query);
		// Unknown and retired paths (GET /v1/people) get the web app's HTML page with 200.
		if (!handler) return { res: html(200), user: null };
		const authHeader = header(req, 'authorization');
		const clientKeys = [`ip:${req.remoteAddress}`, `auth:${authHeader ?? ''}`];
		if (this.isBlocked(clientKeys))
			return {
				res: {
					status: 403,
					headers: { ...HTML },
					body: '<html><body><h1>403 Forbidden</h1></body></html>',
				},
				user: null,
			};
		const user = this.authenticate(authHeader);
		if (!user) {
			this.recordAuthFailure(clientKeys);
			// Body shape UNCONFIRMED; HiBob's declared error envelope is {key, error}.
			return {
				res: apiError(401, 'unauthorized', 'Invalid or missing service user credentials'),
				user: null,
			};
		}
		const rl = this.settings.rateLimit;
		let limitHeaders: Record<string, string> = {};
		if (rl) {
			const isSearch = handler.name === 'search';
			const own = rl.endpoints?.[handler.name] ?? WRITE_RATE_LIMITS[handler.name];
			const limit = isSearch ? (rl.perMinute ?? 50) : (own ?? rl.otherPerMinute);
			if (limit !== undefined) {
				const bucket = isSearch ? 'search' : own !== undefined ? handler.name : 'other';
				const r = this.take(`${user.id}|${bucket}`, limit);
				limitHeaders = r.headers;
				if (!r.ok) {
					const headers: Record<string, string> = { ...r.headers, 'X-RateLimit-Remaining': '0' };
					if (rl.retryAfter) headers['Retry-After'] = String(r.retryAfter);
					return {
						res: json(429, { key: 'too.many.requests', error: 'Too many requests' }, headers),
						user,
					};
				}
			}
		}
		let body: unknown = undefined;
		const multipart = /^multipart\//i.test(header(req, 'content-type') ?? '');
		if (req.method !== 'GET' && !multipart && req.rawBody.trim() !== '') {
			try {
				body = JSON.parse(req.rawBody);
			} catch {
				body = INVALID_JSON;
			}
		}
		const res =
			body === INVALID_JSON
				? apiError(400, 'bad.request', 'The request body is not valid JSON')
				: handler.run(user, body, req);
		res.headers = { ...res.headers, ...limitHeaders };
		return { res, user };
	}

	private match(method: string, path: string, query: URLSearchParams): Handler | undefined {
		const p = path.replace(/\/+$/, '');
		const parts = p.split('/').slice(1).map(safeDecode);
		if (parts[0] !== 'v1') return undefined;
		const rest = parts.slice(1);
		const q = (name: string, run: (user: ServiceUser, body: unknown) => ApiResponse) => ({
			name,
			run,
		});
		const settings = { dateFormat: this.settings.dateFormat };
		const lag = this.writes.lagged.bind(this.writes);
		const ctx = { company: this.company, method, rest, query, now: this.clock.now(), fileHost: this.fileHost }; // prettier-ignore
		const workRoute =
			tasksRoute(ctx) ??
			documentsRoute(ctx) ??
			timeOffRequestsRoute(ctx) ??
			payTablesRoute(ctx) ??
			customTablesRoute(ctx) ??
			avatarsRoute(ctx) ??
			reportsRoute(ctx) ??
			metadataWritesRoute(ctx);
		if (workRoute) return workRoute;
		if (method === 'POST' && rest.length === 2 && rest[0] === 'people') {
			if (rest[1] === 'search')
				return q('search', (user, body) => {
					const r = lag(() => searchPeople(this.company, user, body, settings));
					return json(r.status, r.body);
				});
			return q('read', (user, body) => {
				const r = lag(() => readEmployee(this.company, user, rest[1], body, settings));
				return json(r.status, r.body);
			});
		}
		const write = this.writes.match(method, rest);
		if (write) return write;
		if (method !== 'GET') return undefined;
		if (rest.length === 3 && rest[0] === 'people' && TABLES.has(rest[2] as TableName))
			return q('table', (user) =>
				lag(() => this.employeeTable(user, rest[1], rest[2] as TableName)),
			);
		if (rest.length === 3 && rest[0] === 'bulk' && rest[1] === 'people')
			return q('bulk', (user) => lag(() => this.bulkTable(user, rest[2], query)));
		if (rest[0] === 'company') {
			if (rest.length === 3 && rest[1] === 'people' && rest[2] === 'fields')
				return q('fields', () => json(200, this.company.fields.map(toMeta)));
			if (rest.length === 2 && rest[1] === 'named-lists')
				return q('lists', () => this.namedLists(query));
			if (rest.length === 3 && rest[1] === 'named-lists')
				return q('list', () => this.namedList(rest[2], query));
		}
		if (rest[0] === 'timeoff') {
			if (rest.length === 2 && rest[1] === 'whosout')
				return q('whosout', (user) => this.whosOut(user, query));
			if (rest.length === 2 && rest[1] === 'outtoday')
				return q('outtoday', (user) => this.outToday(user, query));
			if (rest.length === 3 && rest[1] === 'requests' && rest[2] === 'changes')
				return q('changes', (user) => this.timeOffChangesSince(user, query));
		}
		return undefined;
	}

	// ---------- tables ----------

	private employeeTable(user: ServiceUser, employeeId: string, table: TableName): ApiResponse {
		const e = this.company.employees.get(employeeId);
		if (!e) return apiError(404, 'employee.not.found', `Employee ${employeeId} not found`);
		if (!canReadCategory(user, table) || !inScope(this.company, user, e))
			return apiError(
				403,
				'forbidden',
				`No permission to view the ${table} table of ${employeeId}`,
			);
		return json(200, {
			values: this.company.renderRows(e, table, user.permissions?.history !== false),
		});
	}

	/**
	 * `GET /v1/bulk/people/{table}`. The cursor is opaque and deliberately contains `+` and `/`,
	 * so a client that does not URL-encode it gets a 400 instead of silently wrong pages.
	 */
	private bulkTable(user: ServiceUser, table: string, query: URLSearchParams): ApiResponse {
		const salaries = table === 'salaries';
		if (!TABLES.has(table as TableName) && !salaries)
			return apiError(404, 'not.found', `Unknown employee table ${table}`);
		const t = table as TableName;
		const limitRaw = query.get('limit');
		const limit = limitRaw === null ? 50 : Number(limitRaw);
		if (!Number.isInteger(limit) || limit < 1 || limit > 200)
			return apiError(400, 'bad.request', 'limit must be an integer between 1 and 200');
		if (!canReadCategory(user, salaries ? 'payroll' : t))
			return apiError(403, 'forbidden', `No permission to view ${t} tables`);
		const idsRaw = query.get('employeeIds');
		let targets: string[];
		const errors: Array<{ employeeId: string; error: string; message: string }> = [];
		if (idsRaw !== null) {
			const ids = [
				...new Set(
					idsRaw
						.split(',')
						.map((s) => s.trim())
						.filter((s) => s !== ''),
				),
			];
			if (ids.length === 0 || ids.length > 200)
				return apiError(400, 'bad.request', 'employeeIds must list 1 to 200 employee IDs');
			targets = [];
			for (const id of ids) {
				const e = this.company.employees.get(id);
				if (e && inScope(this.company, user, e)) targets.push(id);
				else
					errors.push({
						employeeId: id,
						error: 'MISSING_PERMISSION',
						message: `You don't have permission to access data for employees with ids: ${id}`,
					});
			}
		} else {
			targets = [];
			for (const e of this.company.employees.values())
				if (inScope(this.company, user, e)) targets.push(e.id);
		}
		const queryKey = `${t}|${idsRaw ?? ''}`;
		let offset = 0;
		const cursor = query.get('cursor');
		if (cursor !== null) {
			const decoded = decodeCursor(cursor);
			if (!decoded || decoded.q !== queryKey)
				return apiError(400, 'bad.request', 'Invalid cursor for this request');
			offset = decoded.o;
		}
		const history = user.permissions?.history !== false;
		const { results, total } =
			this.settings.bulkPaging === 'employees'
				? {
						results: targets.slice(offset, offset + limit).map((id) => ({
							employeeId: id,
							values: this.tableRows(id, t, history),
						})),
						total: targets.length,
					}
				: this.bulkEntries(targets, t, history, offset, limit);
		const next = offset + limit < total ? encodeCursor({ o: offset + limit, q: queryKey }) : null;
		// errors are reported on the first page only (UNCONFIRMED): a client must not depend on repeats.
		return json(200, {
			results,
			response_metadata: { [this.settings.cursorKey]: next },
			errors: offset === 0 ? errors : [],
		});
	}

	/** An employee's rows of a bulk table: salaries come from the pay tables (payTables.ts). */
	private tableRows(
		id: string,
		table: TableName,
		history: boolean,
	): Array<Record<string, unknown>> {
		const e = this.company.employees.get(id)!;
		return (table as string) === 'salaries'
			? renderPayRows(this.company, e, 'salaries', history)
			: this.company.renderRows(e, table, history);
	}

	/**
	 * One page of table entries: every employee's rows in a row, `limit` of them from `offset`, grouped
	 * back into one result per employee on the page. An employee whose rows cross the page break is in
	 * both pages' results, each with its part. An employee with no rows counts as one (empty) entry.
	 */
	private bulkEntries(
		targets: string[],
		table: TableName,
		history: boolean,
		offset: number,
		limit: number,
	): { results: Array<{ employeeId: string; values: unknown[] }>; total: number } {
		const results: Array<{ employeeId: string; values: unknown[] }> = [];
		let position = 0;
		for (const id of targets) {
			// Past the page: one more entry is enough to know there is a next page.
			if (position >= offset + limit) return { results, total: position + 1 };
			const rows = this.tableRows(id, table, history);
			const width = Math.max(1, rows.length);
			const from = Math.max(offset, position);
			const to = Math.min(offset + limit, position + width);
			if (from < to)
				results.push({ employeeId: id, values: rows.slice(from - position, to - position) });
			position += width;
		}
		return { results, total: position };
	}

	// ---------- metadata ----------

	private listBody(
		name: string,
		includeArchived: boolean,
		withValues: boolean,
	): Record<string, unknown> {
		const list = this.company.lists.get(name)!;
		const items = list.items.filter((i) => includeArchived || !i.archived);
		// Live responses repeat the items under `values` and `items`.
		return withValues ? { name, values: items, items } : { name, items };
	}

	private namedLists(query: URLSearchParams): ApiResponse {
		const includeArchived = query.get('includeArchived') === 'true';
		const names = [...this.company.lists.keys()];
		if (this.settings.namedListsShape === 'array')
			return json(
				200,
				names.map((n) => this.listBody(n, includeArchived, false)),
			);
		return json(
			200,
			Object.fromEntries(names.map((n) => [n, this.listBody(n, includeArchived, true)])),
		);
	}

	private namedList(name: string, query: URLSearchParams): ApiResponse {
		// Case-sensitive: `terminationReason` is a 404 with an empty body and no content type.
		if (!this.company.lists.has(name)) return { status: 404, headers: {}, body: null };
		return json(200, this.listBody(name, query.get('includeArchived') === 'true', true));
	}

	// ---------- time off ----------

	private visible(user: ServiceUser, employeeId: string): boolean {
		const e = this.company.employees.get(employeeId);
		return !!e && inScope(this.company, user, e);
	}

	private whosOut(user: ServiceUser, query: URLSearchParams): ApiResponse {
		const from = query.get('from');
		const to = query.get('to');
		if (!isIsoDate(from) || !isIsoDate(to) || to < from)
			return apiError(
				400,
				'bad.request',
				'from and to are required dates (YYYY-MM-DD), to on or after from',
			);
		const includePending = query.get('includePending') === 'true';
		const outs = [];
		for (const r of this.company.timeOff.values()) {
			if (!this.openRequest(r, includePending) || r.endDate < from || r.startDate > to) continue;
			const e = this.company.employees.get(r.employeeId);
			// whosout lists active employees only.
			if (!e || !this.company.isActive(e) || !inScope(this.company, user, e)) continue;
			outs.push({
				employeeId: e.id,
				employeeDisplayName: e.values['root.displayName'],
				employeeEmail: e.values['root.email'],
				policyType: r.policyType,
				policyTypeDisplayName: policyDisplayName(r.policyType),
				type: 'days',
				startDate: r.startDate,
				startPortion: 'all_day',
				endDate: r.endDate,
				endPortion: 'all_day',
				status: r.status,
				requestId: r.requestId,
				visibility: 'Public',
			});
		}
		return json(200, { outs });
	}

	private openRequest(r: TimeOffRequest, includePending: boolean): boolean {
		return r.status === 'Approved' || (includePending && r.status === 'Pending');
	}

	private outToday(user: ServiceUser, query: URLSearchParams): ApiResponse {
		const today = query.get('today') ?? this.company.today;
		if (!isIsoDate(today)) return apiError(400, 'bad.request', 'today must be a date (YYYY-MM-DD)');
		const siteId = query.get('siteId');
		// HiBob's reference types `siteId` an integer (the site list item's ID).
		if (siteId !== null && !/^\d+$/.test(siteId))
			return apiError(400, 'bad.request', 'siteId must be an integer');
		const outs = [];
		for (const r of this.company.timeOff.values()) {
			if (!this.openRequest(r, false) || r.startDate > today || r.endDate < today) continue;
			const e = this.company.employees.get(r.employeeId);
			if (!e || !inScope(this.company, user, e)) continue;
			if (siteId !== null && String(e.values['work.siteId']) !== siteId) continue;
			// outtoday names the portions differently from whosout.
			outs.push({
				employeeId: e.id,
				employeeEmail: e.values['root.email'],
				employeeDisplayName: e.values['root.displayName'],
				policyTypeDisplayName: policyDisplayName(r.policyType),
				requestRangeType: 'days',
				startDate: r.startDate,
				startDatePortion: 'all_day',
				endDate: r.endDate,
				endDatePortion: 'all_day',
				visibility: 'Public',
			});
		}
		return json(200, { outs });
	}

	/** `since` at most 6 months back; `to` after `since`; window at most 6 months. */
	private timeOffChangesSince(user: ServiceUser, query: URLSearchParams): ApiResponse {
		const since = parseDateTime(query.get('since'));
		if (since === null)
			return apiError(400, 'bad.request', 'since is required: an ISO-8601 date-time');
		const now = this.clock.now();
		if (since < addMonthsMs(now, -6))
			return apiError(400, 'bad.request', 'since cannot be more than 6 months in the past');
		const toRaw = query.get('to');
		let to = now;
		if (toRaw !== null) {
			const parsed = parseDateTime(toRaw);
			if (parsed === null) return apiError(400, 'bad.request', 'to must be an ISO-8601 date-time');
			if (parsed <= since) return apiError(400, 'bad.request', 'to must be after since');
			if (parsed > addMonthsMs(since, 6))
				return apiError(400, 'bad.request', 'The since-to window cannot exceed 6 months');
			to = parsed;
		}
		const includePending = query.get('includePending') === 'true';
		const changes = [];
		for (const c of this.company.timeOffChanges) {
			if (c.atMs < since || (toRaw !== null && c.atMs >= to) || c.atMs > now) continue;
			if (c.changeType === 'Pending' && !includePending) continue;
			if (hiddenByLag(this.company, c.atMs, now)) continue;
			const r = this.company.timeOff.get(c.requestId);
			if (!r || !this.visible(user, r.employeeId)) continue;
			const e = this.company.employees.get(r.employeeId)!;
			const days = Math.round((Date.parse(r.endDate) - Date.parse(r.startDate)) / 86_400_000) + 1;
			const change: Record<string, unknown> = {
				requestId: r.requestId,
				changeType: c.changeType,
				changeReason: null,
				employeeId: e.id,
				employeeEmail: e.values['root.email'],
				employeeDisplayName: e.values['root.displayName'],
				// HiBob's reference: the policy type's display name (custom or translated), not its name.
				policyTypeDisplayName: policyDisplayName(r.policyType),
				type: 'days',
				startDate: r.startDate,
				startPortion: 'all_day',
				endDate: r.endDate,
				endPortion: 'all_day',
				totalDuration: days,
				totalCost: days,
				durationUnit: 'days',
				...requestShapeFields(this.company, r.requestId),
				createdOn: hibobTime(r.createdOnMs),
				previousRequestId: r.previousRequestId,
				originalRequestId: r.originalRequestId,
			};
			const hours = hoursOnDate(this.company, r.requestId);
			if (hours !== undefined) {
				// HiBob's reference: start/end dates are "not relevant" for hours requests; the day is `date`.
				for (const key of ['startDate', 'endDate', 'startPortion', 'endPortion'])
					delete change[key];
				change.date = r.startDate;
				change.hoursOnDate = hours;
			}
			changes.push(change);
		}
		return json(200, { changes });
	}
}

const INVALID_JSON = Symbol('invalid-json');

function header(req: ApiRequest, name: string): string | undefined {
	const v = req.headers[name];
	return Array.isArray(v) ? v[0] : v;
}

function safeDecode(s: string): string {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
}

function parseLogBody(raw: string): unknown {
	if (raw.trim() === '') return null;
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function parseDateTime(value: string | null): number | null {
	if (value === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? null : ms;
}

function encodeCursor(c: { o: number; q: string }): string {
	return `c+${Buffer.from(JSON.stringify(c)).toString('base64')}/`;
}

function decodeCursor(cursor: string): { o: number; q: string } | null {
	const m = /^c\+([A-Za-z0-9+/=]+)\/$/.exec(cursor);
	if (!m) return null;
	try {
		const c = JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')) as {
			o: unknown;
			q: unknown;
		};
		return typeof c.o === 'number' && typeof c.q === 'string' ? { o: c.o, q: c.q } : null;
	} catch {
		return null;
	}
}
