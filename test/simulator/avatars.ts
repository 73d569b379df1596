/**
 * Avatars: `GET /v1/avatars/{employeeId}` and `GET /v1/avatars?email=` answer the avatar image's URL
 * as text (HiBob's reference declares no content type; the simulator sends text/plain), and
 * `PUT /v1/avatars/{employeeId}` with `{url}` makes Bob fetch that image and store its own copy (200, no
 * body), so the URL read afterwards is Bob's, not the one sent. Reading needs the About category
 * (HiBob's changelog: avatars follow "View selected employees' About sections"); which permission the
 * upload needs is UNCONFIRMED (the simulator asks for edit on About). What HiBob answers for a URL it
 * cannot fetch is UNCONFIRMED (the simulator: 400 for anything that is not http(s)).
 */
import { canReadCategory, inScope, type ServiceUser } from './access';
import { apiError, empty } from './answers';
import type { Company, Employee } from './company';
import type { Handler, RouteContext } from './routes';
import type { ApiResponse } from './simulator';
import { canEdit } from './writes';

interface AvatarState {
	/** employee ID → [version, the URL Bob fetched it from] */
	set: Map<string, { version: number; sourceUrl: string }>;
}

const states = new WeakMap<Company, AvatarState>();

export function avatarsOf(company: Company): AvatarState {
	let state = states.get(company);
	if (!state) states.set(company, (state = { set: new Map() }));
	return state;
}

/** The URL Bob answers for an employee's avatar (signed, on Bob's image host). */
export function avatarUrl(company: Company, employeeId: string): string {
	const set = avatarsOf(company).set.get(employeeId);
	const version = set ? set.version : 0;
	return `https://images.hibob.example/avatars/${employeeId}/v${version}.png?Signature=sim${version}`;
}

function text(status: number, body: string): ApiResponse {
	return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body };
}

export function avatarsRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, query } = ctx;
	if (rest[0] !== 'avatars' || rest.length > 2) return undefined;
	const find = (user: ServiceUser, e: Employee | undefined, label: string, edit: boolean) => {
		if (!e || !inScope(company, user, e)) return apiError(404, 'employee.not.found', `Employee ${label} not found`);
		if (!canReadCategory(user, 'about') || (edit && !canEdit(user, 'about')))
			return apiError(403, 'forbidden', `No permission to ${edit ? 'change' : 'view'} the avatar of ${label}`);
		return e;
	}; // prettier-ignore
	const isEmployee = (v: unknown): v is Employee =>
		typeof v === 'object' && v !== null && 'values' in v;
	if (method === 'GET' && rest.length === 1)
		return {
			name: 'avatar-by-email',
			run: (user) => {
				const email = (query.get('email') ?? '').toLowerCase();
				const e = [...company.employees.values()].find((x) => String(x.values['root.email'] ?? '').toLowerCase() === email);
				const found = find(user, e, email, false);
				return isEmployee(found) ? text(200, avatarUrl(company, found.id)) : found;
			},
		}; // prettier-ignore
	if (rest.length !== 2) return undefined;
	const employeeId = rest[1];
	if (method === 'GET')
		return {
			name: 'avatar',
			run: (user) => {
				const found = find(user, company.employees.get(employeeId), employeeId, false);
				return isEmployee(found) ? text(200, avatarUrl(company, found.id)) : found;
			},
		};
	if (method === 'PUT')
		return {
			name: 'avatar-upload',
			run: (user, body) => {
				const found = find(user, company.employees.get(employeeId), employeeId, true);
				if (!isEmployee(found)) return found;
				const url = (body as { url?: unknown } | undefined)?.url;
				if (typeof url !== 'string' || !/^https?:\/\/[^\s/]+\S*$/i.test(url))
					return apiError(400, 'bad.request', 'url must be the http(s) address of an image');
				const state = avatarsOf(company);
				const version = (state.set.get(employeeId)?.version ?? 0) + 1;
				state.set.set(employeeId, { version, sourceUrl: url });
				return empty();
			},
		};
	return undefined;
}
