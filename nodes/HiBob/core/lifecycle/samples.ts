/**
 * "Fetch Test Event" samples that follow the selected events: which event the samples show, and which
 * employees fit it by their current values (someone terminated for Employee Terminated, on leave for
 * Leave Started…). Pure; the trigger shapes the samples with the engine itself.
 */
import { classifyLifecycleStatus } from './status';
import type { LifecycleEmployee, LifecycleEventName } from './types';
import { LIFECYCLE_EVENTS } from './types';

/** The event the samples show: Employee Created when selected (any employee fits), else the first selected. */
export function sampleEventName(selected: readonly LifecycleEventName[]): LifecycleEventName {
	if (selected.includes('employeeCreated') || selected.length === 0) return 'employeeCreated';
	return LIFECYCLE_EVENTS.find((event) => selected.includes(event)) ?? 'employeeCreated';
}

/** Whether an employee's current values fit a sample of `event` (`today`: YYYY-MM-DD). */
export function fitsSample(event: LifecycleEventName, employee: LifecycleEmployee, today: string): boolean {
	const status = classifyLifecycleStatus(employee.values['internal.lifecycleStatus']);
	const termination = employee.values['internal.terminationDate'];
	const start = employee.values['work.startDate'];
	switch (event) {
		case 'startDateApproaching':
			return status === 'hired' || (typeof start === 'string' && start > today);
		case 'employeeStarted':
		case 'employeeRehired':
		case 'leaveEnded':
			return status === 'employed';
		case 'leaveStarted':
			return status === 'leave';
		case 'terminationScheduled':
			return typeof termination === 'string' && termination > today;
		case 'employeeTerminated':
			return status === 'terminated';
		default:
			return true;
	}
} // prettier-ignore
