/**
 * The end-to-end suite: our packed package inside a real n8n (see test/e2e/README.md).
 * Run through `npm run test:e2e`, which installs/reuses the real n8n and builds first.
 * Serial (each test boots n8n processes; 2-core machines) and with long timeouts.
 */
// Scenarios proven on the 2.41 line only so far; the 1.x compatibility run (E2E_N8N_LINE=1) leaves them out
// rather than claim 1.x results nobody measured (test/e2e/README.md, compatibility matrix).
const TWO_X_ONLY = ['dynamicParameters', 'writes', 'tasks', 'webhook'].map(
	(name) => `/test/e2e/${name}\\.e2e\\.test\\.ts$`,
);

module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', ...(process.env.E2E_N8N_LINE === '1' ? TWO_X_ONLY : [])],
	globalSetup: '<rootDir>/test/e2e/harness/globalSetup.ts',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	testTimeout: 180000,
	maxWorkers: 1,
	verbose: true,
};
