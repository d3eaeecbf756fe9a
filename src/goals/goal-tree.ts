/** Pure tree helpers over one plan's goals (a plan has tens of goals, loaded in one query). */
export interface TreeNode {
  id: string;
  parentId: string | null;
}

/** Roots first, then each level in the given order (breadth first). */
export function rootsFirst<T extends TreeNode>(goals: T[]): T[] {
  const children = new Map<string | null, T[]>();
  for (const goal of goals) {
    const key = goal.parentId && goals.some((g) => g.id === goal.parentId) ? goal.parentId : null;
    children.set(key, [...(children.get(key) ?? []), goal]);
  }
  const ordered: T[] = [];
  let level = children.get(null) ?? [];
  while (level.length) {
    ordered.push(...level);
    level = level.flatMap((goal) => children.get(goal.id) ?? []);
  }
  return ordered;
}

/** The path from the root down to `goalId`, inclusive. */
export function pathTo<T extends TreeNode>(goalsById: Map<string, T>, goalId: string): T[] {
  const path: T[] = [];
  for (let goal = goalsById.get(goalId); goal && path.length <= goalsById.size; goal = goal.parentId ? goalsById.get(goal.parentId) : undefined) {
    path.unshift(goal);
  }
  return path;
}

/** True when `candidateId` is `goalId` itself or lies below it: making it the parent would close a cycle. */
export function isInSubtree<T extends TreeNode>(goalsById: Map<string, T>, goalId: string, candidateId: string): boolean {
  return pathTo(goalsById, candidateId).some((g) => g.id === goalId);
}
