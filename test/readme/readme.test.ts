/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: reads README.md and the codex files from the repository, outside n8n */
/**
 * Keeps the README honest where a machine can check it: every trigger event, every resource and
 * operation, every parameter and option name of both nodes and the credential, the anchors the code
 * links to, the internal links, and the Quick start command CI runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { HiBobApi } from '../../credentials/HiBobApi.credentials';
import { LIFECYCLE_EVENTS } from '../../nodes/HiBob/core/lifecycle';
import { HiBob } from '../../nodes/HiBob/HiBob.node';
import { HiBobTrigger } from '../../nodes/HiBob/HiBobTrigger.node';
import { HiBobWebhookTrigger } from '../../nodes/HiBob/HiBobWebhookTrigger.node';
import { HiBobWebhookApi } from '../../credentials/HiBobWebhookApi.credentials';
import { RESOURCES } from '../../nodes/HiBob/actions/resources';

const ROOT = join(__filename, '..', '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Every Markdown page under docs/, recursively: the reference that README.md links to. */
function docsPages(folder = join(ROOT, 'docs')): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return docsPages(path);
		return entry.name.endsWith('.md') ? [path] : [];
	});
}

/** What a user can read: README.md and the docs/ pages. Names and defaults must appear somewhere in it. */
const DOCUMENTATION = [README, ...docsPages().map((path) => readFileSync(path, 'utf8'))].join('\n');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function githubAnchors(markdown: string): string[] {
	const seen = new Map<string, number>();
	const anchors: string[] = [];
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = inFence ? null : /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const base = heading[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
			.replace(/ /g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.push(count === 0 ? base : `${base}-${count}`);
	}
	return anchors;
}

/** The part of the README under a `## heading`, up to the next `## `. */
function section(title: string): string {
	const start = README.indexOf(`\n## ${title}\n`);
	if (start < 0) return '';
	const end = README.indexOf('\n## ', start + 1);
	return README.slice(start, end < 0 ? undefined : end);
}

/** Display names of parameters (nested collections included) and of fixed option lists. */
function names(properties: INodeProperties[]): string[] {
	const found: string[] = [];
	const visit = (property: INodeProperties) => {
		if (property.type === 'notice') return;
		found.push(property.displayName);
		for (const mode of property.modes ?? []) found.push(mode.displayName);
		for (const option of property.options ?? []) {
			if ('values' in option) {
				const collection = option as INodePropertyCollection;
				found.push(collection.displayName);
				collection.values.forEach(visit);
			} else if ('displayName' in option) {
				visit(option as INodeProperties);
			} else {
				found.push((option as INodePropertyOptions).name);
			}
		}
	};
	properties.forEach(visit);
	return [...new Set(found)];
}

const missing = (wanted: string[]) => wanted.filter((text) => !DOCUMENTATION.includes(text));

describe('README', () => {
	it('names every trigger event value, in code style', () => {
		expect(missing(LIFECYCLE_EVENTS.map((event) => `\`${event}\``))).toEqual([]);
	});

	it('names every resource and operation value of the action node, in code style', () => {
		const values = RESOURCES.flatMap((resource) => [
			resource.value,
			...(resource.operationProperty.options as INodePropertyOptions[]).map((option) =>
				String(option.value),
			),
		]);
		expect(values.length).toBeGreaterThan(4);
		expect(missing(values.map((value) => `\`${value}\``))).toEqual([]);
	});

	it('names every parameter and option of both nodes and the credential as n8n shows them', () => {
		expect(missing(names(new HiBob().description.properties))).toEqual([]);
		expect(missing(names(new HiBobTrigger().description.properties))).toEqual([]);
		expect(missing(names(new HiBobWebhookTrigger().description.properties))).toEqual([]);
		expect(missing(names(new HiBobWebhookApi().properties))).toEqual([]);
		expect(missing(names(new HiBobApi().properties))).toEqual([]);
	});

	it('has the headings the code links to, with exactly those anchors', () => {
		expect(README).toMatch(/^## Credentials$/m);
		expect(README).toMatch(/^## HiBob action node$/m);
		expect(README).toMatch(/^## HiBob Trigger$/m);
		const anchors = githubAnchors(README);
		const linked = [
			new HiBobApi().documentationUrl,
			new HiBobWebhookApi().documentationUrl,
			...['HiBob.node.json', 'HiBobTrigger.node.json', 'HiBobWebhookTrigger.node.json'].flatMap(
				(file) => {
					const codex = JSON.parse(readFileSync(join(ROOT, 'nodes', 'HiBob', file), 'utf8')) as {
						resources: Record<string, Array<{ url: string }>>;
					};
					return Object.values(codex.resources).flatMap((links) => links.map((link) => link.url));
				},
			),
		];
		const fragments = [...new Set(linked.map((url) => url.split('#')[1]))];
		expect(fragments.sort()).toEqual([
			'credentials',
			'hibob-action-node',
			'hibob-trigger',
			'hibob-webhook-trigger',
		]);
		for (const fragment of fragments) expect(anchors).toContain(fragment);
	});

	it('links only to headings that exist', () => {
		const anchors = new Set(githubAnchors(README));
		const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]);
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter((link) => !anchors.has(link))).toEqual([]);
	});

	it('keeps the Quick start commands CI runs and the demo', () => {
		const quickStart = section('Quick start');
		expect(quickStart).toContain('npm ci && npm test');
		expect(quickStart).toContain('npm run demo');
		expect(quickStart.indexOf('npm ci && npm test')).toBeLessThan(
			quickStart.indexOf('npm run demo'),
		);
	});

	it('states the trigger and safety defaults the code uses', () => {
		const trigger = new HiBobTrigger().description.properties;
		const options = trigger.find((property) => property.name === 'options')
			?.options as INodeProperties[];
		const defaultOf = (name: string) =>
			[...trigger, ...options].find((property) => property.name === name)?.default;
		expect(DOCUMENTATION).toContain(`| Lead Days | ${String(defaultOf('leadDays'))} |`);
		expect(DOCUMENTATION).toContain(
			`| Safety Limit (% of Employees) | ${String(defaultOf('safetyMaxPercent'))} |`,
		);
		expect(DOCUMENTATION).toContain(
			`| Safety Limit (Employees) | ${String(defaultOf('safetyMaxCount'))} |`,
		);
	});
});
