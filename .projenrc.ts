import { awscdk, javascript } from 'projen';

// The aws-cdk-lib floor: 2.187.0 is the first release whose stable
// `aws-cognito-identitypool` module exists. Our users migrate from it, and the
// migration tests and benchmarks compare against it, so nothing older will do.
const CDK_FLOOR = '2.187.0';

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
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: CDK_FLOOR,
  constructsVersion: '10.0.5',
  jsiiVersion: '~6.0.0',

  // A single, top-level development tsconfig, used by jest, eslint and ts-node.
  tsconfigDevFile: 'tsconfig.dev.json',
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test'],
    tsconfigPath: './tsconfig.dev.json',
  },

  // Snapshots never update silently: `projen test` runs jest with `--ci`.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testTimeout: 120_000,
    },
  },

  publishToPypi: {
    distName: 'cdk-identity-pool',
    module: 'cdk_identity_pool',
  },

  devDeps: [
    '@aws-cdk/cloudformation-diff',
    'fast-check',
  ],

  sampleCode: false,
  githubOptions: { mergify: false },
  gitignore: ['/.tools/', '/.venv*/', '__pycache__/', '/test/python/.pytest_cache/', '*.cpuprofile'],
});

// projen's first lock file can name platform builds of `unrs-resolver` (pulled in
// by eslint-import-resolver-typescript) that the registry does not serve; pinning
// it keeps `npm ci` working on a fresh machine.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

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

project.synth();
