import { lazy, Suspense } from 'react';
import { useLiveSession } from '../live/session';

// The People region loads only when a document is shared: a designer used alone never fetches it.
const PeopleRegion = lazy(() =>
  import('../panels/people-region').then((module) => ({ default: module.PeopleRegion })),
);

/** The People region while the open document is shared; nothing otherwise. */
export function PeopleSlot() {
  const session = useLiveSession();
  if (!session) return null;
  return (
    <Suspense fallback={null}>
      <PeopleRegion session={session} />
    </Suspense>
  );
}
