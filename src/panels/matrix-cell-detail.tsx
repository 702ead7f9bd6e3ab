// The explanation of the chosen matrix cell: its rule, what the options change and the problems it has.
import {
  type CellOffence,
  type CellUsage,
  cellRequirement,
  counted,
  type DeploymentOptions,
  displayName,
  explainCell,
  MARKS,
  matrixCell,
} from '../domain';

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

export function OffenceList({
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

export function CellExplanation({
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
            ? `This deployment has ${counted(usage.count, 'such connection')}.`
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
