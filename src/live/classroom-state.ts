// The class this page teaches (issue 16 item 8, decision 035), for the dashboard and the top bar.
// Apart from classroom.ts so that showing whether a class is taught loads no Yjs.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** A learner as the trainer's dashboard shows them. */
export interface LearnerView {
  /** The roster entry's key: stable, unique in the class. */
  readonly id: string;
  readonly name: string;
  /** `sealed-wrong`: the entry does not open with the trainer's key (tampered or forged). */
  readonly state: 'opening' | 'live' | 'sealed-wrong';
  /** The learner's canvas as an SVG data URL, once their room's document arrived. */
  readonly thumbnail?: string;
  /** The room holds more than a thumbnail draws (a forged entry's room, say): goals only. */
  readonly tooLarge?: boolean;
  readonly met: number;
  readonly total: number;
  /** Their room's edit key: the trainer opens it to watch or help. Never shown. */
  readonly editKey?: string;
}

/** The class this page teaches. */
export interface Teaching {
  readonly exerciseId: string;
  /** The trainer's own exercise file the class is of (its text); absent for a built-in exercise. */
  readonly exerciseFile?: string;
  readonly classLink: string;
  readonly teachLink: string;
  readonly learners: readonly LearnerView[];
}

interface ClassroomState {
  readonly teaching: Teaching | null;
}

export const classroomStore = createStore<ClassroomState>(() => ({ teaching: null }));

export function useTeaching(): Teaching | null {
  return useStore(classroomStore, (state) => state.teaching);
}
