/**
 * Tasks (`/v1/tasks…`): the company's open tasks, one person's tasks by status, and completing one.
 * Only general tasks are reachable through HiBob's API: other kinds (e-signatures, forms) are not listed,
 * and completing one is refused (the exact refusal is UNCONFIRMED; HiBob's error envelope is assumed).
 * `GET /tasks/people/{id}` lists tasks the person owns and tasks requested for them (whether HiBob
 * includes the latter is UNCONFIRMED).
 */
import type { ServiceUser } from './access';
import { inScope } from './access';
import { apiError, forbidden, json } from './answers';
import type { Company } from './company';
import type { Handler, RouteContext } from './routes';
import { allowed, type Task, workOf } from './work';

function person(company: Company, id: string) {
	const e = company.employees.get(id);
	const v = e?.values ?? {};
	return {
		id,
		firstName: v['root.firstName'] ?? null,
		surname: v['root.surname'] ?? null,
		email: v['root.email'] ?? null,
		displayName: v['root.displayName'] ?? null,
	};
}

export function renderTask(company: Company, t: Task) {
	return {
		id: t.id,
		title: t.title,
		description: t.description,
		set: t.set,
		status: t.status,
		due: t.due,
		completionDate: t.completionDate,
		workflow: t.workflow,
		ordinalInWorkflow: t.ordinalInWorkflow,
		linkInBob: `https://app.hibob.com/home/tasks/${t.id}`,
		companyId: company.companyId,
		employeeGroupId: t.employeeGroupId,
		owner: person(company, t.ownerId),
		requestedFor: person(company, t.requestedForId),
	};
}

function visible(company: Company, user: ServiceUser, t: Task): boolean {
	const e = company.employees.get(t.requestedForId);
	return t.kind === 'general' && !!e && inScope(company, user, e);
}

export function tasksRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, query } = ctx;
	if (rest[0] !== 'tasks') return undefined;
	const state = workOf(company);
	const guard = (user: ServiceUser) =>
		allowed(state, user.id, 'tasks') ? undefined : forbidden("view and complete people's tasks");
	if (method === 'GET' && rest.length === 1)
		return {
			name: 'tasks',
			run: (user) =>
				guard(user) ??
				json(200, {
					tasks: [...state.tasks.values()]
						.filter((t) => t.status === 'open' && visible(company, user, t))
						.map((t) => renderTask(company, t)),
				}),
		};
	if (method === 'GET' && rest.length === 3 && rest[1] === 'people')
		return {
			name: 'tasks-person',
			run: (user) => {
				const refused = guard(user);
				if (refused) return refused;
				const e = company.employees.get(rest[2]);
				if (!e || !inScope(company, user, e))
					return apiError(404, 'employee.not.found', `Employee ${rest[2]} not found`);
				const status = query.get('task_status');
				if (status !== null && status !== 'open' && status !== 'closed')
					return apiError(400, 'bad.request', 'task_status must be open or closed');
				const tasks = [...state.tasks.values()].filter(
					(t) =>
						(t.ownerId === e.id || t.requestedForId === e.id) &&
						(status === null || t.status === status) &&
						visible(company, user, t),
				);
				return json(200, { tasks: tasks.map((t) => renderTask(company, t)) });
			},
		};
	if (method === 'POST' && rest.length === 3 && rest[2] === 'complete')
		return {
			name: 'task-complete',
			run: (user) => {
				const refused = guard(user);
				if (refused) return refused;
				const t = /^\d+$/.test(rest[1]) ? state.tasks.get(Number(rest[1])) : undefined;
				const e = t && company.employees.get(t.requestedForId);
				if (!t || !e || !inScope(company, user, e))
					return apiError(404, 'task.not.found', `Task ${rest[1]} not found`);
				if (t.kind !== 'general')
					return apiError(
						400,
						'task.not.general',
						'Only general tasks can be completed via the API',
					);
				if (t.status === 'closed') return json(200, { toDosUpdated: 0 });
				t.status = 'closed';
				t.completionDate = company.today;
				return json(200, { toDosUpdated: 1 });
			},
		};
	return undefined;
}
