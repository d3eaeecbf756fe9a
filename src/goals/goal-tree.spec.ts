import { isInSubtree, pathTo, rootsFirst } from './goal-tree.js';

const goals = [
  { id: 'sub', parentId: 'effect' },
  { id: 'root2', parentId: null },
  { id: 'effect', parentId: 'root1' },
  { id: 'root1', parentId: null },
];
const byId = new Map(goals.map((g) => [g.id, g]));

describe('goal tree', () => {
  it('orders roots first, then level by level', () => {
    expect(rootsFirst(goals).map((g) => g.id)).toEqual(['root2', 'root1', 'effect', 'sub']);
  });

  it('gives the path from the root down to a goal', () => {
    expect(pathTo(byId, 'sub').map((g) => g.id)).toEqual(['root1', 'effect', 'sub']);
    expect(pathTo(byId, 'root2').map((g) => g.id)).toEqual(['root2']);
  });

  it('detects that a descendant cannot become the parent', () => {
    expect(isInSubtree(byId, 'root1', 'sub')).toBe(true);
    expect(isInSubtree(byId, 'effect', 'effect')).toBe(true);
    expect(isInSubtree(byId, 'effect', 'root2')).toBe(false);
  });
});
