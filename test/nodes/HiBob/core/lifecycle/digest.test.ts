/**
 * Keep Previous Values off: the snapshot holds digests only, and the same events fire as with values
 * kept, without previous values.
 */
import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleDiffResult,
	LifecycleEvent,
	LifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { ALICE, BOB, DAN, Poller, describeEvent, person } from './helpers';
import { pollSequence } from './pollSequences';

const DIGESTS = { keepPreviousValues: false, digestKey: 'SERVICE-1\u0000test-token' } as const;

function line(event: LifecycleEvent): string {
	return `${event.employeeId} ${event.event} ${event.effectiveDate} ${event.changes.map((change) => change.field).join(',')}`;
}

function replay(seed: number, extra: LifecycleOptions): LifecycleDiffResult[] {
	const { options, polls } = pollSequence(seed);
	let stored: unknown;
	return polls.map((poll) => {
		const context = { today: poll.today, detectedAt: `${poll.today}T06:00:00.000Z` };
		const result = diffLifecycle(stored, poll.employees, context, { ...options, ...extra });
		if (result.nextSnapshot) stored = JSON.parse(JSON.stringify(result.nextSnapshot));
		return result;
	});
}

describe('Keep Previous Values off', () => {
	it.each([1, 2, 3, 4, 5, 6, 10, 30, 33])(
		'random poll sequence %p: the same events as with values kept, without previous values',
		(seed) => {
			const kept = replay(seed, {});
			const digests = replay(seed, DIGESTS);
			expect(digests.map((result) => [result.status, result.changed])).toEqual(
				kept.map((result) => [result.status, result.changed]),
			);
			expect(digests.map((result) => result.events.map(line))).toEqual(
				kept.map((result) => result.events.map(line)),
			);
			for (const result of digests) {
				for (const event of result.events) {
					// null for someone new (as with values kept), otherwise empty.
					if (event.previous !== null) expect(event.previous).toEqual({});
					for (const change of event.changes) expect(change).not.toHaveProperty('previous');
					if (event.event === 'employeeRemoved') {
						expect(event).toMatchObject({ email: null, displayName: null, employee: {} });
					}
				}
			}
		},
	);

	it('stores no value in clear text', () => {
		const poller = new Poller({ ...DIGESTS, watchedFields: ['work.department', 'work.manager', 'root.email', 'root.firstName', 'root.surname', 'root.displayName', 'work.title'] });
		const people = [
			person(ALICE, { end: '2026-09-30', department: 'Secret Projects' }),
			person(BOB, { status: 'Parental leave', start: '2019-02-03' }),
		];
		poller.poll('2026-04-01', people);
		const stored = JSON.stringify(poller.snapshot);
		for (const clear of ['alice', 'Alice', 'Bob', 'Example', 'acme', '2026-09-30', '2019-02-03', '2020-01-06', 'Secret', 'Engineer', DAN, 'Employed', 'Parental', 'Active', '1001']) {
			expect(stored).not.toContain(clear);
		}
	}); // prettier-ignore

	it('reports the changed fields and current values, and a custom leave ends', () => {
		const poller = new Poller(DIGESTS);
		poller.poll('2026-04-01', [person(ALICE, { status: 'Parental leave' }), person(BOB)]);
		const result = poller.poll('2026-04-02', [person(ALICE), person(BOB)]);
		expect(result.events.map(describeEvent)).toEqual([
			'alice lifecycleStatusChanged 2026-04-02',
			'alice leaveEnded 2026-04-02',
		]);
		expect(result.events[0]).toMatchObject({
			email: 'alice@acme.example',
			previous: {},
			current: { lifecycleStatus: 'Employed' },
			changes: [{ field: 'internal.lifecycleStatus', current: 'Employed' }],
		});
		const watching = new Poller({ ...DIGESTS, events: ['employeeUpdated'], watchedFields: ['work.title'] });
		watching.poll('2026-04-01', [person(ALICE)]);
		const updated = watching.poll('2026-04-02', [person(ALICE, { title: 'Lead' })]);
		expect(updated.events.map((event) => [event.event, event.changes, event.current?.title])).toEqual([
			['employeeUpdated', [{ field: 'work.title', current: 'Lead' }], 'Lead'],
		]);
	}); // prettier-ignore

	it('dated events fire once per date', () => {
		const poller = new Poller(DIGESTS);
		poller.poll('2026-04-01', [person(ALICE), person(BOB, { status: 'Hired', start: '2026-04-10' })]);
		const polls = [
			['2026-04-03', [person(ALICE, { end: '2026-04-05' }), person(BOB, { status: 'Hired', start: '2026-04-10' })]],
			['2026-04-04', [person(ALICE, { end: '2026-04-05' }), person(BOB, { status: 'Hired', start: '2026-04-10' })]],
			['2026-04-06', [person(ALICE, { end: '2026-04-05' }), person(BOB, { status: 'Hired', start: '2026-04-10' })]],
			['2026-04-07', [person(ALICE, { status: 'Terminated', end: '2026-04-05' }), person(BOB, { status: 'Hired', start: '2026-04-10' })]],
			['2026-04-10', [person(ALICE, { status: 'Terminated', end: '2026-04-05' }), person(BOB, { status: 'Hired', start: '2026-04-10' })]],
			['2026-04-11', [person(ALICE, { status: 'Terminated', end: '2026-04-05' }), person(BOB, { start: '2026-04-10' })]],
		] as const;
		expect(polls.map(([today, people]) => poller.poll(today, [...people]).events.map(describeEvent))).toEqual([
			['alice terminationScheduled 2026-04-05', 'bob startDateApproaching 2026-04-10'],
			[],
			['alice employeeTerminated 2026-04-05'],
			['alice lifecycleStatusChanged 2026-04-07'],
			['bob employeeStarted 2026-04-10'],
			['bob lifecycleStatusChanged 2026-04-11'],
		]);
	}); // prettier-ignore

	it('switching the option re-baselines quietly, both ways', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE)]);
		const off = poller.poll('2026-04-02', [person(ALICE, { title: 'Lead' })], DIGESTS);
		expect(off).toMatchObject({ status: 'baseline', reason: 'configurationChanged', events: [] });
		const on = poller.poll('2026-04-03', [person(ALICE, { title: 'Staff' })], {});
		expect(on).toMatchObject({ status: 'baseline', reason: 'configurationChanged', events: [] });
	});
});
