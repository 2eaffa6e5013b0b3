// Which window the figures are judged over: the last 10 or 60 simulated seconds, or the whole
// run. A native select: a keyboard and a screen reader know it already.
import { useId } from 'react';
import { FIGURE_WINDOWS, isFigureWindowId } from '../../store/figureWindow';
import { useFigureWindow } from './useWindowFigures';
import './window.css';

export function WindowPicker() {
  const [window, setWindow] = useFigureWindow();
  const id = useId();
  return (
    <span className="headline-window">
      <label htmlFor={id}>
        Window<span className="visually-hidden"> for availability, errors, latency and the error budget</span>
      </label>
      <select
        id={id}
        value={window.id}
        data-testid="figure-window"
        onChange={(e) => {
          if (isFigureWindowId(e.target.value)) setWindow(e.target.value);
        }}
      >
        {FIGURE_WINDOWS.map((w) => (
          <option key={w.id} value={w.id}>
            {w.option}
          </option>
        ))}
      </select>
    </span>
  );
}
