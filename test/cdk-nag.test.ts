import { App, Aspects, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { buildExampleApp } from './example/app';
import { buildFullPoolIntegApp } from './integ.full-pool';
import { buildGuestPoolIntegApp } from './integ.guest-pool';
import { buildImportedPoolIntegApp } from './integ.imported-pool';
import * as library from '../src';
import { IdentityPool, UserPoolAuthenticationProvider } from '../src';

// cdk-nag's AwsSolutions pack over the example app and every integ app. Each finding there is
// fixed or suppressed with its reason (in the app, where the README's cdk-nag section shows
// suppressions), so no unsuppressed finding is left; above all, none on a resource of the library.
// A finding cdk-nag reports is an annotation (error or warning) whose text starts with its rule id.

/** One unsuppressed cdk-nag finding: the path of the construct it is on, and its text up to the colon. */
interface Finding {
  readonly path: string;
  readonly finding: string;
}

/** Applies AwsSolutions to the app, synthesizes it once, and returns every finding left unsuppressed. */
function nagFindings(app: App): Finding[] {
  Aspects.of(app).add(new AwsSolutionsChecks());
  const assembly = app.synth();
  const findings: Finding[] = [];
  for (const stack of assembly.stacks) {
    for (const message of stack.messages) {
      const text = String(message.entry.data);
      if (text.startsWith('AwsSolutions-')) {
        findings.push({ path: message.id, finding: text.slice(0, text.indexOf(': ')) });
      }
    }
  }
  return findings;
}

/** The library's classes that are constructs: `IdentityPool`, `IdentityPoolRoleAttachment`, ... */
const LIBRARY_CONSTRUCT_CLASSES: Function[] = (Object.values(library) as unknown[]).filter((value): value is Function =>
  typeof value === 'function' && value.prototype instanceof Construct);

/**
 * The construct paths (each with everything under it) of what the library makes or writes:
 * - every construct of a library class (the pool with its roles, attachment, group roles, ...);
 * - every role that trusts an identity pool (Cognito Identity as federated principal): the library
 *   writes the per-identity grants into their policies, whoever made the role;
 * - the user pool client the library creates on a user pool (`UserPoolAuthenticationProviderClient`).
 */
function libraryPaths(app: App): string[] {
  const paths: string[] = [];
  for (const construct of app.node.findAll()) {
    if (LIBRARY_CONSTRUCT_CLASSES.some(libraryClass => construct instanceof libraryClass)) {
      paths.push(`/${construct.node.path}`);
    } else if (construct instanceof iam.Role && trustsAnIdentityPool(construct)) {
      paths.push(`/${construct.node.path}`);
    } else if (construct instanceof cognito.UserPoolClient && construct.node.id === 'UserPoolAuthenticationProviderClient') {
      paths.push(`/${construct.node.path}`);
    }
  }
  return paths;
}

function trustsAnIdentityPool(role: iam.Role): boolean {
  const trust = JSON.stringify(Stack.of(role).resolve(role.assumeRolePolicy?.toJSON()));
  return /"Federated":"cognito-identity(-us-gov)?\.amazonaws\.com"/.test(trust);
}

function isUnder(path: string, roots: readonly string[]): boolean {
  return roots.some(root => path === root || path.startsWith(`${root}/`));
}

/** The findings on library resources, of the app's findings. */
function onLibrary(app: App, findings: readonly Finding[]): Finding[] {
  const roots = libraryPaths(app);
  return findings.filter(finding => isUnder(finding.path, roots));
}

const APPS: ReadonlyArray<readonly [string, () => { app: App }, readonly string[]]> = [
  ['the example app', buildExampleApp, ['/PhotoSharing/Identities', '/PhotoSharing/Users/UserPoolAuthenticationProviderClient']],
  ['integ.full-pool', buildFullPoolIntegApp, ['/IdentityPoolFullInteg/Pool', '/IdentityPoolFullInteg/AdminsRole', '/IdentityPoolFullInteg/ViewersRole', '/IdentityPoolFullInteg/OidcAdminsRole']],
  ['integ.imported-pool', buildImportedPoolIntegApp, ['/IdentityPoolImportedInteg/RoleAttachment', '/IdentityPoolImportedInteg/AuthenticatedRole', '/IdentityPoolImportedInteg/StaffRole']],
  ['integ.guest-pool', buildGuestPoolIntegApp, ['/IdentityPoolGuestInteg/Pool']],
];

describe.each(APPS)('AwsSolutions over %s', (_name, build, expectedRoots) => {
  // GIVEN the app, checked once (an integ app synthesizes only once)
  let app: App;
  let findings: Finding[];
  beforeAll(() => {
    app = build().app;
    findings = nagFindings(app);
  });

  test('the library\'s resources are found: its constructs, the roles that trust the pool, its user pool client', () => {
    // WHEN
    const roots = libraryPaths(app);

    // THEN
    expect(roots).toEqual(expect.arrayContaining([...expectedRoots]));
  });

  test('no unsuppressed finding on a library resource', () => {
    // WHEN
    const ofLibrary = onLibrary(app, findings);

    // THEN
    expect(ofLibrary).toEqual([]);
  });

  test('no unsuppressed finding at all: every other one is fixed or suppressed with its reason', () => {
    // THEN
    expect(findings).toEqual([]);
  });
});

describe('the check finds what it must', () => {
  /** A stack with a pool whose own folder grant is suppressed as the README shows. */
  function poolApp(): { app: App; stack: Stack; identityPool: IdentityPool; bucket: s3.Bucket } {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const bucket = new s3.Bucket(stack, 'Photos', { enforceSSL: true, removalPolicy: RemovalPolicy.DESTROY });
    NagSuppressions.addResourceSuppressions(bucket, [{ id: 'AwsSolutions-S1', reason: 'A bucket of this test only, never deployed' }]);
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.grantReadWriteOwnObjects(bucket, { prefix: 'private/' });
    NagSuppressions.addResourceSuppressions(identityPool.authenticatedRole, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Each identity reaches only its own folder',
      appliesTo: [{ regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/private\\/<cognito-identity\\.amazonaws\\.com:sub>\\/\\*$/g' }],
    }], true);
    return { app, stack, identityPool, bucket };
  }

  test('a pool with its suppressed own-folder grant has no finding', () => {
    // GIVEN
    const { app } = poolApp();

    // WHEN
    const findings = nagFindings(app);

    // THEN
    expect(findings).toEqual([]);
  });

  test('a wildcard grant on the pool\'s role is a finding on a library resource', () => {
    // GIVEN
    const { app, bucket, identityPool } = poolApp();
    bucket.grantReadWrite(identityPool.authenticatedRole);

    // WHEN
    const findings = onLibrary(app, nagFindings(app));

    // THEN
    expect(findings).toEqual(expect.arrayContaining([
      { path: '/Stack/Pool/AuthenticatedRole/DefaultPolicy/Resource', finding: 'AwsSolutions-IAM5[Resource::<PhotosB9552D0D.Arn>/*]' },
      { path: '/Stack/Pool/AuthenticatedRole/DefaultPolicy/Resource', finding: 'AwsSolutions-IAM5[Action::s3:GetObject*]' },
    ]));
  });

  test('a wildcard the library writes into a role of the app that trusts the pool is a finding on a library resource', () => {
    // GIVEN
    const { app, stack, bucket, identityPool } = poolApp();
    const staff = new iam.Role(stack, 'Staff', { assumedBy: new library.IdentityPoolPrincipal(identityPool) });
    identityPool.grantReadSharedObjects(bucket, { prefix: 'shared/', grantee: staff });

    // WHEN
    const findings = onLibrary(app, nagFindings(app));

    // THEN
    expect(findings).toEqual([
      { path: '/Stack/Staff/DefaultPolicy/Resource', finding: 'AwsSolutions-IAM5[Resource::<PhotosB9552D0D.Arn>/shared/*]' },
    ]);
  });

  test('guest access is a finding on the pool (COG7)', () => {
    // GIVEN
    const { app, stack } = poolApp();
    new IdentityPool(stack, 'Guests', { allowUnauthenticatedIdentities: true });

    // WHEN
    const findings = onLibrary(app, nagFindings(app));

    // THEN
    expect(findings).toEqual([{ path: '/Stack/Guests/Resource', finding: 'AwsSolutions-COG7' }]);
  });

  test('a finding outside the library is a finding, not one on the library', () => {
    // GIVEN
    const { app, stack, identityPool } = poolApp();
    const userPool = new cognito.UserPool(stack, 'Users');
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // WHEN
    const all = nagFindings(app);
    const ofLibrary = onLibrary(app, all);

    // THEN
    expect(all.map(finding => finding.path)).toContain('/Stack/Users/Resource');
    expect(ofLibrary).toEqual([]);
  });
});
