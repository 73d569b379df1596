/**
 * Employee → Get, batched across input items. HiBob allows 50 people searches a minute
 * (hibob-api.md §9), so 1,000 items must not become 1,000 calls: every item's identifier is read and
 * checked first, then IDs and emails are sent in a few `POST /v1/people/search` calls with one
 * `root.id` / `root.email` `equals` filter each (§2.1), `showInactive: true` so hired and terminated
 * people are found, and the answers are mapped back to their items.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FieldIndex } from '../../core/fields';
import { DEFAULT_SET } from '../../core/fields';
import type { RawEmployee } from '../../core/people';
import { employeeId, employeesOf, readField } from '../../core/people';
import { employeeLocator, readLocator } from '../../shared/employeeLocator';
import { asNodeError, errorItem } from '../../shared/items';
import { loadFieldIndex } from '../../shared/metadata';
import { hiBobRequest } from '../../transport';
import type { HiBobOperation } from '../types';
import type { OutputSettings } from './shared';
import {
	addHints,
	checkFieldsExist,
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

const ID_PATTERN = /^[0-9]{19}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const description: INodeProperties[] = [
	employeeLocator({
		description:
			'The employee to get: pick from the list, or give their HiBob ID (19 digits) or work email. When many items come in, all of them are looked up together in a few HiBob calls.',
		show,
		byEmail: true,
	}),
	...outputProperties(show),
];

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
	if (typeof locator.value === 'number') {
		throw new NodeOperationError(
			context.getNode(),
			`The employee ID ${locator.value} arrived as a number, so its last digits may be wrong`,
			{
				itemIndex,
				description:
					'HiBob employee IDs have 19 digits, more than a JavaScript number holds exactly. Pass the ID as text (e.g. from a string column, or with .toString() on the original value).',
			},
		);
	}
	const text = String(locator.value ?? '').trim();
	if (text === '') {
		throw new NodeOperationError(context.getNode(), 'No employee given', {
			itemIndex,
			description: 'Pick an employee from the list, or give their HiBob ID or work email.',
		});
	}
	if (mode === 'email' || (mode !== 'id' && text.includes('@'))) {
		if (!EMAIL_PATTERN.test(text)) {
			throw new NodeOperationError(context.getNode(), `"${text}" is not a valid email address`, {
				itemIndex,
				description:
					"Give the employee's work email, e.g. amy.miles@acme.com. Nothing was sent to HiBob.",
			});
		}
		return { kind: 'email', key: text.toLowerCase(), text };
	}
	if (!ID_PATTERN.test(text)) {
		throw new NodeOperationError(context.getNode(), `"${text}" is not a HiBob employee ID`, {
			itemIndex,
			description:
				'HiBob employee IDs have 19 digits, e.g. 3332883884017713238. To look someone up by email, set Employee to By Email. Nothing was sent to HiBob.',
		});
	}
	return { kind: 'id', key: text, text };
}

interface ItemState {
	lookup?: Lookup;
	settings?: OutputSettings & { chosen: string[] };
	group?: Group;
	failure?: NodeApiError | NodeOperationError;
}

interface Group {
	requestedFieldIds: string[];
	humanReadable: { humanReadable?: 'APPEND' | 'REPLACE' };
	replaceLabels: boolean;
	itemIndexes: number[];
	byId: Map<string, RawEmployee>;
	byEmail: Map<string, RawEmployee>;
	employees: RawEmployee[];
}

function chunks<T>(values: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		out.push(values.slice(start, start + size));
	return out;
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
		throw new NodeApiError(
			context.getNode(),
			{ message: 'Unexpected answer' },
			{
				message: 'HiBob answered the people search without an "employees" list',
				description:
					"This is not an answer HiBob documents. Try again; if it persists, check the credential's base URL.",
				itemIndex,
			},
		);
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
	const continueOnFail = this.continueOnFail();
	const states: ItemState[] = items.map(() => ({}));
	const fail = (itemIndex: number, failure: unknown) => {
		states[itemIndex].failure = asNodeError(this, failure, itemIndex);
	};
	/** Without continue-on-fail, the first failed item stops the run (before any request, when it can). */
	const stopOnFailure = () => {
		if (continueOnFail) return;
		const first = states.find((state) => state.failure);
		if (first?.failure) throw first.failure;
	};
	const pending = () =>
		states.map((state, itemIndex) => ({ state, itemIndex })).filter(({ state }) => !state.failure);

	// 1. Every item's identifier and output settings, checked before anything is sent.
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let failure: unknown;
		try {
			states[itemIndex].lookup = readLookup(this, itemIndex);
			states[itemIndex].settings = readOutputSettings(this, itemIndex);
		} catch (error) {
			failure = error;
		}
		if (failure !== undefined) fail(itemIndex, failure);
	}
	stopOnFailure();
	if (pending().length === 0) return states.map((state, i) => errorItem(state.failure!, i));

	// 2. Field metadata (no permission needed; one call): chosen field IDs must exist.
	let fieldIndex: FieldIndex | undefined;
	let metadataFailure: unknown;
	try {
		fieldIndex = await loadFieldIndex(this, pending()[0].itemIndex);
	} catch (error) {
		metadataFailure = error;
	}
	for (const { state, itemIndex } of pending()) {
		let failure = metadataFailure;
		if (failure === undefined) {
			try {
				checkFieldsExist(
					this,
					itemIndex,
					state.settings!.chosen.filter((id) => id !== DEFAULT_SET),
					fieldIndex!,
				);
			} catch (error) {
				failure = error;
			}
		}
		if (failure !== undefined) fail(itemIndex, failure);
	}
	stopOnFailure();

	// 3. Items asking for the same fields share searches; IDs and emails go in separate calls.
	const groups = new Map<string, Group>();
	for (const { state, itemIndex } of pending()) {
		const settings = state.settings!;
		const requestedFieldIds = [...new Set([...settings.outputFieldIds, 'root.id', 'root.email'])];
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
				itemIndexes: [],
				byId: new Map(),
				byEmail: new Map(),
				employees: [],
			};
			groups.set(key, group);
		}
		group.itemIndexes.push(itemIndex);
		state.group = group;
	}

	const hints: string[] = [];
	for (const group of groups.values()) {
		for (const kind of ['id', 'email'] as const) {
			// Distinct identifiers, each with the items asking for it. Emails are sent as given and
			// lower-cased, and matched back case-insensitively.
			const askers = new Map<string, number[]>();
			const values = new Set<string>();
			for (const itemIndex of group.itemIndexes) {
				const lookup = states[itemIndex].lookup!;
				if (lookup.kind !== kind) continue;
				askers.set(lookup.key, [...(askers.get(lookup.key) ?? []), itemIndex]);
				values.add(lookup.key);
				if (kind === 'email') values.add(lookup.text);
			}
			const keysOf = (value: string) => (kind === 'email' ? value.toLowerCase() : value);
			for (const chunk of chunks([...values], BATCH_SIZE)) {
				const chunkItems = [...new Set(chunk.flatMap((value) => askers.get(keysOf(value)) ?? []))];
				let failure: unknown;
				try {
					await searchChunk(
						this,
						group,
						kind === 'id' ? 'root.id' : 'root.email',
						chunk,
						chunkItems[0],
					);
				} catch (error) {
					failure = error;
				}
				if (failure !== undefined) {
					for (const itemIndex of chunkItems)
						if (!states[itemIndex].failure) fail(itemIndex, failure);
					stopOnFailure();
				}
			}
		}
		const hint = missingFieldsHint(group.employees, group.requestedFieldIds, fieldIndex!);
		if (hint) hints.push(hint);
	}
	addHints(this, hints);

	// 4. Answers back to their items, in input order.
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const state = states[itemIndex];
		let failure = state.failure;
		let json: IDataObject | undefined;
		if (!failure) {
			const { lookup, group, settings } = state as Required<ItemState>;
			const employee =
				lookup.kind === 'id' ? group.byId.get(lookup.key) : group.byEmail.get(lookup.key);
			if (!employee) failure = notFound(this, lookup, itemIndex);
			else
				json =
					settings.mode === 'full'
						? fullEmployee(
								employee,
								{
									outputFieldIds: settings.outputFieldIds,
									requestedFieldIds: group.requestedFieldIds,
								},
								fieldIndex!,
								group.replaceLabels,
							)
						: simplifiedEmployee(employee, fieldIndex!);
		}
		if (failure) {
			if (!continueOnFail) throw failure;
			output.push(errorItem(failure, itemIndex));
			continue;
		}
		output.push({ json: json ?? {}, pairedItem: { item: itemIndex } });
	}
	return output;
}

export const get: HiBobOperation = { description, execute };
