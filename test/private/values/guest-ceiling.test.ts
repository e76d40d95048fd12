import { GUEST_CEILING, GUEST_CEILING_DOC_URL, withinGuestCeiling } from '../../../src/private/values/guest-ceiling';

describe('the ceiling of guest credentials in the enhanced flow', () => {
  test('links the Access policies section of the developer guide', () => {
    expect(GUEST_CEILING_DOC_URL).toBe('https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#access-policies');
  });

  test('holds the inline and the managed session policy, each pattern once', () => {
    expect(GUEST_CEILING).toEqual(expect.arrayContaining([
      's3:*', 'dynamodb:*', 'execute-api:*', 'cognito-idp:*', 'lambda:*', 'sdb:*', 'textract:AnalyzeDocument',
      'rum:PutRumEvents', 'geo:GetMap*', 'geo:ListMaps', 'kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext',
    ]));
    expect(new Set(GUEST_CEILING).size).toBe(GUEST_CEILING.length);
    expect(GUEST_CEILING.filter(pattern => pattern === 'sagemaker:InvokeEndpoint')).toHaveLength(1);
  });

  test('holds only letters, digits, -, : and the * wildcard, none special in a regular expression but *', () => {
    expect(GUEST_CEILING.filter(pattern => !/^[A-Za-z0-9:*-]+$/.test(pattern))).toEqual([]);
  });

  test.each([
    's3:GetObject',
    's3:*',
    's3:Get*',
    'S3:GETOBJECT',
    'dynamodb:Query',
    'execute-api:Invoke',
    'lambda:InvokeFunction',
    'cognito-identity:GetId',
    'kms:Decrypt',
    'sagemaker:InvokeEndpoint',
    'textract:DetectDocumentText',
    'rum:PutRumEvents',
    'geo:GetMapTile',
    'geo:BatchPutGeofence',
    'geo:ListGeofences',
    'geo:GetDevicePositionHistory',
    'geo:SearchPlaceIndexForText',
    'polly:SynthesizeSpeech',
    'sqs:Send?essage',
  ])('%s lies inside', action => {
    expect(withinGuestCeiling(action)).toBe(true);
  });

  test.each([
    '*',
    '*:*',
    's*:*',
    'ssm:GetParameter',
    'secretsmanager:GetSecretValue',
    'bedrock:InvokeModel',
    'sts:AssumeRole',
    'iam:PassRole',
    'kms:*',
    'kms:CreateKey',
    'kms:Generate*',
    'sagemaker:*',
    'sagemaker:InvokeEndpointAsync',
    'textract:StartDocumentAnalysis',
    'rum:*',
    'geo:CreateMap',
    'geo:*',
    'states:StartExecution',
  ])('%s reaches outside', action => {
    expect(withinGuestCeiling(action)).toBe(false);
  });

  test('a wildcard spanning several patterns only together counts as outside (patterns, not action lists, are judged)', () => {
    expect(withinGuestCeiling('kms:GenerateDataKey')).toBe(true);
    expect(withinGuestCeiling('kms:GenerateDataKeyPair')).toBe(true);
    expect(withinGuestCeiling('kms:GenerateDataKey*')).toBe(false);
  });
});

describe('the ceiling, pattern by pattern', () => {
  // The inline session policy of guest credentials and AmazonCognitoUnAuthedIdentitiesSessionPolicy (v3, plus geo:ListMaps of
  // v4), as documented (see src/private/values/guest-ceiling.ts for the sources and the date they were read).
  const INLINE = ['cloudwatch:*', 'logs:*', 'dynamodb:*', 'kinesis:*', 'mobileanalytics:*', 's3:*', 'ses:*', 'sns:*', 'sqs:*', 'lambda:*',
    'machinelearning:*', 'execute-api:*', 'iot:*', 'gamelift:*', 'cognito-identity:*', 'cognito-idp:*', 'lex:*', 'polly:*', 'comprehend:*',
    'translate:*', 'transcribe:*', 'rekognition:*', 'mobiletargeting:*', 'firehose:*', 'appsync:*', 'personalize:*', 'sagemaker:InvokeEndpoint',
    'cognito-sync:*', 'codewhisperer:*', 'textract:DetectDocumentText', 'textract:AnalyzeDocument', 'sdb:*', 'sumerian:View*'];
  const MANAGED = ['rum:PutRumEvents', 'sagemaker:InvokeEndpoint', 'polly:*', 'comprehend:*', 'translate:*', 'transcribe:*', 'rekognition:*',
    'mobiletargeting:*', 'firehose:*', 'personalize:*', 'geo:GetMap*', 'geo:ListMaps', 'geo:SearchPlaceIndex*', 'geo:GetPlace',
    'geo:CalculateRoute*', 'geo:*Geofence', 'geo:*Geofences', 'geo:*DevicePosition*', 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptTo',
    'kms:ReEncryptFrom', 'kms:GenerateDataKey', 'kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext',
    'kms:GenerateDataKeyWithoutPlaintext'];

  test('is the union of both session policies, inline first, each pattern once', () => {
    expect(GUEST_CEILING).toEqual([...new Set([...INLINE, ...MANAGED])]);
  });

  /** An action a pattern allows: its wildcards filled in. */
  const actionOf = (pattern: string) => pattern.replace(/\*/g, 'Anything');

  test.each([...new Set([...INLINE, ...MANAGED])])('an action %s allows lies inside', pattern => {
    expect(withinGuestCeiling(actionOf(pattern))).toBe(true);
    expect(withinGuestCeiling(pattern)).toBe(true);
  });
});
