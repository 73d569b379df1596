import { chunk, stringList } from '../../../../nodes/HiBob/core/lists';

describe('stringList', () => {
	it('keeps a picked list, blank entries dropped', () => {
		expect(stringList(['employeeJoined', ' ', '', 'employeeLeft'])).toEqual([
			'employeeJoined',
			'employeeLeft',
		]);
	});

	it('trims the entries of a picked list (an expression may give " work.title")', () => {
		expect(stringList([' work.title ', 'root.email'])).toEqual(['work.title', 'root.email']);
	});

	it('splits comma-separated text, trimmed', () => {
		expect(stringList(' a , b,, c ')).toEqual(['a', 'b', 'c']);
	});

	it('reads nothing from blank text or other values', () => {
		for (const value of ['', '   ', undefined, null, 3, {}]) expect(stringList(value)).toEqual([]);
	});
});

describe('chunk', () => {
	it('splits in order into runs of at most the size', () => {
		expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(chunk([], 3)).toEqual([]);
	});
});
