/**
 * Writes to company metadata: named-list items (`POST /company/named-lists/{listName}` with `{name,
 * parentId?}` → `{id}`, 409 when the item exists; `PUT|DELETE …/{listName}/{itemId}`; 404 for an
 * unknown list or item) and custom fields (`POST /company/people/fields` `{name, category, type,
 * description?, historical?}` → `{id}`; `PUT|DELETE /company/people/fields/{fieldId}`; a built-in
 * field is refused with 400, an unknown one 404). Hierarchy: an item added or moved with `parentId`
 * becomes a child of that item. Permissions: the `lists.edit` and `fields.edit` grants.
 */
import type { ServiceUser } from './access';
import { apiError, empty, forbidden, json } from './answers';
import type { Company, ListItem, NamedList } from './company';
import { CATEGORY_IDS, type FieldType, fieldDef } from './fields';
import type { Handler, RouteContext } from './routes';
import type { ApiResponse } from './simulator';
import { allowed, workOf } from './work';

/** The field types HiBob's reference lists for a new field. */
export const CREATABLE_FIELD_TYPES = ['text', 'text-area', 'number', 'date', 'list', 'multi-list', 'hierarchy-list', 'currency', 'employee-reference', 'document']; // prettier-ignore
/** Categories whose fields may keep history in the simulator (HiBob's rule per category is UNCONFIRMED). */
const HISTORICAL_CATEGORIES = ['work', 'employment', 'payroll'];

export const isCustomFieldId = (id: string): boolean => /\.custom\.field_\d+$/.test(id);

interface Located {
	item: ListItem;
	siblings: ListItem[];
	parent: ListItem | null;
}

function locate(
	items: ListItem[],
	id: string,
	parent: ListItem | null = null,
): Located | undefined {
	for (const item of items) {
		if (String(item.id) === id) return { item, siblings: items, parent };
		const found = locate(item.children, id, item);
		if (found) return found;
	}
	return undefined;
}

function contains(item: ListItem, id: string): boolean {
	return item.children.some((c) => String(c.id) === id || contains(c, id));
}

function refreshLabels(company: Company, list: NamedList): void {
	const labels = new Map<string, string>();
	const visit = (items: ListItem[]) => {
		for (const i of items) {
			labels.set(String(i.id), i.name);
			visit(i.children);
		}
	};
	visit(list.items);
	company.labels.set(list.name, labels);
}

function newItemId(list: NamedList, name: string): number | string {
	const all: ListItem[] = [];
	const visit = (items: ListItem[]) => items.forEach((i) => (all.push(i), visit(i.children)));
	visit(list.items);
	// Lists with textual IDs (hobbies) use the name; numeric lists a new number.
	if (all.length > 0 && all.every((i) => typeof i.id === 'string')) return name;
	const max = all.reduce((m, i) => Math.max(m, typeof i.id === 'number' ? i.id : 0), 0);
	return max + 1;
}

function parentIdOf(body: Record<string, unknown>): string | undefined | ApiResponse {
	if (body.parentId === undefined || body.parentId === null) return undefined;
	if (typeof body.parentId !== 'number' && !(typeof body.parentId === 'string' && /^\d+$/.test(body.parentId)))
		return apiError(400, 'bad.request', 'parentId must be a number');
	return String(body.parentId);
} // prettier-ignore

function listRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest } = ctx;
	const guard = (run: (body: Record<string, unknown>) => ApiResponse) => (user: ServiceUser, body: unknown) =>
		allowed(workOf(company), user.id, 'lists.edit') ? run((body ?? {}) as Record<string, unknown>) : forbidden('edit company lists'); // prettier-ignore
	const list = company.lists.get(rest[2]);
	if (method === 'POST' && rest.length === 3)
		return {
			name: 'list-item-add',
			run: guard((body) => {
				if (!list) return { status: 404, headers: {}, body: null };
				if (typeof body.name !== 'string' || body.name.trim() === '')
					return apiError(400, 'bad.request', 'name is required');
				const parentId = parentIdOf(body);
				if (typeof parentId === 'object') return parentId;
				let siblings = list.items;
				if (parentId !== undefined) {
					const parent = locate(list.items, parentId);
					if (!parent) return apiError(400, 'bad.request', `Parent item ${parentId} not found in list ${list.name}`);
					siblings = parent.item.children;
				}
				if (siblings.some((i) => i.name === body.name))
					return apiError(409, 'list.item.exists', `Item ${body.name} already exists`);
				const id = newItemId(list, body.name);
				siblings.push({ id, value: body.name, name: body.name, archived: false, children: [] });
				refreshLabels(company, list);
				return json(200, { id: String(id) });
			}),
		}; // prettier-ignore
	if ((method === 'PUT' || method === 'DELETE') && rest.length === 4) {
		const found = list ? locate(list.items, rest[3]) : undefined;
		if (method === 'DELETE')
			return {
				name: 'list-item-delete',
				run: guard(() => {
					if (!list || !found) return { status: 404, headers: {}, body: null };
					found.siblings.splice(found.siblings.indexOf(found.item), 1);
					refreshLabels(company, list);
					return empty();
				}),
			};
		return {
			name: 'list-item-update',
			run: guard((body) => {
				if (!list || !found) return { status: 404, headers: {}, body: null };
				const parentId = parentIdOf(body);
				if (typeof parentId === 'object') return parentId;
				const name = body.name;
				if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
					return apiError(400, 'bad.request', 'name must be a non-empty string');
				if (name === undefined && parentId === undefined)
					return apiError(400, 'bad.request', 'Provide at least one of name or parentId');
				if (parentId !== undefined) {
					const parent = locate(list.items, parentId);
					if (!parent || parentId === String(found.item.id) || contains(found.item, parentId))
						return apiError(400, 'bad.request', `Cannot move item ${rest[3]} under ${parentId}`);
					found.siblings.splice(found.siblings.indexOf(found.item), 1);
					parent.item.children.push(found.item);
				}
				if (typeof name === 'string') {
					found.item.name = name;
					found.item.value = name;
				}
				refreshLabels(company, list);
				return empty();
			}),
		};
	}
	return undefined;
}

function fieldRoute(ctx: RouteContext): Handler | undefined {
	const { company, method, rest, now } = ctx;
	const guard = (run: (body: Record<string, unknown>) => ApiResponse) => (user: ServiceUser, body: unknown) =>
		allowed(workOf(company), user.id, 'fields.edit') ? run((body ?? {}) as Record<string, unknown>) : forbidden('edit company fields'); // prettier-ignore
	if (method === 'POST' && rest.length === 3)
		return {
			name: 'field-create',
			run: guard((body) => {
				const { name, category, type, description, historical } = body;
				if (typeof name !== 'string' || name.trim() === '' || typeof category !== 'string' || typeof type !== 'string')
					return apiError(400, 'bad.request', 'name, category and type are required');
				if (category === 'root') return apiError(400, 'bad.request', 'Fields cannot be added to the root category');
				if (!CATEGORY_IDS.includes(category) && !/^category_\d+$/.test(category))
					return { status: 404, headers: {}, body: null };
				if (!CREATABLE_FIELD_TYPES.includes(type)) return apiError(400, 'bad.request', `Field type ${type} is not supported`);
				if (historical === true && !HISTORICAL_CATEGORIES.includes(category))
					return apiError(400, 'bad.request', `Category ${category} does not allow historical fields`);
				let stamp = now;
				while (company.fieldById.has(`${category}.custom.field_${stamp}`)) stamp++;
				const id = `${category}.custom.field_${stamp}`;
				const field = fieldDef(id, name, category, type as FieldType, {
					historical: historical === true,
					...(typeof description === 'string' ? { description } : {}),
				});
				company.fields.push(field);
				company.fieldById.set(id, field);
				return json(200, { id });
			}),
		}; // prettier-ignore
	if ((method === 'PUT' || method === 'DELETE') && rest.length === 4) {
		const id = rest[3];
		const field = company.fieldById.get(id);
		const check = (): ApiResponse | undefined => {
			if (!field) return apiError(404, 'field.not.found', `Field ${id} not found`);
			if (!isCustomFieldId(id)) return apiError(400, 'bad.request', `Field ${id} is a Bob default field`);
			return undefined;
		}; // prettier-ignore
		if (method === 'DELETE')
			return {
				name: 'field-delete',
				run: guard(() => {
					const refused = check();
					if (refused) return refused;
					company.fields.splice(company.fields.indexOf(field!), 1);
					company.fieldById.delete(id);
					return empty();
				}),
			};
		return {
			name: 'field-update',
			run: guard((body) => {
				const refused = check();
				if (refused) return refused;
				if (body.name === undefined && body.description === undefined)
					return apiError(400, 'bad.request', 'Provide name and/or description');
				if (body.name !== undefined && (typeof body.name !== 'string' || body.name.trim() === ''))
					return apiError(400, 'bad.request', 'name must be a non-empty string');
				if (typeof body.name === 'string') field!.name = body.name;
				if (typeof body.description === 'string') field!.description = body.description;
				return empty();
			}),
		};
	}
	return undefined;
}

export function metadataWritesRoute(ctx: RouteContext): Handler | undefined {
	const { rest, method } = ctx;
	if (method === 'GET' || rest[0] !== 'company') return undefined;
	if (rest[1] === 'named-lists' && rest.length >= 3) return listRoute(ctx);
	if (rest[1] === 'people' && rest[2] === 'fields') return fieldRoute(ctx);
	return undefined;
}
