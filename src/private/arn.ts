import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { configError } from './errors';

/** The parts of an identity pool ARN that importers need. */
export interface IdentityPoolArnParts {
  readonly identityPoolId: string;
  readonly region: string;
  readonly account: string;
}

const ID_RULE = 'must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..."';
const ID_PATTERN = /^([a-z]{2}(?:-[a-z]+)+-\d+):[\w-]+$/;

/**
 * Checks a concrete identity pool id (`<region>:<id>`) and returns its region;
 * a token id returns undefined.
 */
export function identityPoolIdRegion(scope: IConstruct, property: string, identityPoolId: string): string | undefined {
  if (Token.isUnresolved(identityPoolId)) {
    return undefined;
  }
  const match = ID_PATTERN.exec(identityPoolId);
  if (!match) {
    configError(scope, property, ID_RULE, identityPoolId);
  }
  return match[1];
}

/**
 * Splits an identity pool ARN (`arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>`),
 * checking every concrete part; token parts pass.
 */
export function parseIdentityPoolArn(scope: IConstruct, identityPoolArn: string): IdentityPoolArnParts {
  const property = 'identityPoolArn';
  if (!Token.isUnresolved(identityPoolArn) && !/^arn:[\w-]+:[\w-]*:[\w-]*:\d*:.+$/.test(identityPoolArn)) {
    configError(scope, property, 'must be an ARN of the form arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id>', identityPoolArn);
  }
  const parts = Stack.of(scope).splitArn(identityPoolArn, ArnFormat.SLASH_RESOURCE_NAME);
  if (!Token.isUnresolved(parts.service) && parts.service !== 'cognito-identity') {
    configError(scope, property, `must be a cognito-identity ARN, not a ${parts.service} one`, identityPoolArn);
  }
  if (!Token.isUnresolved(parts.resource) && parts.resource !== 'identitypool') {
    configError(scope, property, `must name an identitypool resource, not "${parts.resource}"`, identityPoolArn);
  }
  const identityPoolId = parts.resourceName ?? '';
  if (identityPoolId === '') {
    configError(scope, property, 'must end with identitypool/<region>:<id>', identityPoolArn);
  }
  const idRegion = identityPoolIdRegion(scope, property, identityPoolId);
  const region = parts.region ?? '';
  if (idRegion !== undefined && !Token.isUnresolved(region) && idRegion !== region) {
    configError(scope, property, `must be in the region of its identity pool id (${idRegion}), not ${region}`, identityPoolArn);
  }
  return { identityPoolId, region, account: parts.account ?? '' };
}

/**
 * The ARN of a pool given by exactly one of its id (the ARN then takes the id's region and the
 * scope's partition and account) and its ARN.
 */
export function identityPoolArnFromIdOrArn(scope: IConstruct, identityPoolId: string | undefined, identityPoolArn: string | undefined): string {
  if (identityPoolId !== undefined && identityPoolArn !== undefined) {
    configError(scope, 'identityPoolId', 'must not be given together with identityPoolArn: give one of them', identityPoolId);
  }
  if (identityPoolArn !== undefined) {
    return identityPoolArn;
  }
  if (identityPoolId === undefined) {
    configError(scope, 'identityPoolId', 'or identityPoolArn must be given to import an identity pool', undefined);
  }
  return formatIdentityPoolArn(scope, identityPoolId, identityPoolIdRegion(scope, 'identityPoolId', identityPoolId));
}

/** Formats an identity pool ARN in the scope's partition and account. */
export function formatIdentityPoolArn(scope: IConstruct, identityPoolId: string, region?: string): string {
  return Stack.of(scope).formatArn({
    service: 'cognito-identity',
    resource: 'identitypool',
    resourceName: identityPoolId,
    region,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
