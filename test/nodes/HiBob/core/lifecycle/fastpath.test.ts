/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test: node:util detects Proxies that n8n wraps static data in */
/**
 * The optimised engine (column readers, unchanged-row fast path, column reuse, arithmetic dates and IDs)
 * must give exactly what the engine gave before the performance work: same status, events, guard and
 * snapshot, over randomised poll sequences. `reference/` is that engine, verbatim.
 */
import { types } from 'node:util';

import type { IDataObject } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import { diffLifecycle, lifecycleFieldIds } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleDiffResult,
	LifecycleEmployee,
	LifecycleOptions,
	LifecycleSnapshot,
} from '../../../../../nodes/HiBob/core/lifecycle';
import {
	decodeEmployeeId,
	encodeEmployeeId,
} from '../../../../../nodes/HiBob/core/lifecycle/snapshot';
import { generateCompany } from './companyGenerator';
import { diffLifecycle as referenceDiff } from './reference/diff';

function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

const STATUSES = [
	'Employed',
	'employed',
	'Terminated',
	'Leave',
	'Hired',
	'garden leave',
	null,
	'X',
];
const CUSTOM = 'work.custom.field_1';

function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One random change to one employee (values are copied: inputs are never mutated). */
function mutate(employee: LifecycleEmployee, next: () => number, today: string): LifecycleEmployee {
	const values = { ...employee.values };
	const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
	switch (Math.floor(next() * 12)) {
		case 0:
			values['work.department'] = pick(['1', '2', 3, '265590516', null]);
			break;
		case 1:
			values['internal.lifecycleStatus'] = pick(STATUSES);
			break;
		case 2:
			values['work.startDate'] = pick([addDays(today, 3), addDays(today, -2), today, null, 'bad']);
			break;
		case 3:
			values['internal.terminationDate'] = pick([addDays(today, 5), addDays(today, -1), null]);
			break;
		case 4:
			delete values[pick(lifecycleFieldIds().slice(1))];
			break;
		case 5:
			values['root.email'] = pick(['x@new.example', 'no-at-sign', null, 'a@b@c.example']);
			break;
		case 6:
			values['root.displayName'] = pick([
				'Someone Else',
				null,
				`${String(values['root.firstName'])} X`,
			]);
			break;
		case 7:
			values['root.firstName'] = pick(['Renamed', null, 42]);
			break;
		case 8:
			values[CUSTOM] = pick([{ a: 1, b: [2] }, { b: [2], a: 1 }, ['x'], null, 7]);
			break;
		case 9:
			values['internal.status'] = pick(['Active', 'Inactive', 'ACTIVE']);
			break;
		case 10:
			values['work.siteId'] = pick([1420547, '1420547', 99]);
			break;
		default:
			values['work.title'] = pick(['Engineer', 'Manager', undefined]);
	}
	return { id: employee.id, values };
}

interface Engines {
	fast: unknown;
	reference: unknown;
}

function compareOnce(
	engines: Engines,
	employees: LifecycleEmployee[],
	today: string,
	options: LifecycleOptions,
): LifecycleDiffResult {
	const context = { today, detectedAt: `${today}T06:00:00.000Z` };
	const fast = diffLifecycle(engines.fast, employees, context, options);
	const reference = referenceDiff(engines.reference, employees, context, options);
	const { changed, ...rest } = fast;
	expect(rest).toEqual(reference);
	// `changed` tells the trigger whether to write the state: exactly when the stored JSON would differ.
	expect(changed).toBe(
		fast.status !== 'guardTripped' &&
			JSON.stringify(engines.fast) !== JSON.stringify(fast.nextSnapshot),
	);
	if (fast.nextSnapshot) engines.fast = JSON.parse(JSON.stringify(fast.nextSnapshot));
	if (reference.nextSnapshot)
		engines.reference = JSON.parse(JSON.stringify(reference.nextSnapshot));
	return fast;
}

const OPTION_SETS: LifecycleOptions[] = [
	{},
	{ watchedFields: ['work.department', CUSTOM, 'root.firstName'], leadDays: 3 },
	{ events: ['employeeUpdated', 'employeeRemoved'], guard: { maxRemovalPercent: 100 } },
];

describe('optimised engine = reference engine', () => {
	it.each([1, 2, 3, 4, 5, 6])('random poll sequence, seed %p', (seed) => {
		const next = random(seed);
		const options = OPTION_SETS[seed % OPTION_SETS.length];
		let employees: LifecycleEmployee[] = generateCompany(150, seed).map((employee) => ({
			id: employee.id,
			values: { ...employee.values, [CUSTOM]: { a: 1, b: [2] } },
		}));
		const engines: Engines = { fast: undefined, reference: undefined };
		let today = '2026-03-31';
		for (let round = 0; round < 12; round++) {
			compareOnce(engines, employees, today, options);
			// Quiet repeat: the same people again must give the same columns.
			if (round % 4 === 1) {
				const before = engines.fast as LifecycleSnapshot;
				const quiet = diffLifecycle(
					before,
					employees,
					{ today, detectedAt: `${today}T06:00:00.000Z` },
					options,
				);
				if (quiet.status === 'diffed' && quiet.events.length === 0) {
					expect(quiet.nextSnapshot.o).toEqual(before.o);
				}
				compareOnce(engines, employees, today, options);
			}
			today = addDays(today, Math.floor(next() * 3));
			const changes = Math.floor(next() * 12);
			employees = employees.map((employee) =>
				next() < changes / employees.length ? mutate(employee, next, today) : employee,
			);
			if (next() < 0.5) employees = employees.filter(() => next() > 0.02);
			if (next() < 0.5) {
				employees = [
					...employees,
					{
						id: `${3_400_000_000_000_000_000n + BigInt(round * 10 + seed)}`,
						values: { ...employees[0].values },
					},
					{ id: `0${round}${seed}`, values: { 'root.email': `raw${round}@x.example` } },
				];
			}
			if (next() < 0.3) employees = [...employees, employees[1]];
			if (next() < 0.2) employees = [...employees].reverse();
		}
	});

	it.each([
		[
			'unsorted IDs',
			(snapshot: LifecycleSnapshot) => ({ ...snapshot, i: [...snapshot.i].reverse() }),
		],
		[
			'a repeated ID',
			(snapshot: LifecycleSnapshot) => ({
				...snapshot,
				i: [snapshot.i[1], ...snapshot.i.slice(1)],
			}),
		],
		[
			'raw IDs',
			(snapshot: LifecycleSnapshot) => ({
				...snapshot,
				i: snapshot.i.map((id, row) => (row % 3 === 0 ? `~${decodeEmployeeId(id) ?? ''}` : id)),
			}),
		],
		[
			'a missing column',
			(snapshot: LifecycleSnapshot) => ({ ...snapshot, o: snapshot.o.slice(1) }),
		],
	])('hand-edited stored data: %s', (_name, edit) => {
		const employees = generateCompany(60, 9);
		const first = diffLifecycle(undefined, employees, { today: '2026-03-31', detectedAt: 'x' });
		const edited = edit(JSON.parse(JSON.stringify(first.nextSnapshot)) as LifecycleSnapshot);
		const changed = employees.map((employee, index) =>
			index % 7 === 0 ? mutate(employee, random(index), '2026-04-01') : employee,
		);
		const engines: Engines = { fast: edited, reference: JSON.parse(JSON.stringify(edited)) };
		compareOnce(engines, changed, '2026-04-01', {});
		compareOnce(engines, changed, '2026-04-02', {});
	});
});

describe('stored data as n8n hands it over', () => {
	const context = { today: '2026-03-31', detectedAt: '2026-03-31T06:00:00.000Z' };

	it('a quiet poll reuses the stored columns instead of encoding them again', () => {
		const employees = generateCompany(200, 3);
		const first = diffLifecycle(undefined, employees, context);
		const stored = JSON.parse(JSON.stringify(first.nextSnapshot)) as LifecycleSnapshot;
		// Store one dictionary column as plain strings: equivalent, but not what the encoder would pick.
		const index = stored.o.findIndex((column) => column.f === 'work.department');
		const column = stored.o[index];
		if (column.k !== 'd') throw new Error('expected a dictionary column');
		stored.o[index] = {
			f: column.f,
			k: 's',
			v: column.v.map((at) => (at === -1 ? 0 : (column.d[at] as string | null))),
		};
		const quiet = diffLifecycle(stored, employees, context);
		expect(quiet.events).toEqual([]);
		expect(quiet.nextSnapshot?.o[index]).toEqual(stored.o[index]);
		// A change in that column encodes it again, smallest form first.
		const moved = employees.map((employee, at) =>
			at === 5
				? { ...employee, values: { ...employee.values, 'work.department': 'moved' } }
				: employee,
		);
		expect(diffLifecycle(stored, moved, context).nextSnapshot?.o[index].k).toBe('d');
	});

	it('change-tracking Proxies (n8n ObservableObject) give the same result, and none is stored again', () => {
		const employees = generateCompany(120, 4);
		const first = diffLifecycle(undefined, employees, context);
		const json = JSON.stringify(first.nextSnapshot);
		const changed = employees.map((employee, at) =>
			at % 10 === 0 ? mutate(employee, random(at), context.today) : employee,
		);
		for (const people of [employees, changed]) {
			const wrapped = ObservableObject.create({
				snapshot: JSON.parse(json) as IDataObject,
			}).snapshot;
			const plain = diffLifecycle(JSON.parse(json), people, context);
			const proxied = diffLifecycle(wrapped, people, context);
			expect(proxied).toEqual(plain);
			const proxies: string[] = [];
			const visit = (value: unknown, path: string) => {
				if (value === null || typeof value !== 'object') return;
				if (types.isProxy(value)) proxies.push(path);
				for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
			};
			visit(proxied.nextSnapshot, 'nextSnapshot');
			expect(proxies).toEqual([]);
		}
	});
});

describe('employee ID codec without BigInt', () => {
	function referenceEncode(id: string): string {
		if (!/^[1-9]\d{0,39}$/.test(id)) return `~${id}`;
		const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
		let number = BigInt(id);
		let encoded = '';
		while (number > 0n) {
			encoded = digits[Number(number % 62n)] + encoded;
			number /= 62n;
		}
		return encoded;
	}

	it('matches BigInt on random IDs of every length up to 40 digits', () => {
		const next = random(11);
		const mismatches: string[] = [];
		for (let length = 1; length <= 40; length++) {
			for (let sample = 0; sample < 200; sample++) {
				let id = String(1 + Math.floor(next() * 9));
				while (id.length < length) id += String(Math.floor(next() * 10));
				const encoded = encodeEmployeeId(id);
				if (encoded !== referenceEncode(id)) mismatches.push(`${id} → ${encoded}`);
				if (decodeEmployeeId(encoded) !== id) mismatches.push(`${encoded} ↩ ${id}`);
			}
		}
		for (const edge of ['9999999999999999999', '1000000000000000000', '999999999', '1000000000'])
			if (decodeEmployeeId(encodeEmployeeId(edge)) !== edge) mismatches.push(edge);
		expect(mismatches).toEqual([]);
	});

	it.each([['zzzzzzzzzzz'], ['00A'], ['0'], ['zzzzzzzzzzzz'], ['a-b'], [''], ['~x']])(
		'decodes %p like BigInt would',
		(encoded) => {
			const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
			let expected: string | undefined;
			if (encoded.startsWith('~')) expected = encoded.slice(1);
			else if (/^[0-9A-Za-z]+$/.test(encoded)) {
				let number = 0n;
				for (const character of encoded) number = number * 62n + BigInt(digits.indexOf(character));
				expected = number.toString();
			}
			expect(decodeEmployeeId(encoded)).toBe(expected);
		},
	);
});
