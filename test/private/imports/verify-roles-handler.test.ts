import * as vm from 'vm';
import { VERIFY_ROLES_HANDLER } from '../../../src/private/imports/verify-roles-handler';

/**
 * Runs the inline handler in a sandbox, with the AWS SDK and `https` replaced by fakes that
 * record the calls and answer with the given pool: no network, no credentials.
 */
interface Run {
  /** The commands sent, with the client's region: `[region, command name, input]`. */
  readonly calls: Array<[string, string, unknown]>;
  /** The response PUT to the pre-signed URL. */
  readonly response: { url: string; method: string; body: any };
}

const POOL_ID = 'eu-west-1:0a1b2c3d-0000-0000-0000-000000000000';
const AUTH = 'arn:aws:iam::123456789012:role/auth';
const GUEST = 'arn:aws:iam::123456789012:role/guest';
const ADMIN = 'arn:aws:iam::123456789012:role/admin';

async function run(event: Record<string, unknown>, pool: { roles?: unknown; mappings?: unknown; error?: Error } = {}): Promise<Run> {
  const calls: Run['calls'] = [];
  const response = { url: '', method: '', body: undefined as any };
  class Command {
    constructor(public readonly input: unknown) {}
  }
  const sdk = {
    DescribeIdentityPoolCommand: class DescribeIdentityPoolCommand extends Command {},
    GetIdentityPoolRolesCommand: class GetIdentityPoolRolesCommand extends Command {},
    CognitoIdentityClient: class {
      constructor(private readonly config: { region: string }) {}
      public async send(command: Command): Promise<unknown> {
        calls.push([this.config.region, command.constructor.name, command.input]);
        if (pool.error) {
          throw pool.error;
        }
        return command instanceof sdk.DescribeIdentityPoolCommand
          ? { IdentityPoolId: POOL_ID, IdentityPoolName: 'photos' }
          : { IdentityPoolId: POOL_ID, Roles: pool.roles, RoleMappings: pool.mappings };
      }
    },
  };
  const https = {
    request(url: string, options: { method: string }, callback: (res: unknown) => void) {
      response.url = url;
      response.method = options.method;
      return {
        on: () => undefined,
        end(body: string) {
          response.body = JSON.parse(body);
          const handlers: Record<string, () => void> = {};
          callback({ resume: () => undefined, on: (name: string, handler: () => void) => { handlers[name] = handler; } });
          handlers.end();
        },
      };
    },
  };
  const module = { exports: {} as any };
  const modules: Record<string, unknown> = { '@aws-sdk/client-cognito-identity': sdk, 'https': https };
  const sandbox = { require: (name: string) => modules[name], exports: module.exports, module, Buffer, String, Object, Set, Promise, JSON };
  vm.runInNewContext(VERIFY_ROLES_HANDLER, sandbox);
  await module.exports.handler({
    StackId: 'stack-id', RequestId: 'request-id', LogicalResourceId: 'PoolRolesCheck', ResponseURL: 'https://cloudformation.example/response', ...event,
  }, { logStreamName: 'log-stream' });
  return { calls, response };
}

const create = (properties: Record<string, unknown>) => ({ RequestType: 'Create', ResourceProperties: { IdentityPoolId: POOL_ID, ...properties } });

describe('the deploy-time check of an imported pool\'s roles', () => {
  test('fits in an inline ZipFile (4096 bytes)', () => {
    expect(Buffer.byteLength(VERIFY_ROLES_HANDLER)).toBeLessThanOrEqual(4096);
  });

  test('calls DescribeIdentityPool and GetIdentityPoolRoles on the pool, in its own region, and succeeds when the roles match', async () => {
    // WHEN
    const { calls, response } = await run(create({ AuthenticatedRoleArn: AUTH, UnauthenticatedRoleArn: GUEST, MappedRoleArns: [ADMIN] }), {
      roles: { authenticated: AUTH, unauthenticated: GUEST },
      mappings: { cognito: { Type: 'Rules', RulesConfiguration: { Rules: [{ Claim: 'cognito:groups', MatchType: 'Contains', Value: 'admin', RoleARN: ADMIN }] } } },
    });

    // THEN
    expect(calls).toEqual([
      ['eu-west-1', 'DescribeIdentityPoolCommand', { IdentityPoolId: POOL_ID }],
      ['eu-west-1', 'GetIdentityPoolRolesCommand', { IdentityPoolId: POOL_ID }],
    ]);
    expect(response).toEqual({
      url: 'https://cloudformation.example/response',
      method: 'PUT',
      body: { Status: 'SUCCESS', Reason: 'OK', PhysicalResourceId: POOL_ID, StackId: 'stack-id', RequestId: 'request-id', LogicalResourceId: 'PoolRolesCheck' },
    });
  });

  test('fails naming every role that differs', async () => {
    const { response } = await run(create({ AuthenticatedRoleArn: AUTH, MappedRoleArns: [ADMIN] }), {
      roles: { authenticated: 'arn:aws:iam::123456789012:role/other', unauthenticated: GUEST },
    });
    expect(response.body.Status).toBe('FAILED');
    expect(response.body.Reason).toBe(
      `the authenticated role of identity pool photos (${POOL_ID}) is arn:aws:iam::123456789012:role/other, not ${AUTH} as given to the stack; `
      + `the unauthenticated role of identity pool photos (${POOL_ID}) is ${GUEST}, not none as given to the stack; `
      + `no role mapping rule of identity pool photos (${POOL_ID}) hands out ${ADMIN}`);
  });

  test('fails when the pool has no authenticated role but one was given', async () => {
    const { response } = await run(create({ AuthenticatedRoleArn: AUTH }), { roles: {} });
    expect(response.body).toMatchObject({
      Status: 'FAILED',
      Reason: `the authenticated role of identity pool photos (${POOL_ID}) is not set, not ${AUTH} as given to the stack`,
    });
  });

  test('an update is checked like a create', async () => {
    const { calls, response } = await run({ ...create({ AuthenticatedRoleArn: AUTH }), RequestType: 'Update', PhysicalResourceId: POOL_ID }, { roles: { authenticated: AUTH } });
    expect(calls.map(call => call[1])).toEqual(['DescribeIdentityPoolCommand', 'GetIdentityPoolRolesCommand']);
    expect(response.body.Status).toBe('SUCCESS');
  });

  test('fails with the service\'s error when the pool cannot be read', async () => {
    const error = Object.assign(new Error('IdentityPool \'eu-west-1:...\' not found.'), { name: 'ResourceNotFoundException' });
    const { response } = await run(create({ AuthenticatedRoleArn: AUTH }), { error });
    expect(response.body).toMatchObject({
      Status: 'FAILED',
      Reason: `Could not read identity pool ${POOL_ID}: ResourceNotFoundException: IdentityPool 'eu-west-1:...' not found.`,
      PhysicalResourceId: POOL_ID,
    });
  });

  test('a delete makes no call and succeeds, so a failed create rolls back cleanly', async () => {
    const { calls, response } = await run({ ...create({ AuthenticatedRoleArn: AUTH }), RequestType: 'Delete', PhysicalResourceId: POOL_ID });
    expect(calls).toEqual([]);
    expect(response.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: POOL_ID });
  });
});
