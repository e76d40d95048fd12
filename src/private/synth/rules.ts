import type { Finding } from './finding';
import { checkAmplifyClients } from './rules/amplify-client';
import { checkClassicFlowRoles } from './rules/classic-flow-trust';
import { checkGroupPrecedence } from './rules/group-precedence';
import { checkGuestScopeDown } from './rules/guest-scope-down';
import { checkMappingKeys } from './rules/mapping-keys';
import { checkNetworkTrustConditions } from './rules/network-trust-conditions';
import { checkOneAttachmentPerPool } from './rules/one-attachment-per-pool';
import { checkOwnerKeyTags } from './rules/owner-key-tags';
import { checkPoolTags } from './rules/pool-tags';
import { checkProvidersConfigured } from './rules/providers-configured';
import { checkRolesTrustPools } from './rules/role-trust';
import { checkUserWritableClaims } from './rules/user-writable-claim';
import type { TreeIndex } from './tree-index';

/** A synth-time rule: a pure function of the stage's index that returns what it found. */
export type SynthRule = (index: TreeIndex) => Finding[];

/**
 * Every synth-time rule, in the order they run (and their findings are reported). Adding a rule
 * is one file in `rules/`, one line here, and one test file in `test/private/synth/rules/`.
 */
export const RULES: readonly SynthRule[] = [
  checkOneAttachmentPerPool,
  checkPoolTags,
  checkMappingKeys,
  checkProvidersConfigured,
  checkGroupPrecedence,
  checkUserWritableClaims,
  checkRolesTrustPools,
  checkClassicFlowRoles,
  checkNetworkTrustConditions,
  checkGuestScopeDown,
  checkOwnerKeyTags,
  checkAmplifyClients,
];
