/**
 * The demo's HR department: every 60–90 s it makes one lifecycle change in the simulated company through
 * the simulator's control API, seeded so every run tells the same story (hires, first days, department
 * moves, scheduled and effective terminations, leave starting and ending).
 *
 * Time: the simulator's calendar stays on today's real date. The HiBob Trigger runs inside n8n and takes
 * "today" (for Start Date Approaching's lead days, start and termination dates) from n8n's real clock;
 * moving the simulated calendar days ahead would put the two out of step, and Start Date Approaching
 * would stop firing. So instead of jumping the whole company forward, the driver fast-forwards one
 * person's story at a time: a start date or a scheduled termination someone got a few minutes ago
 * "arrives" now (start date moved to today, or the scheduled change run now), which HiBob reports exactly
 * as if the date had come.
 */
import type { SimulatorControl } from '../../test/simulator/control';
import { addDays, Prng } from '../../test/simulator/util';

export type DriverAction =
	| 'hire'
	| 'firstDay'
	| 'departmentMove'
	| 'scheduleTermination'
	| 'terminate'
	| 'startLeave'
	| 'endLeave';

/** What one tick did, for the console; `expect` names the demo workflow that should react. */
export interface DriverStep {
	action: DriverAction;
	text: string;
	expect?: string;
	employeeId?: string;
}

/** One story told in a loop (about 12 minutes), so every kind of change comes up within minutes. */
export const CYCLE: DriverAction[] = [
	'hire',
	'departmentMove',
	'firstDay',
	'scheduleTermination',
	'hire',
	'terminate',
	'startLeave',
	'firstDay',
	'departmentMove',
	'endLeave',
];

const FIRST_NAMES = [
	'Amara',
	'Bruno',
	'Chloé',
	'Dev',
	'Elif',
	'Felix',
	'Grace',
	'Hiro',
	'Ines',
	'Jonas',
	'Kavya',
	'Liam',
	'Maya',
	'Noah',
	'Olga',
	'Pablo',
	'Quinn',
	'Rosa',
	'Sami',
	'Tomás',
];
const SURNAMES = [
	'Achebe',
	'Bianchi',
	'Costa',
	'Dubois',
	'Eriksen',
	'Fischer',
	'García',
	'Haddad',
	'Ivanova',
	'Jensen',
	'Kowalski',
	'Lindqvist',
	'Moreau',
	'Nakamura',
	'Okafor',
	'Petrov',
];

export class DemoDriver {
	private readonly random: () => number;

	private step = 0;

	/** People the driver hired whose start date has not been fast-forwarded yet. */
	private readonly upcomingStarts: string[] = [];

	/** People whose termination the driver scheduled and has not made effective yet. */
	private readonly pendingTerminations: string[] = [];

	/** People the driver sent on leave. */
	private readonly onLeave: string[] = [];

	constructor(
		private readonly control: SimulatorControl,
		private readonly departments: string[],
		private readonly titles: string[],
		seed = 7,
	) {
		const random = new Prng(seed);
		this.random = () => random.next();
	}

	/** 60–90 s, seeded. */
	nextDelayMs(): number {
		return 60_000 + Math.floor(this.random() * 30_000);
	}

	private pick<T>(list: T[]): T | undefined {
		return list.length === 0 ? undefined : list[Math.floor(this.random() * list.length)];
	}

	private today(): string {
		return this.control.getClock().today;
	}

	private employed(): ReturnType<SimulatorControl['listEmployees']> {
		return this.control.listEmployees({ lifecycleStatus: 'employed' });
	}

	/** Runs the next action of the cycle (an action with nobody to act on falls back to a hire). */
	tick(): DriverStep {
		const action = CYCLE[this.step++ % CYCLE.length];
		return this.run(action) ?? this.run('hire')!;
	}

	run(action: DriverAction): DriverStep | undefined {
		const today = this.today();
		switch (action) {
			case 'hire': {
				const firstName = this.pick(FIRST_NAMES)!;
				const surname = this.pick(SURNAMES)!;
				const department = this.pick(this.departments)!;
				const title = this.pick(this.titles);
				const startDate = addDays(today, 3 + Math.floor(this.random() * 4));
				const hired = this.control.hire({ firstName, surname, startDate, department, title });
				this.upcomingStarts.push(hired.id);
				return {
					action,
					employeeId: hired.id,
					text: `hired ${hired.displayName} <${hired.email}> as ${title ?? 'a new employee'} in ${department}, starting ${startDate}`,
					expect: 'Start Date Approaching → "Demo: start date approaching → account creation"',
				};
			}
			case 'firstDay': {
				const id =
					this.upcomingStarts.shift() ??
					this.pick(this.control.listEmployees({ lifecycleStatus: 'hired' }))?.id;
				if (!id) return undefined;
				const before = this.control.getEmployee({ employeeId: id });
				const person = this.control.changeStartDate({ employeeId: id, startDate: today });
				return {
					action,
					employeeId: id,
					text: `${person.displayName}'s first day has come (start date ${before.startDate} fast-forwarded to today)`,
					expect: 'Employee Started → "Demo: new hire → welcome message"',
				};
			}
			case 'departmentMove': {
				const person = this.pick(this.employed());
				if (!person) return undefined;
				const current = this.control.getEmployee({ employeeId: person.id }).values[
					'work.department'
				];
				const names = this.departments.filter((d) => d !== this.departmentName(current));
				const to = this.pick(names)!;
				this.control.changeFields({
					employeeId: person.id,
					fields: { 'work.department': to },
					reason: 'Reorganisation',
				});
				return {
					action,
					employeeId: person.id,
					text: `moved ${person.displayName} from ${this.departmentName(current)} to ${to}`,
					expect: 'Employee Updated → "Demo: department change → group update"',
				};
			}
			case 'scheduleTermination': {
				const person = this.pick(this.employed());
				if (!person) return undefined;
				const terminationDate = addDays(today, 7 + Math.floor(this.random() * 14));
				this.control.terminate({ employeeId: person.id, terminationDate });
				this.pendingTerminations.push(person.id);
				return {
					action,
					employeeId: person.id,
					text: `scheduled ${person.displayName}'s termination for ${terminationDate}`,
					expect: 'Termination Scheduled (no demo workflow listens to it; add one!)',
				};
			}
			case 'terminate': {
				const id = this.pendingTerminations.shift();
				if (id) {
					const person = this.control.executeScheduled({ employeeId: id });
					return {
						action,
						employeeId: id,
						text: `${person.displayName}'s termination takes effect now (fast-forwarded)`,
						expect: 'Employee Terminated → "Demo: termination → deprovision"',
					};
				}
				const person = this.pick(this.employed());
				if (!person) return undefined;
				this.control.terminate({ employeeId: person.id });
				return {
					action,
					employeeId: person.id,
					text: `terminated ${person.displayName} effective today`,
					expect: 'Employee Terminated → "Demo: termination → deprovision"',
				};
			}
			case 'startLeave': {
				const person = this.pick(this.employed());
				if (!person) return undefined;
				const type = this.random() < 0.5 ? 'leave' : 'parental leave';
				const endDate = addDays(today, 30 + Math.floor(this.random() * 60));
				this.control.startLeave({ employeeId: person.id, type, startDate: today, endDate });
				this.onLeave.push(person.id);
				return {
					action,
					employeeId: person.id,
					text: `${person.displayName} starts ${type} until ${endDate}`,
					expect: 'Leave Started (no demo workflow listens to it)',
				};
			}
			case 'endLeave': {
				const id =
					this.onLeave.shift() ??
					this.pick(this.control.listEmployees({ lifecycleStatus: 'leave' }))?.id;
				if (!id) return undefined;
				const person = this.control.endLeave({ employeeId: id });
				return {
					action,
					employeeId: id,
					text: `${person.displayName} is back from leave today`,
					expect: 'Leave Ended (no demo workflow listens to it)',
				};
			}
		}
	}

	private departmentName(value: unknown): string {
		return this.departmentNames.get(String(value)) ?? String(value);
	}

	/** Item ID → name, filled by the demo from the company's named list. */
	readonly departmentNames = new Map<string, string>();
}
