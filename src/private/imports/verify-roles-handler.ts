/**
 * The deploy-time check of an imported pool's roles: the source of an inline Node.js (20 or
 * later) Lambda function using the AWS SDK v3 that the runtime provides, as CloudFormation's
 * `ZipFile` (at most 4096 bytes, so kept short). It answers the custom resource's request itself
 * through the pre-signed `ResponseURL`.
 *
 * Create and Update: `DescribeIdentityPool` (the pool exists, and its name for messages) and
 * `GetIdentityPoolRoles`, then FAILED with every difference from the `AuthenticatedRoleArn`,
 * `UnauthenticatedRoleArn` (absent: the pool must have none) and `MappedRoleArns` (each must be
 * the `RoleARN` of a rule of some role mapping) it was given. Delete: SUCCESS, no call.
 * The client goes to the pool's own region, the part of its id before the colon.
 *
 * Written without template literals, since it sits in one.
 */
export const VERIFY_ROLES_HANDLER = `const sdk = require('@aws-sdk/client-cognito-identity');
const https = require('https');

exports.handler = async (event, context) => {
  const props = event.ResourceProperties || {};
  const poolId = props.IdentityPoolId;
  let status = 'SUCCESS';
  let reason = 'OK';
  if (event.RequestType !== 'Delete') {
    try {
      const problems = await check(poolId, props);
      if (problems.length > 0) {
        status = 'FAILED';
        reason = problems.join('; ');
      }
    } catch (error) {
      status = 'FAILED';
      reason = 'Could not read identity pool ' + poolId + ': ' + error.name + ': ' + error.message;
    }
  }
  await respond(event, status, reason, poolId || event.PhysicalResourceId || context.logStreamName);
};

async function check(poolId, props) {
  const client = new sdk.CognitoIdentityClient({ region: String(poolId).split(':')[0] });
  const pool = await client.send(new sdk.DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
  const found = await client.send(new sdk.GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
  const roles = found.Roles || {};
  const mapped = new Set();
  for (const mapping of Object.values(found.RoleMappings || {})) {
    for (const rule of ((mapping.RulesConfiguration || {}).Rules || [])) {
      mapped.add(rule.RoleARN);
    }
  }
  const name = 'identity pool ' + pool.IdentityPoolName + ' (' + poolId + ')';
  const problems = [];
  const compare = (type, expected) => {
    const actual = roles[type];
    if (actual !== expected) {
      problems.push('the ' + type + ' role of ' + name + ' is ' + (actual || 'not set')
        + ', not ' + (expected || 'none') + ' as given to the stack');
    }
  };
  compare('authenticated', props.AuthenticatedRoleArn);
  compare('unauthenticated', props.UnauthenticatedRoleArn);
  for (const arn of props.MappedRoleArns || []) {
    if (!mapped.has(arn)) {
      problems.push('no role mapping rule of ' + name + ' hands out ' + arn);
    }
  }
  return problems;
}

function respond(event, status, reason, physicalId) {
  const body = JSON.stringify({
    Status: status,
    Reason: reason.slice(0, 3500),
    PhysicalResourceId: physicalId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  });
  return new Promise((resolve, reject) => {
    const request = https.request(event.ResponseURL, {
      method: 'PUT',
      headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    }, response => {
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
}
`;
