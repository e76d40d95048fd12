import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnGlobalTable, CfnTable, Stack, Token } from '../cdk/bindings';

/** The key schema of a table defined in the app, as far as it is concrete. */
export interface TableKeySchema {
  readonly partitionKeyName: string;
  /** `S`, `N` or `B`; undefined when not known. */
  readonly partitionKeyType?: string;
  /** The partition key and, if any, the sort key. */
  readonly keyNames: readonly string[];
}

type KeyElement = { attributeName: string; keyType: string };
type AttributeDefinition = { attributeName: string; attributeType: string };

/**
 * Reads the key schema from the table's L1 (`Table` renders a `CfnTable`, `TableV2` a
 * `CfnGlobalTable`, both with `keySchema` and `attributeDefinitions`); undefined for an imported
 * table, or one whose schema is not concrete.
 */
export function tableKeySchema(table: ITable): TableKeySchema | undefined {
  const resource = table.node.defaultChild;
  if (!(resource instanceof CfnTable) && !(resource instanceof CfnGlobalTable)) {
    return undefined;
  }
  const keySchema = resource.keySchema;
  if (!Array.isArray(keySchema) || Token.isUnresolved(keySchema)) {
    return undefined;
  }
  const elements = keySchema as KeyElement[];
  const partitionKey = elements.find(element => element?.keyType === 'HASH');
  if (partitionKey === undefined || typeof partitionKey.attributeName !== 'string' || Token.isUnresolved(partitionKey.attributeName)) {
    return undefined;
  }
  // TableV2 renders its attribute definitions lazily, as indexes add theirs: resolve what is there.
  let definitions: unknown = resource.attributeDefinitions;
  // Stryker disable next-line ConditionalExpression: resolving concrete definitions gives them back as they are
  if (Token.isUnresolved(definitions)) {
    try {
      definitions = Stack.of(resource).resolve(definitions);
      // Stryker disable next-line BlockStatement: definitions that fail to resolve stay a token, which holds no definition of the key either: no type
    } catch {
      // Stryker disable next-line ArrayDeclaration: a list of texts holds no definition of the partition key either: no type
      definitions = [];
    }
  }
  const type = (Array.isArray(definitions) ? definitions as AttributeDefinition[] : [])
    .find(definition => definition?.attributeName === partitionKey.attributeName)?.attributeType;
  return {
    partitionKeyName: partitionKey.attributeName,
    partitionKeyType: typeof type === 'string' && !Token.isUnresolved(type) ? type : undefined,
    keyNames: elements.map(element => element?.attributeName).filter(name => typeof name === 'string' && !Token.isUnresolved(name)),
  };
}
