import { App, Lazy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { tableKeySchema } from '../../../src/private/grants/table-key-schema';

function stack(): Stack {
  return new Stack(new App(), 'Stack');
}

/** A table whose L1 (its default child) is a raw CfnTable with these key schema and attribute definitions. */
function rawTable(keySchema: unknown, attributeDefinitions?: unknown): dynamodb.ITable {
  const scope = new Construct(stack(), 'Table');
  new dynamodb.CfnTable(scope, 'Resource', { keySchema: keySchema as any, attributeDefinitions: attributeDefinitions as any });
  return scope as unknown as dynamodb.ITable;
}

const KEYS = [{ attributeName: 'owner', keyType: 'HASH' }, { attributeName: 'album', keyType: 'RANGE' }];

describe('tableKeySchema', () => {
  test('a Table: partition key, its type and both key names', () => {
    const table = new dynamodb.Table(stack(), 'Albums', {
      partitionKey: { name: 'owner', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'album', type: dynamodb.AttributeType.NUMBER },
    });
    expect(tableKeySchema(table)).toEqual({ partitionKeyName: 'owner', partitionKeyType: 'S', keyNames: ['owner', 'album'] });
  });

  test('a TableV2, whose attribute definitions are lazy', () => {
    const table = new dynamodb.TableV2(stack(), 'Albums', { partitionKey: { name: 'owner', type: dynamodb.AttributeType.NUMBER } });
    expect(tableKeySchema(table)).toEqual({ partitionKeyName: 'owner', partitionKeyType: 'N', keyNames: ['owner'] });
  });

  test('undefined for an imported table, and for a key schema that is a token or not a list', () => {
    expect(tableKeySchema(dynamodb.Table.fromTableName(stack(), 'Imported', 'albums'))).toBeUndefined();
    expect(tableKeySchema(rawTable(Lazy.any({ produce: () => KEYS })))).toBeUndefined();
    expect(tableKeySchema(rawTable({ attributeName: 'owner', keyType: 'HASH' }))).toBeUndefined();
  });

  test('the partition key is the HASH element wherever it is, among elements that may be missing', () => {
    const schema = tableKeySchema(rawTable([null, { attributeName: 'album', keyType: 'RANGE' }, { attributeName: 'owner', keyType: 'HASH' }], [
      null,
      { attributeName: 'album', attributeType: 'N' },
      { attributeName: 'owner', attributeType: 'S' },
    ]));
    expect(schema).toEqual({ partitionKeyName: 'owner', partitionKeyType: 'S', keyNames: ['album', 'owner'] });
  });

  test('undefined without a HASH element, or when its name is a token or not a string', () => {
    expect(tableKeySchema(rawTable([{ attributeName: 'album', keyType: 'RANGE' }]))).toBeUndefined();
    expect(tableKeySchema(rawTable([{ attributeName: Lazy.string({ produce: () => 'owner' }), keyType: 'HASH' }]))).toBeUndefined();
    expect(tableKeySchema(rawTable([{ attributeName: 7, keyType: 'HASH' }]))).toBeUndefined();
  });

  test('the type is left unknown when the definitions cannot be read, or the type is a token or not a string', () => {
    const typeWith = (attributeDefinitions: unknown) => tableKeySchema(rawTable(KEYS, attributeDefinitions))?.partitionKeyType;
    expect(typeWith(Lazy.any({ produce: () => { throw new Error('no'); } }))).toBeUndefined();
    expect(typeWith({ attributeName: 'owner', attributeType: 'S' })).toBeUndefined();
    expect(typeWith([{ attributeName: 'owner', attributeType: Lazy.string({ produce: () => 'S' }) }])).toBeUndefined();
    expect(typeWith([{ attributeName: 'owner', attributeType: 5 }])).toBeUndefined();
    expect(typeWith([{ attributeName: 'album', attributeType: 'N' }])).toBeUndefined();
    expect(typeWith(Lazy.any({ produce: () => [{ attributeName: 'owner', attributeType: 'B' }] }))).toEqual('B');
  });

  test('key names that are tokens or not strings are left out', () => {
    const schema = tableKeySchema(rawTable([
      { attributeName: 'owner', keyType: 'HASH' },
      { attributeName: Lazy.string({ produce: () => 'album' }), keyType: 'RANGE' },
      { attributeName: 3, keyType: 'RANGE' },
    ]));
    expect(schema?.keyNames).toEqual(['owner']);
  });
});
