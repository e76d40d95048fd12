export * from './identity-pool';
export * from './identity-pool-principal';
export * from './authentication-providers';
export * from './user-pool-authentication-provider';
export * from './provider-url';
export * from './role-mapping';
export * from './role-attachment';
export * from './mapped-role-options';
