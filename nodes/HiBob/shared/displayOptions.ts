import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Shows `properties` only where `displayOptions` says, as n8n's own nodes do with nodes-base's helper
 * (which a community package cannot import). A property's own conditions stay and narrow it further:
 * in `show` and `hide` the given conditions come first, then the property's own. The same parameter
 * named by both would make one of the two conditions silently lost, so that throws.
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => {
		const own = property.displayOptions ?? {};
		const merged: IDisplayOptions = { ...displayOptions, ...own };
		for (const key of ['show', 'hide'] as const) {
			const given = displayOptions[key];
			const extra = own[key];
			if (!given || !extra) continue;
			const twice = Object.keys(extra).filter((name) => name in given);
			if (twice.length > 0)
				throw new Error(
					`Parameter "${property.name}" already has a ${key} condition on ${twice.join(', ')}`,
				);
			merged[key] = { ...given, ...extra };
		}
		return { ...property, displayOptions: merged };
	});
}
