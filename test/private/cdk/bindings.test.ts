import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityPool, IdentityPoolEndpoint, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../../src';
import * as bindings from '../../../src/private/cdk/bindings';
import { buildExampleApp } from '../../example/app';
import { SRC, sourceFiles } from '../../support/source-files';

const MODULES: Record<string, object> = {
  'aws-cdk-lib': cdk,
  'aws-cdk-lib/aws-cognito': cognito,
  'aws-cdk-lib/aws-dynamodb': dynamodb,
  'aws-cdk-lib/aws-events': events,
  'aws-cdk-lib/aws-iam': iam,
  'aws-cdk-lib/aws-lambda': lambda,
  'aws-cdk-lib/aws-s3': s3,
};

/**
 * Counts, while `run` runs, the reads of aws-cdk-lib's exports (getters that call require())
 * made directly by code in `dir` (src/), by where they are made.
 */
function srcReads(run: () => void, dir = SRC): string[] {
  const reads: string[] = [];
  const restore: Array<() => void> = [];
  for (const module of Object.values(MODULES)) {
    for (const key of Object.keys(module)) {
      const descriptor = Object.getOwnPropertyDescriptor(module, key);
      if (descriptor?.get === undefined || descriptor.configurable !== true) {
        continue;
      }
      const get = descriptor.get;
      Object.defineProperty(module, key, {
        ...descriptor,
        get(this: unknown) {
          const caller = new Error().stack!.split('\n')[2] ?? '';
          if (caller.includes(dir)) {
            reads.push(`${key} at ${caller.slice(caller.indexOf(dir) + dir.length + 1).replace(/:\d+\)?$/, '')}`);
          }
          return get.call(this);
        },
      });
      restore.push(() => Object.defineProperty(module, key, descriptor));
    }
  }
  try {
    run();
  } finally {
    restore.forEach(undo => undo());
  }
  return reads;
}

describe('aws-cdk-lib bindings', () => {
  test('each binding is the aws-cdk-lib class itself', () => {
    const bound = Object.entries(bindings);
    expect(bound.length).toBeGreaterThan(30);
    for (const [name, value] of bound) {
      const home = Object.entries(MODULES).find(([, module]) => (module as Record<string, unknown>)[name] === value);
      expect(home === undefined ? `${name} is not an aws-cdk-lib export` : name).toBe(name);
    }
  });

  test('src/private reads aws-cdk-lib values only through the bindings', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(SRC, 'private')).filter(source => source !== path.join(SRC, 'private/cdk/bindings.ts'))) {
      for (const match of fs.readFileSync(file, 'utf-8').matchAll(/^import (?!type )[^;]*from '(aws-cdk-lib[^']*)';/gm)) {
        offenders.push(`${path.relative(SRC, file)}: ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('building and synthesizing the example app, and a pool with mappings, principal tags, an endpoint and an import, reads no aws-cdk-lib export from src/', () => {
    const reads = srcReads(() => {
      const { stack } = buildExampleApp();
      Template.fromStack(stack);
      const other = new cdk.Stack(new cdk.Stage(new cdk.App(), 'Prod'), 'Other');
      const userPool = new cognito.UserPool(other, 'Users');
      const client = userPool.addClient('Client');
      const mapped = new iam.Role(other, 'Mapped', { assumedBy: new iam.AccountRootPrincipal() });
      const pool = new IdentityPool(other, 'Pool', {
        allowUnauthenticatedIdentities: true,
        authenticationProviders: {
          facebook: { appId: '1234567890' },
          userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient: client })],
        },
        roleMappings: [
          { providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), mappingKey: 'users', useToken: true },
          { providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'a', mappedRole: mapped }] },
        ],
      });
      pool.addPrincipalTags('Tags', { providerName: 'graph.facebook.com', principalTags: { app: 'aud' } });
      pool.grantReadWriteOwnItems(new dynamodb.Table(other, 'Items', { partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING } }));
      new IdentityPoolEndpoint(other, 'Endpoint', { vpc: new ec2.Vpc(other, 'Vpc', { maxAzs: 1, natGateways: 0 }), identityPool: pool });
      IdentityPool.fromIdentityPoolAttributes(other, 'Imported', {
        identityPoolArn: 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:0f8f0e0a-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
        authenticatedRole: mapped,
      });
      Template.fromStack(other);
    });
    expect(reads).toEqual([]);
  });

  test('the read counter sees every read made from the directory it watches', () => {
    const reads = srcReads(() => {
      expect(cdk.Token.isUnresolved('a')).toBe(false);
      expect(iam.Role.isRole({})).toBe(false);
    }, __dirname);
    expect(reads).toEqual([expect.stringMatching(/^Token at bindings\.test\.ts:\d+$/), expect.stringMatching(/^Role at bindings\.test\.ts:\d+$/)]);
  });
});
