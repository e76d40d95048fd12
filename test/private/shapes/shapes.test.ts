import { App, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  IdentityPool,
  IdentityPoolFrontendOutputs,
  IdentityPoolPrincipalTags,
  IdentityPoolProviderUrl,
  IdentityPoolRoleAttachment,
  UserPoolAuthenticationProvider,
  UserPoolGroupRole,
} from '../../../src';
import { describeReceived } from '../../../src/private/shapes/shapes';

/** Everything a case needs: a stack, a pool with a user pool and Google, and objects of each kind. */
function fixture() {
  const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const userPool = new cognito.UserPool(stack, 'Users');
  const pool = new IdentityPool(stack, 'Pool', {
    authenticationProviders: { google: { clientId: 'client' }, userPools: [new UserPoolAuthenticationProvider({ userPool })] },
  });
  const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/app');
  const oidc = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com');
  const saml = iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', 'arn:aws:iam::123456789012:saml-provider/corp');
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'photos');
  const table = dynamodb.Table.fromTableName(stack, 'Table', 'albums');
  return { stack, userPool, pool, role, oidc, saml, bucket, table };
}

type Fixture = ReturnType<typeof fixture>;

const CASES: Array<[string, (f: Fixture) => unknown, string]> = [
  // IdentityPool props
  ['props a string', f => new IdentityPool(f.stack, 'P', 'pool' as any), 'Stack/P: props must be an object (a struct) (received: "pool")'],
  ['props null', f => new IdentityPool(f.stack, 'P', null as any), 'Stack/P: props must be an object (a struct) (received: null)'],
  ['a typo as far from its key as a hint reaches (3 edits in 9 characters)', f => new IdentityPool(f.stack, 'P', { rlMapings: [] } as any), 'Stack/P: rlMapings is not a property the library reads, so its value would be dropped (did you mean roleMappings?): use one of allowClassicFlow, allowUnauthenticatedIdentities, authenticatedRole, authenticatedRoleOptions, authenticationProviders, createUnauthenticatedRole, identityPoolName, removalPolicy, roleMappings, unauthenticatedRole, unauthenticatedRoleOptions (received: "<array of 0>")'],
  ['a typo one edit further, at its last character, gets no hint', f => new IdentityPool(f.stack, 'P', { rlMapingsX: [] } as any), 'Stack/P: rlMapingsX is not a property the library reads, so its value would be dropped: use one of allowClassicFlow, allowUnauthenticatedIdentities, authenticatedRole, authenticatedRoleOptions, authenticationProviders, createUnauthenticatedRole, identityPoolName, removalPolicy, roleMappings, unauthenticatedRole, unauthenticatedRoleOptions (received: "<array of 0>")'],
  ['identityPoolName a number', f => new IdentityPool(f.stack, 'P', { identityPoolName: 3 } as any), 'Stack/P: identityPoolName must be a string (received: 3)'],
  ['authenticatedRole a string', f => new IdentityPool(f.stack, 'P', { authenticatedRole: 'arn:aws:iam::123456789012:role/x' } as any), 'Stack/P: authenticatedRole must be an IAM role (iam.IRole) (received: "arn:aws:iam::123456789012:role/x")'],
  ['unauthenticatedRole a user pool', f => new IdentityPool(f.stack, 'P', { unauthenticatedRole: f.userPool } as any), 'Stack/P: unauthenticatedRole must be an IAM role (iam.IRole), not a user pool (received: "<UserPool Stack/Users>")'],
  ['allowUnauthenticatedIdentities a string', f => new IdentityPool(f.stack, 'P', { allowUnauthenticatedIdentities: 'true' } as any), 'Stack/P: allowUnauthenticatedIdentities must be true or false (received: "true")'],
  ['roleMappings one object', f => new IdentityPool(f.stack, 'P', { roleMappings: { providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true } } as any), 'Stack/P: roleMappings must be a list (an array), even of one (received: "<object with providerUrl, useToken>")'],
  ['roleMappings with undefined', f => new IdentityPool(f.stack, 'P', { roleMappings: [undefined] } as any), 'Stack/P: roleMappings[0] must not be empty: the list holds undefined or null here (received: undefined)'],
  ['authenticationProviders a string', f => new IdentityPool(f.stack, 'P', { authenticationProviders: 'google' } as any), 'Stack/P: authenticationProviders must be an object (a struct) (received: "google")'],
  ['authenticationProviders unknown key', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { openIdConnectProvider: f.oidc } } as any), 'Stack/P: authenticationProviders.openIdConnectProvider is not a property the library reads, so its value would be dropped (did you mean openIdConnectProviders?): use one of amazon, apple, customProvider, facebook, google, openIdConnectProviders, samlProviders, twitter, userPools (received: "<Import Stack/Oidc>")'],
  ['google a string', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { google: 'client' } } as any), 'Stack/P: authenticationProviders.google must be an object (a struct) (received: "client")'],
  ['google missing clientId', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { google: { appId: 'client' } } } as any), 'Stack/P: authenticationProviders.google.appId is not a property the library reads, so its value would be dropped: use one of clientId (received: "client")'],
  ['google without its clientId', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { google: {} } } as any), 'Stack/P: authenticationProviders.google.clientId is required: give a string (received: undefined)'],
  ['twitter missing secret', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { twitter: { consumerKey: 'key' } } } as any), 'Stack/P: authenticationProviders.twitter.consumerSecret is required: give a string (received: undefined)'],
  ['userPools one provider', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { userPools: new UserPoolAuthenticationProvider({ userPool: f.userPool }) } } as any), 'Stack/P: authenticationProviders.userPools must be a list (an array), even of one (received: "<object with userPool, disableServerSideTokenCheck>")'],
  ['userPools a user pool', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { userPools: [f.userPool] } } as any), 'Stack/P: authenticationProviders.userPools[0] must be a user pool provider (IUserPoolAuthenticationProvider, such as a UserPoolAuthenticationProvider), not a user pool (received: "<UserPool Stack/Users>")'],
  ['openIdConnectProviders a SAML provider', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { openIdConnectProviders: [f.saml] } } as any), 'Stack/P: authenticationProviders.openIdConnectProviders[0] must be an OpenID Connect provider (iam.IOpenIdConnectProvider), not a SAML provider (received: "<Import Stack/Saml>")'],
  ['samlProviders an OIDC provider', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { samlProviders: [f.oidc] } } as any), 'Stack/P: authenticationProviders.samlProviders[0] must be a SAML provider (iam.ISamlProvider), not an OpenID Connect provider (received: "<Import Stack/Oidc>")'],
  ['samlProviders an ARN string', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { samlProviders: ['arn:aws:iam::123456789012:saml-provider/corp'] } } as any), 'Stack/P: authenticationProviders.samlProviders[0] must be a SAML provider (iam.ISamlProvider) (received: "arn:aws:iam::123456789012:saml-provider/corp")'],
  ['openIdConnectProviders with undefined', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { openIdConnectProviders: [f.oidc, undefined] } } as any), 'Stack/P: authenticationProviders.openIdConnectProviders[1] must not be empty: the list holds undefined or null here (received: undefined)'],
  ['customProvider a number', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { customProvider: 7 } } as any), 'Stack/P: authenticationProviders.customProvider must be a string (received: 7)'],
  ['createUnauthenticatedRole a string', f => new IdentityPool(f.stack, 'P', { createUnauthenticatedRole: 'no' } as any), 'Stack/P: createUnauthenticatedRole must be true or false (received: "no")'],
  ['allowClassicFlow a string', f => new IdentityPool(f.stack, 'P', { allowClassicFlow: 'yes' } as any), 'Stack/P: allowClassicFlow must be true or false (received: "yes")'],
  ['removalPolicy a number', f => new IdentityPool(f.stack, 'P', { removalPolicy: 5 } as any), 'Stack/P: removalPolicy must be a string (received: 5)'],
  ['authenticatedRoleOptions a string', f => new IdentityPool(f.stack, 'P', { authenticatedRoleOptions: 'admin' } as any), 'Stack/P: authenticatedRoleOptions must be an object (a struct) (received: "admin")'],
  ['unauthenticatedRoleOptions a list', f => new IdentityPool(f.stack, 'P', { unauthenticatedRoleOptions: [] } as any), 'Stack/P: unauthenticatedRoleOptions must be an object (a struct), not a list (received: "<array of 0>")'],
  ['authenticatedRoleOptions unknown key', f => new IdentityPool(f.stack, 'P', { authenticatedRoleOptions: { rolename: 'x' } } as any), 'Stack/P: authenticatedRoleOptions.rolename is not a property the library reads, so its value would be dropped (did you mean roleName?): use one of description, inlinePolicies, managedPolicies, maxSessionDuration, path, permissionsBoundary, roleName (received: "x")'],
  ['samlProviders one provider', f => new IdentityPool(f.stack, 'P', { authenticationProviders: { samlProviders: f.saml } } as any), 'Stack/P: authenticationProviders.samlProviders must be a list (an array), even of one (received: "<Import Stack/Saml>")'],
  ['props unknown key', f => new IdentityPool(f.stack, 'P', { allowUnauthenticatedIdentity: true } as any), 'Stack/P: allowUnauthenticatedIdentity is not a property the library reads, so its value would be dropped (did you mean allowUnauthenticatedIdentities?): use one of allowClassicFlow, allowUnauthenticatedIdentities, authenticatedRole, authenticatedRoleOptions, authenticationProviders, createUnauthenticatedRole, identityPoolName, removalPolicy, roleMappings, unauthenticatedRole, unauthenticatedRoleOptions (received: true)'],
  // addUserPoolAuthentication
  ['addUserPoolAuthentication a user pool', f => f.pool.addUserPoolAuthentication(f.userPool as any), 'Stack/Pool: userPool must be a user pool provider (IUserPoolAuthenticationProvider, such as a UserPoolAuthenticationProvider), not a user pool (received: "<UserPool Stack/Users>")'],
  ['addUserPoolAuthentication undefined', f => f.pool.addUserPoolAuthentication(undefined as any), 'Stack/Pool: userPool is required: give a user pool provider (IUserPoolAuthenticationProvider, such as a UserPoolAuthenticationProvider) (received: undefined)'],
  ['bind returns no client id', f => f.pool.addUserPoolAuthentication({ bind: () => ({ providerName: f.userPool.userPoolProviderName }) } as any), 'Stack/Pool: userPool.bind().clientId is required: give a string (received: undefined)'],
  ['bind returns a client string', f => f.pool.addUserPoolAuthentication({
    bind: () => ({ providerName: f.userPool.userPoolProviderName, clientId: 'abc', serverSideTokenCheck: true, userPoolClient: 'abc' }),
  } as any), 'Stack/Pool: userPool.bind().userPoolClient must be a user pool app client (cognito.IUserPoolClient) (received: "abc")'],
  ['bind returns nothing', f => f.pool.addUserPoolAuthentication({ bind: () => undefined } as any), 'Stack/Pool: userPool.bind() is required: give an object (received: undefined)'],
  ['bind returns no provider name', f => f.pool.addUserPoolAuthentication({ bind: () => ({ clientId: 'abc' }) } as any), 'Stack/Pool: userPool.bind().providerName is required: give a string (received: undefined)'],
  ['bind returns a token check string', f => f.pool.addUserPoolAuthentication({
    bind: () => ({ providerName: f.userPool.userPoolProviderName, clientId: 'abc', serverSideTokenCheck: 'yes' }),
  } as any), 'Stack/Pool: userPool.bind().serverSideTokenCheck must be true or false (received: "yes")'],
  ['bind returns no client', f => f.pool.addUserPoolAuthentication({
    bind: () => ({ providerName: f.userPool.userPoolProviderName, clientId: 'abc', serverSideTokenCheck: true }),
  } as any), 'Stack/Pool: userPool.bind().userPoolClient is required: give a user pool app client (cognito.IUserPoolClient) (received: undefined)'],
  // addRoleMappings
  ['addRoleMappings a list', f => f.pool.addRoleMappings([{ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true }] as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0] must be a role mapping, not a list: pass each mapping as its own argument (addRoleMappings(...mappings)) (received: "<array of 1>")'],
  ['addRoleMappings a string', f => f.pool.addRoleMappings('accounts.google.com' as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0] must be an object (a struct) (received: "accounts.google.com")'],
  ['providerUrl a string', f => f.pool.addRoleMappings({ providerUrl: 'accounts.google.com', useToken: true } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].providerUrl must be an IdentityPoolProviderUrl (received: "accounts.google.com")'],
  ['useToken a string', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: 'yes' } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].useToken must be true or false (received: "yes")'],
  ['rules one rule', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: { claim: 'hd', claimValue: 'x', mappedRole: f.role } } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules must be a list (an array), even of one (received: "<object with claim, claimValue, mappedRole>")'],
  ['rule missing claimValue', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', value: 'x', mappedRole: f.role }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].value is not a property the library reads, so its value would be dropped: use one of claim, claimValue, mappedRole, matchType (received: "x")'],
  ['rule without its claimValue', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', mappedRole: f.role }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].claimValue is required: give a string (received: undefined)'],
  ['rule role a string', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', claimValue: 'x', mappedRole: 'arn:aws:iam::123456789012:role/x' }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].mappedRole must be an IAM role (iam.IRole) (received: "arn:aws:iam::123456789012:role/x")'],
  ['rules with undefined', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [undefined] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0] must not be empty: the list holds undefined or null here (received: undefined)'],
  ['addRoleMappings undefined', f => f.pool.addRoleMappings(undefined as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0] is required: give an object (received: undefined)'],
  ['mapping without providerUrl', f => f.pool.addRoleMappings({ useToken: true } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].providerUrl is required: give an IdentityPoolProviderUrl (received: undefined)'],
  ['mappingKey a number', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, mappingKey: 5, useToken: true } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].mappingKey must be a string (received: 5)'],
  ['resolveAmbiguousRoles a string', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true, resolveAmbiguousRoles: 'yes' } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].resolveAmbiguousRoles must be true or false (received: "yes")'],
  ['rule without its claim', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claimValue: 'x', mappedRole: f.role }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].claim is required: give a string (received: undefined)'],
  ['rule matchType a number', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', claimValue: 'x', matchType: 5, mappedRole: f.role }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].matchType must be a string (received: 5)'],
  ['rule without its role', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', claimValue: 'x' }] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].mappedRole is required: give an IAM role (iam.IRole) (received: undefined)'],
  ['rule a string', f => f.pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: ['hd'] } as any), 'Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0] must be an object (a struct) (received: "hd")'],
  // addPrincipalTags
  ['addPrincipalTags a string', f => f.pool.addPrincipalTags('Tags', 'accounts.google.com' as any), 'Stack/Pool: addPrincipalTags options must be an object (a struct) (received: "accounts.google.com")'],
  ['addPrincipalTags without options', f => f.pool.addPrincipalTags('Tags', undefined as any), 'Stack/Pool: addPrincipalTags options is required: give an object (received: undefined)'],
  ['addPrincipalTags missing providerName', f => f.pool.addPrincipalTags('Tags', { principalTags: { team: 'hd' } } as any), 'Stack/Pool/Tags: providerName is required: give a string (received: undefined)'],
  ['principalTags a list', f => f.pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: ['hd'] } as any), 'Stack/Pool/Tags: principalTags must be an object (a struct), not a list (received: "<array of 1>")'],
  ['principalTags value a number', f => f.pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: { team: 1 } } as any), 'Stack/Pool/Tags: principalTags["team"] must be a string (received: 1)'],
  ['useDefaults a string', f => f.pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', useDefaults: 'false' } as any), 'Stack/Pool/Tags: useDefaults must be true or false (received: "false")'],
  ['IdentityPoolPrincipalTags without a pool', f => new IdentityPoolPrincipalTags(f.stack, 'Tags', { providerName: 'accounts.google.com' } as any), 'Stack/Tags: identityPool is required: give an identity pool (IIdentityPool) (received: undefined)'],
  ['IdentityPoolPrincipalTags without props', f => new IdentityPoolPrincipalTags(f.stack, 'Tags', undefined as any), 'Stack/Tags: props is required: give an object (received: undefined)'],
  ['IdentityPoolPrincipalTags unknown key', f => new IdentityPoolPrincipalTags(f.stack, 'Tags', { identityPool: f.pool, providerName: 'accounts.google.com', principalTag: {} } as any), 'Stack/Tags: principalTag is not a property the library reads, so its value would be dropped (did you mean principalTags?): use one of identityPool, principalTags, providerName, useDefaults (received: "<empty object>")'],
  ['principalTags value null', f => f.pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: { team: null } } as any), 'Stack/Pool/Tags: principalTags["team"] must be a string (received: null)'],
  ['principalTags value undefined', f => f.pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', principalTags: { team: undefined } } as any), 'Stack/Pool/Tags: principalTags["team"] is required: give a string (received: undefined)'],
  // IdentityPoolRoleAttachment
  ['attachment without props', f => new IdentityPoolRoleAttachment(f.stack, 'A', undefined as any), 'Stack/A: props is required: give an object (received: undefined)'],
  ['attachment pool an id string', f => new IdentityPoolRoleAttachment(f.stack, 'A', { identityPool: 'us-east-1:0a1b2c3d' } as any), 'Stack/A: identityPool must be an identity pool (IIdentityPool) (received: "us-east-1:0a1b2c3d")'],
  ['attachment role a string', f => new IdentityPoolRoleAttachment(f.stack, 'A', {
    identityPool: IdentityPool.fromIdentityPoolId(f.stack, 'I', 'us-east-1:0a1b2c3d'), authenticatedRole: 'arn:aws:iam::123456789012:role/x',
  } as any), 'Stack/A: authenticatedRole must be an IAM role (iam.IRole) (received: "arn:aws:iam::123456789012:role/x")'],
  ['attachment roleMappings one object', f => new IdentityPoolRoleAttachment(f.stack, 'A', {
    identityPool: IdentityPool.fromIdentityPoolId(f.stack, 'I', 'us-east-1:0a1b2c3d'), roleMappings: { providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true },
  } as any), 'Stack/A: roleMappings must be a list (an array), even of one (received: "<object with providerUrl, useToken>")'],
  ['attachment without a pool', f => new IdentityPoolRoleAttachment(f.stack, 'A', {} as any), 'Stack/A: identityPool is required: give an identity pool (IIdentityPool) (received: undefined)'],
  ['attachment unknown key', f => new IdentityPoolRoleAttachment(f.stack, 'A', { identityPool: f.pool, authRole: f.role } as any), 'Stack/A: authRole is not a property the library reads, so its value would be dropped: use one of authenticatedRole, identityPool, roleMappings, unauthenticatedRole (received: "<ImportedRole Stack/Role>")'],
  ['attachment guest role a string', f => new IdentityPoolRoleAttachment(f.stack, 'A', { identityPool: f.pool, unauthenticatedRole: 'guest' } as any), 'Stack/A: unauthenticatedRole must be an IAM role (iam.IRole) (received: "guest")'],
  // UserPoolAuthenticationProvider
  ['provider without props', () => new UserPoolAuthenticationProvider(undefined as any), 'UserPoolAuthenticationProvider: props is required: give an object (received: undefined)'],
  ['provider userPool a string', () => new UserPoolAuthenticationProvider({ userPool: 'us-east-1_abc' } as any), 'UserPoolAuthenticationProvider: userPool must be a user pool (cognito.IUserPool) (received: "us-east-1_abc")'],
  ['provider userPool a client', f => new UserPoolAuthenticationProvider({ userPool: f.userPool.addClient('C') } as any), 'UserPoolAuthenticationProvider: userPool must be a user pool (cognito.IUserPool), not a user pool app client (received: "<UserPoolClient Stack/Users/C>")'],
  ['provider client a user pool', f => new UserPoolAuthenticationProvider({ userPool: f.userPool, userPoolClient: f.userPool } as any), 'UserPoolAuthenticationProvider: userPoolClient must be a user pool app client (cognito.IUserPoolClient), not a user pool (received: "<UserPool Stack/Users>")'],
  ['provider disable a string', f => new UserPoolAuthenticationProvider({ userPool: f.userPool, disableServerSideTokenCheck: 'yes' } as any), 'UserPoolAuthenticationProvider: disableServerSideTokenCheck must be true or false (received: "yes")'],
  ['provider without its user pool', () => new UserPoolAuthenticationProvider({} as any), 'UserPoolAuthenticationProvider: userPool is required: give a user pool (cognito.IUserPool) (received: undefined)'],
  ['provider unknown key', f => new UserPoolAuthenticationProvider({ userPool: f.userPool, client: f.userPool } as any), 'UserPoolAuthenticationProvider: client is not a property the library reads, so its value would be dropped: use one of disableServerSideTokenCheck, userPool, userPoolClient (received: "<UserPool Stack/Users>")'],
  // importers
  ['fromIdentityPoolId undefined', f => IdentityPool.fromIdentityPoolId(f.stack, 'I', undefined as any), 'Stack: identityPoolId is required: give a string (received: undefined)'],
  ['fromIdentityPoolArn undefined', f => IdentityPool.fromIdentityPoolArn(f.stack, 'I', undefined as any), 'Stack: identityPoolArn is required: give a string (received: undefined)'],
  ['fromIdentityPoolArn a number', f => IdentityPool.fromIdentityPoolArn(f.stack, 'I', 42 as any), 'Stack: identityPoolArn must be a string (received: 42)'],
  ['fromIdentityPoolAttributes a string', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', 'us-east-1:0a1b2c3d' as any), 'Stack: attrs must be an object (a struct) (received: "us-east-1:0a1b2c3d")'],
  ['fromIdentityPoolAttributes missing role', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a1b2c3d' } as any), 'Stack: authenticatedRole is required: give an IAM role (iam.IRole) (received: undefined)'],
  ['fromIdentityPoolAttributes mappedRoles one role', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', {
    identityPoolId: 'us-east-1:0a1b2c3d', authenticatedRole: f.role, mappedRoles: f.role,
  } as any), 'Stack: mappedRoles must be a list (an array), even of one (received: "<ImportedRole Stack/Role>")'],
  ['fromIdentityPoolAttributes verifyRoles a string', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', {
    identityPoolId: 'us-east-1:0a1b2c3d', authenticatedRole: f.role, verifyRoles: 'yes',
  } as any), 'Stack: verifyRoles must be true or false (received: "yes")'],
  ['fromIdentityPoolAttributes undefined', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', undefined as any), 'Stack: attrs is required: give an object (received: undefined)'],
  ['fromIdentityPoolAttributes unknown key', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a1b2c3d', authenticatedRole: f.role, guestRole: f.role } as any), 'Stack: guestRole is not a property the library reads, so its value would be dropped: use one of authenticatedRole, identityPoolArn, identityPoolId, identityPoolName, mappedRoles, unauthenticatedRole, verifyRoles (received: "<ImportedRole Stack/Role>")'],
  ['fromIdentityPoolAttributes id a number', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 5, authenticatedRole: f.role } as any), 'Stack: identityPoolId must be a string (received: 5)'],
  ['fromIdentityPoolAttributes ARN a number', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolArn: 5, authenticatedRole: f.role } as any), 'Stack: identityPoolArn must be a string (received: 5)'],
  ['fromIdentityPoolAttributes name a number', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a1b2c3d', identityPoolName: 5, authenticatedRole: f.role } as any), 'Stack: identityPoolName must be a string (received: 5)'],
  ['fromIdentityPoolAttributes guest role a string', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a1b2c3d', authenticatedRole: f.role, unauthenticatedRole: 'guest' } as any), 'Stack: unauthenticatedRole must be an IAM role (iam.IRole) (received: "guest")'],
  ['fromIdentityPoolAttributes mappedRoles with a string', f => IdentityPool.fromIdentityPoolAttributes(f.stack, 'I', { identityPoolId: 'us-east-1:0a1b2c3d', authenticatedRole: f.role, mappedRoles: ['admin'] } as any), 'Stack: mappedRoles[0] must be an IAM role (iam.IRole) (received: "admin")'],
  // addUserPoolGroupRole
  ['addUserPoolGroupRole without options', f => f.pool.addUserPoolGroupRole('G', undefined as any), 'Stack/Pool: addUserPoolGroupRole options is required: give an object (received: undefined)'],
  ['group without precedence', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool } as any), 'Stack/Pool/G: precedence is required: give a number (received: undefined)'],
  ['group precedence a string', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: '1' } as any), 'Stack/Pool/G: precedence must be a number (received: "1")'],
  ['group userPool an identity pool', f => f.pool.addUserPoolGroupRole('G', { userPool: f.pool, precedence: 1 } as any), 'Stack/Pool/G: userPool must be a user pool (cognito.IUserPool), not an identity pool (received: "<IdentityPool Stack/Pool>")'],
  ['group role a string', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, role: 'admins' } as any), 'Stack/Pool/G: role must be an IAM role (iam.IRole) (received: "admins")'],
  ['UserPoolGroupRole roleOptions a list', f => new UserPoolGroupRole(f.pool, 'G', { identityPool: f.pool, userPool: f.userPool, precedence: 1, roleOptions: [] } as any), 'Stack/Pool/G: roleOptions must be an object (a struct), not a list (received: "<array of 0>")'],
  ['UserPoolGroupRole without props', f => new UserPoolGroupRole(f.pool, 'G', undefined as any), 'Stack/Pool/G: props is required: give an object (received: undefined)'],
  ['group unknown key', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, precedance: 2 } as any), 'Stack/Pool: addUserPoolGroupRole options.precedance is not a property the library reads, so its value would be dropped (did you mean precedence?): use one of denyUsersInNoGroup, description, groupName, precedence, role, roleOptions, userPool (received: 2)'],
  ['UserPoolGroupRole unknown key', f => new UserPoolGroupRole(f.pool, 'G', { identityPool: f.pool, userPool: f.userPool, precedence: 1, precedance: 2 } as any), 'Stack/Pool/G: precedance is not a property the library reads, so its value would be dropped (did you mean precedence?): use one of denyUsersInNoGroup, description, groupName, identityPool, precedence, role, roleOptions, userPool (received: 2)'],
  ['group without its user pool', f => f.pool.addUserPoolGroupRole('G', { precedence: 1 } as any), 'Stack/Pool/G: userPool is required: give a user pool (cognito.IUserPool) (received: undefined)'],
  ['group name a number', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, groupName: 5 } as any), 'Stack/Pool/G: groupName must be a string (received: 5)'],
  ['group description a number', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, description: 5 } as any), 'Stack/Pool/G: description must be a string (received: 5)'],
  ['group denyUsersInNoGroup a string', f => f.pool.addUserPoolGroupRole('G', { userPool: f.userPool, precedence: 1, denyUsersInNoGroup: 'yes' } as any), 'Stack/Pool/G: denyUsersInNoGroup must be true or false (received: "yes")'],
  // addFrontendOutputs
  ['addFrontendOutputs a string', f => f.pool.addFrontendOutputs('Web' as any), 'Stack/Pool: addFrontendOutputs options must be an object (a struct) (received: "Web")'],
  ['outputPrefix a number', f => f.pool.addFrontendOutputs({ outputPrefix: 1 } as any), 'Stack/Pool/FrontendOutputs: outputPrefix must be a string (received: 1)'],
  ['amplifyUserPoolClient a user pool', f => f.pool.addFrontendOutputs({ amplifyUserPoolClient: f.userPool } as any), 'Stack/Pool/FrontendOutputs: amplifyUserPoolClient must be a user pool app client (cognito.IUserPoolClient), not a user pool (received: "<UserPool Stack/Users>")'],
  ['IdentityPoolFrontendOutputs without a pool', f => new IdentityPoolFrontendOutputs(f.stack, 'O', {} as any), 'Stack/O: identityPool is required: give an identity pool (IIdentityPool) (received: undefined)'],
  ['IdentityPoolFrontendOutputs props a string', f => new IdentityPoolFrontendOutputs(f.stack, 'O', 'Web' as any), 'Stack/O: options must be an object (a struct) (received: "Web")'],
  ['addFrontendOutputs unknown key', f => f.pool.addFrontendOutputs({ outputprefix: 'Web' } as any), 'Stack/Pool: addFrontendOutputs options.outputprefix is not a property the library reads, so its value would be dropped (did you mean outputPrefix?): use one of amplifyUserPoolClient, includeGroupRoles, outputPrefix (received: "Web")'],
  ['IdentityPoolFrontendOutputs unknown key', f => new IdentityPoolFrontendOutputs(f.stack, 'O', { identityPool: f.pool, outputprefix: 'Web' } as any), 'Stack/O: outputprefix is not a property the library reads, so its value would be dropped (did you mean outputPrefix?): use one of amplifyUserPoolClient, identityPool, includeGroupRoles, outputPrefix (received: "Web")'],
  ['includeGroupRoles a string', f => f.pool.addFrontendOutputs({ includeGroupRoles: 'yes' } as any), 'Stack/Pool/FrontendOutputs: includeGroupRoles must be true or false (received: "yes")'],
  // grants
  ['grant grantee a string', f => f.pool.grant('role' as any, 'cognito-identity:GetId'), 'Stack/Pool: grant grantee must be a principal to grant to (iam.IGrantable) (received: "role")'],
  ['grant action a number', f => f.pool.grant(f.role, 3 as any), 'Stack/Pool: grant actions[0] must be a string (received: 3)'],
  ['grant without a grantee', f => f.pool.grant(undefined as any, 'cognito-identity:GetId'), 'Stack/Pool: grant grantee is required: give a principal to grant to (iam.IGrantable) (received: undefined)'],
  ['grant an undefined action', f => f.pool.grant(f.role, 'cognito-identity:GetId', undefined as any), 'Stack/Pool: grant actions[1] is required: give a string (received: undefined)'],
  ['grantOpenIdTokenForDeveloperIdentity undefined', f => f.pool.grantOpenIdTokenForDeveloperIdentity(undefined as any), 'Stack/Pool: grantOpenIdTokenForDeveloperIdentity grantee is required: give a principal to grant to (iam.IGrantable) (received: undefined)'],
  ['grantDeveloperIdentityAdministration a string', f => f.pool.grantDeveloperIdentityAdministration('backend' as any), 'Stack/Pool: grantDeveloperIdentityAdministration grantee must be a principal to grant to (iam.IGrantable) (received: "backend")'],
  ['grantReadOwnObjects a table', f => f.pool.grantReadOwnObjects(f.table as any), 'Stack/Pool: grantReadOwnObjects bucket must be an S3 bucket (s3.IBucket), not a DynamoDB table (received: "<Import Stack/Table>")'],
  ['grantWriteOwnObjects options a string', f => f.pool.grantWriteOwnObjects(f.bucket, 'private/' as any), 'Stack/Pool: grantWriteOwnObjects options must be an object (a struct) (received: "private/")'],
  ['grantReadWriteOwnObjects grantee a string', f => f.pool.grantReadWriteOwnObjects(f.bucket, { grantee: 'role' } as any), 'Stack/Pool: grantReadWriteOwnObjects grantee must be a principal to grant to (iam.IGrantable) (received: "role")'],
  ['grantReadOwnObjects ownerKey a string', f => f.pool.grantReadOwnObjects(f.bucket, { ownerKey: 'sub' } as any), 'Stack/Pool: grantReadOwnObjects ownerKey must be an OwnerKey (OwnerKey.IDENTITY_ID or OwnerKey.principalTag) (received: "sub")'],
  ['grantReadSharedObjects without options', f => f.pool.grantReadSharedObjects(f.bucket, undefined as any), 'Stack/Pool: grantReadSharedObjects options is required: give an object (received: undefined)'],
  ['grantReadSharedObjects without prefix', f => f.pool.grantReadSharedObjects(f.bucket, {} as any), 'Stack/Pool: grantReadSharedObjects prefix is required: give a string (received: undefined)'],
  ['grantReadOwnItems a bucket', f => f.pool.grantReadOwnItems(f.bucket as any), 'Stack/Pool: grantReadOwnItems table must be a DynamoDB table (dynamodb.ITable), not an S3 bucket (received: "<Import Stack/Bucket>")'],
  ['grantWriteOwnItems attributes a string', f => f.pool.grantWriteOwnItems(f.table, { attributes: 'title' } as any), 'Stack/Pool: grantWriteOwnItems attributes must be a list (an array), even of one (received: "title")'],
  ['grantReadWriteOwnItems attributes with a number', f => f.pool.grantReadWriteOwnItems(f.table, { attributes: ['identityId', 2] } as any), 'Stack/Pool: grantReadWriteOwnItems attributes[1] must be a string (received: 2)'],
  ['grantReadOwnObjects without a bucket', f => f.pool.grantReadOwnObjects(undefined as any), 'Stack/Pool: grantReadOwnObjects bucket is required: give an S3 bucket (s3.IBucket) (received: undefined)'],
  ['grantReadOwnItems without a table', f => f.pool.grantReadOwnItems(undefined as any), 'Stack/Pool: grantReadOwnItems table is required: give a DynamoDB table (dynamodb.ITable) (received: undefined)'],
  ['grantReadWriteOwnItems attributes with null', f => f.pool.grantReadWriteOwnItems(f.table, { attributes: ['identityId', null] } as any), 'Stack/Pool: grantReadWriteOwnItems attributes[1] must not be empty: the list holds undefined or null here (received: null)'],
  // IdentityPoolProviderUrl
  ['openId undefined', () => IdentityPoolProviderUrl.openId(undefined as any), 'IdentityPoolProviderUrl.openId: url is required: give a string (received: undefined)'],
  ['saml an OIDC provider', f => IdentityPoolProviderUrl.saml(f.oidc as any), 'IdentityPoolProviderUrl.saml: url must be a string (received: "<Import Stack/Oidc>")'],
  ['custom a number', () => IdentityPoolProviderUrl.custom(5 as any), 'IdentityPoolProviderUrl.custom: url must be a string (received: 5)'],
  ['userPoolUrl a list', () => IdentityPoolProviderUrl.userPoolUrl(['x'] as any), 'IdentityPoolProviderUrl.userPoolUrl: url must be a string (received: "<array of 1>")'],
  ['userPool a string and a client', f => IdentityPoolProviderUrl.userPool('us-east-1_abc' as any, f.userPool.addClient('C')), 'IdentityPoolProviderUrl.userPool: userPool must be a user pool (cognito.IUserPool) (received: "us-east-1_abc")'],
  ['userPool without a client', f => IdentityPoolProviderUrl.userPool(f.userPool, undefined as any), 'IdentityPoolProviderUrl.userPool: userPoolClient is required: give a user pool app client (cognito.IUserPoolClient) (received: undefined)'],
];

describe('JavaScript callers get the usual message, naming the property, for every wrong shape', () => {
  test.each(CASES)('%s', (_name, call, expected) => {
    const f = fixture();
    let message = '<no error>';
    try {
      call(f);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(expected);
  });
});

describe('what the shape checks let through', () => {
  test('keys set to undefined, and every provider in a shape the library reads, synthesize with nothing dropped', () => {
    // GIVEN
    const f = fixture();

    // WHEN
    const pool = new IdentityPool(f.stack, 'Full', {
      identityPoolName: undefined,
      authenticationProviders: {
        google: { clientId: 'client' },
        twitter: { consumerKey: 'key', consumerSecret: 'secret' },
        openIdConnectProviders: [f.oidc],
        samlProviders: [f.saml],
        customProvider: 'login.example',
        openIdConnectProvider: undefined,
      } as any,
      roleMappings: [],
    });

    // THEN
    Template.fromStack(f.stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: { 'accounts.google.com': 'client', 'api.twitter.com': 'key;secret' },
      OpenIdConnectProviderARNs: ['arn:aws:iam::123456789012:oidc-provider/oidc.example.com'],
      SamlProviderARNs: ['arn:aws:iam::123456789012:saml-provider/corp'],
      DeveloperProviderName: 'login.example',
    });
    expect(pool.node.path).toBe('Stack/Full');
  });

  test('objects of the right kind written by hand, and token booleans, pass', () => {
    // GIVEN
    const f = fixture();
    const handMadeRole = iam.Role.fromRoleName(f.stack, 'ByName', 'app');

    // WHEN
    f.pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      resolveAmbiguousRoles: Token.asAny(false) as any,
      rules: [{ claim: 'hd', claimValue: 'example.com', mappedRole: handMadeRole }],
    });
    f.pool.grant({ grantPrincipal: f.role.grantPrincipal }, 'cognito-identity:GetId');

    // THEN
    Template.fromStack(f.stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { 'accounts.google.com': { Type: 'Rules', IdentityProvider: 'accounts.google.com' } },
    });
  });

  test('a class name stays as it is in Python, the method and property become snake case', () => {
    // GIVEN
    const f = fixture();
    const agent = process.env.JSII_AGENT;
    process.env.JSII_AGENT = 'Python/3.12.1';
    try {
      // WHEN / THEN
      expect(() => IdentityPoolProviderUrl.userPoolUrl(undefined as any))
        .toThrow('IdentityPoolProviderUrl.user_pool_url: url is required: give a string (received: undefined)');
      expect(() => new IdentityPool(f.stack, 'P', { authenticationProviders: { samlProviders: [f.oidc] } } as any))
        .toThrow('Stack/P: authentication_providers.saml_providers[0] must be a SAML provider (iam.ISamlProvider), not an OpenID Connect provider');
      expect(() => new IdentityPool(f.stack, 'Q', { authenticationProviders: { oidc: [f.oidc] } } as any))
        .toThrow('Stack/Q: authentication_providers.oidc is not a property the library reads, so its value would be dropped: use one of amazon, '
          + 'apple, custom_provider, facebook, google, open_id_connect_providers, saml_providers, twitter, user_pools (received: "<array of 1>")');
    } finally {
      if (agent === undefined) {
        delete process.env.JSII_AGENT;
      } else {
        process.env.JSII_AGENT = agent;
      }
    }
  });
});

describe('describeReceived', () => {
  test('shows primitives as they are and anything else as <...>', () => {
    expect(describeReceived('x')).toBe('x');
    expect(describeReceived(3)).toBe(3);
    expect(describeReceived(null)).toBeNull();
    expect(describeReceived(undefined)).toBeUndefined();
    expect(describeReceived(() => 1)).toBe('<function>');
    expect(describeReceived([1, 2])).toBe('<array of 2>');
    expect(describeReceived({})).toBe('<empty object>');
    expect(describeReceived({ a: undefined })).toBe('<empty object>');
    expect(describeReceived({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toBe('<object with a, b, c, d, e, ...>');
    expect(describeReceived({ a: 1, b: 2 })).toBe('<object with a, b>');
    expect(describeReceived({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toBe('<object with a, b, c, d, e>');
  });

  test('shows a construct by its class and path, and an object whose node has no path by its keys', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(describeReceived(stack)).toBe('<Stack Stack>');
    expect(describeReceived(Object.assign(Object.create(null), { node: { path: 'A/B' } }))).toBe('<construct A/B>');
    expect(describeReceived({ node: { id: 'x' } })).toBe('<object with node>');
  });
});
