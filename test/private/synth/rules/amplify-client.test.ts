import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, UserPoolAuthenticationProvider } from '../../../../src';
import { LAYOUTS, pathIn } from '../layouts';

describe.each(LAYOUTS)('the app client Amplify signs in through, $name', layout => {
  test('fails on the outputs when it is no provider\'s client', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    pool.addFrontendOutputs({ amplifyUserPoolClient: userPool.addClient('Other') });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool/FrontendOutputs')}] amplifyUserPoolClient must be the app client of one `
      + `of the user pool providers of ${pathIn(stack, 'Pool')} (received: "${pathIn(stack, 'Users/Other')}")`);
  });

  test('passes when the client becomes a provider later', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const client = userPool.addClient('Client');
    const pool = new IdentityPool(stack, 'Pool');
    pool.addFrontendOutputs({ amplifyUserPoolClient: client });
    pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: client }));
    Template.fromStack(stack).hasOutput('UserPool1ClientId', {});
  });
});
