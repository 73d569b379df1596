/**
 * The HiBob Trigger's parameters. Event values are a public contract (workflows switch on them) and
 * come from the engine's LIFECYCLE_EVENTS; never rename them.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_SET } from '../core/fields';
import {
	DEFAULT_LEAD_DAYS,
	DEFAULT_MAX_REMOVAL_COUNT,
	DEFAULT_MAX_REMOVAL_PERCENT,
	DEFAULT_WATCHED_FIELDS,
} from '../core/lifecycle';
import type { LifecycleEventName } from '../core/lifecycle';
import type { TimeOffEventName } from '../core/timeOffEvents';
import { employeeOutputProperty, humanReadableLabelsOption } from '../shared/eventOptions';
import { filtersProperty } from '../shared/filters';
import { optionsCollection } from '../shared/optionsCollection';

export const EVENT_OPTIONS: Array<INodePropertyOptions & { value: LifecycleEventName }> = [
	{
		name: 'Employee Created',
		value: 'employeeCreated',
		description: 'Someone new appears in HiBob (any status, e.g. hired with a future start date)',
	},
	{
		name: 'Employee Rehired',
		value: 'employeeRehired',
		description: 'A terminated employee becomes hired or employed again',
	},
	{
		name: 'Employee Removed',
		value: 'employeeRemoved',
		description: 'An employee is no longer returned by HiBob (deleted, or out of the access scope)',
	},
	{
		name: 'Employee Started',
		value: 'employeeStarted',
		description: 'The start date is reached (or HiBob switches the person from Hired to Employed)',
	},
	{
		name: 'Employee Terminated',
		value: 'employeeTerminated',
		description: 'The lifecycle status becomes Terminated, or the termination date has passed',
	},
	{
		name: 'Employee Updated',
		value: 'employeeUpdated',
		description: 'One of the watched fields changes',
	},
	{
		name: 'Leave Ended',
		value: 'leaveEnded',
		description: 'An employee returns from leave (parental or other; garden leave excluded)',
	},
	{
		name: 'Leave Started',
		value: 'leaveStarted',
		description: 'An employee goes on leave (parental or other; garden leave excluded)',
	},
	{
		name: 'Lifecycle Status Changed',
		value: 'lifecycleStatusChanged',
		description: 'Any change of the lifecycle status (overlaps the more specific events)',
	},
	{
		name: 'Start Date Approaching',
		value: 'startDateApproaching',
		description: 'The start date is at most "Lead Days" away',
	},
	{
		name: 'Termination Scheduled',
		value: 'terminationScheduled',
		description: 'A termination date in the future is set or moved',
	},
];

/** Root parameters' display options, also usable inside the Options collection. */
const LIFECYCLE_ONLY = { show: { '/watch': ['employeeLifecycle'] } };
const TIME_OFF_ONLY = { show: { '/watch': ['timeOff'] } };

/**
 * What the trigger watches. Its default is the lifecycle, which keeps every workflow saved before the
 * parameter existed (n8n stores only values that differ from the default) watching what it watched.
 */
const watchProperty: INodeProperties = {
	displayName: 'Watch',
	name: 'watch',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Employee Lifecycle',
			value: 'employeeLifecycle',
			description: 'New hires, start dates, leave, terminations and field changes (one people search per poll)',
		},
		{
			name: 'Time Off',
			value: 'timeOff',
			description: "Time-off requests submitted, approved, cancelled or deleted (HiBob's time-off changes, one read per poll)",
		},
	],
	default: 'employeeLifecycle',
};

export const TIME_OFF_EVENT_OPTIONS: Array<INodePropertyOptions & { value: TimeOffEventName }> = [
	{
		name: 'Time Off Approved',
		value: 'timeOffApproved',
		description:
			'A request is in effect: approved by its approver, approved automatically, or added by an admin (HiBob: Created)',
	},
	{
		name: 'Time Off Cancelled',
		value: 'timeOffCancelled',
		description:
			'A request is cancelled, including the old request when its dates or hours are edited (HiBob: Canceled)',
	},
	{
		name: 'Time Off Deleted',
		value: 'timeOffDeleted',
		description: 'A request is deleted (HiBob: Deleted)',
	},
	{
		name: 'Time Off Requested',
		value: 'timeOffRequested',
		description: 'A request is submitted and waits for approval (HiBob: Pending)',
	},
];

const timeOffEventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'timeOffEvents',
	type: 'multiOptions',
	required: true,
	options: TIME_OFF_EVENT_OPTIONS,
	default: ['timeOffRequested', 'timeOffApproved', 'timeOffCancelled', 'timeOffDeleted'],
	description: 'The time-off events that start the workflow',
	displayOptions: TIME_OFF_ONLY,
};

export const DEFAULT_TIME_OFF_EVENTS = timeOffEventsProperty.default as TimeOffEventName[];

const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	displayOptions: LIFECYCLE_ONLY,
	options: EVENT_OPTIONS,
	// Everything but the two broad events, which fire often and overlap the others. A literal array,
	// as the lint rule wants; DEFAULT_EVENTS reads it from here.
	default: [
		'employeeCreated',
		'startDateApproaching',
		'employeeStarted',
		'leaveStarted',
		'leaveEnded',
		'terminationScheduled',
		'employeeTerminated',
		'employeeRehired',
		'employeeRemoved',
	],
	description: 'The lifecycle events that start the workflow',
};

export const DEFAULT_EVENTS = eventsProperty.default as LifecycleEventName[];

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Polls HiBob with one people search per run (HiBob allows 50 per minute for the whole service user). Every 5–15 minutes is plenty for lifecycle events.',
		name: 'pollNotice',
		type: 'notice',
		default: '',
		displayOptions: LIFECYCLE_ONLY,
	},
	{
		displayName:
			"Polls HiBob's time-off changes with one read per run, plus one people search when there are events. The first run only takes a baseline: requests changed before it are not reported.",
		name: 'timeOffNotice',
		type: 'notice',
		default: '',
		displayOptions: TIME_OFF_ONLY,
	},
	watchProperty,
	eventsProperty,
	timeOffEventsProperty,
	{
		displayName: 'Lead Days',
		name: 'leadDays',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: DEFAULT_LEAD_DAYS,
		description: 'How many days before the start date "Start Date Approaching" fires',
		displayOptions: { show: { watch: ['employeeLifecycle'], events: ['startDateApproaching'] } },
	},
	{
		displayName: 'Watched Field Names or IDs',
		name: 'watchedFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmployeeFields' },
		default: [...DEFAULT_WATCHED_FIELDS],
		description:
			'Fields whose change fires "Employee Updated". Changing this list starts from a new baseline. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { watch: ['employeeLifecycle'], events: ['employeeUpdated'] } },
	},
	{
		displayName: 'Output Field Names or IDs',
		name: 'outputFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getEmployeeFields' },
		default: [DEFAULT_SET],
		description:
			'Fields of the employee to include in each event (under "employee"). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		...filtersProperty(
			'Only employees meeting all these conditions produce events (e.g. Department equals Engineering). Someone who stops matching is reported as "Employee Removed"; changing the filters starts from a new baseline. n8n applies them after reading from HiBob, which itself can only filter by ID or email.',
		),
		displayOptions: LIFECYCLE_ONLY,
	},
	optionsCollection([
		{
			...humanReadableLabelsOption(
				'in "currentLabels", "previousLabels", the changes and the employee (time off: in the employee). Dates stay ISO (YYYY-MM-DD). Asks HiBob for its human-readable values in the same search, so no extra request.',
			),
			// On, as in the webhook trigger. Workflows saved before with the option never added read on too.
			default: true,
		},
		{
			displayName: 'Emit Existing Employees on First Run',
			name: 'emitExistingOnFirstRun',
			displayOptions: LIFECYCLE_ONLY,
			type: 'boolean',
			default: false,
			description:
				'Whether the first run after activation emits "Employee Created" for everyone instead of silently taking a baseline',
		},
		employeeOutputProperty,
		{
			displayName: 'Include Lifecycle History',
			name: 'includeLifecycleHistory',
			displayOptions: LIFECYCLE_ONLY,
			type: 'boolean',
			default: false,
			description:
				'Whether to read the lifecycle history of employees with lifecycle events (one extra request per 200 such employees) and add its effective date, reason and who made the change',
		},
		{
			displayName: 'Keep Previous Values',
			name: 'keepPreviousValues',
			displayOptions: LIFECYCLE_ONLY,
			type: 'boolean',
			default: true,
			description:
				'Whether the stored state keeps the watched values of every employee, so events can report them as "previous". Off: it keeps employee IDs and, per value, a digest keyed with a secret derived from the HiBob credential, which is not in the stored state: a workflow export shows which employees share a value, not the value. Events still fire once, with "current" values and the changed fields, but "previous" is empty. Switching it, or a new token, starts from a new, silent baseline.',
		},
		{
			displayName: 'Safety Limit (% of Employees)',
			name: 'safetyMaxPercent',
			displayOptions: LIFECYCLE_ONLY,
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 100 },
			default: DEFAULT_MAX_REMOVAL_PERCENT,
			description:
				'A poll fails instead of emitting when more than this share of known employees would be reported removed or terminated at once (usually a permission change, not real departures). 100 turns the check off.',
		},
		{
			displayName: 'Safety Limit (Employees)',
			name: 'safetyMaxCount',
			displayOptions: LIFECYCLE_ONLY,
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_MAX_REMOVAL_COUNT,
			description:
				'Removals or terminations in one poll that are always allowed, whatever the percentage',
		},
	]),
];
