import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IdentityPoolFrontendOutputs } from '../../../src';
import { IdentityPool } from '../../../src';
import { ATTACHMENT_BRAND, brand, DEFINED_POOL_BRAND, FRONTEND_OUTPUTS_BRAND, hasBrand, POOL_BRAND, recordDefaultRoleTrust } from '../../../src/private/synth/facts';

describe('the brands on the library\'s constructs', () => {
  test('are Symbol.for keys of these exact names, so another copy of the library in the app recognises them', () => {
    expect(POOL_BRAND).toBe(Symbol.for('cdk-identity-pool.IdentityPoolBase'));
    expect(DEFINED_POOL_BRAND).toBe(Symbol.for('cdk-identity-pool.IdentityPool'));
    expect(ATTACHMENT_BRAND).toBe(Symbol.for('cdk-identity-pool.IdentityPoolRoleAttachment'));
    expect(FRONTEND_OUTPUTS_BRAND).toBe(Symbol.for('cdk-identity-pool.IdentityPoolFrontendOutputs'));
  });

  test('sit on the constructs, not enumerable, so no copy or spread of a construct carries them', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    const outputs = pool.addFrontendOutputs();
    const attachment = pool.node.findChild('DefaultRoleAttachment');
    for (const [construct, symbol] of [[pool, POOL_BRAND], [pool, DEFINED_POOL_BRAND], [attachment, ATTACHMENT_BRAND],
      [outputs as IdentityPoolFrontendOutputs, FRONTEND_OUTPUTS_BRAND]] as const) {
      expect(Object.getOwnPropertyDescriptor(construct, symbol)).toEqual({ value: true, enumerable: false, writable: false, configurable: false });
    }
  });

  test('hasBrand: only an object that holds the brand as true', () => {
    const symbol = Symbol('test');
    const branded = {};
    brand(branded, symbol);
    const fn = Object.assign(() => 0, { [symbol]: true });
    expect([branded, {}, { [symbol]: 'true' }, null, undefined, 'text', fn].map(value => hasBrand(value, symbol)))
      .toEqual([true, false, false, false, false, false, false]);
  });

  test('the default role trust fact: a Symbol.for key, not enumerable, and replaced when recorded again', () => {
    const stack = new Stack(new App(), 'Stack');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool');
    const trust = { pool, identityType: 'authenticated', tagSession: false, statementCount: 1 };
    recordDefaultRoleTrust(role, trust);
    recordDefaultRoleTrust(role, { ...trust, tagSession: true, statementCount: 2 });
    expect(Object.getOwnPropertyDescriptor(role, Symbol.for('cdk-identity-pool.DefaultRoleTrust'))).toEqual({
      value: { ...trust, tagSession: true, statementCount: 2 }, enumerable: false, writable: false, configurable: true,
    });
  });
});
