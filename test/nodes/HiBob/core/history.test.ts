import {
	bulkErrorsOf,
	CursorGuard,
	historyRow,
	isEmployeeTable,
	isHistoryTable,
	nextCursorOf,
	parseBulkPage,
	parseEmployeeTable,
	tableRows,
} from '../../../../nodes/HiBob/core/history';
import { chunk } from '../../../../nodes/HiBob/core/lists';

const A = '3332883884017713238';
const B = '2578509511618723822';

describe('core/history', () => {
	it('knows the tables HiBob reads in bulk, and the per-employee ones', () => {
		expect(['lifecycle', 'work', 'employment', 'salaries'].every(isHistoryTable)).toBe(true);
		expect(isHistoryTable('equities')).toBe(false);
		expect(isHistoryTable(undefined)).toBe(false);
		expect(['salaries', 'equities', 'variable', 'training', 'work'].every(isEmployeeTable)).toBe(
			true,
		);
		expect(isEmployeeTable('bank-accounts')).toBe(false);
	});

	describe('tableRows', () => {
		it('reads bare rows', () => {
			expect(tableRows([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
		});

		it('unwraps table wrappers {values: [...], restricted_columns}, also mixed with rows', () => {
			expect(
				tableRows([
					{ values: [{ id: 1 }, { id: 2 }], restricted_columns: {} },
					{ id: 3, effectiveDate: '2026-01-01' },
				]),
			).toEqual([{ id: 1 }, { id: 2 }, { id: 3, effectiveDate: '2026-01-01' }]);
			expect(tableRows({ values: [{ id: 9 }] })).toEqual([{ id: 9 }]);
		});

		it('drops entries that are not objects and reads nothing from junk', () => {
			expect(tableRows([null, 'x', 3, [1], { id: 1 }])).toEqual([{ id: 1 }]);
			expect(tableRows(undefined)).toEqual([]);
			expect(tableRows('rows')).toEqual([]);
		});
	});

	it('historyRow puts the employee first and IDs as strings; the row cannot overwrite employeeId', () => {
		const row = historyRow(A, { id: 7, employeeId: 'other', siteId: 2606110, status: 'Employed' });
		expect(row).toEqual({ employeeId: A, id: '7', siteId: '2606110', status: 'Employed' });
		expect(Object.keys(row)[0]).toBe('employeeId');
	});

	describe('nextCursorOf', () => {
		it('reads next_cursor and cursor; null, empty or missing ends the walk', () => {
			expect(nextCursorOf({ response_metadata: { next_cursor: 'c+1/' } })).toBe('c+1/');
			expect(nextCursorOf({ response_metadata: { cursor: 'c2' } })).toBe('c2');
			expect(nextCursorOf({ response_metadata: { next_cursor: null, cursor: 'c3' } })).toBe('c3');
			expect(nextCursorOf({ response_metadata: { next_cursor: null } })).toBeNull();
			expect(nextCursorOf({ response_metadata: { cursor: '' } })).toBeNull();
			expect(nextCursorOf({ results: [] })).toBeNull();
			expect(nextCursorOf(null)).toBeNull();
		});
	});

	describe('bulkErrorsOf', () => {
		it('reads the documented list form', () => {
			expect(
				bulkErrorsOf({
					errors: [{ employeeId: B, error: 'MISSING_PERMISSION', message: 'no access' }],
				}),
			).toEqual([{ employeeId: B, error: 'MISSING_PERMISSION', message: 'no access' }]);
		});

		it('reads the keyed form of the schema, as an object or inside the list', () => {
			const expected = [{ employeeId: B, error: 'MISSING_PERMISSION', message: 'no access' }];
			expect(
				bulkErrorsOf({ errors: { [B]: { error: 'MISSING_PERMISSION', message: 'no access' } } }),
			).toEqual(expected);
			expect(
				bulkErrorsOf({ errors: [{ [B]: { error: 'MISSING_PERMISSION', message: 'no access' } }] }),
			).toEqual(expected);
		});

		it('has none when there is no errors key', () => {
			expect(bulkErrorsOf({ results: [] })).toEqual([]);
		});
	});

	describe('parseBulkPage', () => {
		it('reads results (rows or wrappers), errors and the cursor; employee IDs as strings', () => {
			expect(
				parseBulkPage({
					results: [
						{ employeeId: A, values: [{ id: 1 }] },
						{ employeeId: 42, values: [{ values: [{ id: 2 }] }] },
						{ values: [{ id: 3 }] },
					],
					response_metadata: { cursor: 'next' },
				}),
			).toEqual({
				results: [
					{ employeeId: A, rows: [{ id: 1 }] },
					{ employeeId: '42', rows: [{ id: 2 }] },
				],
				errors: [],
				nextCursor: 'next',
			});
		});

		it('is undefined for an answer without results', () => {
			expect(parseBulkPage({ values: [] })).toBeUndefined();
			expect(parseBulkPage(null)).toBeUndefined();
		});
	});

	it('parseEmployeeTable reads {values: [rows]} and refuses other shapes', () => {
		expect(parseEmployeeTable({ values: [{ id: 1 }] })).toEqual([{ id: 1 }]);
		expect(parseEmployeeTable({ values: [] })).toEqual([]);
		expect(parseEmployeeTable({ employees: [] })).toBeUndefined();
	});

	it('chunk splits into runs of at most the size', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 200)).toEqual([]);
	});

	it('CursorGuard accepts new cursors and refuses a repeated one', () => {
		const guard = new CursorGuard();
		expect(guard.accept('a')).toBe(true);
		expect(guard.accept('b')).toBe(true);
		expect(guard.accept('a')).toBe(false);
		expect(guard.pages).toBe(2);
	});
});
