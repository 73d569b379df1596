/**
 * "Keep Previous Values: off": the stored digests are keyed with a secret that is not in the stored
 * state (derived from the HiBob credential), so the workflow's export alone no longer gives dates,
 * managers, names or statuses back by trying candidates; the lifecycle category is behind the key
 * too; a new token, or a snapshot of the earlier unkeyed format, starts a new, silent baseline.
 */
import { diffLifecycle } from '../../nodes/HiBob/core/lifecycle';
import { Digester } from '../../nodes/HiBob/core/lifecycle/digest';
import { classifyLifecycleStatus } from '../../nodes/HiBob/core/lifecycle/status';
import unkeyedSnapshot from '../nodes/HiBob/core/lifecycle/fixtures/snapshot-digest-unkeyed.json';
import { ALICE, BOB, DAN, Poller, person } from '../nodes/HiBob/core/lifecycle/helpers';

const KEY = 'SERVICE-USER-7\u0000tok_0123456789abcdefghijklmnopqrstuvwxyz';
const KEPT_OFF = { keepPreviousValues: false, digestKey: KEY } as const;

/** The unkeyed 53-bit hash earlier versions stored (what an attacker would try first). */
function cyrb53(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ code, 2654435761);
		h2 = Math.imul(h2 ^ code, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Every calendar date of 2015–2030, as HiBob sends them. */
function candidateDates(): string[] {
	const dates: string[] = [];
	for (let ms = Date.UTC(2015, 0, 1); ms <= Date.UTC(2030, 11, 31); ms += 86_400_000)
		dates.push(new Date(ms).toISOString().slice(0, 10));
	return dates;
}

const people = () => [
	person(ALICE, { start: '2021-06-14', end: '2026-09-30', status: 'Employed' }),
	person(BOB, { start: '2022-09-01', status: 'Garden leave', end: '2026-12-15' }),
];

function storedText(digestKey = KEY): string {
	const result = diffLifecycle(
		undefined,
		people(),
		{ today: '2026-04-01', detectedAt: '2026-04-01T06:00:00.000Z' },
		{ keepPreviousValues: false, digestKey, watchedFields: ['work.manager', 'root.firstName', 'root.email'] },
	);
	return JSON.stringify(result.nextSnapshot);
}

/** Which candidates a digest function finds in the stored text. */
function found(text: string, candidates: string[], digest: (value: string) => string): string[] {
	return candidates.filter((value) => text.includes(JSON.stringify(digest(value))));
}

describe('keyed digests (Keep Previous Values off)', () => {
	it('dates, managers and names cannot be found by trying candidates without the key', () => {
		const text = storedText();
		const dates = candidateDates();
		const names = ['Alice', 'Bob', 'alice@acme.example', 'bob@acme.example', DAN];
		// Earlier versions' unkeyed hash: nothing matches any more.
		expect(found(text, dates, (date) => cyrb53(JSON.stringify(date)))).toEqual([]);
		expect(found(text, names, (name) => cyrb53(JSON.stringify(name)))).toEqual([]);
		// The right algorithm with a wrong key: nothing either.
		const guess = new Digester('SERVICE-USER-7\u0000a-guessed-token');
		expect(found(text, dates, (date) => guess.value('work.startDate', date) as string)).toEqual([]);
		// The enumeration itself works: with the key, every stored date is found.
		const right = new Digester(KEY);
		expect(found(text, dates, (date) => right.value('work.startDate', date) as string)).toEqual([
			'2021-06-14',
			'2022-09-01',
		]);
		expect(found(text, [DAN], (id) => right.value('work.manager', id) as string)).toEqual([DAN]);
	});

	it('the lifecycle category is behind the key: its letter depends on the key, and the key reads it back', () => {
		const letters = new Set<string>();
		for (let at = 0; at < 24; at++) {
			letters.add(String(new Digester(`key-${at}`).value('internal.lifecycleStatus', 'Employed')).charAt(0));
		}
		expect(letters.size).toBeGreaterThan(2);
		const digester = new Digester(KEY);
		for (const status of ['Hired', 'Employed', 'Terminated', 'Garden leave', 'Parental leave', 'Sabbatical'])
			expect(digester.category(digester.value('internal.lifecycleStatus', status))).toBe(classifyLifecycleStatus(status));
		expect(digester.category('not-a-digest')).toBeDefined();
	}); // prettier-ignore

	it('no key, no digest-only state: the engine refuses to store unkeyed digests', () => {
		expect(() =>
			diffLifecycle(undefined, people(), { today: '2026-04-01', detectedAt: '2026-04-01T06:00:00.000Z' }, { keepPreviousValues: false }),
		).toThrow(/digest key/);
	}); // prettier-ignore

	it('a new token re-baselines quietly, as a configuration change does', () => {
		const poller = new Poller(KEPT_OFF);
		poller.poll('2026-04-01', [person(ALICE), person(BOB)]);
		const changed = [person(ALICE, { title: 'Lead', end: '2026-05-01' }), person(BOB)];
		const result = poller.poll('2026-04-02', changed, { ...KEPT_OFF, digestKey: 'SERVICE-USER-7\u0000new-token' });
		expect(result).toMatchObject({ status: 'baseline', reason: 'configurationChanged', events: [] });
	}); // prettier-ignore

	it('a digest-only snapshot of the earlier, unkeyed format re-baselines quietly', () => {
		const poller = new Poller(KEPT_OFF);
		poller.snapshot = JSON.parse(JSON.stringify(unkeyedSnapshot));
		expect(JSON.stringify(poller.snapshot)).toContain('"e1glsmpolkh8"'); // the clear category letter 'e'
		const result = poller.poll('2026-04-02', [person(ALICE, { status: 'Terminated', end: '2026-04-01' }), person(BOB)]);
		expect(result).toMatchObject({ status: 'baseline', reason: 'configurationChanged', events: [] });
		const next = JSON.stringify(result.nextSnapshot);
		expect(next).not.toContain('e1glsmpolkh8');
		// And from there it diffs as usual.
		const after = poller.poll('2026-04-03', [person(ALICE, { status: 'Terminated', end: '2026-04-01' }), person(BOB, { status: 'Parental leave' })]);
		expect(after.status).toBe('diffed');
		expect(after.events.map((event) => event.event)).toEqual(['lifecycleStatusChanged', 'leaveStarted']);
	}); // prettier-ignore
});
