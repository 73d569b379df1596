/**
 * Engine events → the trigger's items: the `employee` object shaped like the action node's output
 * (HiBob's nested form without slash keys, or Simplified), and optional human-readable labels.
 *
 * Labels come from HiBob's own `humanReadable: "APPEND"` in the same people search, so turning them on
 * costs no request: list IDs become item names, manager IDs names; dates,
 * yes/no and numbers keep their machine values only (core/people `labelFor`). HiBob only labels
 * *current* values; a previous value is labelled with the label another employee currently carries
 * for the same value (a department someone still belongs to), and left unlabelled otherwise.
 */
import type { IDataObject } from 'n8n-workflow';

import { defaultJsonPath } from '../core/fields';
import { setAtPath } from '../core/json';
import { lifecycleFieldIds, readableFieldName } from '../core/lifecycle';
import type { LifecycleEvent, LifecycleFieldChange } from '../core/lifecycle';
import type { RawEmployee } from '../core/people';
import { labelFor, readField, readLabel, simplify } from '../core/people';
import type { TriggerSettings } from './settings';

/**
 * The chosen fields of one employee, nested as HiBob answers them. Values are read where HiBob puts them
 * (nested first, then the slash key) and placed at the field's default JSON path (root fields at the
 * top level), so a value is never lost even when the answer carried it only as a slash key.
 */
export function projectEmployee(
	raw: RawEmployee,
	fieldIds: readonly string[],
	withLabels: boolean,
): Record<string, unknown> {
	const output: Record<string, unknown> = {};
	const labels: Record<string, unknown> = {};
	for (const fieldId of fieldIds) {
		const value = readField(raw, fieldId);
		if (value !== undefined) setAtPath(output, defaultJsonPath(fieldId), value);
		if (withLabels) {
			const label = labelFor(value, readLabel(raw, fieldId));
			if (label !== undefined) setAtPath(labels, defaultJsonPath(fieldId), label);
		}
	}
	if (withLabels && Object.keys(labels).length > 0) output.humanReadable = labels;
	return output;
}

/** A nested employee built from flat stored values (removed employees: no HiBob answer any more). */
export function nestValues(values: Record<string, unknown>): RawEmployee {
	const output: RawEmployee = {};
	for (const [fieldId, value] of Object.entries(values)) {
		if (value !== undefined) setAtPath(output, defaultJsonPath(fieldId), value);
	}
	return output;
}

function valueKey(value: unknown): string {
	return typeof value === 'string' ? `s:${value}` : `j:${JSON.stringify(value)}`;
}

/** Label lookups over one search answer: current labels per employee, and value → label per field. */
export class Labels {
	private readonly reverse = new Map<string, Map<string, unknown>>();

	constructor(private readonly employees: ReadonlyMap<string, RawEmployee>) {}

	current(employeeId: string, fieldId: string, value: unknown): unknown {
		const raw = this.employees.get(employeeId);
		if (!raw) return this.forValue(fieldId, value);
		return labelFor(value, readLabel(raw, fieldId));
	}

	forValue(fieldId: string, value: unknown): unknown {
		if (value === null || value === undefined) return undefined;
		let byValue = this.reverse.get(fieldId);
		if (!byValue) {
			byValue = new Map();
			for (const raw of this.employees.values()) {
				const label = readLabel(raw, fieldId);
				if (label === undefined) continue;
				const key = valueKey(readField(raw, fieldId));
				if (!byValue.has(key)) byValue.set(key, label);
			}
			this.reverse.set(fieldId, byValue);
		}
		return labelFor(value, byValue.get(valueKey(value)));
	}
}

function labelChange(
	change: LifecycleFieldChange,
	employeeId: string,
	labels: Labels,
): IDataObject {
	const currentLabel = labels.current(employeeId, change.field, change.current);
	const previousLabel = labels.forValue(change.field, change.previous);
	return {
		...(change as unknown as IDataObject),
		...(previousLabel === undefined ? {} : { previousLabel }),
		...(currentLabel === undefined ? {} : { currentLabel }),
	} as IDataObject;
}

function labelValues(
	values: Record<string, unknown> | null,
	fieldIds: readonly string[],
	label: (fieldId: string, value: unknown) => unknown,
): IDataObject | null {
	if (values === null) return null;
	const labels: IDataObject = {};
	for (const fieldId of fieldIds) {
		const name = readableFieldName(fieldId);
		if (!(name in values)) continue;
		const text = label(fieldId, values[name]);
		if (text !== undefined) labels[name] = text as IDataObject[string];
	}
	return labels;
}

/** One event as the item's json. `raw` is HiBob's answer for the employee (absent once removed). */
export function eventJson(
	event: LifecycleEvent,
	raw: RawEmployee | undefined,
	settings: TriggerSettings,
	labels: Labels | undefined,
): IDataObject {
	const withLabels = labels !== undefined;
	const nested = raw
		? projectEmployee(raw, ['root.id', ...settings.outputFields], withLabels)
		: nestValues({ 'root.id': event.employeeId, ...event.employee });
	const employee = settings.employeeOutput === 'simplified' ? simplify(nested) : nested;
	const json: IDataObject = {
		...(event as unknown as IDataObject),
		employee: employee as IDataObject,
	};
	if (labels) {
		const storedFields = lifecycleFieldIds(settings.engine).slice(1);
		json.changes = event.changes.map((change) => labelChange(change, event.employeeId, labels));
		json.currentLabels = labelValues(event.current, storedFields, (fieldId, value) =>
			labels.current(event.employeeId, fieldId, value),
		);
		json.previousLabels = labelValues(event.previous, storedFields, (fieldId, value) =>
			labels.forValue(fieldId, value),
		);
	}
	return json;
}
