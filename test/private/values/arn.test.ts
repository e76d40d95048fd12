import { App, Annotations as Annotations_, Aws, CfnParameter, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  IdentityPool, IdentityPoolPrincipalTags, IdentityPoolProviderUrl, IdentityPoolRoleAttachment, UserPoolAuthenticationProvider,
} from '../../../src';
import { checkPoolInStackRegion, checkRoleArn, partitionMismatch, regionPartition } from '../../../src/private/values/arn';

const ID = 'us-east-1:0a1b2c3d-1234-5678-90ab-cdef01234567';
const ARN = `arn:aws:cognito-identity:us-east-1:123456789012:identitypool/${ID}`;

function newStack(region?: string): Stack {
  return new Stack(new App(), 'Stack', region === undefined ? {} : { env: { account: '123456789012', region } });
}

function role(stack: Stack, arn: string, id = 'Role'): iam.IRole {
  return iam.Role.fromRoleArn(stack, id, arn);
}

describe('identity pool ids (IdentityPoolId: [\\w-]+:[0-9a-f-]+, at most 55 characters)', () => {
  test('an id part that is not lowercase hexadecimal is imported with an acknowledgeable warning, in every importer', () => {
    // GIVEN
    const stack = newStack();
    const warning = (id: string) => `The identity pool id "${id}" is not lowercase hexadecimal after its region, as every identity pool id is `
      + '(Cognito\'s IdentityPoolId pattern [\\w-]+:[0-9a-f-]+), so it names no real pool and every call on this import fails at run time; '
      + 'copy the id from the Cognito console or `aws cognito-identity list-identity-pools` [ack: cdk-identity-pool:poolIdNotHex]';

    // WHEN
    expect(IdentityPool.fromIdentityPoolId(stack, 'ById', 'us-east-1:0A1B2C3D').identityPoolId).toBe('us-east-1:0A1B2C3D');
    IdentityPool.fromIdentityPoolArn(stack, 'ByArn', 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:pool_1');
    IdentityPool.fromIdentityPoolAttributes(stack, 'ByAttributes', {
      identityPoolId: 'us-east-1:ghij', authenticatedRole: role(stack, 'arn:aws:iam::123456789012:role/auth'),
    });
    IdentityPool.fromIdentityPoolId(stack, 'Hex', 'us-east-1:0a1b2c3d-0000');
    IdentityPool.fromIdentityPoolId(stack, 'Token', Fn.importValue('PoolId'));

    // THEN
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findWarning('/Stack/ById', warning('us-east-1:0A1B2C3D'))).toHaveLength(1);
    expect(annotations.findWarning('/Stack/ByArn', warning('us-east-1:pool_1'))).toHaveLength(1);
    expect(annotations.findWarning('/Stack/ByAttributes', warning('us-east-1:ghij'))).toHaveLength(1);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('poolIdNotHex'))).toHaveLength(3);
  });

  test('the warning is acknowledged on a scope above the import, before it is made (the seed\'s own example id)', () => {
    const stack = newStack();
    Annotations_.of(stack).acknowledgeWarning('cdk-identity-pool:poolIdNotHex');
    IdentityPool.fromIdentityPoolId(stack, 'Seed', 'us-east-1:dj2823ryiwuhef937');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('poolIdNotHex'))).toHaveLength(0);
  });

  test('an id of more than 55 characters fails; one of 55 is imported', () => {
    // GIVEN
    const stack = newStack();
    const longest = `us-east-1:${'a'.repeat(45)}`;
    const tooLong = `${longest}b`;

    // WHEN
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Longest', longest);

    // THEN
    expect(longest).toHaveLength(55);
    expect(pool.identityPoolId).toBe(longest);
    expect(() => IdentityPool.fromIdentityPoolId(stack, 'TooLong', tooLong))
      .toThrow(`Stack: identityPoolId must be at most 55 characters long (Cognito's IdentityPoolId), got 56 (received: "${tooLong}")`);
  });

  test('a token id is not judged', () => {
    const stack = newStack();
    const id = new CfnParameter(stack, 'PoolId').valueAsString;
    expect(IdentityPool.fromIdentityPoolId(stack, 'Imported', id).identityPoolId).toBe(id);
  });

  test('ids of every partition\'s regions are imported, the European Sovereign Cloud\'s included', () => {
    const stack = newStack();
    for (const region of ['cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1']) {
      const pool = IdentityPool.fromIdentityPoolId(stack, region, `${region}:0a1b2c3d-0000-0000-0000-000000000000`);
      expect(pool.env.region).toBe(region);
    }
  });
});

describe('identity pool ARNs', () => {
  test('an ARN without an account fails', () => {
    const stack = newStack();
    const arn = `arn:aws:cognito-identity:us-east-1::identitypool/${ID}`;
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', arn))
      .toThrow(`Stack: identityPoolArn must name the 12-digit account that owns the pool, as every identity pool ARN does (received: "${arn}")`);
  });

  test('an account of other than 12 digits fails', () => {
    const stack = newStack();
    const arn = `arn:aws:cognito-identity:us-east-1:12345:identitypool/${ID}`;
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolArn: arn, authenticatedRole: role(stack, 'arn:aws:iam::123456789012:role/auth'),
    })).toThrow(`Stack: identityPoolArn must name the 12-digit account that owns the pool, as every identity pool ARN does (received: "${arn}")`);
  });

  test('a partition that does not hold the region fails, both ways', () => {
    // GIVEN
    const stack = newStack();
    const china = 'arn:aws:cognito-identity:cn-north-1:123456789012:identitypool/cn-north-1:0a1b2c3d';
    const commercial = `arn:aws-cn:cognito-identity:us-east-1:123456789012:identitypool/${ID}`;

    // WHEN / THEN
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'China', china))
      .toThrow(`Stack: identityPoolArn must have the partition of its region: cn-north-1 is in the aws-cn partition, not aws (received: "${china}")`);
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Commercial', commercial))
      .toThrow(`Stack: identityPoolArn must have the partition of its region: us-east-1 is in the aws partition, not aws-cn (received: "${commercial}")`);
  });

  test.each([
    ['aws-cn', 'cn-northwest-1'],
    ['aws-us-gov', 'us-gov-east-1'],
    ['aws-iso', 'us-iso-west-1'],
    ['aws-iso-b', 'us-isob-east-1'],
    ['aws-iso-e', 'eu-isoe-west-1'],
    ['aws-iso-f', 'us-isof-south-1'],
    ['aws-eusc', 'eusc-de-east-1'],
    ['aws-future', 'us-east-1'],
  ])('an ARN in %s, %s, is imported', (partition, region) => {
    const stack = newStack();
    const arn = `arn:${partition}:cognito-identity:${region}:123456789012:identitypool/${region}:0a1b2c3d`;
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', arn);
    expect(pool.identityPoolArn).toBe(arn);
    expect(pool.env).toEqual({ account: '123456789012', region });
  });

  test('token parts are not judged', () => {
    // GIVEN
    const stack = newStack();
    const account = new CfnParameter(stack, 'Account').valueAsString;

    // WHEN
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', `arn:${Aws.PARTITION}:cognito-identity:cn-north-1:${account}:identitypool/cn-north-1:abc`);

    // THEN
    expect(pool.env.region).toBe('cn-north-1');
  });

  test('an import in a nested stack is checked and read alike', () => {
    const nested = new NestedStack(newStack('us-east-1'), 'Nested');
    expect(IdentityPool.fromIdentityPoolArn(nested, 'Imported', ARN).identityPoolId).toBe(ID);
    expect(() => IdentityPool.fromIdentityPoolId(nested, 'Bad', 'us-east-1'))
      .toThrow('Stack/Nested: identityPoolId must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..." (received: "us-east-1")');
  });
});

describe('partitions of regions', () => {
  test('each region prefix names its partition; every other region is in aws', () => {
    expect(['cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1', 'us-east-1', 'mx-central-1']
      .map(regionPartition)).toEqual(['aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', 'aws', 'aws']);
  });

  test('a token, an empty region or an unknown partition is not judged', () => {
    expect(partitionMismatch(Aws.PARTITION, 'cn-north-1')).toBeUndefined();
    expect(partitionMismatch('aws', Aws.REGION)).toBeUndefined();
    expect(partitionMismatch('aws', '')).toBeUndefined();
    expect(partitionMismatch('aws-cn', '')).toBeUndefined();
    expect(partitionMismatch('aws-future', 'cn-north-1')).toBeUndefined();
    expect(partitionMismatch('aws-us-gov', 'us-gov-west-1')).toBeUndefined();
    expect(partitionMismatch('aws', 'us-gov-west-1')).toBe('us-gov-west-1 is in the aws-us-gov partition, not aws');
  });
});

describe('the region of resources that configure a pool', () => {
  test('a role attachment for a pool of another region than its stack\'s fails', () => {
    const stack = newStack('us-east-1');
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'eu-west-1:0a1b2c3d');
    expect(() => new IdentityPoolRoleAttachment(stack, 'Attachment', { identityPool: pool }))
      .toThrow('Stack/Attachment: identityPool must be in the region of this stack (us-east-1), where CloudFormation creates this resource '
        + 'and Cognito looks the pool up, not eu-west-1 (received: "eu-west-1:0a1b2c3d")');
  });

  test('a principal tag mapping for a pool of another region than its stack\'s fails', () => {
    const stack = newStack('us-east-1');
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'eu-west-1:0a1b2c3d');
    expect(() => new IdentityPoolPrincipalTags(stack, 'Tags', { identityPool: pool, providerName: 'accounts.google.com' }))
      .toThrow('Stack/Tags: identityPool must be in the region of this stack (us-east-1), where CloudFormation creates this resource '
        + 'and Cognito looks the pool up, not eu-west-1 (received: "eu-west-1:0a1b2c3d")');
  });

  test('an id with no region to read (a pool of the app\'s own making) is not compared with the stack\'s region', () => {
    expect(() => checkPoolInStackRegion(newStack('us-east-1'), 'pool-of-my-own')).not.toThrow();
  });

  test('a pool of the stack\'s region, or any pool in a region-agnostic stack, gets its attachment', () => {
    // GIVEN
    const sameRegion = newStack('eu-west-1');
    const agnostic = newStack();

    // WHEN
    new IdentityPoolRoleAttachment(sameRegion, 'Attachment', { identityPool: IdentityPool.fromIdentityPoolId(sameRegion, 'Imported', 'eu-west-1:0a1b2c3d') });
    new IdentityPoolRoleAttachment(agnostic, 'Attachment', { identityPool: IdentityPool.fromIdentityPoolId(agnostic, 'Imported', 'eu-west-1:0a1b2c3d') });

    // THEN
    Template.fromStack(sameRegion).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', { IdentityPoolId: 'eu-west-1:0a1b2c3d' });
    Template.fromStack(agnostic).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', { IdentityPoolId: 'eu-west-1:0a1b2c3d' });
  });
});

describe('role ARNs (Roles values, RoleARN of rules: ARNString, an IAM role)', () => {
  test('a default role whose ARN is not a role\'s fails', () => {
    const stack = newStack();
    const user = 'arn:aws:iam::123456789012:user/alice';
    expect(() => new IdentityPool(stack, 'Pool', { authenticatedRole: role(stack, user) }))
      .toThrow('Stack/Pool/DefaultRoleAttachment: authenticatedRole must be an IAM role, whose ARN has the form '
        + `arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "${user}")`);
  });

  test('an unauthenticated role of another partition than the stack\'s region fails', () => {
    const stack = newStack('us-east-1');
    const china = 'arn:aws-cn:iam::123456789012:role/guest';
    expect(() => new IdentityPool(stack, 'Pool', { unauthenticatedRole: role(stack, china) }))
      .toThrow('Stack/Pool/DefaultRoleAttachment: unauthenticatedRole must be in the partition of its stack\'s region: '
        + `us-east-1 is in the aws partition, not aws-cn (received: "${china}")`);
  });

  test('a mapped role whose ARN is not a role\'s fails', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'client' } } });
    const policy = 'arn:aws:iam::123456789012:policy/admins';
    expect(() => pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      rules: [{ claim: 'hd', claimValue: 'example.com', mappedRole: role(stack, policy) }],
    })).toThrow('Stack/Pool/DefaultRoleAttachment: roleMappings[0].rules[0].mappedRole must be an IAM role, whose ARN has the form '
      + `arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "${policy}")`);
  });

  test('roles of every partition, with paths, in region-agnostic or matching stacks, are attached; roles defined in the app pass', () => {
    // GIVEN
    const gov = newStack('us-gov-west-1');
    const agnostic = newStack();

    // WHEN
    new IdentityPool(gov, 'Pool', {
      authenticatedRole: role(gov, 'arn:aws-us-gov:iam::123456789012:role/service-role/app/auth'),
      unauthenticatedRole: role(gov, 'arn:aws-us-gov:iam::123456789012:role/guest+=,.@-_', 'Guest'),
    });
    new IdentityPool(agnostic, 'Pool', { authenticatedRole: role(agnostic, 'arn:aws-cn:iam::123456789012:role/auth') });

    // THEN
    Template.fromStack(gov).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: {
        authenticated: 'arn:aws-us-gov:iam::123456789012:role/service-role/app/auth',
        unauthenticated: 'arn:aws-us-gov:iam::123456789012:role/guest+=,.@-_',
      },
    });
    Template.fromStack(agnostic).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: { authenticated: 'arn:aws-cn:iam::123456789012:role/auth' },
    });
  });

  test('a user pool group\'s role whose ARN is not a role\'s fails', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    const group = 'arn:aws:iam::123456789012:group/admins';
    expect(() => pool.addUserPoolGroupRole('Admins', { userPool, precedence: 0, role: role(stack, group) }))
      .toThrow('Stack/Pool/Admins: role must be an IAM role, whose ARN has the form '
        + `arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "${group}")`);
  });
});

describe('IAM identity provider ARNs in the stack\'s partition', () => {
  test('an OpenID Connect provider of another partition than the stack\'s region fails', () => {
    const stack = newStack('cn-north-1');
    const arn = 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com';
    expect(() => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { openIdConnectProviders: [iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', arn)] },
    })).toThrow('Stack/Pool: authenticationProviders.openIdConnectProviders[0] must be in the partition of its stack\'s region: '
      + `cn-north-1 is in the aws-cn partition, not aws (received: "${arn}")`);
  });

  test('a SAML provider of another partition than the stack\'s region fails', () => {
    const stack = newStack('us-east-1');
    const arn = 'arn:aws-us-gov:iam::123456789012:saml-provider/corp';
    expect(() => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { samlProviders: [iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', arn)] },
    })).toThrow('Stack/Pool: authenticationProviders.samlProviders[0] must be in the partition of its stack\'s region: '
      + `us-east-1 is in the aws partition, not aws-us-gov (received: "${arn}")`);
  });

  test('providers of the stack\'s partition, or of any in a region-agnostic stack, are configured', () => {
    // GIVEN
    const china = newStack('cn-north-1');
    const agnostic = newStack();

    // WHEN
    new IdentityPool(china, 'Pool', {
      authenticationProviders: {
        openIdConnectProviders: [iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(china, 'Oidc', 'arn:aws-cn:iam::123456789012:oidc-provider/oidc.example.cn')],
      },
    });
    new IdentityPool(agnostic, 'Pool', {
      authenticationProviders: { samlProviders: [iam.SamlProvider.fromSamlProviderArn(agnostic, 'Saml', 'arn:aws-iso-b:iam::123456789012:saml-provider/corp')] },
    });

    // THEN
    Template.fromStack(china).hasResourceProperties('AWS::Cognito::IdentityPool', {
      OpenIdConnectProviderARNs: ['arn:aws-cn:iam::123456789012:oidc-provider/oidc.example.cn'],
    });
    Template.fromStack(agnostic).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SamlProviderARNs: ['arn:aws-iso-b:iam::123456789012:saml-provider/corp'],
    });
  });
});

describe('pools in nested stacks', () => {
  test('a pool in a nested stack takes its parent\'s region for the partition and region rules, and synthesizes when they hold', () => {
    // GIVEN
    const parent = newStack('us-gov-west-1');
    const nested = new NestedStack(parent, 'Nested');
    const wrong = new NestedStack(parent, 'Wrong');

    // WHEN
    new IdentityPool(nested, 'Pool', {
      authenticatedRole: role(nested, 'arn:aws-us-gov:iam::123456789012:role/auth'),
      authenticationProviders: {
        samlProviders: [iam.SamlProvider.fromSamlProviderArn(nested, 'Saml', 'arn:aws-us-gov:iam::123456789012:saml-provider/corp')],
      },
    });
    const imported = IdentityPool.fromIdentityPoolId(nested, 'Imported', 'us-gov-west-1:0a1b2c3d');
    new IdentityPoolPrincipalTags(nested, 'Tags', { identityPool: imported, providerName: 'accounts.google.com' });

    // THEN
    Template.fromStack(nested).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: { authenticated: 'arn:aws-us-gov:iam::123456789012:role/auth' },
    });
    Template.fromStack(nested).hasResourceProperties('AWS::Cognito::IdentityPoolPrincipalTag', { IdentityPoolId: 'us-gov-west-1:0a1b2c3d' });
    expect(() => new IdentityPool(wrong, 'Pool', { authenticatedRole: role(wrong, 'arn:aws:iam::123456789012:role/auth') }))
      .toThrow('Stack/Wrong/Pool/DefaultRoleAttachment: authenticatedRole must be in the partition of its stack\'s region: '
        + 'us-gov-west-1 is in the aws-us-gov partition, not aws (received: "arn:aws:iam::123456789012:role/auth")');
  });
});

describe('the edges of ids, ARNs and role ARNs', () => {
  const ID_RULE = 'must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..."';

  test.each([
    ['something before the region', `1-${ID}`],
    ['a third part', `${ID}:x`],
    ['no region', ':0a1b2c3d'],
    ['a region without its number', 'us-east:0a1b2c3d'],
  ])('an id with %s fails', (_name, id) => {
    expect(() => IdentityPool.fromIdentityPoolId(newStack(), 'Imported', id)).toThrow(`Stack: identityPoolId ${ID_RULE} (received: "${id}")`);
  });

  test('a region numbered with two digits is a region', () => {
    expect(IdentityPool.fromIdentityPoolId(newStack(), 'Imported', 'ap-southeast-10:0a1b2c3d').env.region).toBe('ap-southeast-10');
  });

  test.each([
    ['is not an ARN', `xarn:aws:cognito-identity:us-east-1:123456789012:identitypool/${ID}`,
      'must be an ARN of the form arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>'],
    ['names another service', `arn:aws:cognito-idp:us-east-1:123456789012:identitypool/${ID}`, 'must be a cognito-identity ARN, not a cognito-idp one'],
    ['names another resource', `arn:aws:cognito-identity:us-east-1:123456789012:userpool/${ID}`, 'must name an identitypool resource, not "userpool"'],
    ['has no id', 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/', 'must end with identitypool/<region>:<id>'],
    ['is in another region than its id', `arn:aws:cognito-identity:us-west-2:123456789012:identitypool/${ID}`,
      'must be in the region of its identity pool id (us-east-1), not us-west-2'],
    ['has an account of 13 digits', `arn:aws:cognito-identity:us-east-1:1234567890123:identitypool/${ID}`,
      'must name the 12-digit account that owns the pool, as every identity pool ARN does'],
    ['ends with a line break', `${ARN}\n`,
      'must be an ARN of the form arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>'],
    ['has an account with a letter before its 12 digits', `arn:aws:cognito-identity:us-east-1:x123456789012:identitypool/${ID}`,
      'must be an ARN of the form arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>'],
  ])('an ARN that %s fails', (_name, arn, rule) => {
    expect(() => IdentityPool.fromIdentityPoolArn(newStack(), 'Imported', arn)).toThrow(`Stack: identityPoolArn ${rule} (received: ${JSON.stringify(arn)})`);
  });

  test('in an ARN with a token part, the account is still checked: 12 digits, nothing around them', () => {
    for (const account of ['x123456789012', '1234567890123']) {
      const arn = `arn:${Aws.PARTITION}:cognito-identity:us-east-1:${account}:identitypool/${ID}`;
      expect(() => IdentityPool.fromIdentityPoolArn(newStack(), 'Imported', arn))
        .toThrow('Stack: identityPoolArn must name the 12-digit account that owns the pool, as every identity pool ARN does');
    }
  });

  test('an ARN whose region is a token is not compared with its id\'s', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', `arn:aws:cognito-identity:${Aws.REGION}:123456789012:identitypool/${ID}`);
    expect(pool.identityPoolId).toBe(ID);
  });

  test('id and ARN together, or neither, fail', () => {
    const stack = newStack();
    const authenticatedRole = role(stack, 'arn:aws:iam::123456789012:role/auth');
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Both', { identityPoolId: ID, identityPoolArn: ARN, authenticatedRole }))
      .toThrow(`Stack: identityPoolId must not be given together with identityPoolArn: give one of them (received: "${ID}")`);
    expect(() => IdentityPool.fromIdentityPoolAttributes(stack, 'Neither', { authenticatedRole }))
      .toThrow('Stack: identityPoolId or identityPoolArn must be given to import an identity pool (received: undefined)');
  });

  test.each([
    ['a suffix after a space', 'arn:aws:iam::123456789012:role/auth x'],
    ['2049 characters', `arn:aws:iam::123456789012:role/${'a'.repeat(2049 - 'arn:aws:iam::123456789012:role/'.length)}`],
  ])('a role ARN with %s fails', (_name, arn) => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticatedRole: role(stack, arn) })).toThrow(`(received: "${arn}")`);
  });

  test('a role ARN with something before its arn: fails (aws-cdk-lib\'s importers refuse it first; a role of the app\'s own making need not)', () => {
    const arn = 'xarn:aws:iam::123456789012:role/auth';
    expect(() => checkRoleArn(newStack(), 'authenticatedRole', arn)).toThrow('Stack: authenticatedRole must be an IAM role, whose ARN has the form '
      + `arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "${arn}")`);
  });

  test('a role ARN of 2048 characters passes', () => {
    const stack = newStack();
    const arn = `arn:aws:iam::123456789012:role/${'a'.repeat(2048 - 'arn:aws:iam::123456789012:role/'.length)}`;
    new IdentityPool(stack, 'Pool', { authenticatedRole: role(stack, arn) });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test.each([
    ['cn-north-1', 'aws-cn'], ['us-gov-west-1', 'aws-us-gov'], ['us-iso-east-1', 'aws-iso'], ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'], ['us-isof-south-1', 'aws-iso-f'], ['eusc-de-east-1', 'aws-eusc'],
    ['xcn-north-1', 'aws'], ['xus-gov-west-1', 'aws'], ['xus-iso-east-1', 'aws'], ['xus-isob-east-1', 'aws'], ['xeu-isoe-west-1', 'aws'],
    ['xus-isof-south-1', 'aws'], ['xeusc-de-east-1', 'aws'],
  ])('the partition of %s is %s (by its prefix only)', (region, partition) => {
    expect(regionPartition(region)).toBe(partition);
  });
});
