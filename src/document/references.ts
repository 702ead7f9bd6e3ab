import type { ParseIssue } from './parse-error';
import type { TopologyDocument } from './schema';
import { quote } from './zod-issues';

/** What an id names, as a reference's message says it: "is a host, not a component". */
type Sort = 'zone' | 'host' | 'component' | 'connection' | 'annotation';

const ARTICLE: { readonly [S in Sort]: string } = {
  zone: 'a zone',
  host: 'a host',
  component: 'a component',
  connection: 'a connection',
  annotation: 'an annotation',
};

/**
 * The document errors the schema cannot see (docs/format.md, Ids and references): an id used
 * twice anywhere in the document, and a reference to an id that does not exist or names the wrong
 * sort of thing (a connection to a host, a component on a zone). They refuse the file whole rather
 * than becoming problems, because the canvas and the domain key everything by id.
 * @example findReferenceIssues(doc) // [{ path: 'connections[3].to', message: 'no component with id "srv-9"' }]
 */
export function findReferenceIssues(document: TopologyDocument): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const sorts = new Map<string, Sort>();
  const register = (sort: Sort, list: readonly { readonly id: string }[] | undefined, key: string) => {
    list?.forEach((item, index) => {
      const earlier = sorts.get(item.id);
      if (earlier === undefined) sorts.set(item.id, sort);
      else {
        const also = earlier === sort ? '' : ` (already the id of ${ARTICLE[earlier]})`;
        issues.push({ path: `${key}[${index}].id`, message: `duplicate id ${quote(item.id)}${also}` });
      }
    });
  };
  register('zone', document.zones, 'zones');
  register('host', document.hosts, 'hosts');
  register('component', document.components, 'components');
  register('connection', document.connections, 'connections');
  register('annotation', document.annotations, 'annotations');

  const expect = (sort: Sort, id: string, path: string) => {
    const found = sorts.get(id);
    if (found === sort) return;
    issues.push({
      path,
      message:
        found === undefined
          ? `no ${sort} with id ${quote(id)}`
          : `${quote(id)} is ${ARTICLE[found]}, not ${ARTICLE[sort]}`,
    });
  };
  document.hosts?.forEach((host, index) => {
    if (host.zone !== undefined) expect('zone', host.zone, `hosts[${index}].zone`);
  });
  document.components.forEach((component, index) => {
    if (component.host !== undefined) expect('host', component.host, `components[${index}].host`);
    if (component.backupOf !== undefined) {
      expect('component', component.backupOf, `components[${index}].backupOf`);
    }
  });
  document.connections.forEach((connection, index) => {
    for (const end of ['from', 'to'] as const) {
      expect('component', connection[end], `connections[${index}].${end}`);
    }
  });
  return issues;
}
