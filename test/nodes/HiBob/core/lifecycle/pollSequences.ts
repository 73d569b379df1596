/**
 * Randomised poll sequences over a generated company: each poll changes a few people at random (status,
 * dates, watched fields, unreadable fields, odd JSON), removes some, adds some (raw IDs too), repeats
 * and reorders people. Deterministic per seed: golden.test.ts replays them against recorded results.
 */
import { lifecycleFieldIds } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleEmployee,
	LifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { mulberry32 } from '../../../../simulator/util';
import { generateCompany } from './companyGenerator';

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
export const CUSTOM = 'work.custom.field_1';

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One random change to one employee (values are copied: inputs are never mutated). */
export function mutate(
	employee: LifecycleEmployee,
	next: () => number,
	today: string,
): LifecycleEmployee {
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

export const OPTION_SETS: LifecycleOptions[] = [
	{},
	{ watchedFields: ['work.department', CUSTOM, 'root.firstName'], leadDays: 3 },
	{ events: ['employeeUpdated', 'employeeRemoved'], guard: { maxRemovalPercent: 100 } },
];

export interface Poll {
	today: string;
	employees: LifecycleEmployee[];
	/** A repeat of the previous poll's people on the same day: nothing changed. */
	quietRepeat: boolean;
}

/** The polls of one seed, in order (the first one takes the baseline). */
export function pollSequence(seed: number): { options: LifecycleOptions; polls: Poll[] } {
	const next = mulberry32(seed);
	const options = OPTION_SETS[seed % OPTION_SETS.length];
	let employees: LifecycleEmployee[] = generateCompany(150, seed).map((employee) => ({
		id: employee.id,
		values: { ...employee.values, [CUSTOM]: { a: 1, b: [2] } },
	}));
	const polls: Poll[] = [];
	let today = '2026-03-31';
	for (let round = 0; round < 12; round++) {
		polls.push({ today, employees, quietRepeat: false });
		if (round % 4 === 1) polls.push({ today, employees, quietRepeat: true });
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
	return { options, polls };
}
