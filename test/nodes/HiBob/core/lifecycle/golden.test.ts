/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code (never shipped): reads and, with UPDATE_GOLDEN=1, rewrites its fixture */
/**
 * The engine against recorded results: every poll of the random sequences in pollSequences.ts must give
 * exactly the recorded status, guard, events and stored rows. The fixture was recorded once from the
 * engine as it was before the lifecycle code was reorganised, and is only updated on purpose: after a
 * deliberate rule change, run `UPDATE_GOLDEN=1 npx jest golden` and review the diff of golden.json (one
 * line per event: `employeeId event effectiveDate [changed fields]`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleDiffResult,
	LifecycleEvent,
	LifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { decodeRows } from './snapshotRows';
import { pollSequence } from './pollSequences';

const FIXTURE = join(__dirname, 'fixtures', 'golden.json');
// 1–6 as the randomised comparison always used; 10, 30 and 33 add leaveStarted and leaveEnded.
const SEEDS = [1, 2, 3, 4, 5, 6, 10, 30, 33];

interface RecordedPoll {
	today: string;
	status: LifecycleDiffResult['status'];
	reason?: string;
	guard?: { reason: string; affected?: number; allowed?: number; fields?: string[] };
	changed: boolean;
	/** `employeeId event effectiveDate [changed fields]`, in emitted order. */
	events: string[];
	/** Of the events' full JSON (previous, current, changes, employee...). */
	eventsDigest: string;
	/** Of the stored rows (ID → values), as decoded: independent of how columns are encoded. */
	rowsDigest: string | null;
	/** Of the stored dated-event flags per row. */
	firedDigest: string | null;
}

function digest(value: unknown): string {
	return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

function sortedKeys(values: Record<string, unknown>): Array<[string, unknown]> {
	return Object.keys(values)
		.sort()
		.map((key) => [key, values[key]]);
}

function eventLine(event: LifecycleEvent): string {
	const fields = event.changes.map((change) => change.field).join(',');
	return `${event.employeeId} ${event.event} ${event.effectiveDate}${fields ? ` [${fields}]` : ''}`;
}

function record(
	stored: unknown,
	result: LifecycleDiffResult,
	today: string,
	changed: boolean,
): RecordedPoll {
	const rows = result.nextSnapshot ? decodeRows(result.nextSnapshot) : undefined;
	return {
		today,
		status: result.status,
		...(result.status === 'baseline' ? { reason: result.reason } : {}),
		...(result.status === 'guardTripped'
			? {
					guard: {
						reason: result.guard.reason,
						affected: result.guard.affectedEmployees,
						allowed: result.guard.allowedEmployees,
						fields: result.guard.fields,
					},
				}
			: {}),
		changed,
		events: result.events.map(eventLine),
		eventsDigest: digest(result.events),
		rowsDigest: rows
			? digest([rows.fingerprint, rows.rows.map((row) => [row.id, sortedKeys(row.values)])])
			: null,
		firedDigest: rows ? digest(rows.rows.map((row) => row.fired)) : null,
	};
}

/** Runs one seed's polls, storing the snapshot through a JSON round trip as n8n does. */
function replay(
	seed: number,
	diff: (
		stored: unknown,
		poll: ReturnType<typeof pollSequence>['polls'][number],
		options: LifecycleOptions,
	) => LifecycleDiffResult,
): RecordedPoll[] {
	const { options, polls } = pollSequence(seed);
	let stored: unknown;
	return polls.map((poll) => {
		const result = diff(stored, poll, options);
		const changed =
			result.status !== 'guardTripped' &&
			JSON.stringify(stored) !== JSON.stringify(result.nextSnapshot);
		const recorded = record(stored, result, poll.today, changed);
		// `changed` tells the trigger whether to write the state: exactly when the stored JSON would differ.
		expect(result.changed).toBe(changed);
		if (result.nextSnapshot) stored = JSON.parse(JSON.stringify(result.nextSnapshot));
		return recorded;
	});
}

function engine(
	stored: unknown,
	poll: { today: string; employees: Parameters<typeof diffLifecycle>[1] },
	options: LifecycleOptions,
): LifecycleDiffResult {
	return diffLifecycle(
		stored,
		poll.employees,
		{
			today: poll.today,
			detectedAt: `${poll.today}T06:00:00.000Z`,
		},
		options,
	);
}

const golden = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, RecordedPoll[]>;

if (process.env.UPDATE_GOLDEN === '1') {
	it('rewrites the golden fixture', () => {
		const next: Record<string, RecordedPoll[]> = {};
		for (const seed of SEEDS) next[`seed ${seed}`] = replay(seed, engine);
		writeFileSync(FIXTURE, `${JSON.stringify(next, null, '\t')}\n`);
	});
} else {
	describe('the engine gives the recorded results', () => {
		it.each(SEEDS)('random poll sequence, seed %p', (seed) => {
			expect(replay(seed, engine)).toEqual(golden[`seed ${seed}`]);
		});
	});
}
