import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { ConnectionJudge } from '../domain';
import { createDerivations, type Derivations, type ProblemIndex } from './derived';
import type { DesignerState, DesignerStore } from './store';

interface DesignerContextValue {
  readonly store: DesignerStore;
  readonly derivations: Derivations;
}

const DesignerContext = createContext<DesignerContextValue | null>(null);

/** Hands one store (and its memoised derivations) down to the whole app. */
export function DesignerProvider({ store, children }: { store: DesignerStore; children: ReactNode }) {
  const value = useMemo(() => ({ store, derivations: createDerivations() }), [store]);
  return <DesignerContext.Provider value={value}>{children}</DesignerContext.Provider>;
}

function useDesignerContext(): DesignerContextValue {
  const value = useContext(DesignerContext);
  if (!value) throw new Error('useDesigner must be used inside <DesignerProvider>');
  return value;
}

/** Reads the smallest slice of the store a component needs. */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerContext().store, selector);
}

/** The store itself, for event handlers that read state at call time. */
export function useDesignerStore(): DesignerStore {
  return useDesignerContext().store;
}

/** Problems derived from the document, re-computed only on a structural change. */
export function useProblems(): ProblemIndex {
  const { store, derivations } = useDesignerContext();
  return useStore(store, (state) => derivations.problems(state.document));
}

/** The connection judge of the current document. */
export function useJudge(): ConnectionJudge {
  const { store, derivations } = useDesignerContext();
  return useStore(store, (state) => derivations.judge(state.document));
}

/** The store's memoised derivations, for code that reads them at call time (a store listener). */
export function useDerivations(): Derivations {
  return useDesignerContext().derivations;
}
