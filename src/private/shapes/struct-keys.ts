/**
 * The properties of every struct of the public API, inherited ones included, as the jsii
 * assembly lists them: each entry point rejects a key outside its struct's list (from
 * JavaScript, a typo such as `allowUnauthenticatedIdentity` would otherwise vanish). A test
 * keeps this table equal to the assembly (`test/index.test.ts`), so a property added to an
 * interface and not here fails the build.
 */
export const STRUCT_KEYS = {
  IdentityPoolProps: [
    'allowClassicFlow', 'allowUnauthenticatedIdentities', 'authenticatedRole', 'authenticatedRoleOptions', 'authenticationProviders',
    'createUnauthenticatedRole', 'identityPoolName', 'removalPolicy', 'roleMappings', 'unauthenticatedRole', 'unauthenticatedRoleOptions',
  ],
  IdentityPoolAuthenticationProviders: [
    'amazon', 'apple', 'customProvider', 'facebook', 'google', 'openIdConnectProviders', 'samlProviders', 'twitter', 'userPools',
  ],
  IdentityPoolAmazonLoginProvider: ['appId'],
  IdentityPoolAppleLoginProvider: ['servicesId'],
  IdentityPoolFacebookLoginProvider: ['appId'],
  IdentityPoolGoogleLoginProvider: ['clientId'],
  IdentityPoolTwitterLoginProvider: ['consumerKey', 'consumerSecret'],
  IdentityPoolAttributes: [
    'authenticatedRole', 'identityPoolArn', 'identityPoolId', 'identityPoolName', 'mappedRoles', 'unauthenticatedRole', 'verifyRoles',
  ],
  IdentityPoolEndpointProps: ['identityPool', 'open', 'privateDnsEnabled', 'securityGroups', 'subnets', 'vpc'],
  IdentityPoolFrontendOutputsOptions: ['amplifyUserPoolClient', 'includeGroupRoles', 'outputPrefix'],
  IdentityPoolFrontendOutputsProps: ['amplifyUserPoolClient', 'identityPool', 'includeGroupRoles', 'outputPrefix'],
  IdentityPoolPrincipalTagsOptions: ['principalTags', 'providerName', 'useDefaults'],
  IdentityPoolPrincipalTagsProps: ['identityPool', 'principalTags', 'providerName', 'useDefaults'],
  IdentityPoolRoleAttachmentProps: ['authenticatedRole', 'identityPool', 'roleMappings', 'unauthenticatedRole'],
  IdentityPoolRoleMapping: ['mappingKey', 'providerUrl', 'resolveAmbiguousRoles', 'rules', 'useToken'],
  RoleMappingRule: ['claim', 'claimValue', 'mappedRole', 'matchType'],
  MappedRoleOptions: ['description', 'inlinePolicies', 'managedPolicies', 'maxSessionDuration', 'path', 'permissionsBoundary', 'roleName'],
  OwnItemsOptions: ['attributes', 'grantee', 'ownerKey'],
  OwnObjectsOptions: ['grantee', 'ownerKey', 'prefix'],
  SharedObjectsOptions: ['grantee', 'prefix'],
  UserPoolAuthenticationProviderBindConfig: ['clientId', 'providerName', 'serverSideTokenCheck', 'userPoolClient'],
  UserPoolAuthenticationProviderBindOptions: [],
  UserPoolAuthenticationProviderProps: ['disableServerSideTokenCheck', 'userPool', 'userPoolClient'],
  UserPoolGroupRoleOptions: ['denyUsersInNoGroup', 'description', 'groupName', 'precedence', 'role', 'roleOptions', 'userPool'],
  UserPoolGroupRoleProps: ['denyUsersInNoGroup', 'description', 'groupName', 'identityPool', 'precedence', 'role', 'roleOptions', 'userPool'],
} as const satisfies Record<string, readonly string[]>;

/** The name of a struct of the public API. */
export type StructName = keyof typeof STRUCT_KEYS;
