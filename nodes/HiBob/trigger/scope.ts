/**
 * Who the trigger watches. Today: everyone the service user can see, inactive people included
 * (Hired and Terminated people are Inactive, so `showInactive: true` is what makes
 * their events visible).
 *
 * Filters (the same "Filters" parameter as Employee → Get Many, shared/filters.ts) narrow that set after
 * the search: HiBob filters only by ID or email. Their fingerprint is part of the scope, so changing them
 * re-baselines quietly instead of reporting people entering or leaving the filter as created/removed.
 * Between two polls with the same filters, someone who stops matching (e.g. moves department) leaves
 * the watched set and is reported as `employeeRemoved`, and counts towards the safety guard.
 */
import type { FieldIndex } from '../core/fields';
import type { CompiledFilters } from '../core/filters';
import type { RawEmployee } from '../core/people';
import { flatValues } from '../core/people';

/** Part of the search body that decides who is returned. */
export const SEARCH_SCOPE = { showInactive: true } as const;

/**
 * Text describing everything that changes which employees are watched; the engine re-baselines when it
 * changes. `filtersFingerprint` comes from the compiled filters (resolved list IDs, so a label and its
 * item ID are the same filter).
 */
export function watchScope(filtersFingerprint: string | null = null): string {
	return JSON.stringify({ ...SEARCH_SCOPE, filters: filtersFingerprint });
}

export interface WatchFilter {
	compiled: CompiledFilters;
	fieldIndex: FieldIndex;
}

/** The employees the trigger watches out of everyone HiBob returned. */
export function watchedEmployees(employees: RawEmployee[], filter?: WatchFilter): RawEmployee[] {
	if (!filter || filter.compiled.fieldIds.length === 0) return employees;
	const { compiled, fieldIndex } = filter;
	return employees.filter((employee) =>
		compiled.matches(flatValues(employee, compiled.fieldIds, fieldIndex)),
	);
}
