import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import { fullDiff, ResourceImpact } from '@aws-cdk/cloudformation-diff';
import * as floorCore from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import * as floorAssertions from 'aws-cdk-lib/assertions';
import { Template } from 'aws-cdk-lib/assertions';
import * as floorCognito from 'aws-cdk-lib/aws-cognito';
import * as floorStable from 'aws-cdk-lib/aws-cognito-identitypool';
import * as floorIam from 'aws-cdk-lib/aws-iam';
import * as ours from '../src';

/**
 * One release of aws-cdk-lib: the modules a scenario builds with. Ours always runs on the floor
 * (our dev dependency); aws-cdk-lib's module runs at the floor and at its newest release, which
 * `npx projen install:aws-cdk-lib-newest` (run before every test run) installs apart, since it
 * needs a newer constructs.
 */
interface Kit {
  readonly version: string;
  readonly core: typeof floorCore;
  readonly assertions: typeof floorAssertions;
  readonly cognito: typeof floorCognito;
  readonly iam: typeof floorIam;
  readonly stable: typeof floorStable;
}

/** Node's require, by another name: this file loads a second aws-cdk-lib from a path at run time. */
const loadModule = createRequire(__filename);

const FLOOR: Kit = {
  version: loadModule('aws-cdk-lib/package.json').version,
  core: floorCore,
  assertions: floorAssertions,
  cognito: floorCognito,
  iam: floorIam,
  stable: floorStable,
};

/**
 * The newest release, installed in the checkout's `.tools` (the first found from this directory
 * up: a Stryker sandbox, `.stryker-tmp/sandbox-x/test`, reads its checkout's copy).
 */
const NEWEST_DIR = newestDir(path.join(__dirname, '..'));

function newestDir(start: string): string {
  const relative = '.tools/aws-cdk-lib-newest/node_modules/aws-cdk-lib';
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate) || path.dirname(dir) === dir) {
      return fs.existsSync(candidate) ? candidate : path.join(start, relative);
    }
  }
}

function newestKit(): Kit {
  if (!fs.existsSync(NEWEST_DIR)) {
    throw new Error(`${NEWEST_DIR} is missing: run \`npx projen install:aws-cdk-lib-newest\` (npx projen test runs it first)`);
  }
  // The newest release is loaded from its own directory, at run time (it is not a dependency).
  const load = (module: string) => loadModule(path.join(NEWEST_DIR, module));
  return {
    version: JSON.parse(fs.readFileSync(path.join(NEWEST_DIR, 'package.json'), 'utf-8')).version,
    core: load(''),
    assertions: load('assertions'),
    cognito: load('aws-cognito'),
    iam: load('aws-iam'),
    stable: load('aws-cognito-identitypool'),
  };
}

/**
 * Migration from aws-cdk-lib's identity pool module must replace nothing: the same construct
 * ids must give the same logical ids, and no change may replace or remove a resource.
 * Each scenario builds one app twice, once per library, through the same small facade.
 */
type Library = 'stable' | 'ours';

interface Scenario {
  readonly name: string;
  /** Builds the scenario in `stack` of the kit's release, with aws-cdk-lib's module or ours. */
  build(stack: Stack, library: Library, kit: Kit): void;
}

function socialProviders() {
  return {
    amazon: { appId: 'amzn1.application.12312k3j234j13rjiwuenf' },
    facebook: { appId: '1234567890123' },
    google: { clientId: '12345678012.apps.googleusercontent.com' },
    apple: { servicesId: 'com.myappleapp.auth' },
    twitter: { consumerKey: 'my-twitter-id', consumerSecret: 'my-twitter-secret' },
  };
}

const scenarios: Scenario[] = [
  {
    name: 'a minimal pool',
    build(stack, library, kit) {
      const { stable } = kit;
      if (library === 'stable') {
        new stable.IdentityPool(stack, 'myIdentityPool');
      } else {
        new ours.IdentityPool(stack, 'myIdentityPool');
      }
    },
  },
  {
    name: 'a named pool with guests, classic flow and every kind of provider',
    build(stack, library, kit) {
      const { cognito, iam, stable } = kit;
      const userPool = new cognito.UserPool(stack, 'UserPool');
      const webClient = userPool.addClient('Web');
      const openIdConnectProvider = new iam.OpenIdConnectProvider(stack, 'Oidc', { url: 'https://oidc.example.com', clientIds: ['c'] });
      const samlProvider = new iam.SamlProvider(stack, 'Saml', { metadataDocument: iam.SamlMetadataDocument.fromXml('<EntityDescriptor/>') });
      const common = {
        identityPoolName: 'my pool',
        allowUnauthenticatedIdentities: true,
        allowClassicFlow: true,
      };
      const providers = {
        ...socialProviders(),
        openIdConnectProviders: [openIdConnectProvider],
        samlProviders: [samlProvider],
        customProvider: 'my-custom-provider.example.com',
      };
      if (library === 'stable') {
        const pool = new stable.IdentityPool(stack, 'Pool', {
          ...common,
          authenticationProviders: {
            ...providers,
            userPools: [new stable.UserPoolAuthenticationProvider({ userPool, userPoolClient: webClient })],
          },
        });
        pool.addUserPoolAuthentication(new stable.UserPoolAuthenticationProvider({ userPool: new cognito.UserPool(stack, 'Second'), disableServerSideTokenCheck: true }));
      } else {
        const pool = new ours.IdentityPool(stack, 'Pool', {
          ...common,
          authenticationProviders: {
            ...providers,
            userPools: [new ours.UserPoolAuthenticationProvider({ userPool, userPoolClient: webClient })],
          },
        });
        pool.addUserPoolAuthentication(new ours.UserPoolAuthenticationProvider({ userPool: new cognito.UserPool(stack, 'Second'), disableServerSideTokenCheck: true }));
      }
    },
  },
  {
    name: 'a pool that keeps its unauthenticated role explicitly (createUnauthenticatedRole: true, the default)',
    build(stack, library, kit) {
      const { stable } = kit;
      if (library === 'stable') {
        new stable.IdentityPool(stack, 'myIdentityPool');
      } else {
        new ours.IdentityPool(stack, 'myIdentityPool', { createUnauthenticatedRole: true });
      }
    },
  },
  {
    name: 'supplied roles',
    build(stack, library, kit) {
      const { iam, stable } = kit;
      const authenticatedRole = new iam.Role(stack, 'authRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
      const unauthenticatedRole = new iam.Role(stack, 'unauthRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
      const Pool = library === 'stable' ? stable.IdentityPool : ours.IdentityPool;
      new Pool(stack, 'TestIdentityPoolActions', { authenticatedRole, unauthenticatedRole });
    },
  },
  {
    name: 'token and rule mappings, with an explicit key for a user pool',
    build(stack, library, kit) {
      const { cognito, iam, stable } = kit;
      const userPool = new cognito.UserPool(stack, 'UserPool');
      const client = userPool.addClient('Client');
      const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
      const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
      if (library === 'stable') {
        new stable.IdentityPool(stack, 'Pool', {
          authenticationProviders: { amazon: { appId: 'amzn1.application.x' }, userPools: [new stable.UserPoolAuthenticationProvider({ userPool, userPoolClient: client })] },
          roleMappings: [
            { providerUrl: stable.IdentityPoolProviderUrl.AMAZON, useToken: true, resolveAmbiguousRoles: true },
            {
              providerUrl: stable.IdentityPoolProviderUrl.userPool(userPool, client),
              mappingKey: 'cognito',
              rules: [
                { claim: 'custom:admin', claimValue: 'admin', mappedRole: admin },
                { claim: 'custom:admin', claimValue: 'admin', matchType: stable.RoleMappingMatchType.NOTEQUAL, mappedRole: reader },
              ],
            },
          ],
        });
      } else {
        new ours.IdentityPool(stack, 'Pool', {
          authenticationProviders: { amazon: { appId: 'amzn1.application.x' }, userPools: [new ours.UserPoolAuthenticationProvider({ userPool, userPoolClient: client })] },
          roleMappings: [
            { providerUrl: ours.IdentityPoolProviderUrl.AMAZON, useToken: true, resolveAmbiguousRoles: true },
            {
              providerUrl: ours.IdentityPoolProviderUrl.userPool(userPool, client),
              mappingKey: 'cognito',
              rules: [
                { claim: 'custom:admin', claimValue: 'admin', mappedRole: admin },
                { claim: 'custom:admin', claimValue: 'admin', matchType: ours.RoleMappingMatchType.NOTEQUAL, mappedRole: reader },
              ],
            },
          ],
        });
      }
    },
  },
  {
    name: 'a user pool provider whose client the library creates',
    build(stack, library, kit) {
      const { cognito, stable } = kit;
      const userPool = new cognito.UserPool(stack, 'Pool');
      if (library === 'stable') {
        new stable.IdentityPool(stack, 'myidentitypool', {
          identityPoolName: 'myidentitypool',
          authenticationProviders: { userPools: [new stable.UserPoolAuthenticationProvider({ userPool })] },
        });
      } else {
        new ours.IdentityPool(stack, 'myidentitypool', {
          identityPoolName: 'myidentitypool',
          authenticationProviders: { userPools: [new ours.UserPoolAuthenticationProvider({ userPool })] },
        });
      }
    },
  },
];

function synth(scenario: Scenario, library: Library, kit: Kit = FLOOR): any {
  if (library === 'ours' && kit !== FLOOR) {
    throw new Error('ours runs on the floor only');
  }
  const stack = new kit.core.Stack(new kit.core.App(), 'Stack');
  scenario.build(stack, library, kit);
  return kit.assertions.Template.fromStack(stack).toJSON();
}

const forbidden = new Set<ResourceImpact>([
  ResourceImpact.WILL_REPLACE,
  ResourceImpact.MAY_REPLACE,
  ResourceImpact.WILL_DESTROY,
  ResourceImpact.WILL_ORPHAN,
]);

const KITS: ReadonlyArray<readonly [string, () => Kit]> = [['at our floor', () => FLOOR], ['at its newest release', newestKit]];

describe.each(KITS)('migrating from aws-cdk-lib/aws-cognito-identitypool %s', (_release, kitOf) => {
  test('runs the release it names', () => {
    expect(kitOf().version).toBe(kitOf === newestKit ? '2.276.0' : '2.187.0');
  });

  test.each(scenarios.map(scenario => [scenario.name, scenario] as const))('%s replaces and removes nothing', (_name, scenario) => {
    // GIVEN
    const before = synth(scenario, 'stable', kitOf());

    // WHEN
    const after = synth(scenario, 'ours');

    // THEN every resource keeps its logical id and type, and no change replaces it
    expect(Object.keys(after.Resources)).toEqual(expect.arrayContaining(Object.keys(before.Resources)));
    const diff = fullDiff(before, after);
    const harmful: string[] = [];
    diff.resources.forEachDifference((logicalId, change) => {
      if (change.isRemoval || forbidden.has(change.changeImpact)) {
        harmful.push(`${logicalId}: ${change.changeImpact}`);
      }
    });
    expect(harmful).toEqual([]);
  });
});

describe('migrating from aws-cdk-lib/aws-cognito-identitypool at our floor', () => {
  test('the check can fail: a renamed construct is reported as a removal', () => {
    const before = synth(scenarios[0], 'stable');
    const stack = new Stack(new App(), 'Stack');
    new ours.IdentityPool(stack, 'renamedIdentityPool');
    const diff = fullDiff(before, Template.fromStack(stack).toJSON());
    const removals: string[] = [];
    diff.resources.forEachDifference((logicalId, change) => {
      if (change.isRemoval) {
        removals.push(logicalId);
      }
    });
    expect(removals).toHaveLength(4);
  });

  test('opting out of the unauthenticated role removes that role alone and replaces nothing', () => {
    // GIVEN
    const before = synth(scenarios[0], 'stable');
    const stack = new Stack(new App(), 'Stack');

    // WHEN
    new ours.IdentityPool(stack, 'myIdentityPool', { createUnauthenticatedRole: false });

    // THEN
    const changes: string[] = [];
    fullDiff(before, Template.fromStack(stack).toJSON()).resources.forEachDifference((logicalId, change) => {
      changes.push(`${logicalId}:${change.isRemoval ? 'REMOVED' : change.changeImpact}`);
    });
    expect(changes.sort()).toEqual([
      'myIdentityPool20FFFFF9:WILL_UPDATE',
      'myIdentityPoolDefaultRoleAttachmentACA08CAC:WILL_UPDATE',
      'myIdentityPoolUnauthenticatedRole71F5A1F9:REMOVED',
    ].sort());
  });

  test('the only changes to a minimal pool are the retain policy', () => {
    const diff = fullDiff(synth(scenarios[0], 'stable'), synth(scenarios[0], 'ours'));
    const changed: string[] = [];
    diff.resources.forEachDifference((logicalId, change) => {
      changed.push(`${logicalId}:${change.changeImpact}`);
    });
    expect(changed).toEqual(['myIdentityPool20FFFFF9:WILL_UPDATE']);
  });
});
