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
	/** Parameter path by name, e.g. `filters.conditions.field` or `employee` (a locator). */
	path: string;
	/** The path n8n's editor sends for the field: `parameters.filters.conditions[0].field`. */
	editorPath: string;
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

interface Where {
	path: string;
	editorPath: string;
	multiple: boolean;
}

function walk(
	properties: readonly AnyOption[],
	at: Where,
	show: NamedMethod['show'],
	found: NamedMethod[],
): void {
	for (const option of properties) {
		if (isCollection(option)) {
			const index = at.multiple ? '[0]' : '';
			walk(
				option.values,
				{
					path: `${at.path}${option.name}.`,
					editorPath: `${at.editorPath}${option.name}${index}.`,
					multiple: false,
				},
				show,
				found,
			);
			continue;
		}
		if (!isProperty(option)) continue;
		const path = `${at.path}${option.name}`;
		const editorPath = `${at.editorPath}${option.name}`;
		const here = option.displayOptions?.show ? [...show, option.displayOptions.show] : show;
		const add = (kind: MethodKind, method: string | undefined) => {
			if (method) found.push({ kind, method, path, editorPath, show: here });
		};
		add('loadOptions', option.typeOptions?.loadOptionsMethod);
		add('resourceMapping', option.typeOptions?.resourceMapper?.resourceMapperMethod);
		add('localResourceMapping', option.typeOptions?.resourceMapper?.localResourceMapperMethod);
		for (const mode of option.modes ?? []) add('listSearch', mode.typeOptions?.searchListMethod);
		if (option.options)
			walk(
				option.options,
				{
					path: `${path}.`,
					editorPath: `${editorPath}.`,
					multiple:
						option.type === 'fixedCollection' && option.typeOptions?.multipleValues === true,
				},
				here,
				found,
			);
	}
}

export function namedMethods(description: INodeTypeDescription): NamedMethod[] {
	const found: NamedMethod[] = [];
	walk(description.properties, { path: '', editorPath: 'parameters.', multiple: false }, [], found);
	for (const credential of description.credentials ?? [])
		if (credential.testedBy && typeof credential.testedBy === 'string')
			found.push({
				kind: 'credentialTest',
				method: credential.testedBy,
				path: `credentials.${credential.name}`,
				editorPath: `credentials.${credential.name}`,
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
 * Top-level parameters under which `named`'s field shows: the first allowed value of every
 * `displayOptions.show` condition on its path (resource, operation, output…), as an array where the
 * referenced parameter takes several values (multiOptions). Nested conditions refer to sibling values
 * inside a collection and are not needed to call the method.
 */
export function visibleParameters(
	named: NamedMethod,
	description?: INodeTypeDescription,
): Record<string, unknown> {
	const parameters: Record<string, unknown> = {};
	for (const show of named.show)
		for (const [key, values] of Object.entries(show)) {
			const name = key.replace(/^\//, '');
			if (key.startsWith('@') || !values || values.length === 0 || name in parameters) continue;
			const multiple = description?.properties.some(
				(property) => property.name === name && property.type === 'multiOptions',
			);
			parameters[name] = multiple ? [values[0]] : values[0];
		}
	return parameters;
}
