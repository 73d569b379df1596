#!/usr/bin/env node
/**
 * n8n's verification scanner (@n8n/scan-community-package, the tool n8n runs before it lists a community
 * package as verified), run on this checkout and on the packed tarball, without the registry.
 *
 * The published scanner downloads the package from npm, checks its npm provenance, fetches the attested
 * GitHub commit and lints both. Here nothing is published, so this runs the scanner's own lint with its
 * own configuration (`analyzePackage`, inline eslint-disable comments ignored) on:
 *   1. the source: package.json and {nodes,credentials}/**\/*.{js,ts,json} of this checkout;
 *   2. the artifact: `npm pack` of the built package (run `npm run build` first), its **\/*.js and package.json.
 * Provenance is the one check left out: the publish workflow publishes with `--provenance`.
 *
 * Usage: node tools/scan-community-package.mjs   (exit 1 with the scanner's report when anything fails)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
	if (!existsSync(join(root, file))) {
		console.error(`scan: ${file} is missing: run \`npm run build\` first`);
		process.exit(1);
	}
}

const work = mkdtempSync(join(tmpdir(), 'hibob-scan-'));
let failed = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		}),
	);
	const tarball = join(work, packed[0].filename);
	const extracted = join(work, 'package');
	execFileSync('mkdir', ['-p', extracted]);
	execFileSync('tar', ['xzf', tarball, '-C', extracted, '--strip-components=1']);

	const legs = [
		['source', root, SOURCE_FILE_PATTERNS],
		[
			`tarball ${packed[0].filename} (${packed[0].entryCount} files)`,
			extracted,
			['**/*.js', 'package.json'],
		],
	];
	for (const [label, dir, patterns] of legs) {
		const result = await analyzePackage(dir, patterns);
		if (result.passed) {
			console.log(`scan: ${pkg.name}@${pkg.version} ${label}: passed`);
		} else {
			failed = true;
			console.log(`scan: ${pkg.name}@${pkg.version} ${label}: FAILED (${result.message})`);
			if (result.details) console.log(result.details);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
