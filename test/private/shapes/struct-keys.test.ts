import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  IdentityPool, IdentityPoolEndpoint, IdentityPoolFrontendOutputs, IdentityPoolPrincipalTags, IdentityPoolProviderUrl, IdentityPoolRoleAttachment,
  UserPoolAuthenticationProvider, UserPoolGroupRole,
} from '../../../src';
import type { StructName } from '../../../src/private/shapes/struct-keys';
import { STRUCT_KEYS } from '../../../src/private/shapes/struct-keys';

/** JavaScript callers may pass anything: the typed API is bypassed with `any`. */
type Loose = any;

function fixtures() {
  const stack = new Stack(new App(), 'Stack');
  const userPool = new cognito.UserPool(stack, 'Users');
  const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
  const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/r');
  return { stack, userPool, pool, role };
}

/**
 * Every struct of the public API, with a call that passes it plus the key `typo` (set to 1) at its
 * entry point, and the property path the error names. Each struct of `STRUCT_KEYS` has one.
 */
const ENTRY_POINTS: Record<StructName, { readonly call: () => unknown; readonly property: string }> = {
  IdentityPoolProps: { property: 'typo', call: () => new IdentityPool(fixtures().stack, 'P', { typo: 1 } as Loose) },
  IdentityPoolAuthenticationProviders: {
    property: 'authenticationProviders.typo', call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { typo: 1 } } as Loose),
  },
  IdentityPoolAmazonLoginProvider: {
    property: 'authenticationProviders.amazon.typo',
    call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { amazon: { appId: 'a', typo: 1 } } } as Loose),
  },
  IdentityPoolAppleLoginProvider: {
    property: 'authenticationProviders.apple.typo',
    call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { apple: { servicesId: 'a', typo: 1 } } } as Loose),
  },
  IdentityPoolFacebookLoginProvider: {
    property: 'authenticationProviders.facebook.typo',
    call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { facebook: { appId: 'a', typo: 1 } } } as Loose),
  },
  IdentityPoolGoogleLoginProvider: {
    property: 'authenticationProviders.google.typo',
    call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { google: { clientId: 'a', typo: 1 } } } as Loose),
  },
  IdentityPoolTwitterLoginProvider: {
    property: 'authenticationProviders.twitter.typo',
    call: () => new IdentityPool(fixtures().stack, 'P', { authenticationProviders: { twitter: { consumerKey: 'a', consumerSecret: 'b', typo: 1 } } } as Loose),
  },
  IdentityPoolAttributes: {
    property: 'typo',
    call: () => { const f = fixtures(); return IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a', authenticatedRole: f.role, typo: 1 } as Loose); },
  },
  IdentityPoolEndpointProps: {
    property: 'typo',
    call: () => {
      const f = fixtures();
      return new IdentityPoolEndpoint(f.stack, 'E', { identityPool: f.pool, vpc: new ec2.Vpc(f.stack, 'Vpc'), typo: 1 } as Loose);
    },
  },
  IdentityPoolFrontendOutputsOptions: { property: 'addFrontendOutputs options.typo', call: () => fixtures().pool.addFrontendOutputs({ typo: 1 } as Loose) },
  IdentityPoolFrontendOutputsProps: {
    property: 'typo', call: () => { const f = fixtures(); return new IdentityPoolFrontendOutputs(f.stack, 'O', { identityPool: f.pool, typo: 1 } as Loose); },
  },
  IdentityPoolPrincipalTagsOptions: {
    property: 'addPrincipalTags options.typo', call: () => fixtures().pool.addPrincipalTags('T', { providerName: 'graph.facebook.com', typo: 1 } as Loose),
  },
  IdentityPoolPrincipalTagsProps: {
    property: 'typo',
    call: () => { const f = fixtures(); return new IdentityPoolPrincipalTags(f.stack, 'T', { identityPool: f.pool, providerName: 'x', typo: 1 } as Loose); },
  },
  IdentityPoolRoleAttachmentProps: {
    property: 'typo',
    call: () => { const f = fixtures(); return new IdentityPoolRoleAttachment(f.stack, 'A', { identityPool: IdentityPool.fromIdentityPoolId(f.stack, 'I', 'us-east-1:0a'), typo: 1 } as Loose); },
  },
  IdentityPoolRoleMapping: {
    property: 'roleMappings[0].typo', call: () => fixtures().pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true, typo: 1 } as Loose),
  },
  RoleMappingRule: {
    property: 'roleMappings[0].rules[0].typo',
    call: () => {
      const f = fixtures();
      return f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.AMAZON, rules: [{ claim: 'c', claimValue: 'v', mappedRole: f.role, typo: 1 } as Loose] });
    },
  },
  MappedRoleOptions: { property: 'addMappedRole options.typo', call: () => fixtures().pool.addMappedRole('M', { typo: 1 } as Loose) },
  OwnItemsOptions: {
    property: 'grantReadOwnItems options.typo',
    call: () => {
      const f = fixtures();
      const table = new dynamodb.Table(f.stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      return f.pool.grantReadOwnItems(table, { typo: 1 } as Loose);
    },
  },
  OwnObjectsOptions: {
    property: 'grantReadOwnObjects options.typo', call: () => { const f = fixtures(); return f.pool.grantReadOwnObjects(new s3.Bucket(f.stack, 'B'), { typo: 1 } as Loose); },
  },
  SharedObjectsOptions: {
    property: 'grantReadSharedObjects options.typo',
    call: () => { const f = fixtures(); return f.pool.grantReadSharedObjects(new s3.Bucket(f.stack, 'B'), { prefix: 'public/', typo: 1 } as Loose); },
  },
  UserPoolAuthenticationProviderBindConfig: {
    property: 'userPool.bind().typo',
    call: () => {
      const f = fixtures();
      const client = f.userPool.addClient('C');
      return f.pool.addUserPoolAuthentication({ bind: () => ({ providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_a', clientId: 'c', userPoolClient: client, typo: 1 }) } as Loose);
    },
  },
  UserPoolAuthenticationProviderBindOptions: {
    property: 'bind options.typo',
    call: () => {
      const f = fixtures();
      return new UserPoolAuthenticationProvider({ userPool: f.userPool }).bind(f.stack, f.pool, { typo: 1 } as Loose);
    },
  },
  UserPoolAuthenticationProviderProps: { property: 'typo', call: () => new UserPoolAuthenticationProvider({ userPool: fixtures().userPool, typo: 1 } as Loose) },
  UserPoolGroupRoleOptions: {
    property: 'addUserPoolGroupRole options.typo',
    call: () => { const f = fixtures(); return f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, typo: 1 } as Loose); },
  },
  UserPoolGroupRoleProps: {
    property: 'typo', call: () => { const f = fixtures(); return new UserPoolGroupRole(f.stack, 'G', { identityPool: f.pool, userPool: f.userPool, precedence: 1, typo: 1 } as Loose); },
  },
};

describe('unknown keys, at every public entry point', () => {
  test.each(Object.keys(STRUCT_KEYS) as StructName[])('%s rejects a key it does not have', struct => {
    const entry = ENTRY_POINTS[struct];
    const known = STRUCT_KEYS[struct];
    const allowed = known.length === 0 ? 'it takes none' : `use one of ${known.join(', ')}`;
    expect(entry.call).toThrow(`${entry.property} is not a property the library reads, so its value would be dropped: ${allowed} (received: 1)`);
  });

  test('a typo of a known key names it', () => {
    expect(() => new IdentityPool(fixtures().stack, 'P', { allowUnauthenticatedIdentity: true } as Loose)).toThrow(
      'Stack/P: allowUnauthenticatedIdentity is not a property the library reads, so its value would be dropped (did you mean '
      + 'allowUnauthenticatedIdentities?): use one of allowClassicFlow, allowUnauthenticatedIdentities, authenticatedRole, authenticatedRoleOptions, '
      + 'authenticationProviders, createUnauthenticatedRole, identityPoolName, removalPolicy, roleMappings, unauthenticatedRole, '
      + 'unauthenticatedRoleOptions (received: true)');
  });

  test('a key set to undefined passes, as TypeScript allows', () => {
    expect(() => new IdentityPool(fixtures().stack, 'P', { typo: undefined } as Loose)).not.toThrow();
  });
});
