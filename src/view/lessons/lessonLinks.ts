// Keeps the lesson and step in the URL fragment (`#lesson=disks-at-scale&step=3`): a link opens
// that step, and moving through a lesson updates the address so it can be copied or bookmarked.
import { formatLessonLink, parseLessonLink } from '../../lessons/deepLink';
import type { LessonStore } from '../../store/lessonStore';

export function startLessonLinks(store: LessonStore, win: Window = window): () => void {
  const openFromHash = () => {
    const parsed = parseLessonLink(win.location.hash);
    if (!parsed.ok) return store.getState().actions.report(parsed.error);
    const link = parsed.link;
    const s = store.getState();
    if (link && (link.lessonId !== s.lessonId || link.stepIndex !== s.stepIndex))
      s.actions.open(link.lessonId, link.stepIndex);
  };
  // After the lab's own first run has started (it is queued as a microtask), not before it.
  queueMicrotask(openFromHash);
  win.addEventListener('hashchange', openFromHash);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.lessonId === prev.lessonId && s.stepIndex === prev.stepIndex) return;
    const url = new URL(win.location.href);
    url.hash = s.lessonId ? formatLessonLink({ lessonId: s.lessonId, stepIndex: s.stepIndex }) : '';
    win.history.replaceState(win.history.state, '', url.hash ? url.toString() : url.pathname + url.search);
  });
  return () => {
    win.removeEventListener('hashchange', openFromHash);
    unsubscribe();
  };
}
