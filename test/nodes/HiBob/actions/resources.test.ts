/**
 * What the editor shows in the Resource and Operation dropdowns: each resource's description names what
 * its operations do (reads and writes alike), and each operation's action reads as a sentence.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { RESOURCES } from '../../../../nodes/HiBob/actions/resources';

const operationsOf = (resource: (typeof RESOURCES)[number]) =>
	resource.operationProperty.options as INodePropertyOptions[];

describe('HiBob resources as the editor lists them', () => {
	it.each(RESOURCES.map((resource) => [resource.name, resource] as const))(
		'%s: the description names the verb of every operation',
		(_name, resource) => {
			const verbs = [
				...new Set(operationsOf(resource).map((option) => option.name.split(' ')[0].toLowerCase())),
			];
			const description = resource.description.toLowerCase();
			expect(verbs.filter((verb) => !description.includes(verb))).toEqual([]);
		},
	);

	it('every action reads as a sentence: no possessive broken into "employee s", no lower-case "bob"', () => {
		const actions = RESOURCES.flatMap((resource) =>
			operationsOf(resource).map((option) => String(option.action)),
		);
		expect(actions.length).toBeGreaterThan(20);
		expect(actions.filter((action) => /\b\w+ s\b|\bbob\b|^[a-z]/.test(action))).toEqual([]);
	});
});
