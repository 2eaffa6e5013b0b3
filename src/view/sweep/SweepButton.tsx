// Opens "Run many seeds" from the Charts tab, beside Compare (the dialog lives in App.tsx).
import { useAppStore } from '../../store/context';
import { sweepRunnerOf } from './sweepRun';

export function SweepButton() {
  const runner = sweepRunnerOf(useAppStore());
  return (
    <button type="button" className="compare-button" aria-haspopup="dialog" onClick={() => runner.setOpen(true)}>
      Run many seeds…
    </button>
  );
}
