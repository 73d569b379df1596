/**
 * The trigger's own work on one poll, measured on a response body prepared before timing starts (so
 * the simulator's cost is not in the figure): JSON.parse(body) → people normalisation (core/people) →
 * diffLifecycle against the previous snapshot as n8n hands it over (decoded from JSON) →
 * JSON.stringify(nextSnapshot) (n8n stores static data as JSON).
 */
import type { LifecycleEmployee, LifecycleSnapshot } from '../../nodes/HiBob/core/lifecycle';
import { diffLifecycle, lifecycleFieldIds } from '../../nodes/HiBob/core/lifecycle';
import { employeeId, employeesOf, flatValues } from '../../nodes/HiBob/core/people';
import { Prng } from '../../test/simulator/util';
import type { Company } from '../../test/simulator';
import { FULL_ACCESS, generateCompany, searchPeople } from '../../test/simulator';
import type { HeapProbe } from './stats';

export const TODAY = '2026-03-31';
const DETECTED_AT = `${TODAY}T06:00:00.000Z`;
const SERVICE_USER = { id: 'SERVICE-USER-BENCH', token: 'bench-token', permissions: FULL_ACCESS };

/** What the trigger asks HiBob for with default options: the engine's fields, inactive people included. */
export const SEARCH_BODY = { fields: lifecycleFieldIds(), showInactive: true };

export function searchBody(company: Company): string {
	const answer = searchPeople(company, SERVICE_USER, SEARCH_BODY);
	if (answer.status !== 200) throw new Error(`simulator answered ${answer.status}`);
	return JSON.stringify(answer.body);
}

/** The mix of a busy poll, interleaved so that even 10 changes cover every kind. */
const BUSY_MIX = [
	'department',
	'hire',
	'title',
	'terminationScheduled',
	'leave',
	'department',
	'remove',
	'title',
	'surname',
	'terminated',
	'department',
	'hire',
	'title',
	'leave',
	'department',
	'terminationScheduled',
	'remove',
	'title',
	'hire',
	'department',
] as const;

/**
 * 1% of the company changes between two polls, deterministically: department, title and name changes,
 * leaves, scheduled and past terminations, new hires and removals.
 */
export function applyBusyChanges(company: Company, seed = 7): number {
	const prng = new Prng(seed);
	const count = Math.max(10, Math.round(company.employees.size / 100));
	const working = [...company.employees.values()]
		.filter((employee) => company.lifecycleStatus(employee) === 'employed')
		.map((employee) => employee.id);
	const departments = company.lists.get('department')?.items.filter((item) => !item.archived) ?? [];
	const titles = company.lists.get('title')?.items ?? [];
	const used = new Set<string>();
	const pickWorking = (): string => {
		for (;;) {
			const id = prng.pick(working);
			if (!used.has(id)) {
				used.add(id);
				return id;
			}
		}
	};
	for (let index = 0; index < count; index++) {
		const kind = BUSY_MIX[index % BUSY_MIX.length];
		if (kind === 'department') {
			company.changeFields({
				employeeId: pickWorking(),
				fields: { 'work.department': String(prng.pick(departments).id) },
			});
		} else if (kind === 'title') {
			company.changeFields({
				employeeId: pickWorking(),
				fields: { 'work.title': String(prng.pick(titles).id) },
			});
		} else if (kind === 'surname') {
			company.changeFields({ employeeId: pickWorking(), fields: { 'root.surname': 'Newname' } });
		} else if (kind === 'leave') {
			company.startLeave({ employeeId: pickWorking(), startDate: TODAY });
		} else if (kind === 'terminationScheduled') {
			company.terminate({ employeeId: pickWorking(), terminationDate: '2026-04-30' });
		} else if (kind === 'terminated') {
			company.terminate({ employeeId: pickWorking(), terminationDate: '2026-03-30' });
		} else if (kind === 'hire') {
			company.hire({
				firstName: 'Bench',
				surname: `Hire${index}`,
				startDate: index % 2 === 0 ? '2026-04-06' : TODAY,
			});
		} else {
			company.deleteEmployee(pickWorking());
		}
	}
	return count;
}

export interface PollOutcome {
	status: string;
	events: number;
	snapshotJson: string | undefined;
}

/** Normalised people as the trigger builds them: every requested field, by field ID. */
function normalise(body: unknown): LifecycleEmployee[] {
	const raw = employeesOf(body);
	if (!raw) throw new Error('not a search answer');
	const fieldIds = SEARCH_BODY.fields;
	const employees: LifecycleEmployee[] = new Array(raw.length);
	for (let index = 0; index < raw.length; index++) {
		employees[index] = { id: employeeId(raw[index]), values: flatValues(raw[index], fieldIds) };
	}
	return employees;
}

/** One poll of the trigger's core path; `previous` is the stored snapshot as n8n hands it over. */
export function poll(body: string, previous: unknown, probe?: HeapProbe): PollOutcome {
	const parsed: unknown = JSON.parse(body);
	probe?.sample();
	const employees = normalise(parsed);
	probe?.sample();
	const result = diffLifecycle(previous, employees, { today: TODAY, detectedAt: DETECTED_AT });
	probe?.sample();
	const snapshotJson = result.nextSnapshot ? JSON.stringify(result.nextSnapshot) : undefined;
	probe?.sample();
	return { status: result.status, events: result.events.length, snapshotJson };
}

export interface TriggerScenario {
	size: number;
	bodyBytes: number;
	quietBody: string;
	busyBody: string;
	/** The baseline's snapshot as stored JSON: decode a fresh copy per run, as n8n hands it over. */
	snapshotJson: string;
	changed: number;
}

/** Builds everything before timing: company, baseline body and snapshot, busy body. */
export function buildTriggerScenario(size: number): TriggerScenario {
	const company = generateCompany({ employees: size, seed: 1, today: TODAY });
	const quietBody = searchBody(company);
	const baseline = poll(quietBody, undefined);
	if (baseline.status !== 'baseline' || !baseline.snapshotJson)
		throw new Error('baseline poll failed');
	const changed = applyBusyChanges(company);
	const busyBody = searchBody(company);
	return {
		size,
		bodyBytes: Buffer.byteLength(quietBody),
		quietBody,
		busyBody,
		snapshotJson: baseline.snapshotJson,
		changed,
	};
}

/** Bytes per employee of the baseline snapshot with Keep Previous Values off (digests only). */
export function digestSnapshotBytesPerEmployee(scenario: TriggerScenario): number {
	const employees = normalise(JSON.parse(scenario.quietBody));
	const context = { today: TODAY, detectedAt: DETECTED_AT };
	const result = diffLifecycle(undefined, employees, context, {
		keepPreviousValues: false,
		digestKey: 'bench-user\u0000bench-token',
	});
	return Buffer.byteLength(JSON.stringify(result.nextSnapshot)) / scenario.size;
}

export function snapshotOf(json: string): LifecycleSnapshot {
	return JSON.parse(json) as LifecycleSnapshot;
}
