// The header's live-demo tools: theme picker, "Heal everything" and "Undo last action" (issue 12,
// built by the theme work; empty until then so the layout can place it).
export function HeaderExtras() {
  return null;
}
