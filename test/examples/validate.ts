/**
 * A structural checker for n8n workflow JSON, used by the example-workflow test: the workflow's shape
 * (nodes, unique names and ids, connections between existing nodes), the node types and versions, and
 * every parameter against the node type's own description — the parameter must exist and be shown for
 * the node's other settings (displayOptions, `@version` included), option values must be among the
 * options, collections and fixed collections are checked key by key, resource locators by mode.
 * Expressions (`=…`) are accepted as they are. It follows n8n's own visibility rules closely enough for
 * hand-written workflows; it is not n8n's full parameter resolver.
 */
import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

/** The parts of a node type description the checker reads. */
export interface NodeDescription {
	name: string;
	version: number | number[];
	polling?: boolean;
	credentials?: Array<{ name: string }>;
	properties: INodeProperties[];
}

/** Returns the description of `type` at `typeVersion`, or undefined when it is not known. */
export type DescribeNode = (type: string, typeVersion: number) => NodeDescription | undefined;

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name?: string; [key: string]: unknown }>;
	[key: string]: unknown;
}

export interface Workflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		Record<string, Array<Array<{ node: string; type: string; index: number }> | null>>
	>;
	[key: string]: unknown;
}

type Params = Record<string, unknown>;

const isObject = (value: unknown): value is Params =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const isExpression = (value: unknown): boolean =>
	typeof value === 'string' && value.startsWith('=');

/** n8n adds "Poll Times" to every polling trigger itself (it is not in the node's properties). */
const POLL_MODES: Record<string, string[]> = {
	everyMinute: [],
	everyHour: ['minute'],
	everyDay: ['hour', 'minute'],
	everyWeek: ['hour', 'minute', 'weekday'],
	everyMonth: ['hour', 'minute', 'dayOfMonth'],
	everyX: ['value', 'unit'],
	custom: ['cronExpression'],
};

/** `_cnd` conditions n8n uses in displayOptions (a subset: the ones node descriptions use). */
function conditionHolds(condition: Record<string, unknown>, value: unknown): boolean {
	const [[operator, operand]] = Object.entries(condition);
	const n = Number(value);
	switch (operator) {
		case 'eq':
			return value === operand;
		case 'not':
			return value !== operand;
		case 'gte':
			return n >= Number(operand);
		case 'lte':
			return n <= Number(operand);
		case 'gt':
			return n > Number(operand);
		case 'lt':
			return n < Number(operand);
		case 'between': {
			const range = operand as { from: number; to: number };
			return n >= range.from && n <= range.to;
		}
		case 'startsWith':
			return typeof value === 'string' && value.startsWith(String(operand));
		case 'endsWith':
			return typeof value === 'string' && value.endsWith(String(operand));
		case 'includes':
			return typeof value === 'string' && value.includes(String(operand));
		case 'regex':
			return typeof value === 'string' && new RegExp(String(operand)).test(value);
		case 'exists':
			return value !== undefined && value !== null && value !== '';
		default:
			return true;
	}
}

function matches(allowed: unknown[], actual: unknown): boolean {
	const values = Array.isArray(actual) ? actual : [actual];
	// n8n shows a parameter whose controlling value is an expression
	if (values.some(isExpression)) return true;
	return allowed.some((option) =>
		isObject(option) && isObject(option._cnd)
			? values.some((value) => conditionHolds(option._cnd as Record<string, unknown>, value))
			: values.includes(option),
	);
}

interface Scope {
	/** The node's parameters (for `/name` references). */
	root: Params;
	rootProperties: INodeProperties[];
	/** The parameters at this level and their properties (for plain references). */
	level: Params;
	levelProperties: INodeProperties[];
	version: number;
}

/** The value a displayOptions key refers to: set value, else the visible property's default. */
function referencedValue(key: string, scope: Scope): unknown {
	const atRoot = key.startsWith('/');
	const name = atRoot ? key.slice(1) : key;
	const values = atRoot ? scope.root : scope.level;
	if (name in values) return values[name];
	const properties = atRoot ? scope.rootProperties : scope.levelProperties;
	const inner: Scope = atRoot
		? { ...scope, level: scope.root, levelProperties: properties }
		: scope;
	const property = properties.find((p) => p.name === name && isShown(p, inner));
	return property?.default;
}

function isShown(property: INodeProperties, scope: Scope): boolean {
	const { show, hide } = property.displayOptions ?? {};
	for (const [key, allowed] of Object.entries(show ?? {})) {
		const actual = key === '@version' ? scope.version : referencedValue(key, scope);
		if (!matches(allowed as unknown[], actual)) return false;
	}
	for (const [key, hidden] of Object.entries(hide ?? {})) {
		const actual = key === '@version' ? scope.version : referencedValue(key, scope);
		if (actual !== undefined && matches(hidden as unknown[], actual)) return false;
	}
	return true;
}

function optionValues(property: INodeProperties): unknown[] | undefined {
	const dynamic = property.typeOptions?.loadOptionsMethod ?? property.typeOptions?.loadOptions;
	if (dynamic || !property.options || property.options.length === 0) return undefined;
	return (property.options as Array<{ value?: unknown }>).map((option) => option.value);
}

function checkValue(
	property: INodeProperties,
	value: unknown,
	path: string,
	scope: Scope,
	problems: string[],
): void {
	if (isExpression(value)) return;
	const fail = (what: string): void => {
		problems.push(`${path}: ${what}`);
	};
	switch (property.type) {
		case 'options': {
			const allowed = optionValues(property);
			if (allowed && !allowed.includes(value))
				fail(`${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
			return;
		}
		case 'multiOptions': {
			if (!Array.isArray(value)) return fail('must be a list');
			const allowed = optionValues(property);
			for (const entry of value)
				if (allowed && !isExpression(entry) && !allowed.includes(entry))
					fail(`${JSON.stringify(entry)} is not one of ${JSON.stringify(allowed)}`);
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') fail('must be true or false');
			return;
		case 'number':
			if (typeof value !== 'number') fail('must be a number');
			return;
		case 'string':
		case 'dateTime':
		case 'color':
			if (typeof value !== 'string') fail('must be a string');
			return;
		case 'resourceLocator': {
			if (!isObject(value) || value.__rl !== true)
				return fail('must be a resource locator ({ __rl: true, mode, value })');
			const modes = (property.modes ?? []).map((mode) => mode.name);
			if (!modes.includes(String(value.mode)))
				fail(`mode ${JSON.stringify(value.mode)} is not one of ${JSON.stringify(modes)}`);
			if (typeof value.value !== 'string' && typeof value.value !== 'number')
				fail('value must be a string or number');
			return;
		}
		case 'collection': {
			if (!isObject(value)) return fail('must be an object');
			checkParameters(
				value,
				(property.options ?? []) as INodeProperties[],
				path,
				{ ...scope, level: value, levelProperties: (property.options ?? []) as INodeProperties[] },
				problems,
			);
			return;
		}
		case 'fixedCollection': {
			if (!isObject(value)) return fail('must be an object');
			const groups = (property.options ?? []) as INodePropertyCollection[];
			for (const [key, entries] of Object.entries(value)) {
				const group = groups.find((g) => g.name === key);
				if (!group) {
					fail(`unknown group "${key}" (groups: ${groups.map((g) => g.name).join(', ')})`);
					continue;
				}
				const multiple = property.typeOptions?.multipleValues === true;
				if (multiple !== Array.isArray(entries)) {
					fail(`"${key}" must be ${multiple ? 'a list' : 'an object'}`);
					continue;
				}
				const list = (Array.isArray(entries) ? entries : [entries]) as unknown[];
				list.forEach((entry, index) => {
					const entryPath = `${path}.${key}${multiple ? `[${index}]` : ''}`;
					if (!isObject(entry)) {
						problems.push(`${entryPath}: must be an object`);
						return;
					}
					checkParameters(
						entry,
						group.values,
						entryPath,
						{ ...scope, level: entry, levelProperties: group.values },
						problems,
					);
				});
			}
			return;
		}
		default:
			// json, filter, assignmentCollection, hidden, credentialsSelect, …: n8n checks them at run time
			return;
	}
}

function checkParameters(
	values: Params,
	properties: INodeProperties[],
	path: string,
	scope: Scope,
	problems: string[],
): void {
	for (const [name, value] of Object.entries(values)) {
		const candidates = properties.filter((p) => p.name === name);
		const where = path === '' ? name : `${path}.${name}`;
		if (candidates.length === 0) {
			problems.push(`${where}: no such parameter`);
			continue;
		}
		const shown = candidates.find((p) => isShown(p, scope));
		if (!shown) {
			problems.push(`${where}: not shown for these settings (displayOptions)`);
			continue;
		}
		checkValue(shown, value, where, scope, problems);
	}
}

function checkPollTimes(value: unknown, problems: string[], where: string): void {
	const items = isObject(value) ? value.item : undefined;
	if (!Array.isArray(items) || items.length === 0) {
		problems.push(`${where}.pollTimes: must be { item: [ { mode, … } ] }`);
		return;
	}
	for (const item of items as unknown[]) {
		const mode = isObject(item) ? String(item.mode) : '';
		const keys = POLL_MODES[mode];
		if (!keys) {
			problems.push(`${where}.pollTimes: unknown mode ${JSON.stringify(mode)}`);
			continue;
		}
		for (const key of Object.keys(item as Params))
			if (key !== 'mode' && !keys.includes(key))
				problems.push(`${where}.pollTimes: "${key}" does not belong to mode ${mode}`);
	}
}

/** The node's own parameters against its description. */
export function checkNodeParameters(node: WorkflowNode, description: NodeDescription): string[] {
	const problems: string[] = [];
	const where = `node "${node.name}"`;
	const parameters = { ...node.parameters };
	if (description.polling) {
		if (parameters.pollTimes === undefined)
			problems.push(`${where}: polling trigger without pollTimes`);
		else checkPollTimes(parameters.pollTimes, problems, where);
		delete parameters.pollTimes;
	}
	const scope: Scope = {
		root: parameters,
		rootProperties: description.properties,
		level: parameters,
		levelProperties: description.properties,
		version: node.typeVersion,
	};
	const found: string[] = [];
	checkParameters(parameters, description.properties, '', scope, found);
	problems.push(...found.map((problem) => `${where}: ${problem}`));
	// required top-level parameters that are shown but neither set nor defaulted
	for (const property of description.properties) {
		if (!property.required || property.name in parameters || !isShown(property, scope)) continue;
		const empty =
			property.default === '' ||
			property.default === undefined ||
			(isObject(property.default) && (property.default as Params).value === '');
		if (empty) problems.push(`${where}: required parameter "${property.name}" is missing`);
	}
	const allowedCredentials = (description.credentials ?? []).map((c) => c.name);
	// HTTP Request's "Generic Credential Type" takes the type chosen in genericAuthType (e.g. httpHeaderAuth)
	const generic =
		parameters.authentication === 'genericCredentialType' &&
		typeof parameters.genericAuthType === 'string'
			? [parameters.genericAuthType]
			: [];
	for (const [type, reference] of Object.entries(node.credentials ?? {})) {
		if (!allowedCredentials.includes(type) && !generic.includes(type))
			problems.push(
				`${where}: credential type "${type}" is not one of ${JSON.stringify(allowedCredentials)}`,
			);
		const keys = Object.keys(reference ?? {});
		if (keys.some((key) => key !== 'id' && key !== 'name'))
			problems.push(`${where}: credential "${type}" must only reference { id, name } (no data)`);
	}
	return problems;
}

/** Shape, node types and connections of a workflow (parameters: checkNodeParameters). */
export function checkWorkflowShape(
	workflow: unknown,
	isKnownType: (node: WorkflowNode) => string | undefined,
): string[] {
	const problems: string[] = [];
	if (!isObject(workflow)) return ['the workflow is not a JSON object'];
	if (typeof workflow.name !== 'string' || workflow.name.trim() === '')
		problems.push('"name" is missing');
	if (!Array.isArray(workflow.nodes) || workflow.nodes.length === 0)
		return [...problems, '"nodes" is missing or empty'];
	if (!isObject(workflow.connections)) problems.push('"connections" is missing');
	const names = new Set<string>();
	const ids = new Set<string>();
	for (const [index, node] of (workflow.nodes as unknown[]).entries()) {
		if (!isObject(node)) {
			problems.push(`nodes[${index}] is not an object`);
			continue;
		}
		const where = `node "${String(node.name ?? index)}"`;
		if (typeof node.name !== 'string' || node.name === '')
			problems.push(`nodes[${index}]: no name`);
		else if (names.has(node.name)) problems.push(`${where}: duplicate name`);
		else names.add(node.name);
		if (typeof node.id !== 'string' || node.id === '') problems.push(`${where}: no id`);
		else if (ids.has(node.id)) problems.push(`${where}: duplicate id`);
		else ids.add(node.id);
		if (typeof node.type !== 'string') problems.push(`${where}: no type`);
		if (typeof node.typeVersion !== 'number') problems.push(`${where}: no typeVersion`);
		if (
			!Array.isArray(node.position) ||
			node.position.length !== 2 ||
			node.position.some((n) => typeof n !== 'number')
		)
			problems.push(`${where}: position must be [x, y]`);
		if (!isObject(node.parameters)) problems.push(`${where}: parameters must be an object`);
		if (typeof node.type === 'string' && typeof node.typeVersion === 'number') {
			const unknown = isKnownType(node as WorkflowNode);
			if (unknown) problems.push(`${where}: ${unknown}`);
		}
	}
	for (const [source, outputs] of Object.entries(
		isObject(workflow.connections) ? workflow.connections : {},
	)) {
		if (!names.has(source)) problems.push(`connections: source "${source}" is not a node`);
		if (!isObject(outputs)) {
			problems.push(`connections["${source}"] must be an object`);
			continue;
		}
		for (const [type, lists] of Object.entries(outputs)) {
			if (!Array.isArray(lists)) {
				problems.push(`connections["${source}"].${type} must be a list`);
				continue;
			}
			for (const list of lists as unknown[]) {
				if (list === null) continue;
				if (!Array.isArray(list)) {
					problems.push(`connections["${source}"].${type}: each output must be a list`);
					continue;
				}
				for (const target of list as unknown[]) {
					if (
						!isObject(target) ||
						typeof target.node !== 'string' ||
						typeof target.index !== 'number' ||
						typeof target.type !== 'string'
					)
						problems.push(`connections["${source}"]: malformed target ${JSON.stringify(target)}`);
					else if (!names.has(target.node))
						problems.push(`connections["${source}"]: target "${target.node}" is not a node`);
				}
			}
		}
	}
	return problems;
}
