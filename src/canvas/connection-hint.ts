import type { ConnectionJudge } from '../domain';

/** What the tooltip at the pointer says while a connection is dragged, and in which colour. */
export interface ConnectionHint {
  readonly text: string;
  readonly tone: 'legal' | 'illegal' | 'idle';
}

/**
 * What dropping the connection from `fromId` on `toId` would do, in the judge's words: the one
 * rules engine explains a refusal here as it does in the status line after a drop.
 * @example connectionHint(judge, name, 'web-1', 'srv-1').text === 'Connects WFM_Web_1 → WFM_Server_1'
 */
export function connectionHint(
  judge: ConnectionJudge,
  nameOf: (id: string) => string,
  fromId: string,
  toId: string | null,
): ConnectionHint {
  if (toId === null) {
    return { text: `Drop on a highlighted component to connect ${nameOf(fromId)}`, tone: 'idle' };
  }
  const verdict = judge.canConnect(fromId, toId);
  return verdict.ok
    ? { text: `Connects ${nameOf(fromId)} → ${nameOf(toId)}`, tone: 'legal' }
    : { text: verdict.message, tone: 'illegal' };
}
