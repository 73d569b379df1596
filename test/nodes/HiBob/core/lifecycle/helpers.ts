import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleDiffResult,
	LifecycleEmployee,
	LifecycleEvent,
	LifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle';

/** 19-digit IDs above 2^53: a Number round trip would corrupt them. */
export const ALICE = '3332883884017713238';
export const BOB = '3332883911884669725';
export const CARA = '9007199254740993123';
export const DAN = '3400000000000000001';

const NAMES: Record<string, string> = {
	[ALICE]: 'alice',
	[BOB]: 'bob',
	[CARA]: 'cara',
	[DAN]: 'dan',
};

export interface PersonSpec {
	status?: string | null;
	access?: string | null;
	start?: string | null;
	end?: string | null;
	department?: string | null;
	title?: string | null;
	/** Any other field ID → value; `undefined` removes the field (unreadable). */
	fields?: Record<string, unknown>;
}

/** An Employed person with every default watched field readable. */
export function person(id: string, spec: PersonSpec = {}): LifecycleEmployee {
	const name = NAMES[id] ?? `person${id.slice(-4)}`;
	const firstName = name[0].toUpperCase() + name.slice(1);
	const values: Record<string, unknown> = {
		'root.email': `${name}@acme.example`,
		'root.displayName': `${firstName} Example`,
		'root.firstName': firstName,
		'root.surname': 'Example',
		'internal.lifecycleStatus': spec.status === undefined ? 'Employed' : spec.status,
		'internal.status': spec.access === undefined ? 'Active' : spec.access,
		'work.startDate': spec.start === undefined ? '2020-01-06' : spec.start,
		'internal.terminationDate': spec.end === undefined ? null : spec.end,
		'work.department': spec.department === undefined ? '265590516' : spec.department,
		'work.title': spec.title === undefined ? 'Engineer' : spec.title,
		'work.manager': DAN,
		'work.siteId': '1001',
	};
	for (const [field, value] of Object.entries(spec.fields ?? {})) {
		if (value === undefined) delete values[field];
		else values[field] = value;
	}
	return { id, values };
}

/**
 * Plays the trigger: keeps the snapshot between polls the way n8n static data does, through a JSON
 * round trip, and keeps the old one when the guard trips.
 */
export class Poller {
	snapshot: unknown;

	constructor(private readonly options: LifecycleOptions = {}) {}

	poll(today: string, employees: LifecycleEmployee[], options = this.options): LifecycleDiffResult {
		const result = diffLifecycle(
			this.snapshot,
			employees,
			{ today, detectedAt: `${today}T06:00:00.000Z` },
			options,
		);
		if (result.nextSnapshot) this.snapshot = JSON.parse(JSON.stringify(result.nextSnapshot));
		return result;
	}
}

/** `alice employeeStarted 2026-04-10`: compact, readable expectations. */
export function describeEvent(event: LifecycleEvent): string {
	return `${NAMES[event.employeeId] ?? event.employeeId} ${event.event} ${event.effectiveDate}`;
}
