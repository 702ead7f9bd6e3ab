import { useMemo } from 'react';
import type { DocumentComponent } from '../document';
import { displayName, markSymbol, requirementNote, ruleStatus } from '../domain';
import { useDesigner, useDesignerStore } from '../store/react';

/**
 * Each connection this kind must or may have, with its mark, the current count, whether the
 * count meets the rule, and the source's note.
 */
export function RuleCard({ component }: { component: DocumentComponent }) {
  const store = useDesignerStore();
  // Counts change only with the connections or the options: a drag, which moves this card on
  // every frame, does not redo the O(n) count (docs/performance.md).
  const connections = useDesigner((s) => s.document.connections);
  const options = useDesigner((s) => s.document.options);
  const { id } = component;
  // biome-ignore lint/correctness/useExhaustiveDependencies: connections and options are what the counts read from the document
  const { cells, incoming } = useMemo(
    () => ({
      cells: ruleStatus(store.getState().document, id),
      incoming: connections.filter((c) => c.to === id).length,
    }),
    [store, id, connections, options],
  );
  return (
    <div className="rule-card">
      <h3 className="inspector__subtitle">Connections tab rules</h3>
      {cells.length === 0 ? (
        <p className="rule-card__none">
          {displayName(component.kind)} never starts a connection. {incoming} component
          {incoming === 1 ? '' : 's'} connect{incoming === 1 ? 's' : ''} to it.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Mark</th>
              <th scope="col">Now</th>
              <th scope="col">
                <span className="visually-hidden">Meets the rule</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cells.map(({ cell, requirement, count, ok }) => {
              const why = requirementNote(requirement);
              return (
                <tr key={cell.to} className={ok ? 'is-ok' : 'is-broken'}>
                  <td>
                    {displayName(cell.to)}
                    {(cell.note || why) && (
                      <span className="rule-card__note">
                        {why} {cell.note}
                      </span>
                    )}
                  </td>
                  <td>
                    <code>{markSymbol(cell.mark)}</code>
                  </td>
                  <td>{count}</td>
                  <td>
                    <span aria-label={ok ? 'meets the rule' : 'breaks the rule'} role="img">
                      {ok ? '✓' : '✗'}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
