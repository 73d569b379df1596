/**
 * HiBob's field metadata (GET /v1/company/people/fields), read into one form.
 * Field IDs look like `category.field` but are stable IDs, not paths: where a value sits in an answer
 * is the metadata's `jsonPath` (root fields sit top-level: `root.email` → `email`), and the slash key
 * is built from the ID (`/root/email`). Pure: no n8n, no HTTP.
 */
import { isSafePath } from './json';
import { stringList } from './lists';

export interface FieldMetadata {
	id: string;
	name: string;
	/** Permission category (metadata `categoryId`; `category` is deprecated by HiBob). */
	categoryId: string;
	categoryDisplayName: string;
	jsonPath: string;
	type: string;
	/** Named list behind list fields (`typeData.listId`), verbatim: list names are case-sensitive. */
	listId?: string;
	historical: boolean;
	description?: string;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A metadata `jsonPath` when it is a safe path; a hostile or empty one falls back to the ID's. */
function safeJsonPath(value: unknown): string | undefined {
	const path = text(value);
	return path !== undefined && isSafePath(path) ? path : undefined;
}

/**
 * Tolerant reading of the metadata answer; entries without an ID, or whose ID is not a safe path, are
 * skipped; a `jsonPath` that is not a safe path is replaced by the one the ID implies.
 */
export function parseFieldMetadata(body: unknown): FieldMetadata[] {
	const list = Array.isArray(body)
		? body
		: body && typeof body === 'object' && Array.isArray((body as { fields?: unknown }).fields)
			? ((body as { fields: unknown[] }).fields as unknown[])
			: [];
	const fields: FieldMetadata[] = [];
	for (const entry of list) {
		if (!entry || typeof entry !== 'object') continue;
		const raw = entry as Record<string, unknown>;
		const id = text(raw.id);
		// An ID or JSON path is a path into every answer and body: one that could reach an object's
		// prototype (`__proto__`, `constructor`, `prototype`, empty segments) is not a field: skipped.
		if (!id || !isSafePath(id)) continue;
		const typeData = (raw.typeData ?? {}) as Record<string, unknown>;
		const categoryId = text(raw.categoryId) ?? text(raw.category) ?? id.split('.')[0];
		fields.push({
			id,
			name: text(raw.name) ?? id,
			categoryId,
			categoryDisplayName: text(raw.categoryDisplayName) ?? categoryId,
			jsonPath: safeJsonPath(raw.jsonPath) ?? defaultJsonPath(id),
			type: text(raw.type) ?? 'text',
			listId: text(typeData.listId),
			historical: raw.historical === true,
			description: text(raw.description),
		});
	}
	return fields;
}

/** Where a field's value sits when the metadata does not say: root fields top-level, others by ID. */
export function defaultJsonPath(fieldId: string): string {
	return fieldId.startsWith('root.') ? fieldId.slice('root.'.length) : fieldId;
}

export function slashKey(fieldId: string): string {
	return `/${fieldId.split('.').join('/')}`;
}

/** The value a "Fields" picker uses for DEFAULT_FIELD_IDS. */
export const DEFAULT_SET = '__defaultSet__';

/** The fields HiBob returns when a search names none, and what "Default Set" asks for. */
export const DEFAULT_FIELD_IDS = [
	'root.id',
	'root.email',
	'root.firstName',
	'root.surname',
	'root.displayName',
	'work.title',
	'work.department',
	'work.site',
	'work.siteId',
	'work.manager',
	'work.startDate',
	'internal.lifecycleStatus',
	'internal.status',
	'internal.terminationDate',
] as const;

/** Field IDs with "Default Set" replaced by DEFAULT_FIELD_IDS, each ID once, in order. */
export function expandDefaultSet(fields: readonly string[]): string[] {
	return [
		...new Set(
			fields.flatMap((field) => (field === DEFAULT_SET ? [...DEFAULT_FIELD_IDS] : [field])),
		),
	];
}

/** A "Fields" parameter (a picked list, or comma-separated text from an expression) as field IDs. */
export function readFieldList(value: unknown): string[] {
	return expandDefaultSet(stringList(value));
}

/**
 * The few fields of the "Simplified" output, with the names they get there. `list` fields show HiBob's
 * label when it was sent (e.g. "Engineering" instead of the item ID); the manager stays an ID, with the
 * manager's name beside it as `manager`.
 */
export const SIMPLIFIED_FIELDS: ReadonlyArray<{
	fieldId: string;
	name: string;
	kind?: 'list' | 'manager';
}> = [
	{ fieldId: 'root.id', name: 'id' },
	{ fieldId: 'root.displayName', name: 'displayName' },
	{ fieldId: 'root.firstName', name: 'firstName' },
	{ fieldId: 'root.surname', name: 'surname' },
	{ fieldId: 'root.email', name: 'email' },
	{ fieldId: 'work.title', name: 'title', kind: 'list' },
	{ fieldId: 'work.department', name: 'department', kind: 'list' },
	{ fieldId: 'work.site', name: 'site' },
	{ fieldId: 'work.manager', name: 'managerId', kind: 'manager' },
	{ fieldId: 'work.startDate', name: 'startDate' },
	{ fieldId: 'internal.lifecycleStatus', name: 'lifecycleStatus', kind: 'list' },
	{ fieldId: 'internal.terminationDate', name: 'terminationDate' },
];

/** Lookup by field ID, with the fallbacks HiBob's own conventions allow when metadata is missing. */
export class FieldIndex {
	private readonly byId = new Map<string, FieldMetadata>();

	constructor(readonly fields: FieldMetadata[]) {
		for (const field of fields) this.byId.set(field.id, field);
	}

	get(fieldId: string): FieldMetadata | undefined {
		return this.byId.get(fieldId);
	}

	has(fieldId: string): boolean {
		return this.byId.has(fieldId);
	}

	jsonPath(fieldId: string): string {
		return this.byId.get(fieldId)?.jsonPath ?? defaultJsonPath(fieldId);
	}

	category(fieldId: string): { id: string; displayName: string } {
		const field = this.byId.get(fieldId);
		if (field) return { id: field.categoryId, displayName: field.categoryDisplayName };
		const id = fieldId.split('.')[0];
		return { id, displayName: id };
	}
}
