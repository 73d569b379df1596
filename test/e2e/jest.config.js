/**
 * The end-to-end suite: our packed package inside a real n8n (see test/e2e/README.md).
 * Run through `npm run test:e2e`, which installs/reuses the real n8n and builds first.
 * Serial (each test boots n8n processes; 2-core machines) and with long timeouts.
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	testTimeout: 180000,
	maxWorkers: 1,
	verbose: true,
};
