import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { IIdentityPool } from './identity-pool-interface';
import { checkClientOfUserPool } from './private/construct-time/user-pool-pairing';
import { configError } from './private/messages/errors';
import { checkStruct, checkStructKeys, checkUserPoolProviderPropsShape } from './private/shapes/shapes';

/**
 * Options for binding a user pool provider to an identity pool; reserved for future use.
 */
export interface UserPoolAuthenticationProviderBindOptions {}

/**
 * What a user pool provider contributes to an identity pool.
 */
export interface UserPoolAuthenticationProviderBindConfig {
  /** The app client id users sign in through. */
  readonly clientId: string;

  /** The user pool's provider name, `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly providerName: string;

  /** Whether Cognito checks with the user pool that the user is still signed in. */
  readonly serverSideTokenCheck: boolean;

  /** The app client users sign in through. */
  readonly userPoolClient: IUserPoolClient;
}

/**
 * A user pool whose users may sign in to an identity pool. Implement it to plug in
 * your own way of choosing the pool and client.
 */
export interface IUserPoolAuthenticationProvider {
  /**
   * Called when the provider is added to an identity pool: returns the user pool provider and
   * app client the pool lets users sign in through.
   *
   * @param scope the identity pool's scope for anything the provider creates
   * @param identityPool the identity pool the provider is added to
   * @param options reserved for future use; by default, none
   */
  bind(
    scope: Construct,
    identityPool: IIdentityPool,
    options?: UserPoolAuthenticationProviderBindOptions,
  ): UserPoolAuthenticationProviderBindConfig;
}

/**
 * Properties of a `UserPoolAuthenticationProvider`.
 */
export interface UserPoolAuthenticationProviderProps {
  /** The user pool whose users may sign in. */
  readonly userPool: IUserPool;

  /**
   * The app client users sign in through.
   * @default - the client with id `UserPoolAuthenticationProviderClient` on the user pool,
   * created with OAuth disabled (no implicit flow, no callback URL) and no secret, or reused
   * when another provider already created it
   */
  readonly userPoolClient?: IUserPoolClient;

  /**
   * Turn off the server-side token check, which makes Cognito ask the user pool that the
   * user has not been signed out globally or deleted before handing out credentials.
   * @default false - the check is on
   */
  readonly disableServerSideTokenCheck?: boolean;
}

/** The construct id of the client created for a provider: API, since it fixes the logical id. */
const DEFAULT_CLIENT_ID = 'UserPoolAuthenticationProviderClient';

/**
 * A Cognito user pool, and the app client its users sign in through, as an identity
 * pool authentication provider.
 */
export class UserPoolAuthenticationProvider implements IUserPoolAuthenticationProvider {
  private readonly userPool: IUserPool;
  private userPoolClient?: IUserPoolClient;
  private readonly disableServerSideTokenCheck: boolean;

  /**
   * Creates a provider for a user pool and the app client its users sign in through.
   *
   * @param props the user pool, and optionally its app client and the server-side token check
   */
  constructor(props: UserPoolAuthenticationProviderProps) {
    checkUserPoolProviderPropsShape(props);
    if (props.userPoolClient !== undefined) {
      checkClientOfUserPool('UserPoolAuthenticationProvider', 'userPoolClient', props.userPool, props.userPoolClient);
    }
    this.userPool = props.userPool;
    this.userPoolClient = props.userPoolClient;
    this.disableServerSideTokenCheck = props.disableServerSideTokenCheck ?? false;
  }

  /**
   * Returns the user pool's provider name and the app client users sign in through, creating
   * the default client on the user pool on first use when none was given.
   *
   * @param scope the identity pool's scope (not used: the client belongs to the user pool)
   * @param identityPool the identity pool the provider is added to (not used)
   * @param options reserved for future use; by default, none
   */
  public bind(
    scope: Construct,
    identityPool: IIdentityPool,
    options?: UserPoolAuthenticationProviderBindOptions,
  ): UserPoolAuthenticationProviderBindConfig {
    // The parameter names are API: they must be the interface's, which Python users pass as
    // keywords and pyright matches a class against its protocol by. This provider needs none of
    // them; its options struct has no property, so any key given is one that would be dropped.
    void identityPool;
    checkStructKeys(scope, 'bind options', checkStruct(scope, 'bind options', options), 'UserPoolAuthenticationProviderBindOptions');
    const userPoolClient = this.resolveClient();
    return {
      clientId: userPoolClient.userPoolClientId,
      providerName: this.userPool.userPoolProviderName,
      serverSideTokenCheck: !this.disableServerSideTokenCheck,
      userPoolClient,
    };
  }

  /** The given client, else the default client on the user pool, created once. */
  private resolveClient(): IUserPoolClient {
    if (!this.userPoolClient) {
      const existing = this.userPool.node.tryFindChild(DEFAULT_CLIENT_ID);
      if (existing === undefined) {
        // No OAuth (so no implicit flow and no placeholder callback URL), and sign-in errors that
        // do not tell whether a user exists (preventUserExistenceErrors, not LEGACY). The secret is left
        // to the default (none) rather than set: rendering GenerateSecret would replace the
        // client that aws-cdk-lib's module created, on migration.
        this.userPoolClient = this.userPool.addClient(DEFAULT_CLIENT_ID, { disableOAuth: true, preventUserExistenceErrors: true });
      } else if (isUserPoolClient(existing)) {
        this.userPoolClient = existing;
      } else {
        configError(this.userPool, 'userPoolClient',
          `is required when the user pool already has a child named ${DEFAULT_CLIENT_ID} that is not a UserPoolClient`, existing.node.path);
      }
    }
    return this.userPoolClient;
  }
}

function isUserPoolClient(construct: object): construct is IUserPoolClient {
  return 'userPoolClientId' in construct;
}
