// Puts focus on the lesson's current step (its label), where reading starts and where Space plays
// and pauses; used when a lesson starts from the list or from the first-visit offer.
export const LESSON_STEP_LABEL_ID = 'lesson-step-label';

/** Focuses the step label of the lesson in the same lab as `from`; false when no lesson is shown. */
export function focusLessonStep(from: Element): boolean {
  const lab = from.closest('.lab') ?? from.ownerDocument.body;
  const label = lab.querySelector<HTMLElement>(`#${LESSON_STEP_LABEL_ID}`);
  if (!label) return false;
  label.focus();
  return true;
}
