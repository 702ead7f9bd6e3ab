import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useRevealElement } from '../canvas/view';
import { type CellOffence, MARKS, matrixUsage, resolveOptions, resolveRuleset, rulesetInfo } from '../domain';
import { useDesigner } from '../store/react';
import { Modal } from '../ui/modal';
import { CellExplanation, OffenceList } from './matrix-cell-detail';
import { COLS, matrixGrid, moveFrom, type Position, positionOf } from './matrix-grid';
import './matrix-dialog.css';

/**
 * The component connections matrix as the Genesys guide prints it, read from the domain's table,
 * with what the open deployment does with each cell. A roving-tabindex grid: Tab enters, arrows move.
 */
export function MatrixDialog({ onClose }: { onClose: () => void }) {
  const document = useDesigner((s) => s.document);
  const requested = useDesigner((s) => (s.dialog?.kind === 'matrix' ? s.dialog.cell : undefined));
  const usage = useMemo(() => matrixUsage(document), [document]);
  const ruleset = resolveRuleset(document.ruleset);
  const release = rulesetInfo(ruleset);
  const grid = useMemo(() => matrixGrid(usage, ruleset), [usage, ruleset]);
  const options = resolveOptions(document.options);
  const reveal = useRevealElement();
  const explainId = useId();
  const [initial] = useState(() => positionOf(requested));
  const [active, setActive] = useState<Position>(initial ?? { row: 0, col: 0 });
  const [selected, setSelected] = useState<Position | null>(initial);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  useEffect(() => {
    // The Modal (a child) has already opened the dialog: focus the preselected cell.
    if (initial) buttons.current.get(`${initial.row}:${initial.col}`)?.focus();
  }, [initial]);

  const go = ({ componentId }: CellOffence) => {
    onClose();
    reveal({ componentId });
    // Keyboard users land on the component they chose, not on the page behind the closed dialog.
    requestAnimationFrame(() =>
      window.document
        .querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(componentId)}"]`)
        ?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, at: Position) => {
    const next = moveFrom(at, event);
    if (!next) return;
    event.preventDefault();
    setActive(next);
    setSelected(next);
    buttons.current.get(`${next.row}:${next.col}`)?.focus();
  };

  const chosen = selected ? (grid.rows[selected.row]?.cells[selected.col]?.usage ?? null) : null;
  return (
    <Modal title="Component connections matrix" onClose={onClose} className="matrix-dialog">
      <table className="matrix">
        <caption className="matrix__caption">
          WFM component connections for {release.label} (the deployment's rule set): each row is an
          Application; a mark in a column means it may list that component on its Connections tab.
          {release.notModelled && <span className="matrix__not-modelled"> {release.notModelled}</span>}
        </caption>
        <colgroup>
          <col />
        </colgroup>
        <colgroup span={COLS} />
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="matrix__corner">
              Component name
            </th>
            <th scope="colgroup" colSpan={COLS} className="matrix__group">
              Connections to:
            </th>
          </tr>
          <tr>
            {grid.columns.map(({ to, heading }) => (
              <th key={to} scope="col" className="matrix__col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map(({ from, heading, cells }, row) => (
            <tr key={from}>
              <th scope="row" className="matrix__row">
                {heading}
              </th>
              {cells.map(({ to, cell, releases, usage: cellUsage, label }, col) => {
                const broken = cellUsage.offences.length > 0;
                const isSelected = selected?.row === row && selected.col === col;
                const classes = [
                  'matrix__cell',
                  cell ? `is-${cell.mark}` : 'is-empty',
                  broken ? 'is-broken' : '',
                  cellUsage.count > 0 ? 'is-used' : '',
                  releases.length > 0 ? 'is-release-specific' : '',
                ].filter(Boolean);
                return (
                  <td key={to}>
                    <button
                      type="button"
                      ref={(element) => {
                        if (element) buttons.current.set(`${row}:${col}`, element);
                        else buttons.current.delete(`${row}:${col}`);
                      }}
                      className={classes.join(' ')}
                      tabIndex={active.row === row && active.col === col ? 0 : -1}
                      aria-pressed={isSelected}
                      aria-label={label}
                      aria-controls={explainId}
                      onClick={() => {
                        setActive({ row, col });
                        setSelected({ row, col });
                      }}
                      onFocus={() => setActive({ row, col })}
                      onKeyDown={(event) => onKeyDown(event, { row, col })}
                    >
                      <span className="matrix__mark">{cell ? MARKS[cell.mark].symbol : ''}</span>
                      {cellUsage.count > 0 && <span className="matrix__count">{cellUsage.count}</span>}
                      {broken && <span className="matrix__alert">!</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>

      <dl className="matrix-legend" aria-label="Legend">
        {Object.values(MARKS).map((mark) => (
          <div key={mark.mark} className="matrix-legend__item">
            <dt className={`matrix-legend__key is-${mark.mark}`}>{mark.symbol}</dt>
            <dd>{mark.legend}</dd>
          </div>
        ))}
        <div className="matrix-legend__item">
          <dt className="matrix-legend__key is-empty">empty</dt>
          <dd>not allowed</dd>
        </div>
        <div className="matrix-legend__item">
          <dt className="matrix-legend__key">
            <span className="matrix__count">2</span>
          </dt>
          <dd>connections in this deployment</dd>
        </div>
        <div className="matrix-legend__item">
          <dt className="matrix-legend__key">
            <span className="matrix__alert">!</span>
          </dt>
          <dd>broken by this deployment</dd>
        </div>
        <div className="matrix-legend__item">
          <dt className="matrix-legend__key">
            <span className="matrix__release" />
          </dt>
          <dd>differs between WFM releases</dd>
        </div>
      </dl>

      <section id={explainId} className="matrix-explain" aria-label="About the chosen cell">
        {chosen ? (
          <CellExplanation usage={chosen} options={options} ruleset={ruleset} onGo={go} />
        ) : (
          <p className="matrix-explain__hint">
            Choose a cell to read its rule: click it, or Tab into the grid and move with the arrow keys.
          </p>
        )}
      </section>

      {usage.outside.length > 0 && (
        <section className="matrix-explain matrix-explain--outside" aria-label="Broken outside the grid">
          <p className="matrix-explain__broken">
            These connections start at a component with no row, or end at one with no column, so the grid
            cannot show them:
          </p>
          <OffenceList offences={usage.outside} onGo={go} />
        </section>
      )}
    </Modal>
  );
}
