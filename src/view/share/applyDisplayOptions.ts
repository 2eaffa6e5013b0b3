// Start-up effects of the page options: speed, autoplay, a starting lesson, and any option that
// was ignored (said in the error banner, after the first run has started so it is not cleared).
import type { DisplayOptions } from '../../share/displayOptions';
import type { AppStore } from '../../store/appState';
import type { LessonStore } from '../../store/lessonStore';
// The theme variables every component sheet uses; loaded with the lab, whatever draws its header.
import '../theme/themes.css';

export function applyDisplayOptions(
  store: AppStore,
  lessons: LessonStore,
  options: DisplayOptions,
  problems: readonly string[],
) {
  const { actions } = store.getState();
  if (options.speed !== null) actions.setSpeed(options.speed);
  queueMicrotask(() => {
    if (options.lesson) lessons.getState().actions.open(options.lesson.id, options.lesson.stepIndex);
    if (options.autoplay) store.getState().actions.play();
    if (problems.length > 0) store.getState().actions.showProblem(problems.join(' '));
  });
}
