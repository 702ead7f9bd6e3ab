import { useId, useRef } from 'react';
import { useRevealElement } from '../canvas/view';
import {
  counted,
  type Problem,
  problemComponentId,
  problemConnectionId,
  SEVERITIES,
  type Severity,
} from '../domain';
import { problemHostId } from '../store/derived';
import { useProblems } from '../store/react';
import { useDockSize } from './dock-state';
import { ProblemsResizer } from './problems-resizer';
import { QuickFixButtons } from './quick-fix-buttons';

const GROUP_TITLE: { readonly [S in Severity]: string } = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Information',
};

/** "2 errors · 1 warning": the severities that occur, in order of weight. */
export function formatCounts(counts: { error: number; warning: number; info: number }): string {
  const parts = [
    counts.error ? counted(counts.error, 'error') : '',
    counts.warning ? counted(counts.warning, 'warning') : '',
    counts.info ? `${counts.info} info` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No problems';
}

/** Unique within one validation: a code names at most one problem per subject and target kind. */
function problemKey(problem: Problem): string {
  const target = 'targetKind' in problem ? problem.targetKind : '';
  const subject = problemHostId(problem) ?? problemComponentId(problem) ?? problemConnectionId(problem) ?? '';
  return `${problem.code}|${subject}|${target}`;
}

function ProblemItem({ problem, problems }: { problem: Problem; problems: readonly Problem[] }) {
  const reveal = useRevealElement();
  const componentId = problemComponentId(problem);
  const connectionId = problemConnectionId(problem);
  const hostId = problemHostId(problem);
  const target = hostId
    ? { layoutId: hostId }
    : componentId
      ? { componentId }
      : connectionId
        ? { connectionId }
        : null;
  const messageId = useId();
  return (
    <li className={`problem problem--${problem.severity}`} data-problem-code={problem.code}>
      <span className="problem__severity" aria-hidden="true">
        {problem.severity === 'error' ? '✕' : problem.severity === 'warning' ? '!' : 'i'}
      </span>
      {target ? (
        <button type="button" id={messageId} className="problem__message" onClick={() => reveal(target)}>
          {problem.message}
        </button>
      ) : (
        <span id={messageId} className="problem__message">
          {problem.message}
        </span>
      )}
      <code className="problem__code">{problem.code}</code>
      <QuickFixButtons problem={problem} problems={problems} describedBy={messageId} />
    </li>
  );
}

/**
 * Live problems of the document, grouped by severity; activating one shows its subject, and a
 * problem with an obvious remedy offers it as quick-fix buttons. The panel is as tall as its
 * content (one line when there are none), up to a share of the window, until the user resizes it
 * by the bar above it (decision 028).
 */
export function ProblemsPanel() {
  const { problems, counts } = useProblems();
  const panel = useRef<HTMLElement>(null);
  const id = useId();
  const [height, setHeight] = useDockSize('problems');
  return (
    <>
      <ProblemsResizer panel={panel} controls={id} onResize={setHeight} />
      {/* Focus lands here when a quick fix removes the problem whose button had it. */}
      <section
        ref={panel}
        id={id}
        className={height === null ? 'problems' : 'problems is-sized'}
        style={height === null ? undefined : { height }}
        aria-label="Problems"
        tabIndex={-1}
        data-quick-fix-home=""
      >
        <div className="problems__top">
          <h2 className="panel-title problems__header">
            Problems <span className="problems__counts">{formatCounts(counts)}</span>
          </h2>
          {problems.length === 0 && (
            <p className="problems__none">
              No problems — this deployment follows the component connections matrix.
            </p>
          )}
        </div>
        {SEVERITIES.map((severity) => {
          const group = problems.filter((p) => p.severity === severity);
          if (group.length === 0) return null;
          return (
            <div key={severity} className="problems__group">
              <h3 className="problems__group-title">
                {GROUP_TITLE[severity]} ({group.length})
              </h3>
              <ul>
                {group.map((problem) => (
                  <ProblemItem key={problemKey(problem)} problem={problem} problems={problems} />
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}
