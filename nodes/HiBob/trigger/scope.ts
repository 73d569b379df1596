/**
 * Who the trigger watches. Today: everyone the service user can see, inactive people included
 * (hibob-api.md §2.1: Hired and Terminated people are Inactive, so `showInactive: true` is what makes
 * their events visible).
 *
 * ── FILTERS PLUG IN HERE ──────────────────────────────────────────────────────────────────────────
 * The shared client-side filter engine (`core/filters.ts`, branch `employee`) is wired in after merge:
 *   1. add the filter parameters to trigger/description.ts and read them in trigger/settings.ts;
 *   2. pass their (resolved) value to `watchScope` so the engine's configuration fingerprint changes with
 *      them: a changed filter then re-baselines quietly instead of reporting people entering or leaving
 *      the filter as created/removed;
 *   3. apply them in `watchedEmployees` (and add the filter's field IDs to the search's `fields`).
 * Note for that step: with a filter, someone who stops matching (e.g. moves department) disappears from
 * the watched set and is reported as `employeeRemoved`, and counts towards the safety guard.
 * ──────────────────────────────────────────────────────────────────────────────────────────────────
 */
import type { RawEmployee } from '../core/people';

/** Part of the search body that decides who is returned. */
export const SEARCH_SCOPE = { showInactive: true } as const;

/**
 * Text describing everything that changes which employees are watched; the engine re-baselines when it
 * changes. `filters` is the future filter configuration (plain JSON).
 */
export function watchScope(filters: unknown = null): string {
	return JSON.stringify({ ...SEARCH_SCOPE, filters });
}

/** The employees the trigger watches out of everyone HiBob returned. Filters go here (see above). */
export function watchedEmployees(employees: RawEmployee[]): RawEmployee[] {
	return employees;
}
