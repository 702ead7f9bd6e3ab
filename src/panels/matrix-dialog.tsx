import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Modal } from '../app/modal';
import { useDesigner } from '../app/store-context';
import { useRevealElement } from '../canvas/view';
import {
  type CellOffence,
  type CellUsage,
  cellRequirement,
  type DeploymentOptions,
  displayName,
  explainCell,
  KIND_CATALOG,
  MARKS,
  matrixCell,
  matrixUsage,
  RULESET,
  resolveOptions,
  SOURCE_KINDS,
  type SourceKind,
  TARGET_KINDS,
} from '../domain';
import './matrix-dialog.css';

/** The source page heads its rows with these words; its columns read the kinds' short names. */
const ROW_LABEL: { readonly [S in SourceKind]: string } = {
  server: 'Server',
  builder: 'Builder',
  daemon: 'Daemon',
  'data-aggregator': 'Data Aggregator',
  web: 'Web',
  'db-utility': 'Database Utility (Backup-Restore Utility)',
};

interface Position {
  readonly row: number;
  readonly col: number;
}

const ROWS = SOURCE_KINDS.length;
const COLS = TARGET_KINDS.length;

function positionOf(cell: { readonly from: string; readonly to: string } | undefined): Position | null {
  if (!cell) return null;
  const rows: readonly string[] = SOURCE_KINDS;
  const cols: readonly string[] = TARGET_KINDS;
  const row = rows.indexOf(cell.from);
  const col = cols.indexOf(cell.to);
  return row >= 0 && col >= 0 ? { row, col } : null;
}

/** Where an arrow, Home or End key moves the grid's focus, or `null` for other keys. */
function moveFrom({ row, col }: Position, event: KeyboardEvent): Position | null {
  const clampRow = (r: number) => Math.min(ROWS - 1, Math.max(0, r));
  const clampCol = (c: number) => Math.min(COLS - 1, Math.max(0, c));
  switch (event.key) {
    case 'ArrowUp':
      return { row: clampRow(row - 1), col };
    case 'ArrowDown':
      return { row: clampRow(row + 1), col };
    case 'ArrowLeft':
      return { row, col: clampCol(col - 1) };
    case 'ArrowRight':
      return { row, col: clampCol(col + 1) };
    case 'Home':
      return event.ctrlKey ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return event.ctrlKey ? { row: ROWS - 1, col: COLS - 1 } : { row, col: COLS - 1 };
    default:
      return null;
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The cell's accessible name: what the source prints, then what this deployment does with it. */
function cellLabel(usage: CellUsage): string {
  const cell = matrixCell(usage.from, usage.to);
  const rule = cell ? `${MARKS[cell.mark].symbol}, ${MARKS[cell.mark].legend}` : 'not allowed';
  const used = usage.count > 0 ? `; ${plural(usage.count, 'connection')} in this deployment` : '';
  const broken =
    usage.offences.length > 0
      ? `; broken by this deployment (${plural(usage.offences.length, 'problem')})`
      : '';
  return `${displayName(usage.from)} to ${displayName(usage.to)}: ${rule}${used}${broken}`;
}

/** How the deployment's options change the cell's requirement, if they do. */
function optionWords(usage: CellUsage, options: DeploymentOptions): string | null {
  const cell = matrixCell(usage.from, usage.to);
  if (!cell) return null;
  const required = cellRequirement(cell, options).requiredBy;
  if (cell.to === 'message-server') {
    return required === 'management-layer'
      ? 'The Management Layer is on in this deployment, so this connection is required.'
      : 'The Management Layer is off in this deployment: the connection is not needed, and one that is drawn gets a warning. With the Management Layer on, it is required.';
  }
  if (cell.from === 'daemon' && cell.to === 'web') {
    return required === 'scheduled-reporting'
      ? 'Scheduled reporting is on in this deployment, so this connection is required.'
      : 'Scheduled reporting is off in this deployment, so this connection is optional. With scheduled reporting on, it is required.';
  }
  return null;
}

function OffenceList({
  offences,
  onGo,
}: {
  offences: readonly CellOffence[];
  onGo: (o: CellOffence) => void;
}) {
  return (
    <ul className="matrix-explain__offences">
      {offences.map((offence) => (
        <li key={offence.connectionId ?? `${offence.componentId}|${offence.code}`}>
          <button type="button" className="matrix-explain__offence" onClick={() => onGo(offence)}>
            {offence.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

function CellExplanation({
  usage,
  options,
  onGo,
}: {
  usage: CellUsage;
  options: DeploymentOptions;
  onGo: (o: CellOffence) => void;
}) {
  const cell = matrixCell(usage.from, usage.to);
  const option = optionWords(usage, options);
  return (
    <>
      <h3 className="matrix-explain__title">
        {displayName(usage.from)} → {displayName(usage.to)}
        <span className={`matrix-explain__mark is-${cell ? cell.mark : 'empty'}`}>
          {cell ? `${MARKS[cell.mark].symbol} · ${MARKS[cell.mark].legend}` : 'empty · not allowed'}
        </span>
      </h3>
      <p>{explainCell(usage.from, usage.to)}</p>
      {cell?.note && (
        <blockquote className="matrix-explain__note">
          <span className="matrix-explain__note-label">Note from the source</span> {cell.note}
        </blockquote>
      )}
      {option && <p className="matrix-explain__option">{option}</p>}
      {cell && (
        <p>
          {usage.count > 0
            ? `This deployment has ${plural(usage.count, 'such connection')}.`
            : 'This deployment has no such connection.'}
        </p>
      )}
      {usage.offences.length > 0 && (
        <>
          <p className="matrix-explain__broken">
            This deployment breaks this rule. Choose a problem to show its component on the canvas:
          </p>
          <OffenceList offences={usage.offences} onGo={onGo} />
        </>
      )}
    </>
  );
}

/**
 * The component connections matrix as the Genesys guide prints it, read from the domain's table,
 * with what the open deployment does with each cell. A roving-tabindex grid: Tab enters, arrows move.
 */
export function MatrixDialog({ onClose }: { onClose: () => void }) {
  const document = useDesigner((s) => s.document);
  const requested = useDesigner((s) => (s.dialog?.kind === 'matrix' ? s.dialog.cell : undefined));
  const usage = useMemo(() => matrixUsage(document), [document]);
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

  const chosenFrom = selected ? SOURCE_KINDS[selected.row] : undefined;
  const chosenTo = selected ? TARGET_KINDS[selected.col] : undefined;
  const chosen = chosenFrom && chosenTo ? usage.cells[chosenFrom][chosenTo] : null;
  return (
    <Modal title="Component connections matrix" onClose={onClose} className="matrix-dialog">
      <table className="matrix">
        <caption className="matrix__caption">
          WFM component connections, rule-set {RULESET}: each row is an Application; a mark in a column means
          it may list that component on its Connections tab.
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
            {TARGET_KINDS.map((to) => (
              <th key={to} scope="col" className="matrix__col">
                {KIND_CATALOG[to].shortName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SOURCE_KINDS.map((from, row) => (
            <tr key={from}>
              <th scope="row" className="matrix__row">
                {ROW_LABEL[from]}
              </th>
              {TARGET_KINDS.map((to, col) => {
                const cellUsage = usage.cells[from][to];
                const cell = matrixCell(from, to);
                const broken = cellUsage.offences.length > 0;
                const isSelected = selected?.row === row && selected.col === col;
                const classes = [
                  'matrix__cell',
                  cell ? `is-${cell.mark}` : 'is-empty',
                  broken ? 'is-broken' : '',
                  cellUsage.count > 0 ? 'is-used' : '',
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
                      aria-label={cellLabel(cellUsage)}
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
      </dl>

      <section id={explainId} className="matrix-explain" aria-label="About the chosen cell">
        {chosen ? (
          <CellExplanation usage={chosen} options={options} onGo={go} />
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
