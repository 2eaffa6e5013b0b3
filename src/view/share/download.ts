// Saves text as a file through a temporary link: no server involved.
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next task, after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
