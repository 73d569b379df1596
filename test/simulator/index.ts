/**
 * The HiBob simulator: a local stand-in for HiBob's API used by tests, benchmarks,
 * e2e runs and demos.
 *
 *   const sim = await startSimulator({ employees: 200, seed: 7, today: '2026-11-21' });
 *   fetch(`${sim.url}/v1/people/search`, { method: 'POST', headers: { Authorization: sim.authHeader(), … } });
 *   sim.control.terminate({ employeeId, terminationDate: '2026-12-31' });
 *   await sim.stop();
 *
 * Without HTTP: `generateCompany({ employees: 50000, seed: 1 })` and `searchPeople(company, user, body)`.
 */
export {
	startSimulator,
	type RunningSimulator,
	type StartOptions,
	type RequestLog,
} from './server';
export {
	Simulator,
	SimClock,
	basicAuth,
	SPA_HTML,
	type SimulatorOptions,
	type RateLimitOptions,
	type AuthBlockOptions,
	type CursorKey,
	type NamedListsShape,
	type FaultKind,
	type FaultSpec,
	type Fault,
	type LogEntry,
} from './simulator';
export {
	SimulatorControl,
	CONTROL_METHODS,
	type EmployeeSummary,
	type EmployeeSnapshot,
	type ClockState,
	type ServiceUserInfo,
} from './control';
export {
	Company,
	ControlError,
	generateCompany,
	LIFECYCLE_LABELS,
	type CompanyOptions,
	type Employee,
	type LifecycleStatus,
	type HireInput,
	type TerminateInput,
	type LeaveInput,
	type NamedList,
	type ListItem,
} from './company';
export { FULL_ACCESS, type AccessScope, type Permissions, type ServiceUser } from './access';
export { searchPeople, readEmployee, renderEmployee, type HumanReadableMode } from './render';
export {
	CUSTOM_COST_CENTER,
	CUSTOM_DESK_NUMBER,
	CUSTOM_REGIONAL_TEAM,
	type FieldMeta,
} from './fields';
