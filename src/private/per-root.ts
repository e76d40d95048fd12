import type { IConstruct } from 'constructs';

/**
 * Adds an entry to a check that runs once per construct tree, at validation time, over every
 * entry registered for that tree: the first entry of a tree registers the validation on its
 * root, later ones only join the list. Checks that walk the whole tree (every role, every
 * attachment) so cost one walk per synthesis, however many pools there are.
 */
export function addToTreeCheck<T>(
  registry: WeakMap<IConstruct, T[]>,
  scope: IConstruct,
  entry: T,
  check: (root: IConstruct, entries: readonly T[]) => string[],
): void {
  const root = scope.node.root;
  let entries = registry.get(root);
  if (entries === undefined) {
    const registered: T[] = [];
    entries = registered;
    registry.set(root, registered);
    root.node.addValidation({ validate: () => check(root, registered) });
  }
  entries.push(entry);
}
