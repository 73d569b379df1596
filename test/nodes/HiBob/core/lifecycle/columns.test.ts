/**
 * What each column kind earns: bytes per employee of the stored snapshot with every kind, and without
 * each one (its columns then take the next smallest kind), on the generated company. The numbers in
 * snapshot/columns.ts come from the 50,000-person line (`npx jest columns --verbose`).
 */
import { lifecycleFieldIds } from '../../../../../nodes/HiBob/core/lifecycle';
import type { ColumnSource } from '../../../../../nodes/HiBob/core/lifecycle/snapshot/columns';
import { CODECS, encodeColumn } from '../../../../../nodes/HiBob/core/lifecycle/snapshot/columns';
import { generateCompany } from './companyGenerator';

/** A watched field with a different value per person (a personnel number). */
const UNIQUE = 'work.custom.personnelNumber';
const FIELDS = [...lifecycleFieldIds().slice(1), UNIQUE];

function columnBytes(size: number, without?: string): number {
	const company = generateCompany(size).map((employee, index) => {
		const values: Record<string, unknown> = { ...employee.values };
		values[UNIQUE] = `P-${String(100_000 + index * 7)}`;
		return { id: employee.id, values };
	});
	const others: ColumnSource = {
		has: (field) => FIELDS.includes(field),
		get: (field) => company.map((employee) => employee.values[field]),
	};
	const codecs = CODECS.filter((codec) => codec.kind !== without);
	return FIELDS.reduce(
		(total, field) =>
			total + JSON.stringify(encodeColumn(field, others.get(field), others, codecs)).length,
		0,
	);
}

function savings(size: number): Record<string, number> {
	const all = columnBytes(size);
	const result: Record<string, number> = { all: all / size };
	for (const codec of CODECS) {
		if (codec.kind === 'd') continue;
		result[codec.kind] = Math.round(((columnBytes(size, codec.kind) - all) / size) * 10) / 10;
	}
	return result;
}

describe('column kinds: bytes per employee saved', () => {
	// Measured once at collection time so the numbers show in the test names (`jest --verbose`).
	const measured = [1_000, 50_000].map((size) => ({ size, saved: savings(size) }));

	it.each(measured.map(({ size, saved }) => [size, JSON.stringify(saved)]))(
		'%i employees: %s',
		(_size, saved) => {
			expect(JSON.parse(saved)).toHaveProperty('all');
		},
	);

	it('every kind the encoder proposes saves at least 1 B/employee at one of those sizes', () => {
		for (const codec of CODECS) {
			if (codec.kind === 'd') continue;
			expect(Math.max(...measured.map(({ saved }) => saved[codec.kind]))).toBeGreaterThanOrEqual(1);
		}
	});
});
