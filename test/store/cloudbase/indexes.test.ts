import { collectionNames } from '../../../backend/store/cloudbase/collections';
import { applyIndexes, createIndexRequest, INDEXES } from '../../../backend/store/cloudbase/indexes';

describe('the CloudBase index list', () => {
  it('names existing collections, one name per index of a collection', () => {
    const collections = new Set(collectionNames());
    for (const index of INDEXES) expect(collections.has(index.collection)).toBe(true);
    const names = INDEXES.map((index) => `${index.collection}.${index.name}`);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is the UpdateTable request of CloudBase\'s manager API', () => {
    const chain = INDEXES.find((index) => index.collection === 'audit')!;
    expect(createIndexRequest(chain)).toEqual({
      IndexName: 'chain_seq',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'chainId', Direction: '1' }, { Name: 'seq', Direction: '1' }], MgoIsUnique: true },
    });
  });

  it('creates the missing collections and indexes, and leaves existing ones alone', async () => {
    const created: string[] = [];
    const indexed: string[] = [];
    await applyIndexes(
      {
        async createCollectionIfNotExists(name) {
          created.push(name);
        },
        async checkIndexExists(_collection, index) {
          return { Exists: index === 'newest' };
        },
        async updateCollection(collection, info) {
          indexed.push(`${collection}.${info.CreateIndexes[0].IndexName}`);
        },
      },
      () => undefined,
      'contract_',
    );
    expect(created).toEqual(collectionNames('contract_'));
    expect(indexed).toHaveLength(INDEXES.filter((index) => index.name !== 'newest').length);
    expect(indexed).toContain('contract_outbox.undelivered');
  });
});
