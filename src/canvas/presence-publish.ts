// What I publish in a live room from the canvas (decision 033): my pointer, my selection and my
// view, all in diagram coordinates and throttled to PUBLISH_INTERVAL; and "follow", which shows
// another participant's view until I pan, zoom or press Escape.

import type { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { follow, useFollowing } from '../live/follow';
import { MAX_SELECTION, type Participant } from '../live/presence';
import { createThrottle } from '../live/throttle';
import { useDesignerStore } from '../store/react';
import type { Selection } from '../store/store';
import { ZOOM_RANGE } from './fit';
import { sameViewport, viewportShowing, visibleRect } from './presence-view';

/** At most 20 updates a second of each kind: smooth enough to watch, far under the server's limits. */
export const PUBLISH_INTERVAL = 50;

type FlowStore = ReturnType<typeof useStoreApi>;

/** My pointer over the canvas, cleared when it leaves the canvas. */
export function usePublishPointer(awareness: Awareness, flowStore: FlowStore): void {
  useEffect(() => {
    const pane = flowStore.getState().domNode;
    if (!pane) return;
    const throttle = createThrottle<{ x: number; y: number }>(
      (point) => awareness.setLocalStateField('pointer', point),
      PUBLISH_INTERVAL,
    );
    const onMove = (event: PointerEvent) => {
      const box = pane.getBoundingClientRect();
      const [tx, ty, zoom] = flowStore.getState().transform;
      throttle.push({
        x: Math.round((event.clientX - box.left - tx) / zoom),
        y: Math.round((event.clientY - box.top - ty) / zoom),
      });
    };
    const onLeave = () => {
      throttle.cancel();
      awareness.setLocalStateField('pointer', null);
    };
    pane.addEventListener('pointermove', onMove);
    pane.addEventListener('pointerleave', onLeave);
    return () => {
      pane.removeEventListener('pointermove', onMove);
      pane.removeEventListener('pointerleave', onLeave);
      onLeave();
    };
  }, [awareness, flowStore]);
}

function selectedIds(selection: Selection): string[] {
  return [...selection.components, ...selection.connections, ...(selection.layout ?? [])].slice(
    0,
    MAX_SELECTION,
  );
}

/** My selection: components, connections, hosts, zones and notes, by id. */
export function usePublishSelection(awareness: Awareness): void {
  const store = useDesignerStore();
  useEffect(() => {
    const throttle = createThrottle<Selection>(
      (selection) => awareness.setLocalStateField('selection', selectedIds(selection)),
      PUBLISH_INTERVAL,
    );
    throttle.push(store.getState().selection);
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) throttle.push(state.selection);
    });
    return () => {
      unsubscribe();
      throttle.cancel();
      awareness.setLocalStateField('selection', []);
    };
  }, [awareness, store]);
}

/** The part of the diagram I see, for those who follow me. */
export function usePublishView(awareness: Awareness, flowStore: FlowStore): void {
  useEffect(() => {
    const throttle = createThrottle<null>(() => {
      const { width, height, transform } = flowStore.getState();
      if (width > 0 && height > 0)
        awareness.setLocalStateField('view', visibleRect(width, height, transform));
    }, PUBLISH_INTERVAL);
    throttle.push(null);
    const unsubscribe = flowStore.subscribe((state, previous) => {
      if (
        state.transform !== previous.transform ||
        state.width !== previous.width ||
        state.height !== previous.height
      ) {
        throttle.push(null);
      }
    });
    return () => {
      unsubscribe();
      throttle.cancel();
    };
  }, [awareness, flowStore]);
}

/**
 * While I follow someone, my viewport shows their view. A viewport change I did not make (a pan,
 * a zoom, a fit) or Escape stops following, and the status line says so; so does their leaving.
 */
export function useFollow(participants: readonly Participant[], flowStore: FlowStore): void {
  const store = useDesignerStore();
  const following = useFollowing();
  const target =
    following === null ? undefined : participants.find((p) => p.clientId === following && !p.isMe);
  const name = useRef('');
  if (target) name.current = target.presence.user.name;
  const expected = useRef<{ x: number; y: number; zoom: number } | null>(null);

  useEffect(() => {
    if (following === null) return;
    const stop = (why: string) => {
      follow(null);
      store.getState().notify(why);
    };
    const unsubscribe = flowStore.subscribe((state, previous) => {
      const at = expected.current;
      if (state.transform === previous.transform || !at) return;
      if (!sameViewport(state.transform, at)) stop(`Stopped following ${name.current}.`);
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') stop(`Stopped following ${name.current}.`);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
      expected.current = null;
    };
  }, [following, flowStore, store]);

  const gone = following !== null && target === undefined && participants.length > 0;
  useEffect(() => {
    if (!gone) return;
    follow(null);
    store.getState().notify(`${name.current || 'The person you followed'} left; you no longer follow them.`);
  }, [gone, store]);

  const view = target?.presence.view;
  useEffect(() => {
    if (!view) return;
    const { width, height, transform, panZoom } = flowStore.getState();
    if (!(width > 0 && height > 0) || !panZoom) return;
    const next = viewportShowing(view, width, height, ZOOM_RANGE);
    expected.current = next;
    if (!sameViewport(transform, next)) void panZoom.setViewport(next, { duration: 0 });
  }, [view, flowStore]);

  // Leaving the room (or the canvas) stops following.
  useEffect(() => () => follow(null), []);
}
