import { FieldIndex, parseFieldMetadata } from '../../../../nodes/HiBob/core/fields';
import {
	employeeId,
	employeesOf,
	fieldsMissingFromAll,
	labelFor,
	readField,
	simplify,
	withoutSlashKeys,
} from '../../../../nodes/HiBob/core/people';

// HiBob's answer shape: nested (nulls kept) + slash keys (non-null only) + labels.
const amy = {
	id: '3332883884017713238',
	email: 'amy.miles@acme.com',
	displayName: 'Amy Miles',
	work: {
		department: '265590516',
		title: null,
		manager: '3332883884017713239',
		startDate: '2015-03-20',
	},
	internal: { lifecycleStatus: 'employed' },
	'/root/id': { value: '3332883884017713238' },
	'/root/email': { value: 'amy.miles@acme.com' },
	'/work/department': { value: '265590516' },
	'/work/manager': { value: '3332883884017713239' },
	'/work/custom/field_1': { value: 'Desk 4' },
	humanReadable: {
		work: { department: 'Product', manager: 'Bo Chen', startDate: '20/03/2015' },
		internal: { lifecycleStatus: 'Employed' },
	},
};

describe('people', () => {
	it('reads nested values first, then slash keys; absent is undefined, empty is null', () => {
		expect(readField(amy, 'root.email')).toBe('amy.miles@acme.com');
		expect(readField(amy, 'work.title')).toBeNull();
		expect(readField(amy, 'work.custom.field_1')).toBe('Desk 4');
		expect(readField(amy, 'internal.terminationDate')).toBeUndefined();
		expect(employeeId(amy)).toBe('3332883884017713238');
	});

	it('uses the metadata jsonPath when it differs from the field ID', () => {
		const index = new FieldIndex(
			parseFieldMetadata([
				{ id: 'work.reportsToName', jsonPath: 'work.manager', categoryId: 'work' },
			]),
		);
		expect(readField(amy, 'work.reportsToName', index)).toBe('3332883884017713239');
	});

	it('drops slash keys and keeps the nested form and labels', () => {
		const output = withoutSlashKeys(amy);
		expect(Object.keys(output).some((key) => key.startsWith('/'))).toBe(false);
		expect(output.work).toBe(amy.work);
		expect(output.humanReadable).toBe(amy.humanReadable);
	});

	it('simplifies with list labels, machine dates, and the manager as ID plus name', () => {
		expect(simplify(amy)).toEqual({
			id: '3332883884017713238',
			displayName: 'Amy Miles',
			email: 'amy.miles@acme.com',
			title: null,
			department: 'Product',
			managerId: '3332883884017713239',
			manager: 'Bo Chen',
			startDate: '2015-03-20',
			lifecycleStatus: 'Employed',
		});
		const withoutLabels: Record<string, unknown> = { ...amy };
		delete withoutLabels.humanReadable;
		expect(simplify(withoutLabels)).toMatchObject({ department: '265590516', manager: null });
	});

	it('names requested fields that no employee carries (a missing permission)', () => {
		const bo = { id: '2', internal: { lifecycleStatus: 'hired' } };
		expect(
			fieldsMissingFromAll(
				[amy, bo],
				['root.email', 'internal.lifecycleStatus', 'internal.status'],
			),
		).toEqual(['internal.status']);
		expect(fieldsMissingFromAll([], ['root.email'])).toEqual([]);
	});

	it('accepts only a search answer with an employee list', () => {
		expect(employeesOf({ employees: [amy] })).toEqual([amy]);
		expect(employeesOf({ hello: 1 })).toBeUndefined();
		expect(employeesOf('<html>')).toBeUndefined();
	});

	it('labelFor: names for list items and people; never a date, yes/no, or a label that repeats the value', () => {
		expect(labelFor('265590516', 'Product')).toBe('Product');
		expect(labelFor(9756390, 'Sydney')).toBe('Sydney');
		expect(labelFor('3332883884017713239', 'Tom Smith')).toBe('Tom Smith');
		expect(labelFor('2015-03-20', '20/03/2015')).toBeUndefined();
		expect(labelFor('2026-11-21T09:30:00.000Z', '21/11/2026 09:30')).toBeUndefined();
		expect(labelFor(true, 'Yes')).toBeUndefined();
		expect(labelFor(12, '12')).toBeUndefined();
		expect(labelFor('Active', 'Active')).toBeUndefined();
		expect(labelFor(null, 'x')).toBeUndefined();
		expect(labelFor('265590516', undefined)).toBeUndefined();
	});
});
