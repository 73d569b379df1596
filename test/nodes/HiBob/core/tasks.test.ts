import { InputError } from '../../../../nodes/HiBob/core/errors';
import {
	completionResult,
	parseTaskId,
	parseTasks,
	readTaskFilters,
	taskMatches,
} from '../../../../nodes/HiBob/core/tasks';

describe('core/tasks', () => {
	const task = (extra: Record<string, unknown>) => ({
		id: '1',
		title: 'Create the Google account',
		workflow: 'IT Onboarding',
		due: '2026-11-24',
		owner: { id: 'o' },
		requestedFor: { id: 'r' },
		...extra,
	});

	it('reads {tasks} with IDs as text, nested people included; no list is undefined', () => {
		expect(parseTasks({ tasks: [{ id: 48210003, owner: { id: '1' }, employeeGroupId: 9 }, null] })).toEqual([{ id: '48210003', owner: { id: '1' }, employeeGroupId: '9' }]);
		expect(parseTasks({ todos: [] })).toBeUndefined();
		expect(parseTasks('<html>')).toBeUndefined();
	}); // prettier-ignore

	it('takes task IDs of digits (text or a safe number), refusing anything else with an InputError', () => {
		expect(parseTaskId(' 48210003 ')).toBe('48210003');
		expect(parseTaskId(48210003)).toBe('48210003');
		for (const bad of ['', '  ', '12a', '1/complete', null, undefined, 1.5, {}]) expect(() => parseTaskId(bad)).toThrow(InputError);
	}); // prettier-ignore

	it('filters by title and list ignoring case, by due date inclusively, and by role', () => {
		const f = (input: Record<string, unknown>) => readTaskFilters(input);
		expect(taskMatches(task({}), f({ titleContains: 'GOOGLE', workflowContains: 'onboard' }))).toBe(true);
		expect(taskMatches(task({}), f({ titleContains: 'laptop' }))).toBe(false);
		expect(taskMatches(task({}), f({ dueFrom: '2026-11-24T00:00:00', dueTo: '2026-11-24' }))).toBe(true);
		expect(taskMatches(task({}), f({ dueFrom: '2026-11-25' }))).toBe(false);
		expect(taskMatches(task({}), f({ dueTo: '2026-11-23' }))).toBe(false);
		expect(taskMatches(task({ due: null }), f({ dueTo: '2026-11-23' }))).toBe(false);
		expect(taskMatches(task({}), {}, { employeeId: 'r', relation: 'requestedFor' })).toBe(true);
		expect(taskMatches(task({}), {}, { employeeId: 'r', relation: 'owner' })).toBe(false);
		expect(taskMatches(task({}), {}, { employeeId: 'x', relation: 'any' })).toBe(true);
	}); // prettier-ignore

	it('reads due dates as the calendar date written, and refuses bad or swapped dates', () => {
		expect(readTaskFilters({ dueFrom: '2026-11-24T23:30:00.000+09:00' }).dueFrom).toBe('2026-11-24');
		expect(() => readTaskFilters({ dueFrom: 'soon' })).toThrow(/is not a date/);
		expect(() => readTaskFilters({ dueFrom: '2026-11-25', dueTo: '2026-11-24' })).toThrow(/earlier than/);
		expect(readTaskFilters({ titleContains: '  ' }).titleContains).toBeUndefined();
	}); // prettier-ignore

	it('reports toDosUpdated 0 as already complete, not as a failure', () => {
		expect(completionResult('5', { toDosUpdated: 1 })).toEqual({ id: '5', completed: true, alreadyComplete: false, toDosUpdated: 1 });
		expect(completionResult('5', { toDosUpdated: 0 })).toEqual({ id: '5', completed: true, alreadyComplete: true, toDosUpdated: 0 });
		expect(completionResult('5', null)).toEqual({ id: '5', completed: true, alreadyComplete: false });
	}); // prettier-ignore
});
