/* eslint-disable no-console -- e2e tooling: tells which n8n and package the suite runs */
/**
 * Runs once before the e2e suite: checks that the real n8n is set up (test/e2e/setup-n8n.sh), packs our
 * built package once for all tests, and compiles the HiBob simulator's standalone CLI (it runs as its own
 * process in the scenarios).
 */
import { requireN8nHost } from './host';
import { packPackage } from './package';
import { compileSimulator } from './simulator';

export default async function globalSetup(): Promise<void> {
	const host = requireN8nHost();
	const tarball = packPackage();
	compileSimulator();
	console.log(
		`\ne2e: n8n ${host.n8nVersion} on node ${host.nodeVersion} (${host.hostDir}); package ${tarball}`,
	);
}
