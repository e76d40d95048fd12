/**
 * The aws-cdk-lib classes the library's checks, renderers and grants use, read once.
 *
 * Every export of aws-cdk-lib, and of each of its modules, is a getter that calls `require()` on
 * each read: three calls for a core class such as `Token` (`aws-cdk-lib`, `core`, `core/lib`),
 * about a microsecond under ts-node and more under jest's module registry. Code that reads
 * `Token.isUnresolved` for every value it checks paid that hundreds of times per identity pool;
 * aws-cdk-lib's own modules bind their imports once, and the library does the same here. Each
 * binding is an alias of the class itself (`Stack === cdk.Stack`), so `instanceof`, static methods,
 * types and nested types (`CfnIdentityPool.CognitoIdentityProviderProperty`) work as imported from
 * aws-cdk-lib. The public files keep importing from aws-cdk-lib what their
 * API names or extends (jsii reads those types where they are declared), and read the rest here.
 */
import * as cdk from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export import Annotations = cdk.Annotations;
export import ArnFormat = cdk.ArnFormat;
export import CfnOutput = cdk.CfnOutput;
export import CfnResource = cdk.CfnResource;
export import CustomResource = cdk.CustomResource;
export import DefaultTokenResolver = cdk.DefaultTokenResolver;
export import Duration = cdk.Duration;
export import Fn = cdk.Fn;
export import Intrinsic = cdk.Intrinsic;
export import Lazy = cdk.Lazy;
export import Reference = cdk.Reference;
export import RemovalPolicy = cdk.RemovalPolicy;
export import Stack = cdk.Stack;
export import Stage = cdk.Stage;
export import StringConcat = cdk.StringConcat;
export import Token = cdk.Token;
export import Tokenization = cdk.Tokenization;

export import CfnIdentityPool = cognito.CfnIdentityPool;
export import CfnIdentityPoolPrincipalTag = cognito.CfnIdentityPoolPrincipalTag;
export import CfnIdentityPoolRoleAttachment = cognito.CfnIdentityPoolRoleAttachment;
export import CfnUserPool = cognito.CfnUserPool;
export import CfnUserPoolClient = cognito.CfnUserPoolClient;
export import CfnUserPoolGroup = cognito.CfnUserPoolGroup;
export import UserPoolGroup = cognito.UserPoolGroup;

export import CfnGlobalTable = dynamodb.CfnGlobalTable;
export import CfnTable = dynamodb.CfnTable;

export import Rule = events.Rule;

export import CfnManagedPolicy = iam.CfnManagedPolicy;
export import CfnPolicy = iam.CfnPolicy;
export import CfnRole = iam.CfnRole;
export import Effect = iam.Effect;
export import FederatedPrincipal = iam.FederatedPrincipal;
export import Grant = iam.Grant;
export import PolicyDocument = iam.PolicyDocument;
export import PolicyStatement = iam.PolicyStatement;
export import PrincipalPolicyFragment = iam.PrincipalPolicyFragment;
export import Role = iam.Role;
export import StarPrincipal = iam.StarPrincipal;

export import Code = lambda.Code;
export import Runtime = lambda.Runtime;
export import SingletonFunction = lambda.SingletonFunction;
