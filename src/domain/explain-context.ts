// The document indexed once for the explanation, and the phrasing helpers its sections share.

import { analyse } from './analyse';
import { counted, describeComponent } from './describe';
import { type ComponentKind, displayName, kindInfo } from './kinds';
import type { Security, Topology, TopologyComponent } from './model';
import { pushTo } from './multimap';
import { type DeploymentOptions, resolveOptions } from './options';
import type { Problem } from './problems';

/** Past this many items, a sentence or a section names the first ones and counts the rest. */
const MAX_NAMES = 8;
const MAX_ITEMS = 20;
export const MAX_ERRORS = 12;

export interface Link {
  readonly from: TopologyComponent;
  readonly to: TopologyComponent;
  readonly security: Security;
}

/** The document indexed once: components by kind, counted connections out of and into each one. */
export interface Context {
  readonly components: readonly TopologyComponent[];
  readonly connectionCount: number;
  readonly options: DeploymentOptions;
  readonly problems: readonly Problem[];
  readonly byId: ReadonlyMap<string, TopologyComponent>;
  readonly links: readonly Link[];
  ofKind(kind: ComponentKind): readonly TopologyComponent[];
  /** Components `component` connects to, of one kind, in connection order. */
  targets(component: TopologyComponent, kind: ComponentKind): readonly TopologyComponent[];
  /** Components that connect to `component`, of one kind (every kind when left out). */
  sources(component: TopologyComponent, kind?: ComponentKind): readonly TopologyComponent[];
}

export function createContext(topology: Topology, problems: readonly Problem[]): Context {
  const analysis = analyse(topology);
  const kinds = new Map<ComponentKind, TopologyComponent[]>();
  for (const component of topology.components) pushTo(kinds, component.kind, component);
  const out = new Map<string, TopologyComponent[]>();
  const into = new Map<string, TopologyComponent[]>();
  const all = new Map<string, TopologyComponent[]>();
  const links: Link[] = [];
  for (const { connection, from, to, cell } of analysis.connections) {
    if (!from || !to || !cell) continue;
    links.push({ from, to, security: connection.security ?? 'none' });
    pushTo(out, `${from.id}\u0000${to.kind}`, to);
    pushTo(into, `${to.id}\u0000${from.kind}`, from);
    pushTo(all, to.id, from);
  }
  return {
    components: topology.components,
    connectionCount: topology.connections.length,
    options: resolveOptions(topology.options),
    problems,
    byId: analysis.byId,
    links,
    ofKind: (kind) => kinds.get(kind) ?? [],
    targets: (component, kind) => out.get(`${component.id}\u0000${kind}`) ?? [],
    sources: (component, kind) =>
      (kind === undefined ? all.get(component.id) : into.get(`${component.id}\u0000${kind}`)) ?? [],
  };
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function kindCount(count: number, kind: ComponentKind): string {
  return counted(count, displayName(kind), kindInfo(kind).plural);
}

/** Names the first components and counts the rest: "WFM Builder 'B1', WFM Builder 'B2' and 3 more". */
export function names(components: readonly TopologyComponent[]): string {
  const shown = components.slice(0, MAX_NAMES).map(describeComponent);
  const rest = components.length - shown.length;
  return joinWords(rest > 0 ? [...shown, `${rest} more`] : shown);
}

export function linkNames(links: readonly Link[]): string {
  const shown = links
    .slice(0, MAX_NAMES)
    .map((l) => `${describeComponent(l.from)} → ${describeComponent(l.to)}`);
  const rest = links.length - shown.length;
  return joinWords(rest > 0 ? [...shown, `${rest} more`] : shown);
}

/** One sentence group per item, for the first items only, then a count of the rest. */
export function each<T>(items: readonly T[], describe: (item: T) => string[], kind: ComponentKind): string[] {
  const sentences = items.slice(0, MAX_ITEMS).flatMap(describe);
  const rest = items.length - MAX_ITEMS;
  if (rest > 0)
    sentences.push(`…and ${rest} more ${rest === 1 ? displayName(kind) : kindInfo(kind).plural}.`);
  return sentences;
}

export function verb(count: number, singular: string, plural: string): string {
  return count === 1 ? singular : plural;
}
