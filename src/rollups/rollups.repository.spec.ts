import 'reflect-metadata';
import { plansNeedingAttentionStatement } from './portfolio.repository.js';
import { RollupsRepository } from './rollups.repository.js';

describe('RollupsRepository (the peer harness contract)', () => {
  it("sends plansNeedingAttention's one statement with [today], projected to a column id", async () => {
    const sent: { sql: string; params: unknown[] | undefined }[] = [];
    const rows = [{ id: 'b' }, { id: 'a' }];
    const repository = new RollupsRepository({
      query: async (sql: string, params?: unknown[]) => {
        sent.push({ sql, params });
        return rows;
      },
    });
    const answer = await repository.plansNeedingAttention({}, '2000-01-02');
    expect(sent).toHaveLength(1);
    expect(sent[0].params).toEqual(['2000-01-02']);
    // The statement PortfolioRepository.plansNeedingAttention sends, unchanged, inside the projection.
    const direct = plansNeedingAttentionStatement({}, '2000-01-02');
    expect(direct.params).toEqual(['2000-01-02']);
    expect(sent[0].sql).toBe(`SELECT attention."planId" AS id FROM (${direct.text}) AS attention`);
    expect(answer).toBe(rows);
  });
});
