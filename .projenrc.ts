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
    // One top-level tsconfig.dev.json covers src and test; typed linting must use it,
    // not the nearest tsconfig.json (which covers src only).
    projectService: false,
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

// `projen build` would package every jsii language unless CI=true; the README's test command
// must work the same on any machine, so `package` always builds the npm tarball only.
// Other languages are built by their own tasks (`package:python`, ...) and by `package-all`.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// `**/*.ts` does not match dotfiles: lint .projenrc.ts with the same dev tsconfig.
project.tsconfigDev.addInclude('.projenrc.ts');

// The README's main job: synthesize the example app offline and print a readable summary.
project.addTask('example', {
  description: 'Synthesize the example app (no AWS account needed) and summarize its identity pools',
  exec: 'ts-node --project tsconfig.dev.json test/example/app.ts',
  receiveArgs: true,
});

project.synth();
