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
