// Gives lesson components the lesson store built by main.tsx; useLesson reads it through a selector.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LessonState, LessonStore } from '../../store/lessonStore';

export const LessonContext = createContext<LessonStore | null>(null);

export function useLesson<T>(selector: (state: LessonState) => T): T {
  const store = useContext(LessonContext);
  if (!store) throw new Error('useLesson must be used inside <LessonContext.Provider>');
  return useStore(store, selector);
}
