// Whether a figure meets its target, said with an icon and a word (never colour alone).

export function SloStatus({ met, what }: { readonly met: boolean; readonly what?: string }) {
  return (
    <span className={`metric-slo ${met ? 'metric-slo-met' : 'metric-slo-missed'}`}>
      <span aria-hidden="true">{met ? '✓' : '✗'}</span> {what ? `${what} ` : ''}
      {met ? 'met' : 'missed'}
    </span>
  );
}
