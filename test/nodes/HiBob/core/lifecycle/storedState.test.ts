/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test code (never shipped): reads its fixture */
/**
 * A snapshot stored by an earlier release must keep working after an upgrade: the fixture holds a
 * snapshot written by the first release's codec (every column kind: dictionary, plain strings, emails,
 * dates, joined display names; a raw ID; an unreadable field; object values), with the people it was
 * taken from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	LifecycleEmployee,
	LifecycleOptions,
	LifecycleSnapshot,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { decodeRows } from './snapshotRows';

const fixture = JSON.parse(
	readFileSync(join(__dirname, 'fixtures', 'snapshot-v1.json'), 'utf8'),
) as {
	today: string;
	options: LifecycleOptions;
	employees: LifecycleEmployee[];
	snapshot: LifecycleSnapshot;
};
const context = { today: fixture.today, detectedAt: `${fixture.today}T06:00:00.000Z` };

describe('a snapshot stored by the first release', () => {
	it('uses every column kind (the fixture is worth keeping)', () => {
		expect(new Set(fixture.snapshot.o.map((column) => column.k))).toEqual(
			new Set(['d', 's', 'e', 't', 'j']),
		);
	});

	it('decodes to exactly the values it was taken from', () => {
		const { rows } = decodeRows(fixture.snapshot);
		const fields = fixture.snapshot.o.map((column) => column.f);
		const expected = [...fixture.employees]
			.sort((left, right) => left.id.length - right.id.length || (left.id < right.id ? -1 : 1))
			.map((employee) => ({
				id: employee.id,
				values: Object.fromEntries(
					fields
						.filter((field) => employee.values[field] !== undefined)
						.map((field) => [field, employee.values[field]]),
				),
			}));
		expect(rows.map(({ id, values }) => ({ id, values }))).toEqual(expected);
	});

	it('loads quietly: the same people give no event and nothing to store', () => {
		const result = diffLifecycle(fixture.snapshot, fixture.employees, context, fixture.options);
		expect(result.status).toBe('diffed');
		expect(result.events).toEqual([]);
		expect(result.changed).toBe(false);
	});

	it('reports a change against the stored values', () => {
		const [first] = fixture.employees;
		const moved = fixture.employees.map((employee) =>
			employee === first
				? { id: employee.id, values: { ...employee.values, 'work.department': 'moved' } }
				: employee,
		);
		const result = diffLifecycle(fixture.snapshot, moved, context, fixture.options);
		expect(result.events.map((event) => [event.event, event.employeeId, event.changes])).toEqual([
			[
				'employeeUpdated',
				first.id,
				[{ field: 'work.department', previous: first.values['work.department'], current: 'moved' }],
			],
		]);
	});
});
