import { awscdk, javascript } from 'projen';

// The aws-cdk-lib floor: 2.187.0 is the first release whose stable
// `aws-cognito-identitypool` module exists. Our users migrate from it, and the
// migration tests and benchmarks compare against it, so nothing older will do.
const CDK_FLOOR = '2.187.0';
const CONSTRUCTS_FLOOR = '10.0.5';
// cdk-nag: the jest suite checks the example app and the integ apps with it, and the README's
// cdk-nag snippet imports it (compiled by jsii-rosetta, type-checked in Python).
const CDK_NAG_VERSION = '2.37.55';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-identity-pool',
  description:
    'A complete, safe-by-default AWS CDK v2 L2 construct library for Amazon Cognito Identity Pools.',
  author: 'cdk-identity-pool developers',
  authorAddress: 'cdk-identity-pool@users.noreply.github.com',
  repositoryUrl: 'https://github.com/cdk-identity-pool/cdk-identity-pool.git',
  license: 'Apache-2.0',
  keywords: ['aws-cdk', 'cdk', 'cognito', 'identity-pool', 'federated-identities', 'awscdk'],
  defaultReleaseBranch: 'main',
  // A 0.x release: the Python package says "Development Status :: 4 - Beta" (jsii-pacmak derives it
  // from the stability; "stable" would publish "5 - Production/Stable").
  stability: 'experimental',
  // engines.node: the oldest Node.js it is built and tested on (README, Requirements).
  minNodeVersion: '20.16.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: CDK_FLOOR,
  constructsVersion: CONSTRUCTS_FLOOR,
  jsiiVersion: '~6.0.0',

  // A single, top-level development tsconfig, used by jest, eslint and ts-node.
  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test'],
    tsconfigPath: './tsconfig.dev.json',
    // One top-level tsconfig.dev.json covers src and test; typed linting must use it,
    // not the nearest tsconfig.json (which covers src only).
    projectService: false,
    // Lint reports, it never rewrites: a file that needs a fix fails the build (run
    // `npx eslint --ext .ts --fix src test` by hand), so CI never passes on a file it changed.
    commandOptions: { fix: false },
  },

  // Snapshots never update silently: `projen test` runs jest with `--ci`.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    // A run that finds no test fails instead of passing.
    passWithNoTests: false,
    jestConfig: {
      testTimeout: 120_000,
      // .tools/ holds installed tools and the Go tests' second build (a copy of package.json and src/)
      modulePathIgnorePatterns: ['<rootDir>/.tools/'],
    },
  },

  publishToPypi: {
    distName: 'cdk-identity-pool',
    module: 'cdk_identity_pool',
  },
  // Go (issue 20): the module path and package name follow the cdklabs libraries (a `-go`
  // repository holding one package directory per library). The published go.mod requires
  // awscdk at our floor; test/go selects a version the module proxy serves (see test/go/go.mod).
  publishToGo: {
    moduleName: 'github.com/cdk-identity-pool/cdk-identity-pool-go',
    packageName: 'cdkidentitypool',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkidentitypool',
    mavenGroupId: 'io.github.cdk-identity-pool',
    mavenArtifactId: 'cdk-identity-pool',
  },

  devDeps: [
    '@aws-cdk/cloudformation-diff',
    'fast-check',
    // Integration tests (issue 12): integ-runner in snapshot mode, with the integ-tests module at our floor.
    '@aws-cdk/integ-runner',
    `@aws-cdk/integ-tests-alpha@${CDK_FLOOR}-alpha.0`,
    // AwsSolutions checks over the example app and the integ stacks; 2.37 is the last line whose
    // peer range accepts constructs at our floor (10.0.5).
    `cdk-nag@${CDK_NAG_VERSION}`,
    // Mutation testing (not in CI): Stryker 9.5 is the newest that runs on Node 20.
    '@stryker-mutator/core@9.5.1',
    '@stryker-mutator/jest-runner@9.5.1',
    '@stryker-mutator/typescript-checker@9.5.1',
  ],

  sampleCode: false,
  githubOptions: { mergify: false },
  gitignore: ['/.tools/', '/.venv*/', '__pycache__/', '/test/python/.pytest_cache/', '*.cpuprofile'],
});

// projen's first lock file can name platform builds of `unrs-resolver` (pulled in
// by eslint-import-resolver-typescript) that the registry does not serve; pinning
// it keeps `npm ci` working on a fresh machine.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// `projen build` would package every jsii language unless CI=true; the README's test command
// must work the same on any machine, so `package` always builds the npm tarball only.
// Other languages are built by their own tasks (`package:python`, ...) and by `package-all`.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// Imports used only as types say so (`import type`), so the compiled lib/ shows the runtime
// dependencies exactly, and a private file reaches public ones only through types.
project.eslint?.addRules({
  '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
});

// The build fails on a runtime import cycle in lib/ (type-only imports are erased, so they never count).
const checkCycles = project.addTask('check:cycles', {
  description: 'Fails on a runtime import cycle in the compiled lib/',
  exec: 'node scripts/import-cycles.js lib',
});
project.postCompileTask.spawn(checkCycles);

// A test file that fails to load counts as a failed test case in test-reports/junit.xml, which
// CI's closing line adds up (jest-junit leaves such files out by default).
project.tryFindObjectFile('package.json')?.addOverride('jest.reporters.1.1.reportTestSuiteErrors', 'true');

// `**/*.ts` does not match dotfiles: lint .projenrc.ts with the same dev tsconfig.
project.tsconfigDev.addInclude('.projenrc.ts');

// The README's main job: synthesize the example app offline and print a readable summary.
project.addTask('example', {
  description: 'Synthesize the example app (no AWS account needed) and summarize its identity pools',
  exec: 'ts-node --project tsconfig.dev.json test/example/app.ts',
  receiveArgs: true,
});

// Every README snippet (and every `@example`) must compile, through jsii-rosetta in strict mode,
// with `rosetta/default.ts-fixture` around it. The strict flag travels in the assembly, so
// jsii-pacmak and jsii-docgen hold our snippets to it too. The translations (`.jsii.tabl.json`)
// put Python into the wheel's README and into API.python.md.
project.package.file.addOverride('jsii.metadata.jsii.rosetta.strict', true);
// A snippet may import a package that is not a dependency of the library: jsii-rosetta compiles
// snippets against the library's dependencies plus these (it installs them, from the npm cache or
// the registry, into a temporary directory), so `import { NagSuppressions } from 'cdk-nag'` compiles
// and translates with cdk-nag's types.
project.package.addField('jsiiRosetta', { exampleDependencies: { 'cdk-nag': CDK_NAG_VERSION } });
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every README and doc snippet with jsii-rosetta (strict) and translate it',
  exec: 'jsii-rosetta extract --strict --verbose',
});
// How many snippets there are, and that none failed to compile: one line each in the build log.
rosetta.exec('jsii-rosetta coverage');
project.postCompileTask.prependSpawn(rosetta);
project.gitignore.exclude('/.jsii.tabl.json');
// Nothing the build installs or writes beside the sources belongs in the package (the cfn-lint
// virtualenv alone made the wheel 17 MB).
project.npmignore?.exclude('/rosetta/', '/.venv*/', '__pycache__/', '/.tools/', '/.ci/', '/scripts/', '/.bench-profile/', '/API.python.md');

// Integration tests (test/integ.*.ts, each an app wrapped in integ-tests' `IntegTest`): offline,
// integ-runner synthesizes each app and compares it with its committed snapshot
// (test/integ.<name>.ts.snapshot/), and fails when one differs or is missing. Snapshot mode deploys
// nothing and needs no AWS account or credentials: the region is set so that nothing looks one up,
// and the SDK never probes for an EC2 instance role. ts-node runs the apps as they stand, transpile
// only (tsc and eslint type-check them with the rest of test/).
const INTEG_RUNNER = [
  'integ-runner --language typescript --directory test --parallel-regions us-east-1',
  '--app "ts-node --transpile-only --project tsconfig.dev.json {filePath}"',
].join(' ');
const INTEG_ENV = { AWS_REGION: 'us-east-1', CDK_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
project.addTask('integ', {
  description: 'Check every integ test (test/integ.*.ts) against its committed snapshot, offline: fails when one differs',
  env: INTEG_ENV,
  exec: INTEG_RUNNER,
  receiveArgs: true,
});
// Rewrites the snapshots of the tests that differ (or are new), still offline (`--dry-run`: no deploy).
project.addTask('integ:update', {
  description: 'Rewrite the snapshots of the integ tests that differ or are new, offline (no deploy)',
  env: INTEG_ENV,
  exec: `${INTEG_RUNNER} --update-on-failed --dry-run`,
  receiveArgs: true,
});
// What integ-runner leaves beside a test when a run is interrupted.
project.gitignore.addPatterns('/test/cdk-integ.out.*/', '/test/.tmp/');

// The Python reference: the same API as API.md, with the README, all in Python.
const docgenPython = project.addTask('docgen:python', {
  description: 'Generate API.python.md (Python, README included) from the .jsii manifest',
  exec: 'jsii-docgen --language python --readme --output API.python.md',
});
project.postCompileTask.spawn(docgenPython);
project.annotateGenerated('/API.python.md');

// The wheel and sdist jsii-pacmak built, listed so that CI shows them.
project.tasks.tryFind('package:python')?.exec('ls -l dist/python');
project.tasks.tryFind('package:java')?.exec('find dist/java -name "*.jar" -exec ls -l {} +');
// The wheel's README (and docstrings) take their Python from jsii-rosetta's translations: the tablet
// is named, and a snippet it lacks fails the package instead of shipping TypeScript in a python
// fence (test/python/test_wheel_metadata.py reads the built wheel's README).
const packagePython = project.tasks.tryFind('package:python')!;
packagePython.reset('jsii-pacmak -v --target python --rosetta-tablet .jsii.tabl.json --rosetta-unknown-snippets fail');
packagePython.exec('ls -l dist/python');

// The Python suite (test/python): the built wheel, installed with aws-cdk-lib and constructs at
// our floor versions into a fresh virtual environment, runs every Python example of the seed.
const PYTHON_VENV = '.venv-python';
const testPython = project.addTask('test:python', {
  description: 'Build the Python package, install it in a fresh venv with aws-cdk-lib at our floor, run pytest, then pyright and mypy',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
});
testPython.exec('rm -f test-reports/pytest.xml');
testPython.spawn(project.tasks.tryFind('package:python')!);
testPython.exec(`python3 -m venv --clear ${PYTHON_VENV}`);
testPython.exec([
  `${PYTHON_VENV}/bin/pip install --disable-pip-version-check --quiet`,
  'dist/python/cdk_identity_pool-*.whl',
  `aws-cdk-lib==${CDK_FLOOR}`,
  `constructs==${CONSTRUCTS_FLOOR}`,
  'pytest~=9.0',
].join(' '));
testPython.exec(`${PYTHON_VENV}/bin/python -m pip list --disable-pip-version-check --format=freeze | grep -Ei '^(aws-cdk-lib|constructs|jsii|cdk-identity-pool|pytest)=='`);
testPython.exec(`${PYTHON_VENV}/bin/python -m pytest test/python --junitxml=test-reports/pytest.xml`);

// Then what an editor shows a Python user: pyright (what VS Code's Pylance runs) and mypy, pinned,
// over the Python tests and the README's Python translations (jsii-rosetta's, in .jsii.tabl.json,
// wrapped in the Python form of rosetta/default.ts-fixture by readme_snippets.py), with zero
// errors (typecheck.py lists, and does not count, the parameter-name mismatches of aws-cdk-lib's own
// classes in README translations). They run in a virtualenv of their own: constructs at our floor
// (10.0.5) was built by a jsii whose Python protocols declare `__jsii_proxy_class__` as a member, so
// pyright takes no class for any construct interface there; users who install today get a newer
// constructs, and this one is pinned. The PyPI pyright runs the npm one, which it installs on first use.
const PYRIGHT_VERSION = '1.1.414';
const MYPY_VERSION = '2.4.1';
const CONSTRUCTS_FOR_TYPE_CHECKS = '10.8.1';
const TYPECHECK_VENV = '.venv-typecheck';
testPython.exec(`python3 -m venv --clear ${TYPECHECK_VENV}`);
testPython.exec([
  `${TYPECHECK_VENV}/bin/pip install --disable-pip-version-check --quiet`,
  'dist/python/cdk_identity_pool-*.whl',
  `aws-cdk-lib==${CDK_FLOOR}`,
  `constructs==${CONSTRUCTS_FOR_TYPE_CHECKS}`,
  'pytest~=9.0',
  `pyright==${PYRIGHT_VERSION}`,
  // the README's cdk-nag snippet imports it
  `cdk-nag==${CDK_NAG_VERSION}`,
  `mypy==${MYPY_VERSION}`,
].join(' '));
testPython.exec(`${TYPECHECK_VENV}/bin/python test/python/readme_snippets.py`);
testPython.exec(`${TYPECHECK_VENV}/bin/python test/python/typecheck.py`);
// What these write under test/ (which projen un-ignores as a whole, so patterns given to the
// project's options drop out): the README's Python translations and mypy's cache.
project.gitignore.addPatterns('/test/python/readme_translations/', '/test/python/.mypy_cache/', '/test/python/.pytest_cache/');

// The Go package (issue 20). `package:go` stays projen's (the release runs it where the module proxy
// serves our floor). CI generates the published package's sources (jsii-pacmak --code-only: the full
// build runs `go mod tidy`, which needs awscdk at our floor, and the proxy reached here refuses it),
// and test/go checks that its go.mod keeps the floor. The Go tests then run a package built from the
// same src/ against an aws-cdk-lib whose Go module the proxy serves (scripts/go-package-served.js
// says why a package generated against 2.187 cannot compile with those), selected in test/go/go.mod
// with replace directives; .ci/go_junit.py turns `go test -json` into the report CI adds up.
const GO_CDK = '2.230.0';
const GO_CONSTRUCTS = '10.4.2';
const GO_SERVED_DIR = '.tools/go-served';
const testGo = project.addTask('test:go', {
  description: `Generate the Go package, build it against aws-cdk-lib ${GO_CDK} (a served Go module) and run test/go with go test`,
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20', GOFLAGS: '-modcacherw -buildvcs=false' },
});
testGo.exec('rm -f test-reports/go-test.json test-reports/go-test.xml && mkdir -p test-reports');
testGo.exec('jsii-pacmak --target go --code-only');
testGo.exec(`node scripts/go-package-served.js ${GO_CDK} ${GO_CONSTRUCTS} ${GO_SERVED_DIR}`);
testGo.exec('go version');
// go test's own exit status is not needed: whatever fails it (a test, a package that does not
// compile, a crash) is in its -json output, and the converter exits 1 on any failure it reports.
testGo.exec('cd test/go && go test -count=1 -json ./... > ../../test-reports/go-test.json; '
  + 'python3 ../../.ci/go_junit.py ../../test-reports/go-test.json ../../test-reports/go-test.xml');

// cfn-lint (Python; the CloudFormation resource schemas) is the fuzz tests' second oracle. It is
// pinned and installed into an ignored virtualenv, only when missing, before every test run, so
// `npm ci && npx projen build` works on a fresh machine that reaches PyPI.
const CFN_LINT_VERSION = '1.58.0';
const CFN_LINT_DIR = '.tools/cfn-lint';
const installCfnLint = project.addTask('install:cfn-lint', {
  description: `Install cfn-lint ${CFN_LINT_VERSION} into ${CFN_LINT_DIR} (for test/fuzz.test.ts), unless it is there`,
  exec: [
    `${CFN_LINT_DIR}/bin/cfn-lint --version 2>/dev/null | grep -qx 'cfn-lint ${CFN_LINT_VERSION}'`,
    `(python3 -m venv ${CFN_LINT_DIR}`
      + ` && ${CFN_LINT_DIR}/bin/pip install --quiet --disable-pip-version-check 'cfn-lint==${CFN_LINT_VERSION}'`
      + ` && ${CFN_LINT_DIR}/bin/cfn-lint --version)`,
  ].join(' || '),
});
project.testTask.prependSpawn(installCfnLint);

// The migration tests compare with aws-cdk-lib's module at our floor (the dev dependency) and at
// its newest release, which needs a newer constructs than our floor: it is installed apart, into
// an ignored directory, only when missing, before every test run.
const CDK_NEWEST = '2.276.0';
const CONSTRUCTS_FOR_CDK_NEWEST = '10.5.0';
const CDK_NEWEST_DIR = '.tools/aws-cdk-lib-newest';
const installCdkNewest = project.addTask('install:aws-cdk-lib-newest', {
  description: `Install aws-cdk-lib ${CDK_NEWEST} into ${CDK_NEWEST_DIR} (for test/migration.test.ts), unless it is there`,
  exec: [
    `node -e "process.exit(require('./${CDK_NEWEST_DIR}/node_modules/aws-cdk-lib/package.json').version === '${CDK_NEWEST}' ? 0 : 1)" 2>/dev/null`,
    `(mkdir -p ${CDK_NEWEST_DIR} && echo '{"private":true}' > ${CDK_NEWEST_DIR}/package.json`
      + ` && npm install --prefix ${CDK_NEWEST_DIR} --no-audit --no-fund --loglevel=error aws-cdk-lib@${CDK_NEWEST} constructs@${CONSTRUCTS_FOR_CDK_NEWEST})`,
  ].join(' || '),
});
project.testTask.prependSpawn(installCdkNewest);

// Synthesis benchmark (issue 7): ours against aws-cdk-lib's identity pool module and raw L1
// resources, interleaved in one process. It reports and never fails on timings, so it is not
// part of `test` or `build`. ts-node (transpile-only) runs src/ as it stands, with no compile
// step; the transpile happens once at load, before the warm-up rounds, and the emitted JS
// (tsconfig.dev.json extends tsconfig.json: same target) measured the same as tsc's lib/ output.
project.addTask('bench', {
  description: 'Benchmark synthesis: ours vs aws-cdk-lib\'s identity pool module vs raw L1 (options: --n=100,400 --rounds=12,8 --impls=... --rss=0)',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json' },
  exec: 'node --expose-gc -r ts-node/register/transpile-only test/bench/bench.ts',
  receiveArgs: true,
});

// Where the time goes: CPU-profile one implementation (ours unless --impls= says otherwise) and
// summarize the profile by area and function, our own functions listed apart.
const benchProfile = project.addTask('bench:profile', {
  description: 'CPU-profile the synthesis benchmark (default: ours, N=400) and summarize the profile',
  env: { TS_NODE_PROJECT: 'tsconfig.dev.json' },
});
benchProfile.exec('rm -rf .bench-profile');
benchProfile.exec('node --cpu-prof --cpu-prof-dir=.bench-profile --expose-gc -r ts-node/register/transpile-only '
  + 'test/bench/bench.ts --impls=ours --n=400 --rounds=3 --warmup=1 --rss=0', { receiveArgs: true });
benchProfile.exec('node -r ts-node/register/transpile-only test/bench/profile-summary.ts .bench-profile');
project.gitignore.addPatterns('/.bench-profile/');

// Mutation testing (issue 12): Stryker with its jest runner and TypeScript checker, configured in
// stryker.config.mjs. Not part of CI or `build`: all of src/ takes hours on two cores. Incremental:
// reports/stryker-incremental.json (committed) keeps every mutant's result, so a run re-tests only
// what changed. One file: `npx projen mutation --mutate src/owner-key.ts`.
project.addTask('mutation', {
  description: 'Mutation testing with Stryker (incremental; one file: --mutate src/owner-key.ts; more workers: --concurrency 2)',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  // Through scripts/mutation-run.js: it keeps each result beside the source it was measured on.
  exec: 'node scripts/mutation-run.js',
  receiveArgs: true,
});
// Every run starts over from the incremental file, ignoring what it holds.
project.addTask('mutation:force', {
  description: 'Mutation testing with Stryker, re-testing every mutant (refreshes the incremental file)',
  env: { JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  exec: 'node scripts/mutation-run.js --force',
  receiveArgs: true,
});
// The README's table of scores and list of equivalent mutants, from the incremental file.
project.addTask('mutation:scores', {
  description: 'Prints the README\'s mutation score table and equivalent mutants, from reports/stryker-incremental.json',
  exec: 'node scripts/mutation-scores.js',
  receiveArgs: true,
});
// The sandbox and the HTML/JSON reports are local; the incremental file is kept in git.
project.gitignore.addPatterns('/.stryker-tmp/', '/reports/mutation/', '/reports/stryker-incremental.json.run');
// A contributor's scratch files.
project.gitignore.addPatterns('/.scratch/');
project.npmignore?.exclude('/reports/', '/stryker.config.mjs', '/.stryker-tmp/');

project.synth();
