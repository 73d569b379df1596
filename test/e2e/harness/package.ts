/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- e2e tooling (never shipped: not in dist/) drives a real n8n process: it spawns n8n, reads its files and env */
/**
 * Our package the way users get it: `npm pack` of the built package, extracted into
 * `$N8N_USER_FOLDER/.n8n/nodes/node_modules/<name>` (no node_modules inside, so `n8n-workflow`
 * resolves to n8n's own copy, and node types are `n8n-nodes-hibob.<node>`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CACHE_DIR, PROJECT_ROOT } from './host';

export const PACKAGE_NAME = (
	JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string }
).name;

const PACK_DIR = join(CACHE_DIR, 'e2e-pack');
const CURRENT = join(PACK_DIR, 'current.json');

/**
 * Packs the already built package (run `npm run build` first; `npm run test:e2e` does) and returns the
 * tarball's path. Called once per jest run from globalSetup; tests use packedPackage().
 */
export function packPackage(): string {
	const built = (
		JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
			n8n: { credentials: string[]; nodes: string[] };
		}
	).n8n;
	for (const file of [...built.credentials, ...built.nodes]) {
		if (!existsSync(join(PROJECT_ROOT, file))) {
			throw new Error(`e2e: ${file} is missing — run \`npm run build\` before the e2e suite`);
		}
	}
	rmSync(PACK_DIR, { recursive: true, force: true });
	mkdirSync(PACK_DIR, { recursive: true });
	const out = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', PACK_DIR],
		{ cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const [{ filename }] = JSON.parse(out) as Array<{ filename: string }>;
	const tarball = join(PACK_DIR, filename);
	writeFileSync(CURRENT, JSON.stringify({ tarball }));
	return tarball;
}

/** The tarball globalSetup packed for this run. */
export function packedPackage(): string {
	if (!existsSync(CURRENT)) return packPackage();
	return (JSON.parse(readFileSync(CURRENT, 'utf8')) as { tarball: string }).tarball;
}

/**
 * Extracts the tarball into a fresh `<userFolder>/.n8n/nodes/node_modules/<name>` and returns that folder.
 * `adjustPackageJson` edits the extracted copy's package.json only (never the repository's).
 */
export function installPackage(
	userFolder: string,
	options: { tarball?: string; adjustPackageJson?: (pkg: Record<string, unknown>) => void } = {},
): string {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', [
		'xzf',
		options.tarball ?? packedPackage(),
		'-C',
		target,
		'--strip-components=1',
	]);
	if (options.adjustPackageJson) {
		const file = join(target, 'package.json');
		const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		options.adjustPackageJson(pkg);
		writeFileSync(file, JSON.stringify(pkg, null, 2));
	}
	return target;
}
