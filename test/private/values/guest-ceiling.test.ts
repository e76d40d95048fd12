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
