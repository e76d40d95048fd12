import type { StackProps } from 'aws-cdk-lib';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';

/**
 * The app layouts every synth rule is tested in: a stack of the app, and a stack inside a
 * `Stage` (the layout of CDK Pipelines), where aws-cdk-lib synthesizes and validates the stage
 * on its own, before the app.
 */
export interface Layout {
  readonly name: string;
  /** A new app with one stack `Stack` in the layout. */
  stack(props?: StackProps): Stack;
}

export const LAYOUTS: readonly Layout[] = [
  { name: 'in a stack of the app', stack: props => new Stack(new App(), 'Stack', props) },
  { name: 'in a stack inside a Stage', stack: props => new Stack(new Stage(new App(), 'Prod'), 'Stack', props) },
];

/** The path of a construct of the stack, as aws-cdk-lib prints it before a validation error. */
export function pathIn(stack: Stack, path: string): string {
  return `${stack.node.path}/${path}`;
}

/** The warnings of one id on the stack, as `<path>: <message>`. */
export function warningsOf(stack: Stack, id: string): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`\\[ack: cdk-identity-pool:${id}\\]`))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

/** Synthesizes the whole app the stack is in (nested stages first, as the CLI does). */
export function synthApp(stack: Stack): void {
  (stack.node.root as App).synth();
}
