/** The people reader's hot paths (cached path segments, per-list read plans) keep readField's semantics. */
import { FieldIndex } from '../../../../nodes/HiBob/core/fields';
import { fieldsMissingFromAll, flatValues, readField } from '../../../../nodes/HiBob/core/people';

const employee = {
	id: '3332883884017713238',
	email: 'amy@acme.example',
	work: { department: '265590516', manager: null, custom: { deep: { value: 3 } } },
	internal: { lifecycleStatus: 'employed' },
	'/internal/terminationDate': { value: '2026-04-30' },
	'/work/siteId': { value: 1420547 },
	explicit: undefined,
};

describe('readField', () => {
	it('reads nested values first, keeping null, then slash keys', () => {
		expect(readField(employee, 'root.id')).toBe('3332883884017713238');
		expect(readField(employee, 'work.department')).toBe('265590516');
		expect(readField(employee, 'work.manager')).toBeNull();
		expect(readField(employee, 'internal.terminationDate')).toBe('2026-04-30');
		expect(readField(employee, 'work.siteId')).toBe(1420547);
	});

	it('is undefined for fields the answer does not carry, at any depth', () => {
		expect(readField(employee, 'work.title')).toBeUndefined();
		expect(readField(employee, 'payroll.salary')).toBeUndefined();
		expect(readField(employee, 'work.department.name')).toBeUndefined();
		expect(readField(employee, 'work.manager.id')).toBeUndefined();
	});

	it('treats a key holding undefined as present (no slash-key fallback)', () => {
		expect(readField({ ...employee, '/root/explicit': { value: 'slash' } }, 'root.explicit')).toBe(
			undefined,
		);
	});

	it('follows metadata JSON paths, the same path every time (cached segments)', () => {
		const index = new FieldIndex([
			{
				id: 'work.custom.field_1',
				name: 'Deep',
				categoryId: 'work',
				categoryDisplayName: 'Work',
				jsonPath: 'work.custom.deep.value',
				type: 'number',
				historical: false,
			},
		]);
		for (let round = 0; round < 3; round++) {
			expect(readField(employee, 'work.custom.field_1', index)).toBe(3);
			expect(readField(employee, 'work.custom.field_1')).toBeUndefined();
		}
	});

	it('flatValues and fieldsMissingFromAll read the same way', () => {
		expect(flatValues(employee, ['root.email', 'work.title', 'work.siteId'])).toEqual({
			'root.email': 'amy@acme.example',
			'work.title': undefined,
			'work.siteId': 1420547,
		});
		expect(fieldsMissingFromAll([employee], ['root.email', 'work.title'])).toEqual(['work.title']);
	});
});
