// In an embed, the way out: the same experiment in the full lab, in a new tab.
export function OpenFullLab() {
  const url = new URL(window.location.href);
  url.search = '';
  return (
    <a className="open-full-lab" href={url.toString()} target="_blank" rel="noopener">
      Open in Faultline
    </a>
  );
}
