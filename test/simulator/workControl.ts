/** The control API's part for tasks, documents and request shapes (SimulatorControl delegates here). */
import { type Company, ControlError } from './company';
import { isIsoDate } from './util';
import {
	addTask,
	type Folder,
	type StoredDocument,
	type Task,
	type TaskKind,
	workOf,
} from './work';

export interface TaskInput {
	requestedForId: string;
	ownerId?: string;
	title: string;
	workflow?: string;
	due?: string;
	kind?: TaskKind;
	status?: 'open' | 'closed';
}

export function controlAddTask(company: Company, input: TaskInput): Task {
	if (!input || typeof input.title !== 'string' || input.title.trim() === '')
		throw new ControlError('title is required');
	for (const id of [input.requestedForId, input.ownerId ?? company.adminId])
		if (!company.employees.has(id)) throw new ControlError(`Unknown employee ${String(id)}`);
	if (input.due !== undefined && !isIsoDate(input.due))
		throw new ControlError('due must be YYYY-MM-DD');
	if (input.kind !== undefined && !['general', 'eSign', 'form'].includes(input.kind))
		throw new ControlError('kind must be general, eSign or form');
	return {
		...addTask(workOf(company), {
			title: input.title,
			requestedForId: input.requestedForId,
			ownerId: input.ownerId ?? company.adminId,
			due: input.due ?? company.today,
			...(input.workflow ? { workflow: input.workflow } : {}),
			...(input.kind ? { kind: input.kind } : {}),
			...(input.status ? { status: input.status, completionDate: input.status === 'closed' ? company.today : null } : {}),
		}),
	}; // prettier-ignore
}

/** Every task, every kind included; for one employee: those they own or that are requested for them. */
export function controlListTasks(company: Company, input: { employeeId?: string } = {}): Task[] {
	return [...workOf(company).tasks.values()]
		.filter((t) => !input.employeeId || t.ownerId === input.employeeId || t.requestedForId === input.employeeId)
		.map((t) => ({ ...t })); // prettier-ignore
}

export function controlListDocuments(company: Company, input: { employeeId?: string } = {}): Array<StoredDocument & { folderName: string }> {
	const { documents, folders } = workOf(company);
	return [...documents.values()]
		.filter((d) => !input.employeeId || d.employeeId === input.employeeId)
		.map((d) => ({ ...d, folderName: folders.find((f) => f.id === d.folderId)?.name ?? '' }));
} // prettier-ignore

export function controlListFolders(company: Company): Folder[] {
	return workOf(company).folders.map((f) => ({ ...f }));
}

/**
 * Takes grants away from a service user (replacing earlier denials): `tasks`, `timeoff.requests`,
 * `timeoff.balance`, `docs.<folderId>.view`, `docs.<folderId>.upload`, `docs.<folderId>.delete`.
 */
export function controlDenyWork(
	company: Company,
	userId: string,
	deny: unknown,
): { denied: string[] } {
	if (!Array.isArray(deny) || !deny.every((d) => typeof d === 'string'))
		throw new ControlError('deny must be an array of grant names');
	workOf(company).denied.set(userId, new Set(deny));
	return { denied: [...deny] };
}

/** Delays new time-off changes in `GET /timeoff/requests/changes` by `ms` of simulator time (HiBob's read lag). */
export function controlSetTimeOffReadLag(company: Company, ms: unknown): { readLagMs: number } {
	if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
		throw new ControlError('ms must be a number of milliseconds, 0 or more');
	workOf(company).readLagMs = ms;
	return { readLagMs: ms };
}
