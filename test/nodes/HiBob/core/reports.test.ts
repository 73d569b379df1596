import {
	asyncReportName,
	parseReportId,
	parseReports,
	parseTimeout,
	pollDelayMs,
	reportFileName,
	reportRows,
} from '../../../../nodes/HiBob/core/reports';

describe('core/reports', () => {
	it('reads the report list (IDs as strings) and refuses an answer without views', () => {
		expect(parseReports({ views: [{ id: 12, name: 'Headcount', folderId: 'people', configuration: { fields: ['root.id'] } }, { name: 'no id' }] })).toEqual([
			{ id: '12', name: 'Headcount', folderId: 'people', description: null, type: null, createdBy: null, creationDate: null, modificationDate: null, isScheduled: false, fields: ['root.id'] },
		]);
		expect(parseReports({ reports: [] })).toBeUndefined();
	}); // prettier-ignore

	it('takes report IDs as digits only', () => {
		expect(parseReportId(' 3100001 ')).toBe('3100001');
		expect(parseReportId(42)).toBe('42');
		expect(() => parseReportId('')).toThrow('Choose a report');
		expect(() => parseReportId('12/../fields')).toThrow('"12/../fields" is not a report ID');
	});

	it('finds the rows of a JSON report: a list, an employees list, or the one list in the answer', () => {
		const rows = [{ id: '1' }];
		expect(reportRows(rows)).toBe(rows);
		expect(reportRows({ employees: rows, other: [] })).toBe(rows);
		expect(reportRows({ data: rows })).toBe(rows);
		expect(reportRows({ a: [], b: [] })).toBeUndefined();
		expect(reportRows('text')).toBeUndefined();
	});

	it('takes only a plain file name from the Location of an asynchronous download', () => {
		expect(asyncReportName('https://app.hibob.com/v1/company/reports/download/2022-06-17T11_22_14.798810-test.JsonFormat')).toBe('2022-06-17T11_22_14.798810-test.JsonFormat');
		expect(asyncReportName('/v1/company/reports/download/a%20b.CsvFormat?x=1')).toBe('a b.CsvFormat');
		for (const bad of ['https://evil.example/v1/company/reports/download/..', 'https://x/v1/company/reports/download/a%2F..%2Fpeople', 'https://x/v1/company/reports/download/', 'https://x/other', undefined, 'https://x/v1/company/reports/download/%E0'])
			expect(asyncReportName(bad)).toBeUndefined();
	}); // prettier-ignore

	it('names files after the request, the report or its ID, with the extension once', () => {
		expect(reportFileName('xlsx', '', 'Head/count: 2026', '1')).toBe('Head_count_ 2026.xlsx');
		expect(reportFileName('csv', 'weekly.CSV', 'x', '1')).toBe('weekly.CSV');
		expect(reportFileName('csv', '', undefined, '77')).toBe('report-77.csv');
	});

	it('bounds the timeout and spaces the polls 1, 2, 4, then 5 seconds', () => {
		expect(parseTimeout('300')).toBe(300);
		expect(() => parseTimeout(0)).toThrow('Timeout 0 is not between 1 and 3600 seconds');
		expect(() => parseTimeout('soon')).toThrow('not between');
		expect([1, 2, 3, 4, 5, 9].map(pollDelayMs)).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
	});
});
