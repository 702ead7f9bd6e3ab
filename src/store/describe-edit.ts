// What an edit did, in words for the status line (issue 15, item 1; decision 029). The store's
// `commit` asks this of every step that changes the document and has no sentence of its own, so a
// command added later says what it did without writing a notice.

import type { TopologyDocument } from '../document';
import { counted, describeComponent, optionInfo } from '../domain';

interface Named {
  readonly id: string;
}

/** Items of `after` not in `before`, of `before` not in `after`, and those in both that changed. */
function compare<T extends Named>(before: readonly T[] = [], after: readonly T[] = []) {
  if (before === after) return { added: [], removed: [], changed: [] as [T, T][] };
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const added: T[] = [];
  const changed: [T, T][] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) added.push(item);
    else if (was !== item && JSON.stringify(was) !== JSON.stringify(item)) changed.push([was, item]);
  }
  return { added, removed: before.filter((item) => !now.has(item.id)), changed };
}

/** The keys whose values differ between two versions of one item. */
function changedKeys(before: object, after: object): Set<string> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return new Set([...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])));
}

const DRAWING_ONLY = new Set(['position', 'size', 'waypoints']);

function onlyDrawing(keys: ReadonlySet<string>): boolean {
  return [...keys].every((key) => DRAWING_ONLY.has(key));
}

type Component = TopologyDocument['components'][number];

function componentChange(document: TopologyDocument, before: Component, after: Component): string {
  const keys = changedKeys(before, after);
  const what = describeComponent(after);
  if (keys.size === 1 && keys.has('name')) return `Renamed ${describeComponent(before)} to '${after.name}'`;
  if (keys.size === 1 && keys.has('port')) {
    return after.port === undefined
      ? `Removed the port of ${what}`
      : `Set the port of ${what} to ${after.port}`;
  }
  if (keys.has('host') && [...keys].every((key) => key === 'host' || key === 'position')) {
    const host = document.hosts?.find((h) => h.id === after.host);
    const verb = keys.has('position') ? 'Moved' : 'Put';
    return host ? `${verb} ${what} onto host '${host.name}'` : `${verb} ${what} off its host`;
  }
  if (keys.size === 1 && keys.has('notes')) return `Changed the notes of ${what}`;
  if (onlyDrawing(keys)) return `Moved ${what}`;
  return `Changed ${what}`;
}

function list<T>(items: readonly T[], one: (item: T) => string, noun: string): string {
  const [first] = items;
  return items.length === 1 && first !== undefined ? one(first) : counted(items.length, noun);
}

/** What changed of the document's own settings: name, options, rule set, drawing mode. */
function settingsChanges(before: TopologyDocument, after: TopologyDocument): string[] {
  const out: string[] = [];
  if ((before.name ?? '') !== (after.name ?? '')) {
    out.push(
      after.name?.trim()
        ? `Renamed the deployment to “${after.name.trim()}”`
        : 'Cleared the deployment’s name',
    );
  }
  for (const key of ['managementLayer', 'scheduledReporting'] as const) {
    const was = before.options?.[key] ?? false;
    const now = after.options?.[key] ?? false;
    if (was !== now) out.push(`Turned ${optionInfo(key).label} ${now ? 'on' : 'off'}`);
  }
  if ((before.ruleset ?? 'wfm-8.5.2') !== (after.ruleset ?? 'wfm-8.5.2')) {
    out.push(`Set the rule set to ${after.ruleset ?? 'wfm-8.5.2'}`);
  }
  const links = after.view?.messageServerLinks ?? 'lines';
  if ((before.view?.messageServerLinks ?? 'lines') !== links) {
    out.push(`Drew the Message Server connections as ${links}`);
  }
  return out;
}

/**
 * One sentence on what turned `before` into `after`, such as "Renamed WFM Server 'A' to 'B'." or
 * "Deleted 2 components and 3 connections."; "Changed the deployment." when nothing more precise
 * fits. Pure: the store calls it on every history step that brings no sentence of its own.
 * @example describeEdit(empty, withServer) === "Added WFM Server 'WFM_Server_1'."
 */
export function describeEdit(before: TopologyDocument, after: TopologyDocument): string {
  const clauses: string[] = [];
  const components = compare(before.components, after.components);
  const connections = compare(before.connections, after.connections);
  const find = (id: string) =>
    after.components.find((x) => x.id === id) ?? before.components.find((x) => x.id === id);
  const name = (id: string) => find(id)?.name ?? id;
  const full = (id: string) => {
    const c = find(id);
    return c ? describeComponent(c) : `'${id}'`;
  };
  const link = (c: { from: string; to: string }) => `${name(c.from)} → ${name(c.to)}`;

  if (components.added.length > 0) {
    const what = list(components.added, describeComponent, 'component');
    const extra = connections.added.length ? ` and ${counted(connections.added.length, 'connection')}` : '';
    clauses.push(`Added ${what}${extra}`);
  } else if (connections.added.length > 0) {
    clauses.push(
      list(connections.added, (c) => `Connected ${full(c.from)} to ${full(c.to)}`, 'connection').replace(
        /^(\d)/,
        'Added $1',
      ),
    );
  }
  if (components.removed.length > 0) {
    const what = list(components.removed, describeComponent, 'component');
    const extra = connections.removed.length
      ? ` and ${counted(connections.removed.length, 'connection')}`
      : '';
    clauses.push(`Deleted ${what}${extra}`);
  } else if (connections.removed.length > 0) {
    clauses.push(`Deleted ${list(connections.removed, (c) => `the connection ${link(c)}`, 'connection')}`);
  }
  const edited = components.changed.filter(([was, now]) => !onlyDrawing(changedKeys(was, now)));
  const moved = components.changed.filter(([was, now]) => onlyDrawing(changedKeys(was, now)));
  if (edited.length === 1 && edited[0]) clauses.push(componentChange(after, edited[0][0], edited[0][1]));
  else if (edited.length > 1) clauses.push(`Changed ${counted(edited.length, 'component')}`);
  for (const [was, now] of connections.changed) {
    const keys = changedKeys(was, now);
    if (onlyDrawing(keys)) continue;
    if (keys.has('security')) clauses.push(`Set the security of ${link(now)} to ${now.security ?? 'none'}`);
    else if (keys.has('label')) clauses.push(`Changed the label of ${link(now)}`);
    else clauses.push(`Changed the connection ${link(now)}`);
  }
  for (const [noun, pair] of [
    ['host', compare(before.hosts, after.hosts)],
    ['zone', compare(before.zones, after.zones)],
  ] as const) {
    for (const item of pair.added) clauses.push(`Added ${noun} '${item.name}'`);
    for (const item of pair.removed) clauses.push(`Deleted ${noun} '${item.name}'`);
    for (const [was, now] of pair.changed) {
      const keys = changedKeys(was, now);
      if (keys.size === 1 && keys.has('name')) clauses.push(`Renamed ${noun} '${was.name}' to '${now.name}'`);
      else if (keys.has('size') && !keys.has('position') && onlyDrawing(keys))
        clauses.push(`Resized ${noun} '${now.name}'`);
      else if (onlyDrawing(keys)) clauses.push(`Moved ${noun} '${now.name}'`);
      else clauses.push(`Changed ${noun} '${now.name}'`);
    }
  }
  const notes = compare(before.annotations, after.annotations);
  if (notes.added.length) clauses.push(`Added ${list(notes.added, () => 'a note', 'note')}`);
  if (notes.removed.length) clauses.push(`Deleted ${list(notes.removed, () => 'a note', 'note')}`);
  for (const [was, now] of notes.changed) {
    clauses.push(was.text !== now.text ? 'Changed the text of a note' : 'Moved a note');
  }
  clauses.push(...settingsChanges(before, after));
  // Moves last: a paste onto a host or a deletion also moves what it touched.
  if (clauses.length === 0 && moved.length > 0) {
    clauses.push(
      list(moved, ([, now]) => `Moved ${describeComponent(now)}`, 'component').replace(/^(\d)/, 'Moved $1'),
    );
  }
  if (clauses.length === 0) {
    const rerouted = connections.changed.length > 0;
    return rerouted ? 'Re-routed the connections.' : 'Changed the deployment.';
  }
  const [first, ...rest] = clauses.slice(0, 3);
  const more = clauses.length > 3 ? ` and ${counted(clauses.length - 3, 'other change')}` : '';
  return `${[first, ...rest.map((clause) => lowerFirst(clause))].join('; ')}${more}.`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
