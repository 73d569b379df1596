/**
 * Employee → Get, batched across input items. HiBob allows about 50 people searches a minute, so 1,000 items must not become 1,000 calls: every item's identifier is read and
 * checked first, then IDs and emails are sent in a few `POST /v1/people/search` calls with one
 * `root.id` / `root.email` `equals` filter each, `showInactive: true` so hired and terminated
 * people are found, and the answers are mapped back to their items.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { EMPLOYEE_ID_EXAMPLE, parseEmployeeId } from '../../core/employeeIds';
import { InputError } from '../../core/errors';
import { DEFAULT_SET } from '../../core/fields';
import type { RawEmployee } from '../../core/people';
import { employeeId, employeesOf, readField } from '../../core/people';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { employeeLocator, readLocator } from '../../shared/employeeLocator';
import type { PendingItem } from '../../shared/batch';
import { ItemBatch } from '../../shared/batch';
import { addHints } from '../../shared/items';
import { chunk } from '../../core/lists';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest, unexpectedAnswer } from '../../transport';
import type { HiBobOperation } from '../types';
import type { OutputSettings } from './shared';
import {
	checkFieldsExist,
	checkSearchFieldCount,
	fullEmployee,
	humanReadableBody,
	missingFieldsHint,
	outputProperties,
	readOutputSettings,
	simplifiedEmployee,
} from './shared';

const show = { resource: ['employee'], operation: ['get'] };

/** Identifiers per search call. 1,000 distinct items ⇒ 4 calls (plus one metadata read). */
export const BATCH_SIZE = 250;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const description = updateDisplayOptions({ show }, [
	employeeLocator({
		description:
			'The employee to get: pick from the list, or give their HiBob ID (19 digits) or work email. When many items come in, all of them are looked up together in a few HiBob calls.',
		byEmail: true,
	}),
	...outputProperties,
]);

interface Lookup {
	kind: 'id' | 'email';
	/** The ID, or the email lower-cased (HiBob matches emails case-insensitively). */
	key: string;
	/** As the user gave it. */
	text: string;
}

/** The item's identifier, checked; a malformed one is this item's error before anything is sent. */
function readLookup(context: IExecuteFunctions, itemIndex: number): Lookup {
	const locator = readLocator(context.getNodeParameter('employee', itemIndex, ''));
	const mode = locator.mode ?? 'list';
	const value = typeof locator.value === 'string' ? locator.value.trim() : locator.value;
	if (value === undefined || value === null || value === '') {
		throw new InputError(
			'No employee given',
			'Pick an employee from the list, or give their HiBob ID or work email.',
		);
	}
	if (typeof value === 'string' && (mode === 'email' || (mode !== 'id' && value.includes('@')))) {
		if (!EMAIL_PATTERN.test(value)) {
			throw new InputError(
				`"${value}" is not a valid email address`,
				"Give the employee's work email, e.g. amy.miles@acme.com. Nothing was sent to HiBob.",
			);
		}
		return { kind: 'email', key: value.toLowerCase(), text: value };
	}
	const id = parseEmployeeId(
		value,
		`HiBob employee IDs have 19 digits, e.g. ${EMPLOYEE_ID_EXAMPLE}. To look someone up by email, set Employee to By Email. Nothing was sent to HiBob.`,
	);
	return { kind: 'id', key: id, text: id };
}

interface ItemInput {
	lookup: Lookup;
	settings: OutputSettings & { chosen: string[] };
}

/** The fields of a search: the output's, plus the ID and email answers are matched on. */
function searchFields(outputFieldIds: readonly string[]): string[] {
	return [...new Set([...outputFieldIds, 'root.id', 'root.email'])];
}

interface Group {
	requestedFieldIds: string[];
	humanReadable: { humanReadable?: 'APPEND' | 'REPLACE' };
	replaceLabels: boolean;
	items: Array<PendingItem<ItemInput>>;
	byId: Map<string, RawEmployee>;
	byEmail: Map<string, RawEmployee>;
	employees: RawEmployee[];
}

function notFound(context: IExecuteFunctions, lookup: Lookup, itemIndex: number) {
	const what = lookup.kind === 'email' ? `email ${lookup.text}` : `ID ${lookup.text}`;
	return new NodeOperationError(
		context.getNode(),
		`No employee with ${what} in HiBob (or the service user may not see them: check its access scope)`,
		{
			itemIndex,
			description:
				'Inactive people (hired but not started, terminated) were included in the search. If the person exists, the service user\'s permission group in Bob must cover them: check its "Whose data can members access" condition.',
		},
	);
}

/** Searches one chunk of identifiers and files the employees found under their ID and email. */
async function searchChunk(
	context: IExecuteFunctions,
	group: Group,
	fieldPath: 'root.id' | 'root.email',
	values: string[],
	itemIndex: number,
): Promise<void> {
	const body = await hiBobRequest(context, {
		method: 'POST',
		path: '/v1/people/search',
		body: {
			fields: group.requestedFieldIds,
			filters: [{ fieldPath, operator: 'equals', values }],
			showInactive: true,
			...group.humanReadable,
		},
		itemIndex,
	});
	const employees = employeesOf(body);
	if (!employees) {
		throw unexpectedAnswer(context, 'POST /v1/people/search', 'has no "employees" list', {
			itemIndex,
		});
	}
	for (const employee of employees) {
		group.employees.push(employee);
		const id = employeeId(employee);
		if (id) group.byId.set(id, employee);
		const email = readField(employee, 'root.email');
		if (typeof email === 'string') group.byEmail.set(email.trim().toLowerCase(), employee);
	}
}

async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	// 1. Every item's identifier and output settings, checked before anything is sent.
	const batch = new ItemBatch<ItemInput>(this, items, (itemIndex) => ({
		lookup: readLookup(this, itemIndex),
		settings: readOutputSettings(this, itemIndex),
	}));
	batch.check(({ settings }, itemIndex) =>
		checkSearchFieldCount(this, itemIndex, searchFields(settings.outputFieldIds)),
	);
	const first = batch.pending()[0];
	if (!first) return await batch.output(() => ({}));

	// 2. Field metadata (no permission needed; one call): chosen field IDs must exist.
	const pendingIndexes = batch.pending().map(({ itemIndex }) => itemIndex);
	const fieldIndex = await batch.attempt(
		pendingIndexes,
		async () => await loadFieldIndex(this, first.itemIndex),
	);
	if (!fieldIndex) return await batch.output(() => ({}));
	batch.check(({ settings }, itemIndex) =>
		checkFieldsExist(
			this,
			itemIndex,
			settings.chosen.filter((id) => id !== DEFAULT_SET),
			fieldIndex,
		),
	);

	// 3. Items asking for the same fields share searches; IDs and emails go in separate calls.
	const groups = new Map<string, Group>();
	const groupOf = new Map<number, Group>();
	for (const { input, itemIndex } of batch.pending()) {
		const { settings } = input;
		const requestedFieldIds = searchFields(settings.outputFieldIds);
		// Matching needs machine IDs and emails, so Replace is asked as Append and applied here.
		const humanReadable = humanReadableBody(settings.humanReadable, true);
		const key = JSON.stringify([
			settings.mode,
			[...requestedFieldIds].sort(),
			settings.humanReadable,
		]);
		let group = groups.get(key);
		if (!group) {
			group = {
				requestedFieldIds,
				humanReadable,
				replaceLabels: settings.mode === 'full' && settings.humanReadable === 'replace',
				items: [],
				byId: new Map(),
				byEmail: new Map(),
				employees: [],
			};
			groups.set(key, group);
		}
		group.items.push({ input, itemIndex });
		groupOf.set(itemIndex, group);
	}

	const hints: string[] = [];
	for (const group of groups.values()) {
		for (const kind of ['id', 'email'] as const) {
			// Distinct identifiers, each with the items asking for it. Emails are sent as given and
			// lower-cased, and matched back case-insensitively.
			const askers = new Map<string, number[]>();
			const values = new Set<string>();
			for (const { input, itemIndex } of group.items) {
				const { lookup } = input;
				if (lookup.kind !== kind) continue;
				askers.set(lookup.key, [...(askers.get(lookup.key) ?? []), itemIndex]);
				values.add(lookup.key);
				if (kind === 'email') values.add(lookup.text);
			}
			const keysOf = (value: string) => (kind === 'email' ? value.toLowerCase() : value);
			for (const idChunk of chunk([...values], BATCH_SIZE)) {
				const chunkItems = [
					...new Set(idChunk.flatMap((value) => askers.get(keysOf(value)) ?? [])),
				];
				await batch.attempt(chunkItems, async () => {
					await searchChunk(
						this,
						group,
						kind === 'id' ? 'root.id' : 'root.email',
						idChunk,
						chunkItems[0],
					);
				});
			}
		}
		const hint = missingFieldsHint(group.employees, group.requestedFieldIds, fieldIndex);
		if (hint) hints.push(hint);
	}
	addHints(this, hints);

	// 4. Answers back to their items, in input order.
	return await batch.output(({ lookup, settings }, itemIndex) => {
		const group = groupOf.get(itemIndex) as Group;
		const employee =
			lookup.kind === 'id' ? group.byId.get(lookup.key) : group.byEmail.get(lookup.key);
		if (!employee) throw notFound(this, lookup, itemIndex);
		return settings.mode === 'full'
			? fullEmployee(
					employee,
					{
						outputFieldIds: settings.outputFieldIds,
						requestedFieldIds: group.requestedFieldIds,
					},
					fieldIndex,
					group.replaceLabels,
				)
			: simplifiedEmployee(employee, fieldIndex);
	});
}

export const get: HiBobOperation = { description, execute };
