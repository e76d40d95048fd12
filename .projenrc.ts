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

project.synth();
