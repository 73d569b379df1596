/**
 * Service users and what they may see. HiBob service users have no permissions until an admin adds
 * them to a permission group; the group grants field categories and an access
 * scope ("whose data": HiBob's default condition is "Lifecycle status equals Employed").
 */
import { type Company, ControlError, type Employee } from './company';
import type { FieldDef } from './fields';

export type AccessScope =
	| 'all'
	/** HiBob's default people condition: only employees whose lifecycle status is Employed. */
	| 'employed-only'
	| { lifecycleStatuses: string[] }
	| { employeeIds: string[] };

export interface Permissions {
	/** Readable field categories by metadata `categoryId` (e.g. `root`, `work`, `lifecycle`), or all. */
	categories: '*' | string[];
	/** Field IDs hidden even though their category is granted (field-level permissions). */
	deniedFields?: string[];
	scope: AccessScope;
	/** "View … section histories": without it history tables show only the current row. */
	history?: boolean;
	/** Categories whose fields it may edit ("Edit" in the permission group); default: those it may read. */
	editCategories?: '*' | string[];
}

export interface ServiceUser {
	id: string;
	token: string;
	/** `null`: in no permission group, so it sees nobody (search answers `{"employees": []}`). */
	permissions: Permissions | null;
}

export const FULL_ACCESS: Permissions = { categories: '*', scope: 'all', history: true };

export function canReadField(user: ServiceUser, field: FieldDef): boolean {
	const p = user.permissions;
	if (!p) return false;
	if (p.deniedFields?.includes(field.id)) return false;
	return p.categories === '*' || p.categories.includes(field.categoryId);
}

export function canReadCategory(user: ServiceUser, categoryId: string): boolean {
	const p = user.permissions;
	return !!p && (p.categories === '*' || p.categories.includes(categoryId));
}

export function inScope(company: Company, user: ServiceUser, e: Employee): boolean {
	const p = user.permissions;
	if (!p) return false;
	const scope = p.scope;
	if (scope === 'all') return true;
	const status = company.lifecycleStatus(e).toLowerCase();
	if (scope === 'employed-only') return status === 'employed';
	if ('lifecycleStatuses' in scope)
		return scope.lifecycleStatuses.some((s) => s.toLowerCase() === status);
	return scope.employeeIds.includes(e.id);
}

export function validatePermissions(value: unknown): Permissions | null {
	if (value === null) return null;
	if (typeof value !== 'object' || value === undefined)
		throw new ControlError('permissions must be an object or null');
	const p = value as Partial<Permissions>;
	const categories = p.categories ?? '*';
	if (
		categories !== '*' &&
		!(Array.isArray(categories) && categories.every((c) => typeof c === 'string'))
	)
		throw new ControlError("permissions.categories must be '*' or an array of category IDs");
	const scope = p.scope ?? 'all';
	const okScope =
		scope === 'all' ||
		scope === 'employed-only' ||
		(typeof scope === 'object' &&
			(Array.isArray((scope as { lifecycleStatuses?: unknown }).lifecycleStatuses) ||
				Array.isArray((scope as { employeeIds?: unknown }).employeeIds)));
	if (!okScope)
		throw new ControlError(
			"permissions.scope must be 'all', 'employed-only', {lifecycleStatuses} or {employeeIds}",
		);
	return {
		categories,
		deniedFields: p.deniedFields ?? [],
		scope,
		history: p.history ?? true,
		...(p.editCategories === undefined ? {} : { editCategories: p.editCategories }),
	};
}
