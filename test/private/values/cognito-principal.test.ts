import { Lazy } from 'aws-cdk-lib';
import { IdentityPoolPrincipal } from '../../../src';
import { COMMERCIAL_PRINCIPAL, cognitoPrincipalForRegion, GOVCLOUD_PRINCIPAL } from '../../../src/private/values/cognito-principal';

describe('the Cognito identity principal of a region', () => {
  test.each([
    ['us-east-1', 'cognito-identity.amazonaws.com'],
    ['eu-west-1', 'cognito-identity.amazonaws.com'],
    ['cn-north-1', 'cognito-identity.amazonaws.com'],
    ['us-gov-west-1', 'cognito-identity-us-gov.amazonaws.com'],
    ['us-gov-east-1', 'cognito-identity-us-gov.amazonaws.com'],
    // only a region that starts with us-gov- is GovCloud
    ['xus-gov-west-1', 'cognito-identity.amazonaws.com'],
  ])('%s signs in through %s', (region, principal) => {
    expect(cognitoPrincipalForRegion(region)).toBe(principal);
    expect(IdentityPoolPrincipal.serviceForRegion(region)).toBe(principal);
  });

  test('a token region gets the commercial principal', () => {
    expect(cognitoPrincipalForRegion(Lazy.string({ produce: () => 'us-gov-west-1' }))).toBe(COMMERCIAL_PRINCIPAL);
  });

  test('the two principals', () => {
    expect([COMMERCIAL_PRINCIPAL, GOVCLOUD_PRINCIPAL]).toEqual(['cognito-identity.amazonaws.com', 'cognito-identity-us-gov.amazonaws.com']);
  });
});
