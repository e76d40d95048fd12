import { Tags } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IdentityPool } from '../../../../src';
import { LAYOUTS, pathIn, synthApp } from '../layouts';

describe.each(LAYOUTS)('identity pool tags, $name', layout => {
  test('a tag key AWS reserves fails on the pool, with the key', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    Tags.of(pool).add('aws:team', 'a');
    const message = `[${pathIn(stack, 'Pool')}] tags must not have keys that start with aws: (in any case), a prefix AWS reserves for its own tags `
      + '(received: "aws:team")';
    expect(() => Template.fromStack(stack)).toThrow(message);
    expect(() => synthApp(stack)).toThrow(message);
  });

  test('valid tags render', () => {
    const stack = layout.stack();
    Tags.of(new IdentityPool(stack, 'Pool')).add('team', 'a');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { IdentityPoolTags: [{ Key: 'team', Value: 'a' }] });
  });
});

describe.each(LAYOUTS)('identity pool tags at their limits, $name', layout => {
  test('at most 50 tags: 50 pass, 51 fail with the count', () => {
    const stack = layout.stack();
    const fifty = new IdentityPool(stack, 'Fifty');
    const fiftyOne = new IdentityPool(stack, 'FiftyOne');
    for (let i = 0; i < 50; i++) {
      Tags.of(fifty).add(`k${i}`, 'v');
      Tags.of(fiftyOne).add(`k${i}`, 'v');
    }
    Tags.of(fiftyOne).add('k50', 'v');
    expect(() => Template.fromStack(stack)).toThrow(new RegExp(
      `^Validation failed with the following errors:\\n  \\[${pathIn(stack, 'FiftyOne')}\\] tags must number at most 50 on an identity pool `
      + '\\(received: 51\\)$'));
  });

  test('a key outside the tag alphabet, and a value over 256 characters, each fail with what was received', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    Tags.of(pool).add('a{b', 'v');
    Tags.of(pool).add('k', 'x'.repeat(257));
    Tags.of(pool).add('ok', 'x'.repeat(256));
    expect(() => Template.fromStack(stack)).toThrow([
      'Validation failed with the following errors:',
      `  [${pathIn(stack, 'Pool')}] tags must have keys of 1-128 characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (received: "a{b")`,
      `  [${pathIn(stack, 'Pool')}] tags["k"] must be 0-256 characters long, got 257 (received: "${'x'.repeat(257)}")`,
    ].join('\n'));
  });

  test('an imported pool has no tags of its own to check', () => {
    const stack = layout.stack();
    const imported = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0123abcd-0123-abcd-0123-0123456789ab');
    Tags.of(imported).add('aws:team', 'a');
    new IdentityPool(stack, 'Pool');
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPool', 1);
  });
});
