// Gives lesson components the lesson store built by main.tsx; useLesson reads it through a selector.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { selectOnlyControls, type LessonState, type LessonStore } from '../../store/lessonStore';

export const LessonContext = createContext<LessonStore | null>(null);

export function useLesson<T>(selector: (state: LessonState) => T): T {
  const store = useContext(LessonContext);
  if (!store) throw new Error('useLesson must be used inside <LessonContext.Provider>');
  return useStore(store, selector);
}

const NO_LESSON = () => () => {};

/**
 * The controls the current lesson step offers, or null for all: for views that also render
 * outside a lesson provider (component tests), where every control is offered.
 */
export function useOnlyControls(): readonly string[] | null {
  const store = useContext(LessonContext);
  return useSyncExternalStore(store?.subscribe ?? NO_LESSON, () =>
    store ? selectOnlyControls(store.getState()) : null,
  );
}
