// The short start offered on a first visit (issue 12, built by the first-visit work).
export function FirstVisit() {
  return null;
}
