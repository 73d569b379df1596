/** Jest runs the TypeScript tests under test/ through ts-jest (types are checked separately by `npm run typecheck`). */
module.exports = {
	testEnvironment: 'node',
	// nock keeps references to its interceptors across test files; Jest's soft clean-up of globals
	// between files then prints a JEST-01 deprecation warning per file. Nothing leaks across files here
	// (each file starts its own simulator or nock scope), so the clean-up is off.
	testEnvironmentOptions: { globalsCleanup: 'off' },
	setupFilesAfterEnv: ['<rootDir>/test/harness/nockCleanup.ts'],
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }],
	},
	testTimeout: 30000,
};
