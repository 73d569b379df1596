/** Lifecycle diff engine for the HiBob Trigger: pure TypeScript, no n8n imports. */
export { diffLifecycle } from './diff';
export type { LifecycleDiffContext } from './diff';
export {
	DEFAULT_LEAD_DAYS,
	DEFAULT_MAX_REMOVAL_COUNT,
	DEFAULT_MAX_REMOVAL_PERCENT,
	DEFAULT_WATCHED_FIELDS,
	lifecycleFieldIds,
	readableFieldName,
} from './options';
export { fitsSample, sampleEventName } from './samples';
export { SNAPSHOT_VERSION } from './snapshot';
export { classifyLifecycleStatus } from './status';
export type { LifecycleCategory } from './status';
export { LIFECYCLE_EVENTS } from './types';
export type * from './types';
