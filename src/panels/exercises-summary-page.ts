import type { ResultFile } from '../document';
import { counted } from '../domain';

// The printable one-page summary of a result (issue 15): a self-contained HTML page made from the
// very record the learner hands in, so what a trainer reads on paper is what `grade` re-checks.
// A download rather than a print dialog: it opens in any browser, prints on one A4 or Letter page,
// and can be mailed with the JSON. Every string from the exercise or the document is escaped.

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** "4 min 05 s": the time of a result in words. */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

const OUTCOMES = {
  completed: 'Completed: every goal met',
  'time-up': 'Ended at the time limit',
  'handed-in': 'Handed in before every goal was met',
} as const;

/**
 * The HTML page of a result's summary.
 * @example summaryPage(record).includes('<h1>Exercise result</h1>')
 */
export function summaryPage(result: ResultFile): string {
  const rows: [string, string][] = [
    [
      'Exercise',
      `${result.exercise.title} (${result.exercise.id}, exercise format ${result.exercise.version})`,
    ],
    ['Outcome', OUTCOMES[result.outcome]],
    ['Goals met', `${result.goalsMet} of ${result.goalsTotal}`],
    [
      'Score',
      `${result.score} of 100${result.hintPenalty > 0 ? ` (${counted(result.hintPenalty, 'point')} less per hint)` : ''}`,
    ],
    [
      'Time taken',
      `${duration(result.seconds)}${result.timeLimit === null ? '' : ` of ${duration(result.timeLimit)} allowed`}`,
    ],
    ['Started', result.startedAt],
    ['Ended', result.endedAt],
    ['Hints used', `${result.hintsUsed} of ${result.hintsAvailable}`],
    ['Steps taken', String(result.steps)],
    ['“Check my work”', `${result.checks} ${result.checks === 1 ? 'time' : 'times'}`],
    ['Quick fixes', result.quickFixes ? 'allowed' : 'hidden'],
  ];
  const goals = result.goals
    .map(
      (goal) =>
        `<li class="${goal.met ? 'met' : 'unmet'}"><span>${goal.met ? '✓ met' : '✗ not met'}</span> ${escapeHtml(goal.text)}</li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Exercise result: ${escapeHtml(result.exercise.title)}</title>
<style>
  @page { size: auto; margin: 15mm; }
  body { font: 11pt/1.45 system-ui, sans-serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
  h1 { font-size: 18pt; margin: 0 0 2mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 1.2mm 2mm; border-bottom: 0.3mm solid #ccc; vertical-align: top; }
  th { width: 38%; font-weight: 600; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { padding: 1mm 0; }
  li span { display: inline-block; width: 22mm; font-weight: 700; }
  li.met span { color: #0a6b2d; }
  li.unmet span { color: #a3161a; }
  .checksum { font: 9pt ui-monospace, monospace; word-break: break-all; }
  .note { font-size: 9pt; color: #444; }
</style>
</head>
<body>
<h1>Exercise result</h1>
<p>${escapeHtml(result.exercise.title)}: a record made by the WFM Topology Designer.</p>
<table>
${rows.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join('\n')}
</table>
<h2>Goals</h2>
<ul>
${goals}
</ul>
<h2>Checksum</h2>
<p class="checksum">${escapeHtml(result.checksum.algorithm)} ${escapeHtml(result.checksum.value)}</p>
<p class="note">Re-check the JSON result with <code>wfm-topology grade RESULT.json EXERCISE.json</code>. The checksum
shows a result edited by hand (tamper-evident); it is not a signature (not tamper-proof).</p>
</body>
</html>
`;
}
