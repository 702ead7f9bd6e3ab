import { memo } from 'react';
import { type ComponentKind, kindInfo } from '../domain';

/** The kind's stroke icon, decorative: its text label always stands beside it. */
export const KindIcon = memo(function KindIcon({ kind, size = 20 }: { kind: ComponentKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {kindInfo(kind).icon.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
});
