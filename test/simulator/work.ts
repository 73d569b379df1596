/**
 * State the simulator keeps beside the generated company for tasks, documents and time-off request
 * details: created lazily per Company, so `reset()` (a new Company) starts it afresh.
 */
import type { Company, Employee } from './company';
import { addDays, Prng } from './util';

export type TaskKind = 'general' | 'eSign' | 'form';

export interface Task {
	id: number;
	title: string;
	description: string;
	workflow: string;
	ordinalInWorkflow: number;
	set: string;
	status: 'open' | 'closed';
	due: string;
	completionDate: string | null;
	ownerId: string;
	requestedForId: string;
	employeeGroupId: number;
	/** Only general tasks are visible to and completable through the API. */
	kind: TaskKind;
}

export type FolderType = 'shared' | 'confidential' | 'custom';

export interface Folder {
	id: string;
	name: string;
	folderType: FolderType;
}

export interface StoredDocument {
	id: number;
	employeeId: string;
	folderId: string;
	name: string;
	mimeType: string;
	size: number;
	/** First bytes of the file as latin1 text, so tests can see what arrived (e.g. `%PDF-`). */
	head: string;
	/** The file's bytes as latin1 text, served by the file host behind the download link. */
	data: string;
	sourceUrl: string | null;
	tags: string[];
	uploadedById: string;
	uploadDate: string;
}

/** The shape of a time-off request beyond what company.ts keeps (dates, policy, status). */
export interface RequestShape {
	type: string;
	startPortion: string;
	endPortion: string;
	dayPortion?: string;
	hours?: number;
	minutes?: number;
	dailyHours?: number;
	dailyMinutes?: number;
	durations?: Array<{ date: string; hours: number; minutes: number }>;
	localStartTime?: string;
	localEndTime?: string;
	description: string | null;
	reasonCode: number | null;
	durationUnit: 'days' | 'hours';
	totalDuration: number;
	approvedBy: string | null;
}

export interface PolicyType {
	name: string;
	/**
	 * A custom display name set in Bob (a policy's "custom name", or its name translated): what
	 * `policyTypeDisplayName` carries in the request changes, who's out and request details instead of
	 * the name requests are submitted with.
	 */
	displayName?: string;
	unit: 'days' | 'hours';
	activity: 'paidTimeoff' | 'unpaidTimeoff';
	annualAllowance: number;
	reasonCodes: Array<{ id: number; displayName: string }>;
}

export const POLICY_TYPES: PolicyType[] = [
	{ name: 'Holiday', unit: 'days', activity: 'paidTimeoff', annualAllowance: 25, reasonCodes: [{ id: 1001, displayName: 'Vacation' }, { id: 1002, displayName: 'Family event' }] },
	{ name: 'Sick', unit: 'days', activity: 'paidTimeoff', annualAllowance: 10, reasonCodes: [{ id: 2001, displayName: 'Illness' }, { id: 2002, displayName: 'Medical appointment' }] },
	{ name: 'Time in lieu', displayName: 'TOIL (overtime hours)', unit: 'hours', activity: 'paidTimeoff', annualAllowance: 40, reasonCodes: [] },
]; // prettier-ignore

/** `policyTypeDisplayName` of a request of this policy type: its custom display name, else its name. */
export function policyDisplayName(policyType: string): string {
	return POLICY_TYPES.find((p) => p.name === policyType)?.displayName ?? policyType;
}

export interface WorkState {
	tasks: Map<number, Task>;
	nextTaskId: number;
	folders: Folder[];
	documents: Map<number, StoredDocument>;
	nextDocumentId: number;
	shapes: Map<number, RequestShape>;
	/** How long a time-off change stays out of `GET /timeoff/requests/changes` (0: listed at once). */
	readLagMs: number;
	/** service user ID → denied grants: `tasks`, `timeoff.requests`, `timeoff.balance`, `docs.<folderId>.<view|upload|delete>`, `reports`, `reports.formulas`, `lists.edit`, `fields.edit`. */
	denied: Map<string, Set<string>>;
}

const states = new WeakMap<Company, WorkState>();

export function workOf(company: Company): WorkState {
	let state = states.get(company);
	if (!state) {
		state = generate(company);
		states.set(company, state);
	}
	return state;
}

export function allowed(state: WorkState, userId: string, grant: string): boolean {
	return !state.denied.get(userId)?.has(grant);
}

const ONBOARDING: Array<{ title: string; kind: TaskKind; owner: 'it' | 'manager' | 'self' }> = [
	{ title: 'Create the Google account', kind: 'general', owner: 'it' },
	{ title: 'Ship the laptop', kind: 'general', owner: 'it' },
	{ title: 'Sign the employment contract', kind: 'eSign', owner: 'self' },
	{ title: 'Fill in personal details', kind: 'form', owner: 'self' },
	{ title: 'Plan the welcome lunch', kind: 'general', owner: 'manager' },
];

function generate(company: Company): WorkState {
	const prng = new Prng(company.companyId ^ 0x7a5c);
	const state: WorkState = {
		tasks: new Map(),
		nextTaskId: 48_210_000,
		folders: [
			{ id: '3f6c2a1e-5b7d-4c1a-9e2f-0a1b2c3d4e01', name: 'Shared', folderType: 'shared' },
			{
				id: '3f6c2a1e-5b7d-4c1a-9e2f-0a1b2c3d4e02',
				name: 'Confidential',
				folderType: 'confidential',
			},
			{ id: '3f6c2a1e-5b7d-4c1a-9e2f-0a1b2c3d4e03', name: 'Contracts', folderType: 'custom' },
			{
				id: '3f6c2a1e-5b7d-4c1a-9e2f-0a1b2c3d4e04',
				name: 'Equipment receipts',
				folderType: 'custom',
			},
		],
		documents: new Map(),
		nextDocumentId: 7_300_000,
		shapes: new Map(),
		readLagMs: 0,
		denied: new Map(),
	};
	const it = company.adminId;
	for (const e of company.employees.values()) {
		const status = company.lifecycleStatus(e);
		const start = String(e.values['work.startDate'] ?? company.today);
		if (status !== 'hired' && !(status === 'employed' && start >= addDays(company.today, -30)))
			continue;
		for (const [i, t] of ONBOARDING.entries()) {
			const ownerId = t.owner === 'it' ? it : t.owner === 'manager' ? (managerOf(e) ?? it) : e.id;
			const closed = status === 'employed' && prng.chance(0.5);
			addTask(state, {
				title: t.title,
				kind: t.kind,
				ownerId,
				requestedForId: e.id,
				workflow: 'Onboarding',
				ordinalInWorkflow: i + 1,
				due: addDays(start, t.owner === 'manager' ? 3 : -2),
				status: closed ? 'closed' : 'open',
				completionDate: closed ? addDays(start, -1) : null,
			});
		}
	}
	return state;
}

function managerOf(e: Employee): string | null {
	const m = e.values['work.manager'];
	return typeof m === 'string' ? m : null;
}

export function addTask(
	state: WorkState,
	input: Partial<Task> & { title: string; ownerId: string; requestedForId: string; due: string },
): Task {
	const id = state.nextTaskId++;
	const task: Task = {
		id,
		description: '',
		workflow: 'Onboarding',
		ordinalInWorkflow: 1,
		set: 'New hire',
		status: 'open',
		completionDate: null,
		employeeGroupId: 91_000 + (id % 1000),
		kind: 'general',
		...input,
	};
	task.id = id;
	state.tasks.set(id, task);
	return task;
}
