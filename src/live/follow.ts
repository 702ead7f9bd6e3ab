// Whom I follow in a live room, if anyone: set from the People region, obeyed by the canvas (which
// shows that participant's view and lets go on my own pan or zoom). By client id: two people may
// share a name.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

interface FollowState {
  readonly following: number | null;
}

export const followStore = createStore<FollowState>(() => ({ following: null }));

export function follow(clientId: number | null): void {
  followStore.setState({ following: clientId });
}

export function useFollowing(): number | null {
  return useStore(followStore, (state) => state.following);
}
