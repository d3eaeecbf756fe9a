import { describe, expect, it } from 'vitest';
import { flattenTree, goalTree } from './goal-tree';

const g = (id: string, parent?: string) => ({ id, parent: parent ? { id: parent } : null });

describe('goalTree', () => {
  it('puts each goal under its parent, keeping the API order among siblings', () => {
    const tree = goalTree([g('A'), g('B'), g('E1', 'A'), g('E2', 'A'), g('S1', 'E1'), g('S2', 'E2'), g('S3', 'E1')]);
    expect(tree.map((n) => n.goal.id)).toEqual(['A', 'B']);
    expect(tree[0]!.children.map((n) => n.goal.id)).toEqual(['E1', 'E2']);
    expect(tree[0]!.children[0]!.children.map((n) => n.goal.id)).toEqual(['S1', 'S3']);
    expect(flattenTree(tree).map(({ goal, depth }) => `${depth}:${goal.id}`)).toEqual(['0:A', '1:E1', '2:S1', '2:S3', '1:E2', '2:S2', '0:B']);
  });

  it('shows a goal whose parent is missing as a root rather than losing it', () => {
    const tree = goalTree([g('A'), g('X', 'gone')]);
    expect(tree.map((n) => n.goal.id)).toEqual(['A', 'X']);
  });

  it('does not loop on a cycle in bad data: every goal appears once', () => {
    const tree = goalTree([g('A', 'B'), g('B', 'A')]);
    expect(flattenTree(tree).map(({ goal }) => goal.id).sort()).toEqual(['A', 'B']);
  });
});
