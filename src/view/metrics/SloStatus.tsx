// Whether a figure meets its target, said with an icon and a word (never colour alone).
// `data-verdict` carries the same word for tests.

export function SloStatus({ met, what }: { readonly met: boolean; readonly what?: string }) {
  const verdict = met ? 'met' : 'missed';
  return (
    <span className={`metric-slo metric-slo-${verdict}`} data-verdict={verdict}>
      <span aria-hidden="true">{met ? '✓' : '✗'}</span> {what ? `${what} ` : ''}
      {verdict}
    </span>
  );
}
