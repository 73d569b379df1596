/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- documentation tooling (never shipped: not in dist/) writes a page of the repository */
/** `npm run docs:errors`: rewrites the error list of docs/troubleshooting.md from the code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { collectErrors, renderErrors, withErrors } from './errors';

export async function main(): Promise<number> {
	const root = resolve(__dirname, '..', '..');
	const page = join(root, 'docs', 'troubleshooting.md');
	const errors = collectErrors(root);
	writeFileSync(page, withErrors(readFileSync(page, 'utf8'), renderErrors(errors)));
	process.stdout.write(`docs/troubleshooting.md: ${errors.length} error messages\n`);
	return 0;
}
