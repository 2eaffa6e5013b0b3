// A simulated duration in the unit a person would say it in: "40 s", "12 min", "5.0 hours", "3.0 days".

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return 'never';
  const s = ms / 1000;
  if (s < 1) return `${Math.round(ms)} ms`;
  if (s < 90) return `${s < 10 ? s.toFixed(1) : Math.round(s)} s`;
  const min = s / 60;
  if (min < 90) return `${Math.round(min)} min`;
  const hours = min / 60;
  if (hours < 48) return `${hours.toFixed(1)} hours`;
  const days = hours / 24;
  if (days < 730) return `${days < 10 ? days.toFixed(1) : Math.round(days).toLocaleString('en-US')} days`;
  return `${(days / 365).toFixed(1)} years`;
}
