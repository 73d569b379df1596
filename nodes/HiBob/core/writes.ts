/**
 * Checking and shaping what the HiBob node writes, before anything is sent. HiBob's writes take list
 * values as item IDs, dates as `YYYY-MM-DD`, and answer most writes with an empty body, so the node
 * resolves labels here, refuses what HiBob would refuse (or silently ignore), and compares a read-back
 * with what was written. Pure: no n8n, no HTTP.
 */
import { InputError } from './errors';
import { parseEmployeeId } from './employeeIds';
import { toCalendarDate } from './dates';
import { onlyOne, PATH_SEPARATOR, placeItems, sameName } from './listItems';
import type { NamedListItem } from './namedLists';

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A calendar date parameter (date part as the user sees it), or an InputError naming the parameter. */
export function requireDate(value: unknown, label: string): string {
	const date = toCalendarDate(value);
	if (date === undefined) {
		const shown = typeof value === 'string' ? `"${value}"` : String(value);
		throw new InputError(
			value === undefined || value === null || value === ''
				? `${label} is required`
				: `${label} ${shown} is not a date`,
			`Give ${label} as a date, e.g. 2026-12-01 (YYYY-MM-DD). Nothing was sent to HiBob.`,
		);
	}
	return date;
}

export function optionalDate(value: unknown, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return requireDate(value, label);
}

export function requireEmail(value: unknown, label = 'The email'): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (!EMAIL_PATTERN.test(email)) {
		throw new InputError(
			email === '' ? `${label} is required` : `${label} "${email}" is not a valid email address`,
			'Give an address such as amy.miles@acme.com. Nothing was sent to HiBob.',
		);
	}
	return email;
}

/**
 * A named-list item as label resolution needs it: a parsed `NamedListItem` or a hand-made one; in a
 * tree, `parents` are the names above it and `branch` says it has items below it.
 */
export type ListItemLike = Pick<NamedListItem, 'id' | 'name'> &
	Partial<Pick<NamedListItem, 'value' | 'archived'>> & {
		parents?: readonly string[];
		branch?: boolean;
	};

/** Every item of a list, children after their parent, each with the names above it. */
export function listChoices(items: readonly NamedListItem[]): ListItemLike[] {
	return placeItems(items).map(({ item, path }) => ({
		id: item.id,
		name: item.name,
		value: item.value,
		archived: item.archived,
		parents: path.slice(0, -1),
		branch: item.children.length > 0,
	}));
}

/** An item's label with its parents: "EMEA › Sales"; the plain name outside trees. */
export function itemPath(item: ListItemLike): string {
	return [...(item.parents ?? []), item.name].join(PATH_SEPARATOR);
}

const describeLike = (item: ListItemLike): string => `"${itemPath(item)}" (ID ${item.id})`;

function candidatesText(items: readonly ListItemLike[]): string {
	return items.map(describeLike).join(', ');
}

/** Items whose path ends with the given parts ("EMEA › Sales"), case-insensitively. */
function byPath(items: readonly ListItemLike[], parts: string[]): ListItemLike[] {
	return items.filter((item) => {
		const path = [...(item.parents ?? []), item.name].map((part) => part.toLowerCase());
		if (path.length < parts.length) return false;
		const tail = path.slice(path.length - parts.length);
		return tail.every((part, at) => part === parts[at]);
	});
}

function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const saved = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = saved;
		}
	}
	return row[b.length];
}

/**
 * The longest text compared for suggestions. The edit distance costs length × length per label, so a
 * value pasted from a form or a webhook (100,000 characters) would block n8n for seconds; no label
 * is that long.
 */
export const SUGGEST_MAX_CHARS = 100;

/**
 * The names closest to `text` (substring matches first, then by edit distance). A `text` longer than
 * SUGGEST_MAX_CHARS gets no suggestions, and names are compared by their first SUGGEST_MAX_CHARS.
 */
export function closestNames(text: string, names: string[], count = 3): string[] {
	if (text.length > SUGGEST_MAX_CHARS) return [];
	const wanted = text.toLowerCase();
	return [...new Set(names)]
		.map((name) => {
			const lower = name.slice(0, SUGGEST_MAX_CHARS).toLowerCase();
			const score = lower.includes(wanted) || wanted.includes(lower) ? -1 : distance(wanted, lower);
			return { name, score };
		})
		.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name))
		.slice(0, count)
		.map(({ name }) => name);
}

/**
 * The item of a named list that `value` names: its ID, its label case-insensitively (what a person
 * knows: "Engineering"), or in a tree its path ("EMEA › Sales"). A label two items share is an
 * InputError naming both with their parents, never a guess; no match is an InputError naming the
 * closest labels. `leavesOnly` (hierarchy fields): a branch of the tree is not a value.
 */
export function resolveListItem(
	items: ListItemLike[],
	value: unknown,
	what: string,
	options: { leavesOnly?: boolean } = {},
): ListItemLike {
	const text = String(value ?? '').trim();
	if (text === '')
		throw new InputError(`${what} is empty`, `Pick ${what} from the list, or give its name or ID.`);
	const usable = (item: ListItemLike) => !options.leavesOnly || !item.branch;
	const branchError = (item: ListItemLike) => {
		const below = items.filter(
			(other) => usable(other) && itemPath(other).startsWith(`${itemPath(item)}${PATH_SEPARATOR}`),
		);
		return new InputError(
			`"${itemPath(item)}" is a group in HiBob's list, not ${what}`,
			`Choose one of the items under it: ${candidatesText(below.slice(0, 10))}. Nothing was sent to HiBob.`,
		);
	};
	const byId = items.find((item) => item.id === text);
	if (byId) {
		if (!usable(byId)) throw branchError(byId);
		return byId;
	}
	const lower = text.toLowerCase();
	const parts = lower.split(/\s*[›>]\s*/).filter((part) => part !== '');
	const pick = (found: ListItemLike[]): ListItemLike | undefined => {
		if (found.length === 0) return undefined;
		const live = found.filter((item) => !item.archived);
		const chosen = live.length > 0 ? live : found;
		const values = chosen.filter(usable);
		if (values.length === 0) throw branchError(chosen[0]);
		return onlyOne(values, text, what, describeLike);
	};
	const found =
		(parts.length > 1 ? pick(byPath(items, parts)) : undefined) ??
		pick(sameName(items, text, (item) => item.name)) ??
		pick(sameName(items, text, (item) => item.value));
	if (found) return found;
	const names = items.filter((item) => !item.archived && usable(item)).map(itemPath);
	const closest = closestNames(text, names);
	const long = text.length > SUGGEST_MAX_CHARS;
	throw new InputError(
		`"${long ? `${text.slice(0, 40)}…` : text}" is not ${what} in HiBob`,
		long
			? `The value is ${text.length} characters long, longer than any name in the list. Give the name as it is in Bob or the item's ID. Nothing was sent to HiBob.`
			: closest.length > 0
				? `The closest are: ${closest.map((name) => `"${name}"`).join(', ')}. Give the name as it is in Bob or the item's ID. Nothing was sent to HiBob.`
				: `The list is empty or the service user cannot read it. Nothing was sent to HiBob.`,
	);
}

export type NoticeUnit = 'days' | 'weeks' | 'month' | 'years';

export interface TerminateInput {
	terminationDate: unknown;
	lastDayOfWork?: unknown;
	noticePeriodLength?: unknown;
	noticePeriodUnit?: unknown;
	/** Already resolved to list item IDs. */
	terminationReason?: string;
	reasonType?: string;
}

/** `POST /employees/{id}/terminate`'s body, checked. */
export function terminateBody(input: TerminateInput): Record<string, unknown> {
	const terminationDate = requireDate(input.terminationDate, 'Termination Date');
	const lastDayOfWork = optionalDate(input.lastDayOfWork, 'Last Day of Work');
	if (lastDayOfWork !== undefined && lastDayOfWork > terminationDate) {
		throw new InputError(
			`Last Day of Work (${lastDayOfWork}) is after the Termination Date (${terminationDate})`,
			'The last day of work must be on or before the termination date (days in between are garden leave). Nothing was sent to HiBob.',
		);
	}
	const body: Record<string, unknown> = { terminationDate };
	if (lastDayOfWork !== undefined) body.lastDayOfWork = lastDayOfWork;
	const length = input.noticePeriodLength;
	if (length !== undefined && length !== null && length !== '' && Number(length) !== 0) {
		const n = Number(length);
		if (!Number.isInteger(n) || n < 0)
			throw new InputError(
				`Notice Period ${String(length)} is not a whole number`,
				'Give the notice period as a whole number of days, weeks, months or years. Nothing was sent to HiBob.',
			);
		const unit = String(input.noticePeriodUnit ?? 'weeks');
		if (!['days', 'weeks', 'month', 'years'].includes(unit))
			throw new InputError(
				`Notice period unit "${unit}" is not one HiBob knows`,
				'Use days, weeks, month or years.',
			);
		body.noticePeriod = { length: n, unit };
	}
	if (input.terminationReason !== undefined) body.terminationReason = input.terminationReason;
	if (input.reasonType !== undefined) body.reasonType = input.reasonType;
	return body;
}

/** Whether a value read back equals what was written (IDs as text, emails case-insensitively). */
export function sameValue(written: unknown, read: unknown): boolean {
	const norm = (v: unknown): unknown => {
		if (v === undefined) return null;
		if (Array.isArray(v)) return v.map(norm);
		if (v && typeof v === 'object') {
			const id = (v as { id?: unknown }).id;
			if (id !== undefined) return String(id);
			return JSON.stringify(v);
		}
		if (typeof v === 'number' || typeof v === 'boolean') return String(v);
		if (typeof v === 'string') return v.trim().toLowerCase();
		return v;
	};
	return JSON.stringify(norm(written)) === JSON.stringify(norm(read));
}

/** HiBob may show a write only up to 20 s later; this is what the output says when it does not yet. */
export const READ_LAG_NOTE =
	'HiBob accepted the write, but reading the employee back does not show it yet: HiBob can take up to 20 seconds to show writes. The values under "written" are what was sent.';

/** The target's employee ID as given (list or By ID), or an InputError saying how to give it. */
export function targetId(value: unknown): string {
	let problem: string | undefined;
	let id = '';
	try {
		id = parseEmployeeId(value);
	} catch (error) {
		problem = error instanceof Error ? error.message : String(error);
	}
	if (problem !== undefined)
		throw new InputError(
			problem,
			'Pick the employee from the list, or give their HiBob ID (19 digits, as text) or work email. Nothing was sent to HiBob.',
		);
	return id;
}

/** The ID of the search result whose work email is `email`, or an InputError. */
export function idOfEmail(
	employees: Array<{ id: unknown; email: unknown }>,
	email: string,
): string {
	const found = employees.find((e) => String(e.email ?? '').toLowerCase() === email.toLowerCase());
	if (!found) {
		throw new InputError(
			`No employee with work email ${email} in HiBob (or the service user may not see them)`,
			"Check the address, and that the service user's permission group covers this person. Nothing was written.",
		);
	}
	return String(found.id);
}

/** A named list's items, or an InputError when the service user cannot read it. */
export function itemsOfList<T>(list: { items: T[] } | undefined, listName: string): T[] {
	if (!list)
		throw new InputError(
			`HiBob has no list "${listName}" the service user can read`,
			'Check that the service user may read company lists (Settings → Permission groups). Nothing was sent to HiBob.',
		);
	return list.items;
}
