// The switch between moving requests and still traffic widths, beside the picture.
import { setMotion, useMotion } from './motionSetting';

export function MotionToggle() {
  const on = useMotion();
  return (
    <button
      type="button"
      className="motion-toggle"
      aria-pressed={on}
      title={
        on ? 'Requests move along the links (M)' : 'Traffic shown as still widths; press to show requests moving (M)'
      }
      onClick={() => setMotion(!on)}
    >
      Moving requests
    </button>
  );
}
