// Opens the lesson list from the header; the sandbox is the default view.
import { useLesson } from './lessonContext';

export function LessonsButton() {
  const actions = useLesson((s) => s.actions);
  return (
    <button type="button" className="lessons-button" onClick={() => actions.setPickerOpen(true)}>
      Lessons
    </button>
  );
}
