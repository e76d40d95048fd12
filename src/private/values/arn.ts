import type { IConstruct } from 'constructs';
import { ArnFormat, Fn, Stack, Token } from '../cdk/bindings';
import { apiName, configError } from '../messages/errors';
import { warn, WarningId } from '../messages/warnings';

/** The parts of an identity pool ARN that importers need. */
export interface IdentityPoolArnParts {
  readonly identityPoolId: string;
  readonly region: string;
  readonly account: string;
}

const ID_RULE = 'must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..."';
const ID_PATTERN = /^([a-z]{2,}(?:-[a-z]+)+-\d+):([^:]+)$/;
/** The id part of Cognito's `IdentityPoolId` pattern, `[\w-]+:[0-9a-f-]+`: a GUID, lowercase. */
const ID_PART = /^[0-9a-f-]+$/;
/** `IdentityPoolId`: at most 55 characters. */
const ID_MAX = 55;
/**
 * `ARNString`: 20-2048 characters. The role ARN pattern admits nothing under 30 characters, so
 * only the maximum is ever checked.
 */
const ARN_MIN = 20;
const ARN_MAX = 2048;
const ACCOUNT = /^\d{12}$/;

/**
 * The partitions whose regions have a prefix of their own (AWS General Reference, "Identify AWS
 * resources with Amazon Resource Names", and the region lists of each partition); every other
 * region is in `aws`. A partition not listed (a future one) is not judged.
 */
const PARTITION_REGIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ['aws-cn', /^cn-/],
  ['aws-us-gov', /^us-gov-/],
  ['aws-iso', /^us-iso-/],
  ['aws-iso-b', /^us-isob-/],
  ['aws-iso-e', /^eu-isoe-/],
  ['aws-iso-f', /^us-isof-/],
  ['aws-eusc', /^eusc-/],
];
const KNOWN_PARTITIONS = new Set(['aws', ...PARTITION_REGIONS.map(([partition]) => partition)]);

/** The partition of a concrete region, by its prefix. */
export function regionPartition(region: string): string {
  return PARTITION_REGIONS.find(([, prefix]) => prefix.test(region))?.[0] ?? 'aws';
}

/**
 * Why a partition cannot hold a region (`cn-north-1` is in `aws-cn`, not `aws`); undefined when
 * it can, when either is a token or empty, or when the partition is not one the library knows.
 */
export function partitionMismatch(partition: string, region: string): string | undefined {
  if (Token.isUnresolved(partition) || Token.isUnresolved(region) || region === '' || !KNOWN_PARTITIONS.has(partition)) {
    return undefined;
  }
  const expected = regionPartition(region);
  return expected === partition ? undefined : `${region} is in the ${expected} partition, not ${partition}`;
}

/**
 * Checks a concrete identity pool id (`<region>:<id>`, Cognito's `IdentityPoolId`: at most 55
 * characters) and returns its region; a token id returns undefined. An id part that is not
 * lowercase hexadecimal gets a warning from `warnIfPoolIdNotHex` instead, on the import.
 */
export function identityPoolIdRegion(
  scope: IConstruct, property: string, identityPoolId: string, received: string = identityPoolId,
): string | undefined {
  if (Token.isUnresolved(identityPoolId)) {
    return undefined;
  }
  const match = ID_PATTERN.exec(identityPoolId);
  if (!match) {
    configError(scope, property, ID_RULE, received);
  }
  if (identityPoolId.length > ID_MAX) {
    configError(scope, property, `must be at most ${ID_MAX} characters long (Cognito's IdentityPoolId), got ${identityPoolId.length}`, received);
  }
  return match[1];
}

/**
 * An imported pool whose concrete id is not lowercase hexadecimal after its region (Cognito's
 * `IdentityPoolId` pattern `[\w-]+:[0-9a-f-]+`) can name no real pool, so every call on it fails
 * at run time; nothing is created from the id at synth time, and examples and tests use such ids,
 * so this is an acknowledgeable warning (`cdk-identity-pool:poolIdNotHex`) on the import.
 */
export function warnIfPoolIdNotHex(imported: IConstruct, identityPoolId: string): void {
  const id = Token.isUnresolved(identityPoolId) ? undefined : ID_PATTERN.exec(identityPoolId)?.[2];
  if (id !== undefined && !ID_PART.test(id)) {
    warn(imported, WarningId.POOL_ID_NOT_HEX,
      `The identity pool id "${identityPoolId}" is not lowercase hexadecimal after its region, as every identity pool id is `
      + '(Cognito\'s IdentityPoolId pattern [\\w-]+:[0-9a-f-]+), so it names no real pool and every call on this import fails at run time; '
      + 'copy the id from the Cognito console or `aws cognito-identity list-identity-pools`');
  }
}

/**
 * A resource that configures a pool (its role attachment, a principal tag mapping) acts in its
 * stack's region, where Cognito finds only the pools of that region: a concrete pool id of
 * another region than a concrete stack region can never be found at deploy.
 */
export function checkPoolInStackRegion(scope: IConstruct, identityPoolId: string): void {
  const stackRegion = Stack.of(scope).region;
  if (Token.isUnresolved(identityPoolId) || Token.isUnresolved(stackRegion)) {
    return;
  }
  const region = ID_PATTERN.exec(identityPoolId)?.[1];
  if (region !== undefined && region !== stackRegion) {
    configError(scope, 'identityPool',
      `must be in the region of this stack (${stackRegion}), where CloudFormation creates this resource and Cognito looks the pool up, not ${region}`,
      identityPoolId);
  }
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
  // An ARN that is one token (a parameter, an import) splits at deploy time, where the resource
  // name splitArn gives is not the id: the id holds a `:` (`<region>:<guid>`), so splitting at `:`
  // then `/` leaves only its region. The id is everything after the ARN's one `/`.
  const identityPoolId = Token.isUnresolved(parts.resource) ? Fn.select(1, Fn.split('/', identityPoolArn)) : parts.resourceName ?? '';
  if (identityPoolId === '') {
    configError(scope, property, 'must end with identitypool/<region>:<id>', identityPoolArn);
  }
  const idRegion = identityPoolIdRegion(scope, property, identityPoolId, identityPoolArn);
  // splitArn gives region, account and partition for every ARN it accepts ('' when empty; tokens for a token ARN)
  const region = parts.region!;
  if (idRegion !== undefined && !Token.isUnresolved(region) && idRegion !== region) {
    configError(scope, property, `must be in the region of its identity pool id (${idRegion}), not ${region}`, identityPoolArn);
  }
  const account = parts.account!;
  if (!Token.isUnresolved(account) && !ACCOUNT.test(account)) {
    configError(scope, property, 'must name the 12-digit account that owns the pool, as every identity pool ARN does', identityPoolArn);
  }
  const mismatch = partitionMismatch(parts.partition!, region);
  if (mismatch !== undefined) {
    configError(scope, property, `must have the partition of its region: ${mismatch}`, identityPoolArn);
  }
  return { identityPoolId, region, account };
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
    configError(scope, 'identityPoolId', `or ${apiName('identityPoolArn')} must be given to import an identity pool`, undefined);
  }
  const region = identityPoolIdRegion(scope, 'identityPoolId', identityPoolId);
  return formatIdentityPoolArn(scope, identityPoolId, region);
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

/** An IAM role's ARN, `RoleARN` in role mappings and the values of `Roles`: `arn:<partition>:iam::<account>:role/<path><name>`. */
const ROLE_ARN = /^arn:([\w-]+):iam::\d{12}:role\/[\w+=,.@/-]+$/;

/**
 * Checks the concrete ARN of a role the pool hands out (Cognito's `ARNString`, 20-2048
 * characters, an IAM role's ARN in the partition of a concrete stack region); a role defined in
 * the app has a token ARN, which passes.
 */
export function checkRoleArn(scope: IConstruct, property: string, roleArn: string): void {
  if (Token.isUnresolved(roleArn)) {
    return;
  }
  const match = ROLE_ARN.exec(roleArn);
  if (match === null || roleArn.length > ARN_MAX) {
    configError(scope, property, `must be an IAM role, whose ARN has the form arn:<partition>:iam::<account>:role/<name> (${ARN_MIN}-${ARN_MAX} characters)`, roleArn);
  }
  checkArnPartition(scope, property, roleArn, match[1]);
}

/** An IAM ARN (no region) must be in the partition of a concrete stack region. */
export function checkArnPartition(scope: IConstruct, property: string, arn: string, partition: string): void {
  const stackRegion = Stack.of(scope).region;
  const mismatch = partitionMismatch(partition, stackRegion);
  if (mismatch !== undefined) {
    configError(scope, property, `must be in the partition of its stack's region: ${mismatch}`, arn);
  }
}
