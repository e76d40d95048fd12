/**
 * The ceiling of guest credentials in the enhanced (simplified) flow.
 *
 * When `GetCredentialsForIdentity` hands credentials to an unauthenticated identity, Cognito
 * passes two session policies to STS: an inline one and the AWS managed policy
 * `AmazonCognitoUnAuthedIdentitiesSessionPolicy`. A call is then allowed only when the guest
 * role's own policies allow it and one of the session policies does too, so anything else the
 * role grants is denied at run time ("no session policy allows"), with nothing in the template to
 * say why (aws/aws-sdk-js#4303). The classic (basic) flow has no such ceiling.
 *
 * Sources, checked on 2026-12-01:
 * - The "Access policies" section of the developer guide's "IAM roles" page (GUEST_CEILING_DOC_URL):
 *   the services guests can reach (AppSync, CloudWatch, Cognito Identity, Cognito Sync, Comprehend,
 *   DynamoDB, GameLift, IoT, KMS, Kinesis Data Firehose, Kinesis Data Streams, Lambda, Lex, Location,
 *   Machine Learning, Mobile Analytics, Pinpoint, Polly, Rekognition, SimpleDB, SES, SNS, SQS, S3,
 *   Sumerian, Transcribe, Translate, with only some actions of KMS, SageMaker, Textract and
 *   Sumerian), and the inline session policy, INLINE_SESSION_POLICY_ACTIONS below (it adds
 *   `cognito-idp`, `execute-api`, `logs`, `personalize` and `codewhisperer` to that list). The
 *   page itself could not be read whole here: the service list is from its source in
 *   awsdocs/amazon-cognito-developer-guide (doc_source/iam-roles.md), the inline policy from a
 *   copy of the current page's JSON, and the two agree.
 * - The AWS managed policy reference, "AmazonCognitoUnAuthedIdentitiesSessionPolicy", version v3
 *   (edited 2024-11-01): MANAGED_SESSION_POLICY_ACTIONS below. `geo:ListMaps` comes from its v4
 *   (May 2026), which two public trackers of managed policies show and the v3 page predates.
 *
 * Both lists are unions of what guests may call: an action matched by either passes. A list that
 * is too wide only misses a warning, never raises a wrong one.
 */

/** Where the ceiling is documented; every warning about it links here. */
export const GUEST_CEILING_DOC_URL = 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#access-policies';

/** The inline session policy of guest credentials. */
const INLINE_SESSION_POLICY_ACTIONS: readonly string[] = [
  'cloudwatch:*',
  'logs:*',
  'dynamodb:*',
  'kinesis:*',
  'mobileanalytics:*',
  's3:*',
  'ses:*',
  'sns:*',
  'sqs:*',
  'lambda:*',
  'machinelearning:*',
  'execute-api:*',
  'iot:*',
  'gamelift:*',
  'cognito-identity:*',
  'cognito-idp:*',
  'lex:*',
  'polly:*',
  'comprehend:*',
  'translate:*',
  'transcribe:*',
  'rekognition:*',
  'mobiletargeting:*',
  'firehose:*',
  'appsync:*',
  'personalize:*',
  'sagemaker:InvokeEndpoint',
  'cognito-sync:*',
  'codewhisperer:*',
  'textract:DetectDocumentText',
  'textract:AnalyzeDocument',
  'sdb:*',
  // Amazon Sumerian (discontinued in 2023), "View*" in the guide's table of restricted actions.
  'sumerian:View*',
];

/** `AmazonCognitoUnAuthedIdentitiesSessionPolicy`. */
const MANAGED_SESSION_POLICY_ACTIONS: readonly string[] = [
  'rum:PutRumEvents',
  'sagemaker:InvokeEndpoint',
  'polly:*',
  'comprehend:*',
  'translate:*',
  'transcribe:*',
  'rekognition:*',
  'mobiletargeting:*',
  'firehose:*',
  'personalize:*',
  'geo:GetMap*',
  'geo:ListMaps',
  'geo:SearchPlaceIndex*',
  'geo:GetPlace',
  'geo:CalculateRoute*',
  'geo:*Geofence',
  'geo:*Geofences',
  'geo:*DevicePosition*',
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptTo',
  'kms:ReEncryptFrom',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:GenerateDataKeyWithoutPlaintext',
];

/** Every action pattern guest credentials may use, inline and managed session policy together. */
export const GUEST_CEILING: readonly string[] = [...new Set([...INLINE_SESSION_POLICY_ACTIONS, ...MANAGED_SESSION_POLICY_ACTIONS])];

/**
 * The ceiling's patterns as regular expressions over an action pattern of a statement: a `*` of
 * the ceiling matches anything, and every other character (a letter, a digit, `-` or `:`, none
 * special in a regular expression) itself, ignoring case as IAM does. So a statement's `*` or `?`
 * is only ever matched by a `*` of the ceiling, and a match means the statement's pattern lies
 * inside it.
 */
const CEILING_PATTERNS: readonly RegExp[] = GUEST_CEILING.map(pattern => new RegExp(`^${pattern.split('*').join('.*')}$`, 'i'));

/**
 * Whether every action the given action pattern (`s3:GetObject`, `s3:*`, `*`, ...) can match lies
 * within one pattern of the guest ceiling. A pattern that spans several ceiling patterns only
 * together (`kms:GenerateDataKey*`) counts as outside: this judges patterns, not the list of
 * actions each service has.
 */
export function withinGuestCeiling(action: string): boolean {
  return CEILING_PATTERNS.some(pattern => pattern.test(action));
}
