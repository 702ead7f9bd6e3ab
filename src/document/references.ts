import type { ParseIssue } from './parse-error';
import type { TopologyDocument } from './schema';
import { quote } from './zod-issues';

/**
 * The document errors the schema cannot see (docs/format.md, Ids and references): duplicate ids,
 * and connections that name a missing component. They refuse the file whole rather than becoming
 * problems, because the canvas and the domain key everything by id.
 * @example findReferenceIssues(doc) // [{ path: 'connections[3].to', message: 'no component with id "srv-9"' }]
 */
export function findReferenceIssues(document: TopologyDocument): ParseIssue[] {
  const issues: ParseIssue[] = [];
  const componentIds = new Set<string>();
  document.components.forEach((component, index) => {
    if (componentIds.has(component.id)) {
      issues.push({
        path: `components[${index}].id`,
        message: `duplicate id ${quote(component.id)}`,
      });
    }
    componentIds.add(component.id);
  });

  const connectionIds = new Set<string>();
  document.connections.forEach((connection, index) => {
    if (connectionIds.has(connection.id)) {
      issues.push({
        path: `connections[${index}].id`,
        message: `duplicate id ${quote(connection.id)}`,
      });
    }
    connectionIds.add(connection.id);
    for (const end of ['from', 'to'] as const) {
      if (!componentIds.has(connection[end])) {
        issues.push({
          path: `connections[${index}].${end}`,
          message: `no component with id ${quote(connection[end])}`,
        });
      }
    }
  });
  return issues;
}
