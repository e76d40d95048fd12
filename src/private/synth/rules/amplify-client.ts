import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';

/**
 * The app client that a pool's front end outputs name for Amplify (`amplifyUserPoolClient`) must be
 * the client of one of the pool's user pool providers, once every provider has been added.
 */
export function checkAmplifyClients(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const outputs of index.frontendOutputs) {
    const problem = outputs._amplifyClientProblem();
    if (problem !== undefined) {
      findings.push(errorAt(outputs, problem));
    }
  }
  return findings;
}
