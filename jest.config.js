/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }],
	},
	testTimeout: 60000,
	// Says once why the OpenAPI conformance tests skip when UiPath's descriptions are not on this machine.
	globalSetup: '<rootDir>/test/support/descriptionsNotice.ts',
	// Suites start their own sandbox on a free port; two workers match the 2-core CI machine.
	maxWorkers: 2,
};
