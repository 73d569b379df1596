/**
 * Every dynamic method a node description names (load options, list searches, resource mappers,
 * credential tests), wherever it sits: top-level parameters, collections, fixed collections, nested
 * options, resource-locator modes. Each comes with the parameter path that names it and the display
 * conditions on that path, so a caller can build the parameters that make the field visible.
 * Used by the unit test that every named method is registered, and by the e2e test that calls each one
 * through n8n's REST endpoints.
 */
import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/** The `methods` key n8n looks a named method up in. */
export type MethodKind =
	| 'loadOptions'
	| 'listSearch'
	| 'resourceMapping'
	| 'localResourceMapping'
	| 'credentialTest';

export interface NamedMethod {
	kind: MethodKind;
	method: string;
	/** Parameter path as n8n's editor writes it, e.g. `filters.conditions.field` or `employee` (a locator). */
	path: string;
	/** The `displayOptions.show` of every property on the path, outermost first. */
	show: Array<Record<string, unknown[] | undefined>>;
}

type AnyOption = INodeProperties | INodePropertyCollection | INodePropertyOptions;

function isProperty(option: AnyOption): option is INodeProperties {
	return 'type' in option && 'displayName' in option;
}

function isCollection(option: AnyOption): option is INodePropertyCollection {
	return !('type' in option) && 'values' in option && Array.isArray(option.values);
}

function walk(
	properties: readonly AnyOption[],
	prefix: string,
	show: NamedMethod['show'],
	found: NamedMethod[],
): void {
	for (const option of properties) {
		if (isCollection(option)) {
			walk(option.values, `${prefix}${option.name}.`, show, found);
			continue;
		}
		if (!isProperty(option)) continue;
		const path = `${prefix}${option.name}`;
		const here = option.displayOptions?.show ? [...show, option.displayOptions.show] : show;
		const add = (kind: MethodKind, method: string | undefined) => {
			if (method) found.push({ kind, method, path, show: here });
		};
		add('loadOptions', option.typeOptions?.loadOptionsMethod);
		add('resourceMapping', option.typeOptions?.resourceMapper?.resourceMapperMethod);
		add('localResourceMapping', option.typeOptions?.resourceMapper?.localResourceMapperMethod);
		for (const mode of option.modes ?? []) add('listSearch', mode.typeOptions?.searchListMethod);
		if (option.options) walk(option.options, `${path}.`, here, found);
	}
}

export function namedMethods(description: INodeTypeDescription): NamedMethod[] {
	const found: NamedMethod[] = [];
	walk(description.properties, '', [], found);
	for (const credential of description.credentials ?? [])
		if (credential.testedBy && typeof credential.testedBy === 'string')
			found.push({
				kind: 'credentialTest',
				method: credential.testedBy,
				path: `credentials.${credential.name}`,
				show: [],
			});
	return found;
}

/** The named methods `node` does not register, as "kind.method (at path)" lines. */
export function unregisteredMethods(node: INodeType): string[] {
	const methods = (node.methods ?? {}) as Partial<Record<MethodKind, Record<string, unknown>>>;
	return namedMethods(node.description)
		.filter(({ kind, method }) => typeof methods[kind]?.[method] !== 'function')
		.map(({ kind, method, path }) => `${kind}.${method} (named by "${path}")`);
}

/**
 * Top-level parameters under which `method`'s field shows: the first allowed value of every top-level
 * `displayOptions.show` condition on its path (resource, operation, output…). Nested conditions refer
 * to sibling values inside a collection and are not needed to call the method.
 */
export function visibleParameters(named: NamedMethod): Record<string, unknown> {
	const parameters: Record<string, unknown> = {};
	for (const show of named.show)
		for (const [name, values] of Object.entries(show))
			if (!name.startsWith('@') && values && values.length > 0)
				parameters[name.replace(/^\//, '')] ??= values[0];
	return parameters;
}
