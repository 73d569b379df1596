/**
 * Tasks in Bob: reading HiBob's `{tasks: [...]}` answers, the client-side filters of Task → Get Many and
 * the outcome of completing one. HiBob task IDs are numbers in its answers; they are output as strings.
 * Only general tasks can be read or completed through HiBob's API (e-signature, form and other kinds
 * cannot). Pure: no n8n, no HTTP.
 */
import { stringifyIds } from './employeeIds';
import { InputError } from './errors';
import { toCalendarDate } from './dates';

export type TaskStatus = 'open' | 'closed' | 'all';
/** Which of a person's tasks: those they must do (owner), those about them (requested for), or both. */
export type TaskRelation = 'any' | 'owner' | 'requestedFor';

export interface TaskFilters {
	titleContains?: string;
	workflowContains?: string;
	dueFrom?: string;
	dueTo?: string;
}

export type Task = Record<string, unknown> & {
	id: string;
	title?: string;
	status?: string;
	due?: string | null;
	workflow?: string | null;
	owner?: Record<string, unknown> | null;
	requestedFor?: Record<string, unknown> | null;
};

/** The tasks of a HiBob answer, IDs as strings; undefined when the answer has no `tasks` list. */
export function parseTasks(body: unknown): Task[] | undefined {
	const list =
		body !== null && typeof body === 'object' ? (body as Record<string, unknown>).tasks : undefined;
	if (!Array.isArray(list)) return undefined;
	return list
		.filter(
			(entry): entry is Record<string, unknown> => entry !== null && typeof entry === 'object',
		)
		.map((entry) => stringifyIds(entry) as Task);
}

/** A task ID as HiBob takes it in `/tasks/{taskId}/complete`: digits. */
export function parseTaskId(value: unknown): string {
	const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || text.trim() === '')
		throw new InputError(
			'The task ID is empty',
			'Map the task\'s "id" from Task → Get Many (or a todo webhook) into Task ID.',
		);
	const id = text.trim();
	if (!/^\d{1,20}$/.test(id))
		throw new InputError(
			`"${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is not a HiBob task ID`,
			'A HiBob task ID is a number, e.g. 48210003: the "id" of a task from Task → Get Many.',
		);
	return id;
}

/** The filters as entered; due dates become calendar dates (the date the user sees). */
export function readTaskFilters(input: {
	titleContains?: unknown;
	workflowContains?: unknown;
	dueFrom?: unknown;
	dueTo?: unknown;
}): TaskFilters {
	const text = (value: unknown) =>
		typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	const date = (value: unknown, name: string) => {
		if (value === undefined || value === null || value === '') return undefined;
		const day = toCalendarDate(value);
		if (!day)
			throw new InputError(
				`${name} "${String(value)}" is not a date`,
				'Give a date such as 2026-11-30, or an expression like {{ $today.plus({ days: 7 }) }}.',
			);
		return day;
	};
	const filters: TaskFilters = {
		titleContains: text(input.titleContains),
		workflowContains: text(input.workflowContains),
		dueFrom: date(input.dueFrom, 'Due On or After'),
		dueTo: date(input.dueTo, 'Due On or Before'),
	};
	if (filters.dueFrom && filters.dueTo && filters.dueTo < filters.dueFrom)
		throw new InputError(
			`Due On or Before (${filters.dueTo}) is earlier than Due On or After (${filters.dueFrom})`,
			'Swap the two dates, or clear one of them.',
		);
	return filters;
}

const contains = (value: unknown, part: string) =>
	typeof value === 'string' && value.toLowerCase().includes(part.toLowerCase());

/** Whether a task passes the filters (text filters ignore case; a task without a due date fails date filters). */
export function taskMatches(
	task: Task,
	filters: TaskFilters,
	person?: { employeeId: string; relation: TaskRelation },
): boolean {
	if (filters.titleContains && !contains(task.title, filters.titleContains)) return false;
	if (filters.workflowContains && !contains(task.workflow, filters.workflowContains)) return false;
	const due = typeof task.due === 'string' ? task.due.slice(0, 10) : undefined;
	if ((filters.dueFrom || filters.dueTo) && !due) return false;
	if (filters.dueFrom && due! < filters.dueFrom) return false;
	if (filters.dueTo && due! > filters.dueTo) return false;
	if (person && person.relation !== 'any') {
		const who = task[person.relation] as Record<string, unknown> | null | undefined;
		if (String(who?.id ?? '') !== person.employeeId) return false;
	}
	return true;
}

/** What Task → Complete outputs for HiBob's `{toDosUpdated: n}`: 0 means it was already complete. */
export function completionResult(taskId: string, body: unknown): Record<string, unknown> {
	const updated =
		body !== null && typeof body === 'object'
			? (body as Record<string, unknown>).toDosUpdated
			: undefined;
	const count = typeof updated === 'number' ? updated : undefined;
	return {
		id: taskId,
		completed: true,
		alreadyComplete: count === 0,
		...(count === undefined ? {} : { toDosUpdated: count }),
	};
}
