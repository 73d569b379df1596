/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: reads a page of the repository */
/**
 * docs/troubleshooting.md lists every error message the code can show: the list is read from the
 * sources (tools/docs/errors.ts), so a message added, changed or removed in the code without
 * `npm run docs:errors` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { areaOf, collectErrors, renderErrors, withErrors } from '../../tools/docs/errors';

const ROOT = join(__dirname, '..', '..');
const PAGE = readFileSync(join(ROOT, 'docs', 'troubleshooting.md'), 'utf8');

describe('docs/troubleshooting.md', () => {
	const errors = collectErrors(ROOT);

	it('lists exactly the error messages the code has (run `npm run docs:errors` after changing one)', () => {
		expect(withErrors(PAGE, renderErrors(errors))).toBe(PAGE);
	});

	it('reads messages from every kind of place they are written, with what to do', () => {
		const areas = new Set(errors.map((error) => error.area));
		for (const area of ['Any HiBob request', 'Credential and its test', 'HiBob Trigger', 'HiBob Webhook Trigger'])
			expect(areas).toContain(area);
		expect(errors.length).toBeGreaterThan(100);
		const unauthorized = errors.find((error) => error.message === 'HiBob rejected the service user ID or token (401)');
		expect(unauthorized?.hint).toMatch(/Check the Service User ID and Token/);
		expect(errors.filter((error) => error.hint !== '').length / errors.length).toBeGreaterThan(0.85);
	}); // prettier-ignore

	it('reads a hint or a part kept in a named constant as its text', () => {
		// a permission hint shared by several operations (a constant of the resource's file)
		const documents = errors.find((error) => error.message === 'HiBob refused the documents of employee … (403)');
		expect(documents?.hint).toMatch(/^Each folder has its own permissions/);
		// NOT_SENT inside a template: the text, not "…"
		const tooLong = errors.find((error) => error.message === '… must be a date, got …');
		expect(tooLong?.hint).toBe('Give a date such as 2026-12-01 (or pick one). Nothing was sent to HiBob.');
	}); // prettier-ignore

	it('names the area of an operation by its resource and operation', () => {
		expect(areaOf('nodes/HiBob/actions/employee/update.operation.ts')).toBe('HiBob node: employee → update');
		expect(areaOf('nodes/HiBob/transport/index.ts')).toBe('Any HiBob request');
	}); // prettier-ignore
});
