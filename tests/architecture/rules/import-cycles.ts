import { dirname, relative, resolve } from 'node:path';
import { importsOf, type SourceFile } from './source-files.ts';

/**
 * Cycles among one package's own files (relative imports only). Written here rather than taken
 * from madge or dependency-cruiser: the import parser above is all the graph needs, and Tarjan's
 * algorithm is twenty lines, where those tools bring their own TypeScript resolvers and many deps.
 */
export function findImportCycles(root: string, files: readonly SourceFile[]): string[] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = importsOf(file)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(file.path), s))
      .filter((target) => known.has(target));
    edges.set(file.path, targets);
  }
  return stronglyConnected(edges)
    .filter((component) => component.length > 1 || (edges.get(component[0] ?? '') ?? []).includes(component[0] ?? ''))
    .map((component) => `cycle: ${component.map((p) => relative(root, p)).join(' → ')}`);
}

/** Tarjan's strongly connected components. */
function stronglyConnected(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.reverse());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return components;
}
