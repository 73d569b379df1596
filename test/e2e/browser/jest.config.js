/**
 * The editor in a real browser (Debian's Chromium driven by playwright-core) against a real n8n 2.41
 * and the HiBob simulator: `npm run build && npx jest -c test/e2e/browser/jest.config.js`. Apart from
 * the e2e suite because it needs Chromium and n8n 2.x's editor (the 1.x line has another UI).
 */
module.exports = {
	rootDir: '../../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e/browser'],
	testMatch: ['**/*.browser.test.ts'],
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	testTimeout: 600000,
	maxWorkers: 1,
	verbose: true,
};
