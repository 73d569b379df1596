import { diffLifecycle } from '../../../../../nodes/HiBob/core/lifecycle';
import type {
	BaselineReason,
	LifecycleEmployee,
	LifecycleOptions,
} from '../../../../../nodes/HiBob/core/lifecycle';
import { ALICE, BOB, CARA, DAN, Poller, describeEvent, person } from './helpers';

interface Step {
	today: string;
	people: LifecycleEmployee[];
	/** `name event effectiveDate`, in emitted order. */
	expected: string[];
	/** Default: baseline for the first step, diffed afterwards. */
	status?: 'baseline' | 'diffed' | 'guardTripped';
	reason?: BaselineReason;
	/** Options for this poll only (the trigger's parameters changed). */
	options?: LifecycleOptions;
}

interface Scenario {
	name: string;
	options?: LifecycleOptions;
	steps: Step[];
}

const hired = (start: string, spec = {}) => ({
	status: 'Hired',
	access: 'Inactive',
	start,
	...spec,
});
const terminated = (end: string, spec = {}) => ({
	status: 'Terminated',
	access: 'Inactive',
	end,
	...spec,
});

const scenarios: Scenario[] = [
	{
		name: 'first run takes a baseline and emits nothing, even for dates already reached',
		steps: [
			{
				today: '2026-03-31',
				people: [person(ALICE), person(BOB, hired('2026-04-02'))],
				expected: [],
				reason: 'firstRun',
			},
			// Bob was already inside the 7-day window at baseline: no late startDateApproaching.
			{
				today: '2026-04-01',
				people: [person(ALICE), person(BOB, hired('2026-04-02'))],
				expected: [],
			},
			{
				today: '2026-04-02',
				people: [person(ALICE), person(BOB, hired('2026-04-02'))],
				expected: ['bob employeeStarted 2026-04-02'],
			},
		],
	},
	{
		name: 'emitExistingOnFirstRun emits employeeCreated for everyone, then diffs normally',
		options: { emitExistingOnFirstRun: true },
		steps: [
			{
				today: '2026-03-31',
				people: [person(BOB, hired('2026-05-01')), person(ALICE)],
				expected: ['alice employeeCreated 2020-01-06', 'bob employeeCreated 2026-05-01'],
			},
			{
				today: '2026-04-01',
				people: [person(ALICE), person(BOB, hired('2026-05-01'))],
				expected: [],
			},
		],
	},
	{
		name: 'a hire with a future start date is created, nothing else yet',
		steps: [
			{ today: '2026-03-31', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-01',
				people: [person(ALICE), person(BOB, hired('2026-05-01'))],
				expected: ['bob employeeCreated 2026-05-01'],
			},
			{
				today: '2026-04-02',
				people: [person(ALICE), person(BOB, hired('2026-05-01'))],
				expected: [],
			},
		],
	},
	{
		name: 'a hire inside the lead window is created and approaching at once',
		steps: [
			{ today: '2026-03-31', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-01',
				people: [person(ALICE), person(BOB, hired('2026-04-03'))],
				expected: ['bob employeeCreated 2026-04-03', 'bob startDateApproaching 2026-04-03'],
			},
		],
	},
	{
		name: 'startDateApproaching fires once, exactly leadDays (default 7) before the start',
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-02', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-03',
				people: [person(BOB, hired('2026-04-10'))],
				expected: ['bob startDateApproaching 2026-04-10'],
			},
			{ today: '2026-04-04', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-09', people: [person(BOB, hired('2026-04-10'))], expected: [] },
		],
	},
	{
		name: 'startDateApproaching honours leadDays',
		options: { leadDays: 3 },
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-06', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-07',
				people: [person(BOB, hired('2026-04-10'))],
				expected: ['bob startDateApproaching 2026-04-10'],
			},
		],
	},
	{
		name: 'a longer lead time needs no re-baseline: people inside the new window fire once',
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-01', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-02',
				people: [person(BOB, hired('2026-04-10'))],
				options: { leadDays: 10 },
				expected: ['bob startDateApproaching 2026-04-10'],
			},
			{ today: '2026-04-03', people: [person(BOB, hired('2026-04-10'))], expected: [] },
		],
	},
	{
		name: 'start date reached while HiBob still says Hired, then the flip: started once',
		steps: [
			{ today: '2026-04-09', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-10',
				people: [person(BOB, hired('2026-04-10'))],
				expected: ['bob employeeStarted 2026-04-10'],
			},
			{
				today: '2026-04-11',
				people: [person(BOB, { start: '2026-04-10' })],
				expected: ['bob lifecycleStatusChanged 2026-04-11'],
			},
			{ today: '2026-04-12', people: [person(BOB, { start: '2026-04-10' })], expected: [] },
		],
	},
	{
		name: 'Hired → Employed on the start date',
		steps: [
			{ today: '2026-04-09', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-10',
				people: [person(BOB, { start: '2026-04-10' })],
				expected: ['bob lifecycleStatusChanged 2026-04-10', 'bob employeeStarted 2026-04-10'],
			},
			{ today: '2026-04-11', people: [person(BOB, { start: '2026-04-10' })], expected: [] },
		],
	},
	{
		name: 'Hired → Employed before the start date: started by the flip, not again on the date',
		steps: [
			{ today: '2026-04-01', people: [person(BOB, hired('2026-04-20'))], expected: [] },
			{
				today: '2026-04-10',
				people: [person(BOB, { start: '2026-04-20' })],
				expected: ['bob lifecycleStatusChanged 2026-04-10', 'bob employeeStarted 2026-04-20'],
			},
			{ today: '2026-04-20', people: [person(BOB, { start: '2026-04-20' })], expected: [] },
		],
	},
	{
		name: 'Hired → Employed inside the lead window before approaching fired: started only',
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-05',
				people: [person(BOB, { start: '2026-04-10' })],
				expected: ['bob lifecycleStatusChanged 2026-04-05', 'bob employeeStarted 2026-04-10'],
			},
			{ today: '2026-04-06', people: [person(BOB, { start: '2026-04-10' })], expected: [] },
			{ today: '2026-04-10', people: [person(BOB, { start: '2026-04-10' })], expected: [] },
		],
	},
	{
		name: 'someone added on their first day is created and started (polls earlier the same day)',
		steps: [
			{ today: '2026-04-09', people: [person(ALICE)], expected: [] },
			{ today: '2026-04-10', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-10',
				people: [person(ALICE), person(BOB, { start: '2026-04-10' })],
				expected: ['bob employeeCreated 2026-04-10', 'bob employeeStarted 2026-04-10'],
			},
		],
	},
	{
		name: 'someone who appears already employed since an earlier day is created only',
		steps: [
			{ today: '2026-04-10', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-10',
				people: [person(ALICE), person(BOB, { start: '2026-04-09' })],
				expected: ['bob employeeCreated 2026-04-09'],
			},
		],
	},
	{
		name: "backdating an employed person's start date does not start them again",
		steps: [
			{ today: '2026-04-09', people: [person(ALICE)], expected: [] },
			{ today: '2026-04-10', people: [person(ALICE, { start: '2019-06-01' })], expected: [] },
		],
	},
	{
		name: 'future-dated termination: scheduled, then terminated when the date passes, the flip is silent',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { end: '2026-04-30' })],
				expected: ['alice terminationScheduled 2026-04-30'],
			},
			{ today: '2026-04-30', people: [person(ALICE, { end: '2026-04-30' })], expected: [] },
			{
				today: '2026-05-01',
				people: [person(ALICE, { end: '2026-04-30' })],
				expected: ['alice employeeTerminated 2026-04-30'],
			},
			{
				today: '2026-05-02',
				people: [person(ALICE, terminated('2026-04-30'))],
				expected: ['alice lifecycleStatusChanged 2026-05-02'],
			},
			{ today: '2026-05-03', people: [person(ALICE, terminated('2026-04-30'))], expected: [] },
		],
	},
	{
		name: 'future-dated termination: HiBob flips first, the passing date is silent',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { end: '2026-04-30' })],
				expected: ['alice terminationScheduled 2026-04-30'],
			},
			{
				today: '2026-04-30',
				people: [person(ALICE, terminated('2026-04-30'))],
				expected: [
					'alice lifecycleStatusChanged 2026-04-30',
					'alice employeeTerminated 2026-04-30',
				],
			},
			{ today: '2026-05-01', people: [person(ALICE, terminated('2026-04-30'))], expected: [] },
		],
	},
	{
		name: 'immediate termination: terminated once, never scheduled',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, terminated('2026-04-02'))],
				expected: [
					'alice lifecycleStatusChanged 2026-04-02',
					'alice employeeTerminated 2026-04-02',
				],
			},
			{ today: '2026-04-03', people: [person(ALICE, terminated('2026-04-02'))], expected: [] },
		],
	},
	{
		name: 'termination without a readable date: the status flip alone, dated today',
		steps: [
			{
				today: '2026-04-01',
				people: [person(ALICE, { fields: { 'internal.terminationDate': undefined } }), person(BOB)],
				expected: [],
			},
			{
				today: '2026-04-02',
				people: [
					person(ALICE, {
						status: 'terminated',
						fields: { 'internal.terminationDate': undefined },
					}),
					person(BOB),
				],
				expected: [
					'alice lifecycleStatusChanged 2026-04-02',
					'alice employeeTerminated 2026-04-02',
				],
			},
		],
	},
	{
		name: 'garden leave: scheduled, no leave events, terminated after the last day',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { status: 'Garden leave', end: '2026-05-31' })],
				expected: [
					'alice lifecycleStatusChanged 2026-04-02',
					'alice terminationScheduled 2026-05-31',
				],
			},
			{
				today: '2026-05-31',
				people: [person(ALICE, { status: 'Garden leave', end: '2026-05-31' })],
				expected: [],
			},
			{
				today: '2026-06-01',
				people: [person(ALICE, { status: 'Garden leave', end: '2026-05-31' })],
				expected: ['alice employeeTerminated 2026-05-31'],
			},
			{
				today: '2026-06-02',
				people: [person(ALICE, terminated('2026-05-31'))],
				expected: ['alice lifecycleStatusChanged 2026-06-02'],
			},
		],
	},
	{
		name: 'leave keeping access (Active), then back',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { status: 'Leave' })],
				expected: ['alice lifecycleStatusChanged 2026-04-02', 'alice leaveStarted 2026-04-02'],
			},
			{ today: '2026-04-03', people: [person(ALICE, { status: 'Leave' })], expected: [] },
			{
				today: '2026-04-20',
				people: [person(ALICE)],
				expected: ['alice lifecycleStatusChanged 2026-04-20', 'alice leaveEnded 2026-04-20'],
			},
		],
	},
	{
		name: 'leave without access (Inactive), then back',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { status: 'Leave', access: 'Inactive' })],
				expected: ['alice lifecycleStatusChanged 2026-04-02', 'alice leaveStarted 2026-04-02'],
			},
			{
				today: '2026-04-20',
				people: [person(ALICE)],
				expected: ['alice lifecycleStatusChanged 2026-04-20', 'alice leaveEnded 2026-04-20'],
			},
		],
	},
	{
		name: 'parental and custom leave types are leaves; switching between them is only a status change',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { status: 'Parental leave' })],
				expected: ['alice lifecycleStatusChanged 2026-04-02', 'alice leaveStarted 2026-04-02'],
			},
			{
				today: '2026-04-10',
				people: [person(ALICE, { status: 'Sabbatical Leave' })],
				expected: ['alice lifecycleStatusChanged 2026-04-10'],
			},
			{
				today: '2026-04-20',
				people: [person(ALICE)],
				expected: ['alice lifecycleStatusChanged 2026-04-20', 'alice leaveEnded 2026-04-20'],
			},
		],
	},
	{
		name: 'rehire into Hired with a new start date: approaching and started fire again, no second termination',
		steps: [
			{ today: '2026-03-01', people: [person(ALICE, terminated('2025-12-31'))], expected: [] },
			{
				today: '2026-04-10',
				people: [person(ALICE, hired('2026-04-15', { end: '2025-12-31' }))],
				expected: [
					'alice employeeRehired 2026-04-15',
					'alice lifecycleStatusChanged 2026-04-10',
					'alice startDateApproaching 2026-04-15',
				],
			},
			{
				today: '2026-04-15',
				people: [person(ALICE, hired('2026-04-15', { end: '2025-12-31' }))],
				expected: ['alice employeeStarted 2026-04-15'],
			},
			{
				today: '2026-04-16',
				people: [person(ALICE, { start: '2026-04-15', end: '2025-12-31' })],
				expected: ['alice lifecycleStatusChanged 2026-04-16'],
			},
		],
	},
	{
		name: 'rehire straight into Employed',
		steps: [
			{ today: '2026-03-01', people: [person(ALICE, terminated('2025-12-31'))], expected: [] },
			{
				today: '2026-04-10',
				people: [person(ALICE, { start: '2026-04-10', end: null })],
				expected: [
					'alice employeeRehired 2026-04-10',
					'alice lifecycleStatusChanged 2026-04-10',
					'alice employeeStarted 2026-04-10',
				],
			},
		],
	},
	{
		name: 'simultaneous changes on one employee come in the fixed event order',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { status: 'Leave', department: '999', title: 'Staff Engineer' })],
				expected: [
					'alice lifecycleStatusChanged 2026-04-02',
					'alice leaveStarted 2026-04-02',
					'alice employeeUpdated 2026-04-02',
				],
			},
		],
	},
	{
		name: 'a moved start date fires approaching and started again for the new date',
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-03',
				people: [person(BOB, hired('2026-04-10'))],
				expected: ['bob startDateApproaching 2026-04-10'],
			},
			{ today: '2026-04-05', people: [person(BOB, hired('2026-04-20'))], expected: [] },
			{
				today: '2026-04-13',
				people: [person(BOB, hired('2026-04-20'))],
				expected: ['bob startDateApproaching 2026-04-20'],
			},
			{
				today: '2026-04-20',
				people: [person(BOB, hired('2026-04-20'))],
				expected: ['bob employeeStarted 2026-04-20'],
			},
		],
	},
	{
		name: 'a moved termination date is scheduled again and terminates on the new date',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { end: '2026-04-30' })],
				expected: ['alice terminationScheduled 2026-04-30'],
			},
			{
				today: '2026-04-10',
				people: [person(ALICE, { end: '2026-05-15' })],
				expected: ['alice terminationScheduled 2026-05-15'],
			},
			{ today: '2026-05-01', people: [person(ALICE, { end: '2026-05-15' })], expected: [] },
			{
				today: '2026-05-16',
				people: [person(ALICE, { end: '2026-05-15' })],
				expected: ['alice employeeTerminated 2026-05-15'],
			},
		],
	},
	{
		name: 'a cancelled termination (date cleared) emits no termination',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { end: '2026-04-30' })],
				expected: ['alice terminationScheduled 2026-04-30'],
			},
			{ today: '2026-04-10', people: [person(ALICE)], expected: [] },
			{ today: '2026-05-01', people: [person(ALICE)], expected: [] },
		],
	},
	{
		name: 'changed watched fields re-baseline quietly, then diff with the new fields',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE), person(BOB)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { department: '999', fields: { 'work.custom.field_123': 'x' } })],
				options: { watchedFields: ['work.custom.field_123'] },
				status: 'baseline',
				reason: 'configurationChanged',
				expected: [],
			},
			{
				today: '2026-04-03',
				people: [person(ALICE, { department: '111', fields: { 'work.custom.field_123': 'y' } })],
				options: { watchedFields: ['work.custom.field_123'] },
				expected: ['alice employeeUpdated 2026-04-03'],
			},
		],
	},
	{
		name: 'a changed scope (filters) re-baselines quietly',
		options: { scope: 'department=Product' },
		steps: [
			{ today: '2026-04-01', people: [person(ALICE)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(BOB)],
				options: { scope: 'department=Sales' },
				status: 'baseline',
				reason: 'configurationChanged',
				expected: [],
			},
		],
	},
	{
		name: 'an employee who disappears is removed',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE), person(BOB)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE)],
				expected: ['bob employeeRemoved 2026-04-02'],
			},
			{ today: '2026-04-03', people: [person(ALICE)], expected: [] },
		],
	},
	{
		name: 'statuses compare case-insensitively; garden_leave is not a leave',
		steps: [
			{
				today: '2026-03-31',
				people: [
					person(ALICE, { status: 'employed' }),
					person(BOB, hired('2026-04-10', { status: 'HIRED' })),
				],
				expected: [],
			},
			{
				today: '2026-04-01',
				people: [
					person(ALICE, { status: 'Employed' }),
					person(BOB, hired('2026-04-10', { status: 'hired' })),
				],
				expected: [],
			},
			{
				today: '2026-04-02',
				people: [
					person(ALICE, { status: 'garden_leave', end: '2026-05-31' }),
					person(BOB, { status: 'EMPLOYED', start: '2026-04-10' }),
				],
				expected: [
					'alice lifecycleStatusChanged 2026-04-02',
					'alice terminationScheduled 2026-05-31',
					'bob lifecycleStatusChanged 2026-04-02',
					'bob employeeStarted 2026-04-10',
				],
			},
			{
				today: '2026-04-03',
				people: [
					person(ALICE, { status: 'GARDEN LEAVE', end: '2026-05-31' }),
					person(BOB, { status: 'PARENTAL LEAVE', start: '2026-04-10' }),
				],
				expected: ['bob lifecycleStatusChanged 2026-04-03', 'bob leaveStarted 2026-04-03'],
			},
		],
	},
	{
		name: 'disabled events are not emitted, but they count as done',
		options: { events: ['employeeStarted'] },
		steps: [
			{ today: '2026-03-31', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-03', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			// All events enabled again: no stale startDateApproaching, and no re-baseline.
			{
				today: '2026-04-04',
				people: [person(BOB, hired('2026-04-10'))],
				options: {},
				expected: [],
			},
			{
				today: '2026-04-10',
				people: [person(BOB, hired('2026-04-10'))],
				expected: ['bob employeeStarted 2026-04-10'],
			},
		],
	},
	{
		name: 'a termination already due at the baseline, HiBob still says Employed: terminated once when it flips',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE, { end: '2026-03-30' })], expected: [] },
			{ today: '2026-04-02', people: [person(ALICE, { end: '2026-03-30' })], expected: [] },
			{
				today: '2026-04-03',
				people: [person(ALICE, terminated('2026-03-30'))],
				expected: [
					'alice lifecycleStatusChanged 2026-04-03',
					'alice employeeTerminated 2026-03-30',
				],
			},
			{ today: '2026-04-04', people: [person(ALICE, terminated('2026-03-30'))], expected: [] },
		],
	},
	{
		name: 'a last day of garden leave already past at the baseline: terminated once when HiBob flips overnight',
		steps: [
			{
				today: '2026-04-01',
				people: [person(ALICE, { status: 'Garden leave', end: '2026-03-31' })],
				expected: [],
			},
			{
				today: '2026-04-01',
				people: [person(ALICE, terminated('2026-03-31'))],
				expected: [
					'alice lifecycleStatusChanged 2026-04-01',
					'alice employeeTerminated 2026-03-31',
				],
			},
			{ today: '2026-04-02', people: [person(ALICE, terminated('2026-03-31'))], expected: [] },
		],
	},
	{
		name: 'someone added after the baseline with a past termination date: created, then terminated on the flip',
		steps: [
			{ today: '2026-04-01', people: [person(BOB)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(BOB), person(ALICE, { end: '2026-03-30' })],
				expected: ['alice employeeCreated 2020-01-06'],
			},
			{
				today: '2026-04-03',
				people: [person(BOB), person(ALICE, terminated('2026-03-30'))],
				expected: [
					'alice lifecycleStatusChanged 2026-04-03',
					'alice employeeTerminated 2026-03-30',
				],
			},
		],
	},
	{
		name: 'a start date already reached at the baseline, HiBob still says Hired: started once when it flips',
		steps: [
			{ today: '2026-04-10', people: [person(BOB, hired('2026-04-08'))], expected: [] },
			{ today: '2026-04-11', people: [person(BOB, hired('2026-04-08'))], expected: [] },
			{
				today: '2026-04-12',
				people: [person(BOB, { start: '2026-04-08' })],
				expected: ['bob lifecycleStatusChanged 2026-04-12', 'bob employeeStarted 2026-04-08'],
			},
			{ today: '2026-04-13', people: [person(BOB, { start: '2026-04-08' })], expected: [] },
		],
	},
	{
		name: 'a baseline on the start day while HiBob still says Hired: nothing that day, started when it flips',
		steps: [
			{ today: '2026-04-10', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{ today: '2026-04-10', people: [person(BOB, hired('2026-04-10'))], expected: [] },
			{
				today: '2026-04-11',
				people: [person(BOB, { start: '2026-04-10' })],
				expected: ['bob lifecycleStatusChanged 2026-04-11', 'bob employeeStarted 2026-04-10'],
			},
		],
	},
	{
		name: 'a start date moved to the past while HiBob says Hired: started once, not again on the flip',
		steps: [
			{ today: '2026-04-01', people: [person(BOB, hired('2026-04-20'))], expected: [] },
			{
				today: '2026-04-05',
				people: [person(BOB, hired('2026-04-03'))],
				expected: ['bob employeeStarted 2026-04-03'],
			},
			{
				today: '2026-04-06',
				people: [person(BOB, { start: '2026-04-03' })],
				expected: ['bob lifecycleStatusChanged 2026-04-06'],
			},
		],
	},
	{
		name: 'an unreadable field on one person is not a change, and its last value is kept',
		steps: [
			{ today: '2026-04-01', people: [person(ALICE), person(BOB)], expected: [] },
			{
				today: '2026-04-02',
				people: [person(ALICE, { fields: { 'work.title': undefined } }), person(BOB)],
				expected: [],
			},
			{ today: '2026-04-03', people: [person(ALICE), person(BOB)], expected: [] },
			{
				today: '2026-04-04',
				people: [person(ALICE, { title: 'Lead' }), person(BOB)],
				expected: ['alice employeeUpdated 2026-04-04'],
			},
		],
	},
];

describe('diffLifecycle scenarios (snapshot round-tripped through JSON between polls)', () => {
	it.each(scenarios)('$name', ({ options, steps }) => {
		const poller = new Poller(options);
		steps.forEach((step, index) => {
			const result = poller.poll(step.today, step.people, step.options ?? options);
			const label = `step ${index + 1} (${step.today})`;
			expect({ label, status: result.status }).toEqual({
				label,
				status: step.status ?? (index === 0 ? 'baseline' : 'diffed'),
			});
			if (step.reason) expect(result.status === 'baseline' && result.reason).toBe(step.reason);
			expect({ label, events: result.events.map(describeEvent) }).toEqual({
				label,
				events: step.expected,
			});
		});
	});
});

describe('midnight in the workflow time zone decides the start date', () => {
	// Same people, same snapshot: only the calendar date the trigger computed differs.
	it.each([
		['2026-03-31', []],
		['2026-04-01', ['bob employeeStarted 2026-04-01']],
	])('today %s', (today, expected) => {
		const poller = new Poller();
		poller.poll('2026-03-30', [person(BOB, hired('2026-04-01'))]);
		expect(
			poller.poll(today, [person(BOB, hired('2026-04-01'))]).events.map(describeEvent),
		).toEqual(expected);
	});
});

describe('event payload', () => {
	it('carries identity, readable before/after values, field changes and the input record', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE)]);
		const updated = person(ALICE, {
			status: 'Leave',
			access: 'Inactive',
			department: '999',
			fields: { 'work.custom.outputOnly': 'kept' },
		});
		const { events } = poller.poll('2026-04-02', [updated]);
		const leave = events.find((event) => event.event === 'leaveStarted');
		expect(leave).toEqual({
			event: 'leaveStarted',
			employeeId: ALICE,
			email: 'alice@acme.example',
			displayName: 'Alice Example',
			detectedAt: '2026-04-02T06:00:00.000Z',
			effectiveDate: '2026-04-02',
			previous: {
				email: 'alice@acme.example',
				displayName: 'Alice Example',
				firstName: 'Alice',
				surname: 'Example',
				lifecycleStatus: 'Employed',
				accessStatus: 'Active',
				startDate: '2020-01-06',
				terminationDate: null,
				department: '265590516',
				title: 'Engineer',
				manager: DAN,
				siteId: '1001',
			},
			current: expect.objectContaining({
				lifecycleStatus: 'Leave',
				accessStatus: 'Inactive',
				department: '999',
			}),
			changes: [
				{ field: 'internal.lifecycleStatus', previous: 'Employed', current: 'Leave' },
				{ field: 'internal.status', previous: 'Active', current: 'Inactive' },
			],
			employee: updated.values,
		});
		const update = events.find((event) => event.event === 'employeeUpdated');
		expect(update?.changes).toEqual([
			{ field: 'work.department', previous: '265590516', current: '999' },
		]);
	});

	it('a removed employee carries the last known values (the old email finds the old account)', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE), person(BOB)]);
		poller.poll('2026-04-02', [
			person(ALICE),
			person(BOB, { fields: { 'root.email': 'bob.old@acme.example' } }),
		]);
		const [removed] = poller.poll('2026-04-03', [person(ALICE)]).events;
		expect(removed).toMatchObject({
			event: 'employeeRemoved',
			employeeId: BOB,
			email: 'bob.old@acme.example',
			displayName: 'Bob Example',
			current: null,
			previous: expect.objectContaining({ email: 'bob.old@acme.example', title: 'Engineer' }),
			employee: expect.objectContaining({ 'root.email': 'bob.old@acme.example' }),
		});
	});

	it('an email change reports the old and new address', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE)]);
		const [event] = poller.poll('2026-04-02', [
			person(ALICE, { fields: { 'root.email': 'alice.new@acme.example' } }),
		]).events;
		expect(event.changes).toEqual([
			{ field: 'root.email', previous: 'alice@acme.example', current: 'alice.new@acme.example' },
		]);
		expect(event.previous?.email).toBe('alice@acme.example');
		expect(event.current?.email).toBe('alice.new@acme.example');
	});

	it('keeps 19-digit IDs (above 2^53) exact through the stored snapshot', () => {
		expect(String(Number(CARA))).not.toBe(CARA);
		const poller = new Poller();
		poller.poll('2026-04-01', [person(CARA, { fields: { 'work.manager': CARA } }), person(ALICE)]);
		const [removed] = poller.poll('2026-04-02', [person(ALICE)]).events;
		expect(removed.employeeId).toBe(CARA);
		expect(removed.previous?.manager).toBe(CARA);
	});
});

describe('safety guard', () => {
	const company = (size: number) =>
		Array.from({ length: size }, (_, index) =>
			person(String(3332883884017713000n + BigInt(index))),
		);

	it('trips when a watched field vanishes for everyone, keeps the old state, and recovers', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE), person(BOB)]);
		const stored = poller.snapshot;
		const result = poller.poll('2026-04-02', [
			person(ALICE, { fields: { 'work.title': undefined } }),
			person(BOB, { department: '1', fields: { 'work.title': undefined } }),
		]);
		expect(result).toMatchObject({
			status: 'guardTripped',
			events: [],
			nextSnapshot: undefined,
			guard: { reason: 'fieldsVanished', fields: ['work.title'], knownEmployees: 2 },
		});
		expect(result.status === 'guardTripped' && result.guard.message).toMatch(/lost a permission/);
		expect(poller.snapshot).toBe(stored);
		// Permission restored: diffed against the state before the outage.
		const after = poller.poll('2026-04-03', [person(ALICE), person(BOB, { department: '1' })]);
		expect(after.events.map(describeEvent)).toEqual(['bob employeeUpdated 2026-04-03']);
	});

	it('does not trip when a field is unreadable for some people only', () => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE), person(BOB)]);
		expect(
			poller.poll('2026-04-02', [
				person(ALICE, { fields: { 'work.title': undefined } }),
				person(BOB),
			]).status,
		).toBe('diffed');
	});

	it.each([
		// known, removed, options, expected status
		[20, 5, {}, 'diffed'],
		[20, 6, {}, 'guardTripped'],
		[20, 6, { maxRemovalCount: 10 }, 'diffed'],
		[20, 6, { maxRemovalPercent: 50 }, 'diffed'],
		[100, 10, {}, 'diffed'],
		[100, 11, {}, 'guardTripped'],
		[100, 11, { maxRemovalPercent: 11 }, 'diffed'],
		[3, 3, {}, 'diffed'],
	])('%i known, %i removed, guard %j ⇒ %s', (known, removed, guard, expected) => {
		const people = company(known);
		const poller = new Poller({ guard });
		poller.poll('2026-04-01', people);
		const result = poller.poll('2026-04-02', people.slice(removed));
		expect(result.status).toBe(expected);
		if (result.status === 'diffed') expect(result.events).toHaveLength(removed);
		if (result.status === 'guardTripped') {
			expect(result.guard).toMatchObject({
				reason: 'massRemoval',
				affectedEmployees: removed,
				knownEmployees: known,
			});
			expect(result.guard.message).toMatch(/access scope or permissions changed/);
		}
	});

	it('counts terminations with removals, per employee, even when employeeTerminated is disabled', () => {
		const people = company(20);
		const poller = new Poller({ events: ['employeeRemoved'] });
		poller.poll('2026-04-01', people);
		const next = people
			.slice(3)
			.map((employee, index) =>
				index < 3 ? person(employee.id, terminated('2026-04-02')) : employee,
			);
		const result = poller.poll('2026-04-02', next);
		expect(result.status === 'guardTripped' && result.guard).toMatchObject({
			reason: 'massRemoval',
			affectedEmployees: 6,
			allowedEmployees: 5,
		});
	});
});

describe('snapshot versions and determinism', () => {
	it.each([
		[
			'another schema version',
			(snapshot: Record<string, unknown>) => ({ ...snapshot, v: 0 }),
			'snapshotVersionChanged',
		],
		['corrupt static data', () => ({ v: 1, i: 'nope' }), 'snapshotUnreadable'],
		[
			'hand-edited IDs out of order',
			(snapshot: Record<string, unknown>) => ({
				...snapshot,
				i: [...(snapshot.i as string[])].reverse(),
			}),
			'snapshotUnreadable',
		],
		[
			'a hand-edited ID stored raw',
			(snapshot: Record<string, unknown>) => ({
				...snapshot,
				i: (snapshot.i as string[]).map((id, row) => (row === 0 ? `~${ALICE}` : id)),
			}),
			'snapshotUnreadable',
		],
	])('%s re-baselines quietly', (_name, corrupt, reason) => {
		const poller = new Poller();
		poller.poll('2026-04-01', [person(ALICE), person(BOB)]);
		poller.snapshot = corrupt(poller.snapshot as Record<string, unknown>);
		const result = poller.poll('2026-04-02', [person(ALICE, { status: 'Leave' })]);
		expect(result).toMatchObject({ status: 'baseline', reason, events: [] });
		expect(poller.poll('2026-04-03', [person(ALICE)]).events.map(describeEvent)).toEqual([
			'alice lifecycleStatusChanged 2026-04-03',
			'alice leaveEnded 2026-04-03',
		]);
	});

	it('gives the same events and snapshot whatever the input order', () => {
		const before = [person(ALICE), person(BOB), person(CARA)];
		const after = [person(CARA, { status: 'Leave' }), person(BOB, { title: 'Lead' })];
		const run = (order: (people: LifecycleEmployee[]) => LifecycleEmployee[]) => {
			const first = diffLifecycle(undefined, order(before), {
				today: '2026-04-01',
				detectedAt: 'x',
			});
			return diffLifecycle(first.nextSnapshot, order(after), {
				today: '2026-04-02',
				detectedAt: 'x',
			});
		};
		const forward = run((people) => people);
		const reversed = run((people) => [...people].reverse());
		expect(reversed).toEqual(forward);
		expect(forward.events.map(describeEvent)).toEqual([
			'alice employeeRemoved 2026-04-02',
			'bob employeeUpdated 2026-04-02',
			'cara lifecycleStatusChanged 2026-04-02',
			'cara leaveStarted 2026-04-02',
		]);
	});

	it('rejects a today that is not a calendar date (the glue must compute it)', () => {
		expect(() => diffLifecycle(undefined, [], { today: '2026-04-31', detectedAt: 'x' })).toThrow(
			RangeError,
		);
	});
});
