/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: reads README.md and the codex files from the repository, outside n8n */
/**
 * Keeps the README honest where a machine can check it: every trigger event, every resource and
 * operation, every parameter and option name of both nodes and the credential, the anchors the code
 * links to, the internal links, and the Quick start command CI runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Where the published links to this repository's files start. */
const REPOSITORY_FILES = 'https://github.com/n8n-nodes-hibob/n8n-nodes-hibob/blob/main/';

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

/** The part of the README under a `### heading`, up to the next `## `. */
function section(title: string): string {
	const start = README.indexOf(`\n### ${title}\n`);
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

	it('points every documentation link of the nodes and credentials at a page and heading of this repository', () => {
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
		expect(linked.length).toBe(8);
		for (const url of linked) {
			expect(url.startsWith(REPOSITORY_FILES)).toBe(true);
			const [path, fragment] = url.slice(REPOSITORY_FILES.length).split('#');
			expect(existsSync(join(ROOT, path))).toBe(true);
			if (fragment)
				expect(githubAnchors(readFileSync(join(ROOT, path), 'utf8'))).toContain(fragment);
		}
	});

	it('links only to files and headings that exist, in README.md, docs/ and examples/README.md', () => {
		const pages = [join(ROOT, 'README.md'), join(ROOT, 'examples', 'README.md'), ...docsPages()];
		const broken: string[] = [];
		let checked = 0;
		for (const page of pages) {
			const markdown = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '');
			for (const [, target] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
				if (/^[a-z]+:/i.test(target)) continue;
				checked++;
				const [path, fragment] = target.split('#');
				const file = path ? resolve(dirname(page), path) : page;
				if (!existsSync(file)) {
					broken.push(`${relative(ROOT, page)} → ${target} (no such file)`);
				} else if (fragment && !githubAnchors(readFileSync(file, 'utf8')).includes(fragment)) {
					broken.push(`${relative(ROOT, page)} → ${target} (no such heading)`);
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
		expect(broken).toEqual([]);
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
