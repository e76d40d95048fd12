import type { IConstruct } from 'constructs';
import type { Finding } from './finding';
import { RULES } from './rules';
import type { TreeIndex } from './tree-index';
import { indexTree } from './tree-index';
import { Stage } from '../cdk/bindings';
import { warn } from '../messages/warnings';

const REGISTRY = Symbol.for('cdk-identity-pool.SynthRegistry');
const REPORTER = Symbol.for('cdk-identity-pool.SynthReporter');

/**
 * The synth pipeline of one stage (`Stage.of(x) ?? root`), kept on the stage itself: the first
 * construct of the library in a stage registers one validation there. aws-cdk-lib validates a
 * stage's tree before the constructs in it (pre-order), and a nested stage when it synthesizes
 * it, so this validation runs first, for every stage, once per synthesis: it builds the tree
 * index in one walk, runs every rule of `RULES`, adds their warnings, and hands each error to
 * a validation on the construct it is about, which runs later in the same pass and so prints
 * that construct's path.
 *
 * The registry also holds what construct-time checks compare across the constructs of a stage
 * (output ids per stack, prefixes per bucket, principal tag mappings per pool).
 */
export class SynthRegistry {
  /** The registry of the scope's stage, created (with its validation) on first use. */
  public static of(scope: IConstruct): SynthRegistry {
    const stage: IConstruct = Stage.isStage(scope) ? scope : Stage.of(scope) ?? scope.node.root;
    const holder = stage as unknown as Record<symbol, SynthRegistry | undefined>;
    let registry = holder[REGISTRY];
    if (registry === undefined) {
      registry = new SynthRegistry(stage);
      Object.defineProperty(stage, REGISTRY, { value: registry, enumerable: false });
    }
    return registry;
  }

  /** How many times the tree was walked (once per synthesis of the stage). */
  public walks = 0;

  /** Output logical ids taken per stack, with the path of the construct that took each. */
  public readonly outputIds = new WeakMap<IConstruct, Map<string, string>>();
  /** Concrete prefixes granted per bucket, own and shared. */
  public readonly bucketPrefixes = new WeakMap<IConstruct, { own: string[]; shared: string[] }>();
  /** Principal tag mappings per pool (`<account>|<pool id>`), with their provider names. */
  public readonly principalTagMappings = new Map<string, Array<{ readonly path: string; readonly providerName: string }>>();

  private errors = new Map<IConstruct, string[]>();

  private constructor(private readonly stage: IConstruct) {
    stage.node.addValidation({ validate: () => this.run() });
  }

  /** Runs every rule over a fresh index of the stage; returns the errors about the stage itself. */
  private run(): string[] {
    this.walks++;
    const index: TreeIndex = indexTree(this.stage);
    this.errors = new Map();
    const own: string[] = [];
    for (const rule of RULES) {
      for (const finding of rule(index)) {
        this.apply(finding, own);
      }
    }
    return own;
  }

  private apply(finding: Finding, own: string[]): void {
    if (finding.level === 'warning') {
      warn(finding.scope, finding.warningId!, finding.message);
      return;
    }
    if (finding.scope === this.stage) {
      own.push(finding.message);
      return;
    }
    const list = this.errors.get(finding.scope) ?? [];
    list.push(finding.message);
    this.errors.set(finding.scope, list);
    const scope = finding.scope as unknown as Record<symbol, boolean | undefined>;
    if (scope[REPORTER] !== true) {
      Object.defineProperty(finding.scope, REPORTER, { value: true, enumerable: false });
      finding.scope.node.addValidation({ validate: () => SynthRegistry.of(finding.scope).errors.get(finding.scope) ?? [] });
    }
  }
}
