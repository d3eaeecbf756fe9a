import { GOAL_KIND } from '../common/labels';
import type { GoalKind } from '../gql/graphql';

/**
 * The API lists a plan's goals flat, roots first, each with its parent's id. The page shows them
 * as a tree: each goal under its parent, in the API's order. A goal whose parent is not in the list
 * (it cannot happen within one plan, but the page must not lose it) is shown as a root.
 */
export interface TreeNode<G> {
  goal: G;
  children: TreeNode<G>[];
}

export function goalTree<G extends { id: string; parent?: { id: string } | null }>(goals: readonly G[]): TreeNode<G>[] {
  const nodes = new Map<string, TreeNode<G>>();
  for (const goal of goals) nodes.set(goal.id, { goal, children: [] });
  const roots: TreeNode<G>[] = [];
  for (const goal of goals) {
    const node = nodes.get(goal.id)!;
    const parent = goal.parent ? nodes.get(goal.parent.id) : undefined;
    if (parent && parent !== node && !isAncestor(node, parent)) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Guards against a cycle in bad data: a node never goes below its own descendant. */
function isAncestor<G>(node: TreeNode<G>, candidate: TreeNode<G>): boolean {
  const stack = [...node.children];
  while (stack.length) {
    const next = stack.pop()!;
    if (next === candidate) return true;
    stack.push(...next.children);
  }
  return false;
}

/** Goals in tree order with their depth, for a <select> of parents ("— Effektmål"). */
export function flattenTree<G>(roots: TreeNode<G>[], depth = 0): Array<{ goal: G; depth: number }> {
  return roots.flatMap((node) => [{ goal: node.goal, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The plan's goals as <select> options in tree order, indented by depth: "– – Delmål: …". */
export function goalOptions<G extends { id: string; kind: GoalKind; title: string; parent?: { id: string } | null }>(
  goals: readonly G[],
  except: ReadonlySet<string> = new Set(),
): Array<{ value: string; label: string }> {
  return flattenTree(goalTree(goals))
    .filter(({ goal }) => !except.has(goal.id))
    .map(({ goal, depth }) => ({ value: goal.id, label: `${'– '.repeat(depth)}${GOAL_KIND[goal.kind]}: ${goal.title}` }));
}
