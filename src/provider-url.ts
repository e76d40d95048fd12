import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { checkClientOfUserPool } from './private/construct-time/user-pool-pairing';
import { SOCIAL_PROVIDER_NAMES } from './private/render/login-providers';
import * as shapes from './private/shapes/shapes';

/**
 * The kinds of identity provider a role mapping can name.
 */
export enum IdentityPoolProviderType {
  /** Facebook. */
  FACEBOOK = 'Facebook',
  /** Google. */
  GOOGLE = 'Google',
  /** Login with Amazon. */
  AMAZON = 'Amazon',
  /** Sign in with Apple. */
  APPLE = 'Apple',
  /** Twitter. */
  TWITTER = 'Twitter',
  /** An OpenID Connect provider registered in IAM. */
  OPEN_ID = 'OpenId',
  /** A SAML provider registered in IAM. */
  SAML = 'Saml',
  /** A Cognito user pool, with one of its app clients. */
  USER_POOL = 'UserPool',
  /** Any other provider, named by its URL. */
  CUSTOM = 'Custom',
}

/**
 * The identity provider a role mapping applies to, as Cognito names it
 * (no scheme: `graph.facebook.com`, `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html
 */
export class IdentityPoolProviderUrl {
  /** Facebook: `graph.facebook.com`. */
  public static readonly FACEBOOK = new IdentityPoolProviderUrl(IdentityPoolProviderType.FACEBOOK, SOCIAL_PROVIDER_NAMES.facebook);

  /** Google: `accounts.google.com`. */
  public static readonly GOOGLE = new IdentityPoolProviderUrl(IdentityPoolProviderType.GOOGLE, SOCIAL_PROVIDER_NAMES.google);

  /** Login with Amazon: `www.amazon.com`. */
  public static readonly AMAZON = new IdentityPoolProviderUrl(IdentityPoolProviderType.AMAZON, SOCIAL_PROVIDER_NAMES.amazon);

  /** Sign in with Apple: `appleid.apple.com`. */
  public static readonly APPLE = new IdentityPoolProviderUrl(IdentityPoolProviderType.APPLE, SOCIAL_PROVIDER_NAMES.apple);

  /** Twitter: `api.twitter.com`. */
  public static readonly TWITTER = new IdentityPoolProviderUrl(IdentityPoolProviderType.TWITTER, SOCIAL_PROVIDER_NAMES.twitter);

  /**
   * An OpenID Connect provider, by its issuer URL without the scheme
   * (for example `oidc.example.com`).
   *
   * @param url the issuer URL without `https://`
   */
  public static openId(url: string): IdentityPoolProviderUrl {
    shapes.checkStringShape('IdentityPoolProviderUrl.openId', 'url', url, true);
    return new IdentityPoolProviderUrl(IdentityPoolProviderType.OPEN_ID, url);
  }

  /**
   * A SAML provider, by its IAM provider ARN.
   *
   * @param url the SAML provider's ARN, `arn:<partition>:iam::<account>:saml-provider/<name>`
   */
  public static saml(url: string): IdentityPoolProviderUrl {
    shapes.checkStringShape('IdentityPoolProviderUrl.saml', 'url', url, true);
    return new IdentityPoolProviderUrl(IdentityPoolProviderType.SAML, url);
  }

  /**
   * A user pool and one of its app clients:
   * `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`, taken from the user pool's own
   * provider name, so an imported user pool from another region is named correctly.
   *
   * @param userPool the user pool
   * @param userPoolClient the app client its users sign in through
   */
  public static userPool(userPool: IUserPool, userPoolClient: IUserPoolClient): IdentityPoolProviderUrl {
    shapes.checkKind('IdentityPoolProviderUrl.userPool', 'userPool', userPool, shapes.USER_POOL, true);
    shapes.checkKind('IdentityPoolProviderUrl.userPool', 'userPoolClient', userPoolClient, shapes.USER_POOL_CLIENT, true);
    checkClientOfUserPool('IdentityPoolProviderUrl.userPool', 'userPoolClient', userPool, userPoolClient);
    return new IdentityPoolProviderUrl(
      IdentityPoolProviderType.USER_POOL,
      `${userPool.userPoolProviderName}:${userPoolClient.userPoolClientId}`,
    );
  }

  /**
   * A user pool and app client given as one string,
   * `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`.
   *
   * This is the string form the alpha module's `userPool(url)` took; jsii has no
   * overloads, so it has its own name here.
   *
   * @param url `cognito-idp.<region>.amazonaws.com/<poolId>:<clientId>`
   */
  public static userPoolUrl(url: string): IdentityPoolProviderUrl {
    shapes.checkStringShape('IdentityPoolProviderUrl.userPoolUrl', 'url', url, true);
    return new IdentityPoolProviderUrl(IdentityPoolProviderType.USER_POOL, url);
  }

  /**
   * Any other provider, such as a developer provider, by its name.
   *
   * @param url the provider's name, as the pool is configured with it
   */
  public static custom(url: string): IdentityPoolProviderUrl {
    shapes.checkStringShape('IdentityPoolProviderUrl.custom', 'url', url, true);
    return new IdentityPoolProviderUrl(IdentityPoolProviderType.CUSTOM, url);
  }

  private constructor(
    /** The kind of provider. */
    public readonly type: IdentityPoolProviderType,
    /** The provider's name as Cognito uses it in role mappings. */
    public readonly value: string,
  ) {}
}
