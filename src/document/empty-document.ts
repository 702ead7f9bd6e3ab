import { CURRENT_VERSION, FORMAT } from './envelope';
import type { TopologyDocument } from './schema';

/**
 * A document with no components, the start of every new design.
 * @example createEmptyDocument('Lab') // { format: 'wfm-topology', version: 2, name: 'Lab', components: [], connections: [] }
 */
export function createEmptyDocument(name?: string): TopologyDocument {
  const document: TopologyDocument = {
    format: FORMAT,
    version: CURRENT_VERSION,
    components: [],
    connections: [],
  };
  return name === undefined ? document : { ...document, name };
}
