// The page's side of live sharing (issue 16, decision 032): the page's address and storage handed
// to src/live/room.ts, which loads only when the user shares or opens a live link.

import type { LiveLink } from '../live/links';
import { collabUrl, pageAddress } from '../live/links';
import type { PageContext } from '../live/room';
import type { DesignerStore } from '../store/store';

function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** What the room needs of this page. */
export function livePage(): PageContext {
  return {
    collabUrl: collabUrl(window.location),
    address: pageAddress(window.location),
    setHash: (hash) => {
      const { pathname, search } = window.location;
      window.history.replaceState(null, '', `${pathname}${search}${hash}`);
    },
    tabStorage: tabStorage(),
  };
}

let sharing = false;

/** "Share live": shares the open document (or shows the links of the session it is in). */
export async function shareLiveCommand(store: DesignerStore): Promise<void> {
  if (sharing) return;
  sharing = true;
  try {
    if (!store.getState().live) store.getState().notify('Connecting to the live server…', 'info');
    const { shareLive } = await import('../live/room');
    const result = await shareLive(store, livePage());
    if (!result.ok) {
      store.getState().notify(result.message, 'refusal');
      return;
    }
    store.getState().openDialog({ kind: 'live-share', ...result.links });
    store
      .getState()
      .notify(
        'Shared live: send the edit link to who may edit, the view link to who may only watch.',
        'success',
      );
  } finally {
    sharing = false;
  }
}

/** Opens the designer's live link, at page load. */
export async function joinLiveLink(store: DesignerStore, link: LiveLink): Promise<void> {
  const { joinLive } = await import('../live/room');
  await joinLive(store, link, livePage());
}
