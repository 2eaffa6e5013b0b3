// How lesson figures read in prose: "42 ms", "99.7%", "1,204", "310 req/s".
import type { Unit } from './lessonSchema';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function significant(value: number, digits = 3): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 100) return grouped.format(value);
  return Number(value.toPrecision(digits)).toString();
}

/**
 * A count, whole: "1,204". An expected count from a formula can be a fraction: one under a half
 * reads "fewer than one" (a lesson never says "about 0 partitions" when it means 0.02).
 */
export function formatExpectedCount(value: number): string {
  if (value > 0 && value < 0.5) return 'fewer than one';
  return grouped.format(Math.round(value));
}

export function formatFigure(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'not measured yet';
  switch (unit) {
    case 'ms':
      return value >= 10_000 ? `${significant(value / 1000)} s` : `${significant(value)} ms`;
    case 'percent': {
      // Availability near 1 needs more digits to show the difference between 99.9% and 99.99%.
      const pct = value * 100;
      const text = pct > 99 && pct < 100 ? pct.toFixed(pct > 99.9 ? 3 : 2) : significant(pct);
      return `${text}%`;
    }
    case 'count':
      return formatExpectedCount(value);
    case 'rps':
      return `${significant(value)} req/s`;
    case 'ratio':
      return `${significant(value, 2)}×`;
    case 'hours':
      return value >= 48 ? `${significant(value / 24)} days` : `${significant(value)} hours`;
  }
}
