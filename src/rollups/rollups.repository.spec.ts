import 'reflect-metadata';
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
    expect(sent[0].sql).toMatch(/^SELECT attention\."planId" AS id FROM \(/);
    expect(sent[0].sql).toContain('FROM plan_attention');
    expect(answer).toBe(rows);
  });
});
