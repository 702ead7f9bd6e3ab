// The explanation of the chosen matrix cell: its rule, what the options change and the problems it has.
import {
  type CellOffence,
  type CellUsage,
  counted,
  type DeploymentOptions,
  displayName,
  explainCell,
  MARKS,
  matrixCell,
  optionEffect,
  type RulesetId,
  rulesetLabel,
} from '../domain';
import { releaseMarks } from './matrix-grid';

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
  ruleset,
  onGo,
}: {
  usage: CellUsage;
  options: DeploymentOptions;
  ruleset: RulesetId;
  onGo: (o: CellOffence) => void;
}) {
  const cell = matrixCell(usage.from, usage.to, ruleset);
  const option = cell ? optionEffect(cell, options) : null;
  const releases = releaseMarks(usage.from, usage.to);
  // The explanation above already quotes the chosen release's own note: quote it once.
  const releaseNote = releases
    .map((release) => release.cell?.releaseNote)
    .find((note) => note && note !== cell?.releaseNote);
  return (
    <>
      <h3 className="matrix-explain__title">
        {displayName(usage.from)} → {displayName(usage.to)}
        <span className={`matrix-explain__mark is-${cell ? cell.mark : 'empty'}`}>
          {cell ? `${MARKS[cell.mark].symbol} · ${MARKS[cell.mark].legend}` : 'empty · not allowed'}
        </span>
      </h3>
      <p>{explainCell(usage.from, usage.to, ruleset)}</p>
      {releases.length > 0 && (
        <div className="matrix-explain__releases">
          <p>
            <strong>Differs between WFM releases</strong> (this deployment follows {rulesetLabel(ruleset)}):
          </p>
          <ul>
            {releases.map((release) => (
              <li key={release.ruleset}>
                {release.label}:{' '}
                {release.cell
                  ? `${MARKS[release.cell.mark].symbol} · ${MARKS[release.cell.mark].legend}`
                  : 'not allowed'}
              </li>
            ))}
          </ul>
          {releaseNote && (
            <blockquote className="matrix-explain__note">
              <span className="matrix-explain__note-label">From the source</span> {releaseNote}
            </blockquote>
          )}
        </div>
      )}
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
