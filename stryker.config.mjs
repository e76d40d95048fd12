// Mutation testing (issue 12), not part of CI or `projen build`: `npx projen mutation`.
// The whole of src/ takes hours on two cores; one file at a time is the usual use:
//   npx projen mutation --mutate src/owner-key.ts
// Results accumulate in the incremental file (committed), so a later run re-tests only the
// mutants whose code or covering tests changed. See README.md, "Contributing".

// Every mutant loads every test file related to the mutated file (about 50 for most of src/: some
// 20 s per mutant here), even those with no covering test. STRYKER_TEST_FILES (space-separated
// paths or globs under the repository) runs a first pass with only those files: its kills stand,
// and a second run without it re-tests the survivors against the whole suite (the incremental
// file re-tests a survivor when new tests cover it), so the final score is the whole suite's.
const testFiles = (process.env.STRYKER_TEST_FILES ?? '').split(/\s+/).filter(file => file !== '');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  packageManager: 'npm',
  testRunner: 'jest',
  checkers: ['typescript'],
  // The library's own tsconfig (src/ only, as jsii compiles it): a mutant that no longer
  // type-checks is reported as a compile error, not run. With tsconfig.dev.json (src/ and test/)
  // the checker re-checked every test file per mutant and was as slow as the tests; a mutant that
  // breaks only a test's types still fails that test file, where ts-jest type-checks it.
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  // src/index.ts only re-exports.
  mutate: ['src/**/*.ts', '!src/index.ts'],
  jest: {
    // Jest's config is the "jest" key of package.json (written by projen).
    projectType: 'custom',
    configFile: 'package.json',
    enableFindRelatedTests: true,
    config: {
      ...testFiles.length > 0 ? { testMatch: testFiles.map(file => `<rootDir>/${file}`) } : {},
      testPathIgnorePatterns: [
        '/node_modules/',
        // The fuzz suite runs cfn-lint over hundreds of generated pools: far too slow per mutant.
        '<rootDir>/test/fuzz.test.ts',
        // Reads the jsii assembly (.jsii) that `projen compile` writes, and fails when a source
        // file is newer: every instrumented source in the sandbox is. It tests the assembly, not
        // the behaviour of src/.
        '<rootDir>/test/index.test.ts',
      ],
    },
  },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  // The machine this runs on is usually shared; raise it with --concurrency.
  concurrency: 1,
  // A busy machine slows tests down; a mutant is a timeout only well past its dry-run time.
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // Nothing the tests read lives here; copying them into the sandbox only costs time.
  ignorePatterns: [
    '/.ci',
    '/.tools',
    '/.venv*',
    '/.scratch',
    '/.bench-profile',
    '/coverage',
    '/dist',
    '/lib',
    '/reports',
    '/test-reports',
    '/test/python',
    '/API.md',
    '/API.python.md',
  ],
};

export default config;
