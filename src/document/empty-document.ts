import { DEFAULT_RULESET } from '../domain';
import { CURRENT_VERSION, FORMAT } from './envelope';
import type { TopologyDocument } from './schema';

/**
 * A document with no components, the start of every new design. It has the rule set and the
 * empty lists the writer always writes, so saving it and opening it again gives it back as it was.
 * @example createEmptyDocument('Lab').ruleset === 'wfm-8.5.2'
 */
export function createEmptyDocument(name?: string): TopologyDocument {
  const document: TopologyDocument = {
    format: FORMAT,
    version: CURRENT_VERSION,
    ruleset: DEFAULT_RULESET,
    zones: [],
    hosts: [],
    components: [],
    connections: [],
    annotations: [],
  };
  return name === undefined ? document : { ...document, name };
}
