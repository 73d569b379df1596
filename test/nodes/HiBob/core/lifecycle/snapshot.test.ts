import { diffLifecycle, lifecycleFieldIds } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleEmployee,
	LifecycleSnapshot,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { sameJsonTree } from '../../../../../nodes/HiBob/core/lifecycle/json';
import {
	compareEmployeeIds,
	decodeEmployeeId,
	encodeEmployeeId,
	encodeSnapshot,
} from '../../../../../nodes/HiBob/core/lifecycle/snapshot';
import { generateCompany } from './companyGenerator';
import { decodeSnapshot } from './snapshotRows';

const STORED_FIELDS = lifecycleFieldIds().slice(1);
const MAX_BYTES_PER_EMPLOYEE = 96;

function baselineSnapshot(employees: LifecycleEmployee[]): LifecycleSnapshot {
	const result = diffLifecycle(undefined, employees, {
		today: '2026-03-31',
		detectedAt: '2026-03-31T06:00:00.000Z',
	});
	if (!result.nextSnapshot) throw new Error('baseline must produce a snapshot');
	return result.nextSnapshot;
}

/** Bytes per employee of the stored JSON; not timed, just measured. */
export function measureSnapshot(size: number): { bytes: number; perEmployee: number } {
	const bytes = Buffer.byteLength(JSON.stringify(baselineSnapshot(generateCompany(size))));
	return { bytes, perEmployee: bytes / size };
}

/** The naive layout the target is compared with: id → values. */
function naiveBytesPerEmployee(employees: LifecycleEmployee[]): number {
	const naive = Object.fromEntries(employees.map((employee) => [employee.id, employee.values]));
	return Buffer.byteLength(JSON.stringify(naive)) / employees.length;
}

describe('employee ID encoding', () => {
	it.each([
		['3332883884017713238'],
		['9999999999999999999'],
		['1000000000000000000'],
		['9007199254740993123'],
		['1'],
		['0123'],
		['abc-42'],
		['~already'],
		[''],
	])('%p round-trips exactly', (id) => {
		const encoded = encodeEmployeeId(id);
		expect(decodeEmployeeId(JSON.parse(JSON.stringify(encoded)) as string)).toBe(id);
	});

	it('stores a 19-digit ID in 11 characters', () => {
		expect(encodeEmployeeId('9999999999999999999')).toHaveLength(11);
	});

	it('orders IDs numerically', () => {
		expect(['20', '3', '100', '11'].sort(compareEmployeeIds)).toEqual(['3', '11', '20', '100']);
	});
});

describe('snapshot codec', () => {
	const rows = [
		[
			'3332883884017713238',
			{
				fired: 3,
				values: {
					'root.email': 'amy.miles@acme.com',
					'root.displayName': 'Amy Miles',
					'root.firstName': 'Amy',
					'root.surname': 'Miles',
					'work.startDate': '2015-03-20',
					'internal.terminationDate': null,
					'work.department': '265590516',
					'work.custom.field_1': { nested: [1, 'two'], b: true },
				},
			},
		],
		[
			'3332883911884669725',
			{
				fired: 0,
				values: {
					'root.email': 'no-at-sign',
					'root.displayName': 'Bo "B" Li',
					'root.firstName': 'Bo',
					// surname unreadable: the display name cannot be joined
					'work.startDate': '1969-12-31',
					'internal.terminationDate': '2026-04-30',
					'work.department': 265590516,
					'work.custom.field_1': null,
				},
			},
		],
		['0042', { fired: 15, values: { 'root.email': null } }],
	] as const;
	const fields = [
		'root.email',
		'root.displayName',
		'root.firstName',
		'root.surname',
		'work.startDate',
		'internal.terminationDate',
		'work.department',
		'work.custom.field_1',
	];

	it('round-trips values, undefined vs null, flags and IDs through JSON', () => {
		const sorted = [...rows].sort(([left], [right]) => compareEmployeeIds(left, right));
		const encoded = encodeSnapshot('abc', '2026-03-31', fields, sorted);
		const decoded = decodeSnapshot(JSON.parse(JSON.stringify(encoded)));
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		expect(decoded.snapshot.fingerprint).toBe('abc');
		expect(decoded.snapshot.today).toBe('2026-03-31');
		expect([...decoded.snapshot.employees.entries()]).toEqual(
			sorted.map(([id, row]) => [id, { fired: row.fired, values: row.values }]),
		);
		// 1 and 265590516 (string vs number) must not collapse.
		expect(decoded.snapshot.employees.get('3332883911884669725')?.values['work.department']).toBe(
			265590516,
		);
	});

	it.each([
		['not an object', 'x', 'snapshotUnreadable'],
		['older version', { v: 0 }, 'snapshotVersionChanged'],
		[
			'newer version',
			{ v: 2, c: '', t: '2026-03-31', i: [], x: [], o: [] },
			'snapshotVersionChanged',
		],
		[
			'column length mismatch',
			{ v: 1, c: '', t: '2026-03-31', i: ['1'], x: [0], o: [{ f: 'a', k: 's', v: [] }] },
			'snapshotUnreadable',
		],
		[
			'dictionary index out of range',
			{ v: 1, c: '', t: '2026-03-31', i: ['1'], x: [0], o: [{ f: 'a', k: 'd', d: [], v: [0] }] },
			'snapshotUnreadable',
		],
		[
			'unknown column kind',
			{ v: 1, c: '', t: '2026-03-31', i: ['1'], x: [0], o: [{ f: 'a', k: 'z', v: [1] }] },
			'snapshotUnreadable',
		],
		[
			'unsorted IDs',
			{ v: 1, c: '', t: '2026-03-31', i: ['2', '1'], x: [0, 0], o: [] },
			'snapshotUnreadable',
		],
		[
			'a repeated ID',
			{ v: 1, c: '', t: '2026-03-31', i: ['1', '1'], x: [0, 0], o: [] },
			'snapshotUnreadable',
		],
		[
			'a decimal ID stored raw',
			{ v: 1, c: '', t: '2026-03-31', i: ['~3332883884017713238'], x: [0], o: [] },
			'snapshotUnreadable',
		],
		[
			'a base-62 ID with a leading zero',
			{ v: 1, c: '', t: '2026-03-31', i: ['01'], x: [0], o: [] },
			'snapshotUnreadable',
		],
		[
			'a field stored twice',
			{
				v: 1,
				c: '',
				t: '2026-03-31',
				i: ['1'],
				x: [0],
				o: [
					{ f: 'a', k: 's', v: ['x'] },
					{ f: 'a', k: 's', v: ['y'] },
				],
			},
			'snapshotUnreadable',
		],
	])('rejects %s', (_name, raw, reason) => {
		expect(decodeSnapshot(raw)).toEqual({ ok: false, reason });
	});
});

describe('sameJsonTree (does the state need writing?)', () => {
	const stringifyEqual = (left: unknown, right: unknown) =>
		JSON.stringify(left) === JSON.stringify(right);

	it.each([
		[{ a: [1, 'x', null, { b: true }] }, { a: [1, 'x', null, { b: true }] }],
		[[], []],
		['x', 'x'],
		[0, -0],
		[{ v: 1, o: [{ f: 'a', k: 'e', d: ['1'], v: [0, 0] }] }, { v: 1, o: [{ f: 'a', k: 'e', d: ['1'], v: [0, 0] }] }],
	])('agrees with JSON when the texts match: %j', (left, right) => {
		expect(stringifyEqual(left, right)).toBe(true);
		expect(sameJsonTree(left, right)).toBe(true);
	}); // prettier-ignore

	it.each([
		[
			{ a: 1, b: 2 },
			{ b: 2, a: 1 },
		],
		[{ a: [1, 2] }, { a: [1, 2, 3] }],
		[{ a: [1, 2] }, { a: [2, 1] }],
		[[1], { 0: 1 }],
		[{ a: '1' }, { a: 1 }],
		[{ a: null }, { a: {} }],
		[{ a: null }, {}],
		['2026-11-21', '2026-11-22'],
		[{ x: [[1]] }, { x: [[1, 0]] }],
	])('says "changed" whenever the JSON texts differ: %j vs %j', (left, right) => {
		expect(stringifyEqual(left, right)).toBe(false);
		expect(sameJsonTree(left, right)).toBe(false);
		expect(sameJsonTree(right, left)).toBe(false);
	});

	it('never says "same" where JSON differs, over random values', () => {
		let state = 7;
		const next = () => {
			state = (state * 1103515245 + 12345) % 2147483648;
			return state / 2147483648;
		};
		const leaves = [0, 1, -1, 2.5, '', 'a', 'b', null, true, false];
		const build = (depth: number): unknown => {
			const roll = next();
			if (depth > 2 || roll < 0.5) return leaves[Math.floor(next() * leaves.length)];
			if (roll < 0.75)
				return Array.from({ length: Math.floor(next() * 3) }, () => build(depth + 1));
			const object: Record<string, unknown> = {};
			for (const key of ['a', 'b', 'c']) if (next() < 0.5) object[key] = build(depth + 1);
			return object;
		};
		let agreedSame = 0;
		for (let round = 0; round < 3000; round++) {
			const left = build(0);
			const right = next() < 0.4 ? JSON.parse(JSON.stringify(left)) : build(0);
			expect(sameJsonTree(left, right)).toBe(stringifyEqual(left, right));
			if (stringifyEqual(left, right)) agreedSame++;
		}
		expect(agreedSame).toBeGreaterThan(1000);
	});

	it('compares shared parts by identity and leans to "changed" where JSON would hide a difference', () => {
		const shared = { v: [1, 2, 3] };
		expect(sameJsonTree({ o: shared }, { o: shared })).toBe(true);
		// JSON drops undefined members and writes NaN as null: one needless write, never a missed one.
		expect(sameJsonTree({ a: undefined }, {})).toBe(false);
		expect(sameJsonTree([Number.NaN], [Number.NaN])).toBe(false);
	});
});

describe('snapshot size', () => {
	// Measured once at collection time so the numbers show in the test names (`jest --verbose`).
	const measured = [1_000, 10_000].map((size) => ({ size, ...measureSnapshot(size) }));

	it.each(measured)(
		'$size employees: $perEmployee bytes/employee (target ≤ 96)',
		({ perEmployee }) => {
			expect(perEmployee).toBeLessThanOrEqual(MAX_BYTES_PER_EMPLOYEE);
		},
	);

	it('is well under the naive id → values layout', () => {
		const company = generateCompany(1_000);
		expect(naiveBytesPerEmployee(company)).toBeGreaterThan(140);
		expect(measured[0].perEmployee).toBeLessThan(naiveBytesPerEmployee(company) * 0.7);
	});

	it('decodes a generated company back to exactly its values', () => {
		const company = generateCompany(1_000, 7);
		const decoded = decodeSnapshot(JSON.parse(JSON.stringify(baselineSnapshot(company))));
		expect(decoded.ok).toBe(true);
		if (!decoded.ok) return;
		for (const employee of company) {
			const values = Object.fromEntries(
				STORED_FIELDS.map((field) => [field, employee.values[field]]),
			);
			expect(decoded.snapshot.employees.get(employee.id)?.values).toEqual(values);
		}
	});
});
