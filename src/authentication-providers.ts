import type { IOpenIdConnectProvider, ISamlProvider } from 'aws-cdk-lib/aws-iam';
import type { IUserPoolAuthenticationProvider } from './user-pool-authentication-provider';

/**
 * Login with Amazon, attached directly to the identity pool.
 */
export interface IdentityPoolAmazonLoginProvider {
  /** The app id of the Login with Amazon application. */
  readonly appId: string;
}

/**
 * Facebook Login, attached directly to the identity pool.
 */
export interface IdentityPoolFacebookLoginProvider {
  /** The Facebook app id. */
  readonly appId: string;
}

/**
 * Google Sign-In, attached directly to the identity pool.
 */
export interface IdentityPoolGoogleLoginProvider {
  /** The Google OAuth client id. */
  readonly clientId: string;
}

/**
 * Sign in with Apple, attached directly to the identity pool.
 */
export interface IdentityPoolAppleLoginProvider {
  /** The Apple services id. */
  readonly servicesId: string;
}

/**
 * Twitter, attached directly to the identity pool.
 *
 * Cognito stores the key and secret as one value, `<consumerKey>;<consumerSecret>`,
 * readable by anyone who may call `DescribeIdentityPool`.
 */
export interface IdentityPoolTwitterLoginProvider {
  /** The Twitter consumer key. */
  readonly consumerKey: string;
  /** The Twitter consumer secret. */
  readonly consumerSecret: string;
}

/**
 * The providers whose users may sign in to the identity pool.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/external-identity-providers.html
 */
export interface IdentityPoolAuthenticationProviders {
  /**
   * Facebook Login.
   * @default - Facebook users cannot sign in
   */
  readonly facebook?: IdentityPoolFacebookLoginProvider;

  /**
   * Google Sign-In.
   * @default - Google users cannot sign in
   */
  readonly google?: IdentityPoolGoogleLoginProvider;

  /**
   * Login with Amazon.
   * @default - Amazon users cannot sign in
   */
  readonly amazon?: IdentityPoolAmazonLoginProvider;

  /**
   * Sign in with Apple.
   * @default - Apple users cannot sign in
   */
  readonly apple?: IdentityPoolAppleLoginProvider;

  /**
   * Twitter.
   * @default - Twitter users cannot sign in
   */
  readonly twitter?: IdentityPoolTwitterLoginProvider;

  /**
   * Cognito user pools, each with the app client its users sign in through.
   * More can be added with `IdentityPool.addUserPoolAuthentication`. Past 50, Cognito's default
   * (adjustable) quota, the pool carries the warning `cdk-identity-pool:userPoolProviderQuota`.
   * @default - no user pool users can sign in, until one is added
   */
  readonly userPools?: IUserPoolAuthenticationProvider[];

  /**
   * OpenID Connect providers registered in IAM.
   * @default - no OpenID Connect provider's users can sign in
   */
  readonly openIdConnectProviders?: IOpenIdConnectProvider[];

  /**
   * SAML 2.0 providers registered in IAM.
   * @default - no SAML provider's users can sign in
   */
  readonly samlProviders?: ISamlProvider[];

  /**
   * The developer provider name, for developer authenticated identities: your backend
   * calls `GetOpenIdTokenForDeveloperIdentity` with this name as the logins key.
   * It cannot be changed once the pool is deployed.
   * @default - no developer authenticated identities
   */
  readonly customProvider?: string;
}
