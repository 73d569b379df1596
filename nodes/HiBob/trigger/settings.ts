/**
 * The trigger's parameters, read once per poll into what the glue needs: the engine's options, the
 * field IDs of the one people search, and the output switches.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_SET, readFieldList } from '../core/fields';
import { stringList } from '../core/lists';
import type { FilterCondition } from '../core/filters';
import {
	DEFAULT_LEAD_DAYS,
	DEFAULT_MAX_REMOVAL_COUNT,
	DEFAULT_MAX_REMOVAL_PERCENT,
	DEFAULT_WATCHED_FIELDS,
	LIFECYCLE_EVENTS,
	lifecycleFieldIds,
} from '../core/lifecycle';
import type { LifecycleEventName, LifecycleOptions } from '../core/lifecycle';
import { checkFilterParameter, filterConditions } from '../shared/filters';
import { MAX_SEARCH_FIELDS } from '../core/people';
import { DEFAULT_EVENTS } from './description';
import { watchScope } from './scope';


export interface TriggerSettings {
	engine: LifecycleOptions;
	/** Output fields the user chose (Default Set expanded). */
	outputFields: string[];
	/** Engine fields + output fields: the `fields` of the people search. */
	requestFields: string[];
	humanReadableLabels: boolean;
	employeeOutput: 'nested' | 'simplified';
	includeLifecycleHistory: boolean;
	/** The "Filters" conditions, syntax-checked; compiled per poll against the field metadata. */
	filterConditions: FilterCondition[];
}

export const FILTER_FAILURE = 'Nothing was emitted and the stored state was kept.';

function number(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function readSettings(context: IPollFunctions): TriggerSettings {
	const node = context.getNode();
	const events = stringList(context.getNodeParameter('events', DEFAULT_EVENTS));
	const unknown = events.filter(
		(event) => !(LIFECYCLE_EVENTS as readonly string[]).includes(event),
	);
	if (unknown.length > 0) {
		throw new NodeOperationError(node, `Unknown event "${unknown[0]}"`, {
			description: `Events must be among: ${LIFECYCLE_EVENTS.join(', ')}.`,
		});
	}
	if (events.length === 0) {
		throw new NodeOperationError(node, 'Choose at least one event', {
			description: 'The trigger has nothing to report with an empty "Events" list.',
		});
	}
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const watchesUpdates = events.includes('employeeUpdated');
	// Watched fields are stored in the snapshot only when "Employee Updated" is on: the snapshot stays small
	// otherwise. Turning the event on therefore starts from a new (quiet) baseline.
	const watchedFields = watchesUpdates
		? readFieldList(context.getNodeParameter('watchedFields', [...DEFAULT_WATCHED_FIELDS]))
		: [];
	if (watchesUpdates && watchedFields.length === 0) {
		throw new NodeOperationError(node, 'Choose at least one watched field', {
			description: '"Employee Updated" needs fields to watch, or remove that event.',
		});
	}
	const leadDays = events.includes('startDateApproaching')
		? number(context.getNodeParameter('leadDays', DEFAULT_LEAD_DAYS), DEFAULT_LEAD_DAYS)
		: DEFAULT_LEAD_DAYS;
	if (!Number.isInteger(leadDays) || leadDays < 0) {
		throw new NodeOperationError(node, `"Lead Days" must be a whole number ≥ 0, got ${leadDays}`);
	}
	const conditions = filterConditions(context.getNodeParameter('filters', {}));
	checkFilterParameter(context, conditions, undefined, FILTER_FAILURE);
	const outputFields = readFieldList(context.getNodeParameter('outputFields', [DEFAULT_SET]));

	const engine: LifecycleOptions = {
		events: events as LifecycleEventName[],
		watchedFields,
		leadDays,
		emitExistingOnFirstRun: options.emitExistingOnFirstRun === true,
		scope: watchScope(),
		keepPreviousValues: options.keepPreviousValues !== false,
		guard: {
			maxRemovalPercent: number(options.safetyMaxPercent, DEFAULT_MAX_REMOVAL_PERCENT),
			maxRemovalCount: number(options.safetyMaxCount, DEFAULT_MAX_REMOVAL_COUNT),
		},
	};
	const requestFields = [...new Set([...lifecycleFieldIds(engine), ...outputFields])];
	if (requestFields.length > MAX_SEARCH_FIELDS) {
		throw new NodeOperationError(
			node,
			`Too many fields: the people search would ask for ${requestFields.length} (HiBob allows ${MAX_SEARCH_FIELDS})`,
			{ description: 'Choose fewer output or watched fields.' },
		);
	}
	return {
		engine,
		outputFields,
		requestFields,
		humanReadableLabels: options.humanReadableLabels !== false,
		employeeOutput: options.employeeOutput === 'simplified' ? 'simplified' : 'nested',
		includeLifecycleHistory: options.includeLifecycleHistory === true,
		filterConditions: conditions,
	};
}
