import type { CfnIdentityPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { IdentityPool } from './identity-pool';
import { CfnOutput, CfnUserPoolClient, Fn, Lazy, Stack, Token } from './private/cdk/bindings';
import { configError, configErrorMessage } from './private/messages/errors';
import { checkFrontendOutputsShape, checkKind, IDENTITY_POOL } from './private/shapes/shapes';
import type { UserPoolProviderEntry } from './private/synth/facts';
import { brand, FRONTEND_OUTPUTS_BRAND } from './private/synth/facts';
import { SynthRegistry } from './private/synth/pipeline';
import { sameValue } from './private/values/same-value';

/**
 * Options for publishing an identity pool's front end configuration as stack outputs.
 */
export interface IdentityPoolFrontendOutputsOptions {
  /**
   * A prefix for every output id, of letters and digits, so that several pools can publish
   * their outputs in one stack (output ids are unique in a stack).
   * @default - no prefix: the ids are `IdentityPoolId`, `IdentityPoolRegion`, ...
   */
  readonly outputPrefix?: string;

  /**
   * The app client whose user pool and client id the Amplify configuration names (Amplify signs
   * in to one user pool). It must be the client of one of the pool's user pool providers.
   * @default - the client of the pool's first user pool provider; none when the pool has no user
   * pool provider
   */
  readonly amplifyUserPoolClient?: IUserPoolClient;

  /**
   * Also publish the roles of the pool's user pool groups (`addUserPoolGroupRole`, those added
   * later included), as the output `<prefix>GroupRoles`: a JSON list of
   * `{"groupName":...,"roleArn":...}`, in the order they were added, so a client can ask for one
   * of a user's roles with `CustomRoleArn` (a user in several groups gets the preferred one).
   * @default false - no group role output
   */
  readonly includeGroupRoles?: boolean;
}

/**
 * Properties of an `IdentityPoolFrontendOutputs`.
 */
export interface IdentityPoolFrontendOutputsProps extends IdentityPoolFrontendOutputsOptions {
  /** The identity pool whose configuration is published. */
  readonly identityPool: IdentityPool;
}

/** One output: its id (before the prefix) and description. */
interface OutputSpec {
  readonly name: string;
  readonly description: string;
}

const PREFIX_PATTERN = /^[A-Za-z0-9]{0,200}$/;

/**
 * An identity pool's front end configuration, as stack outputs, so that
 * `cdk deploy --outputs-file outputs.json` hands a web or mobile app what it needs:
 *
 * - `<prefix>IdentityPoolId`, `<prefix>IdentityPoolRegion`, `<prefix>IdentityPoolAllowGuestAccess`
 *   (`true` or `false`);
 * - for each user pool provider, numbered from 1 in the order they were added (props first):
 *   `<prefix>UserPool<n>Id`, `<prefix>UserPool<n>ClientId`, and `<prefix>UserPool<n>LoginsKey`, the
 *   key of the user's ID token in the logins map (`cognito-idp.<region>.amazonaws.com/<userPoolId>`);
 *   providers added later get their outputs too;
 * - `<prefix>AmplifyConfiguration`: the JSON that Amplify JS v6's `Amplify.configure` reads,
 *   `{"Auth":{"Cognito":{"identityPoolId":...,"userPoolId":...,"userPoolClientId":...,"allowGuestAccess":...}}}`.
 *
 * The output ids are API: they stay the same as long as the prefix and the order of the user pool
 * providers do.
 */
export class IdentityPoolFrontendOutputs extends Construct {
  /**
   * The Amplify JS v6 configuration, as a JSON string (a token), for use elsewhere in the app,
   * such as a `config.json` deployed with the front end.
   */
  public readonly amplifyConfiguration: string;

  /** The prefix of the output ids. */
  public readonly outputPrefix: string;

  private readonly identityPool: IdentityPool;
  private readonly amplifyUserPoolClient?: IUserPoolClient;
  private readonly userPools: Array<{ readonly entry: UserPoolProviderEntry; readonly userPoolId: string }> = [];

  /**
   * @param scope the scope of the outputs (`IdentityPool.addFrontendOutputs` uses the pool)
   * @param id the construct id
   * @param props the identity pool and the output options
   */
  /**
   * Publishes the front end configuration of an identity pool as outputs of its stack.
   *
   * @param scope the scope, usually the identity pool
   * @param id the construct id (`IdentityPool.addFrontendOutputs` uses `FrontendOutputs`)
   * @param props the identity pool, and the output prefix and Amplify client
   */
  constructor(scope: Construct, id: string, props: IdentityPoolFrontendOutputsProps) {
    super(scope, id);
    checkFrontendOutputsShape(this, props);
    checkKind(this, 'identityPool', props.identityPool, IDENTITY_POOL, true);
    const prefix = props.outputPrefix ?? '';
    if (Token.isUnresolved(prefix) || !PREFIX_PATTERN.test(prefix)) {
      configError(this, 'outputPrefix', 'must be a plain string of at most 200 letters and digits, since output ids are', prefix);
    }
    this.outputPrefix = prefix;
    this.identityPool = props.identityPool;
    this.amplifyUserPoolClient = props.amplifyUserPoolClient;

    const pool = this.identityPool;
    const resource = pool.node.defaultChild as CfnIdentityPool;
    this.output({ name: 'IdentityPoolId', description: 'The identity pool id' }, pool.identityPoolId);
    this.output({ name: 'IdentityPoolRegion', description: 'The identity pool\'s region' }, Stack.of(pool).region);
    this.output({ name: 'IdentityPoolAllowGuestAccess', description: 'Whether guests get credentials (true or false)' },
      Lazy.string({ produce: () => guestAccessText(resource) }));

    for (const entry of pool._settings?.userPoolProviderEntries ?? []) {
      this.addUserPool(entry);
    }
    pool._onUserPoolProviderAdded(entry => this.addUserPool(entry));

    this.amplifyConfiguration = Lazy.string({ produce: () => Stack.of(this).toJsonString(this.renderAmplifyConfiguration(resource)) });
    this.output({ name: 'AmplifyConfiguration', description: 'The configuration of Amplify JS v6 (Amplify.configure)' }, this.amplifyConfiguration);
    if (props.includeGroupRoles === true) {
      this.output({ name: 'GroupRoles', description: 'The roles of the user pool groups, by group name (for CustomRoleArn)' },
        Lazy.string({
          produce: () => Stack.of(this).toJsonString(pool._groupRoles.map(groupRole => ({
            groupName: groupRole.group.groupName,
            roleArn: groupRole.role.roleArn,
          }))),
        }));
    }
    brand(this, FRONTEND_OUTPUTS_BRAND);
  }

  private addUserPool(entry: UserPoolProviderEntry): void {
    const number = this.userPools.length + 1;
    const userPoolId = userPoolIdOf(entry);
    this.userPools.push({ entry, userPoolId });
    this.output({ name: `UserPool${number}Id`, description: `The user pool id of user pool provider ${number}` }, userPoolId);
    this.output({ name: `UserPool${number}ClientId`, description: `The app client id of user pool provider ${number}` }, entry.clientId);
    this.output({ name: `UserPool${number}LoginsKey`, description: `The logins map key of user pool provider ${number}'s ID tokens` }, entry.providerName);
  }

  private output(spec: OutputSpec, value: string): void {
    const logicalId = `${this.outputPrefix}${spec.name}`;
    const stack = Stack.of(this);
    const outputIds = SynthRegistry.of(stack).outputIds;
    let taken = outputIds.get(stack);
    if (taken === undefined) {
      taken = new Map();
      outputIds.set(stack, taken);
    }
    const other = taken.get(logicalId);
    if (other !== undefined) {
      configError(this, 'outputPrefix',
        `must set the outputs of this identity pool apart from those of ${other}, which already publishes the output ${logicalId}: `
        + 'output ids are unique in a stack', this.outputPrefix);
    }
    taken.set(logicalId, this.node.path);
    const output = new CfnOutput(this, spec.name, { value, description: spec.description });
    output.overrideLogicalId(logicalId);
  }

  /** The user pool provider the Amplify configuration names: the one chosen, else the first. */
  private amplifyUserPool(): { readonly entry: UserPoolProviderEntry; readonly userPoolId: string } | undefined {
    const client = this.amplifyUserPoolClient;
    if (client === undefined) {
      return this.userPools[0];
    }
    return this.userPools.find(candidate => sameValue(this, candidate.entry.clientId, client.userPoolClientId));
  }

  private renderAmplifyConfiguration(resource: CfnIdentityPool): object {
    const userPool = this.amplifyUserPool();
    return {
      Auth: {
        Cognito: {
          identityPoolId: this.identityPool.identityPoolId,
          ...(userPool === undefined ? {} : { userPoolId: userPool.userPoolId, userPoolClientId: userPool.entry.clientId }),
          allowGuestAccess: resource.allowUnauthenticatedIdentities,
        },
      },
    };
  }

  /**
   * What is wrong with the app client Amplify signs in through, once every provider is added
   * (read by the synth rule `amplify-client`); undefined when nothing is.
   * @internal
   */
  public _amplifyClientProblem(): string | undefined {
    const client = this.amplifyUserPoolClient;
    if (client === undefined || this.amplifyUserPool() !== undefined) {
      return undefined;
    }
    return configErrorMessage('amplifyUserPoolClient',
      `must be the app client of one of the user pool providers of ${this.identityPool.node.path}`, client.node.path);
  }
}

/**
 * A user pool provider's user pool id: its client's, when the client is defined in the app, else
 * the end of its provider name (`cognito-idp.<region>.amazonaws.com/<userPoolId>`).
 */
function userPoolIdOf(entry: UserPoolProviderEntry): string {
  const resource = entry.userPoolClient.node.defaultChild;
  if (resource instanceof CfnUserPoolClient) {
    return resource.userPoolId;
  }
  // A concrete provider name has the form cognito-idp.<region>.amazonaws.com/<userPoolId> (checked when it
  // was added); one with tokens is cut at deploy time unless its tail after the last / is concrete.
  const tail = entry.providerName.slice(entry.providerName.lastIndexOf('/') + 1);
  return tail !== '' && !Token.isUnresolved(tail) ? tail : Fn.select(1, Fn.split('/', entry.providerName));
}

/** `AllowUnauthenticatedIdentities` as an output's text: `true` or `false` (escape hatches included). */
function guestAccessText(resource: CfnIdentityPool): string {
  const value = resource.allowUnauthenticatedIdentities;
  return typeof value === 'boolean' ? String(value) : Token.asString(value);
}
