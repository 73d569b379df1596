import { classifyLifecycleStatus } from '../../../../../nodes/HiBob/core/lifecycle';
import { sameStatus } from '../../../../../nodes/HiBob/core/lifecycle/status';

describe('classifyLifecycleStatus (the casing of HiBob machine values is unconfirmed, so any casing is read)', () => {
	it.each([
		['Hired', 'hired'],
		['hired', 'hired'],
		['EMPLOYED', 'employed'],
		['Terminated', 'terminated'],
		['Garden leave', 'gardenLeave'],
		['garden_leave', 'gardenLeave'],
		['gardenLeave', 'gardenLeave'],
		['Leave', 'leave'],
		['Parental leave', 'leave'],
		['parental_leave', 'leave'],
		['Sabbatical Leave', 'leave'],
		['Probation', 'other'],
		['', 'unknown'],
		[null, 'unknown'],
		[undefined, 'unknown'],
	])('%p is %s', (value, category) => {
		expect(classifyLifecycleStatus(value)).toBe(category);
	});

	it.each([
		['Employed', 'employed', true],
		['Garden leave', 'garden_leave', true],
		['Leave', 'Parental leave', false],
		['Employed', undefined, false],
	])('sameStatus(%p, %p) is %p', (left, right, same) => {
		expect(sameStatus(left, right)).toBe(same);
	});
});
