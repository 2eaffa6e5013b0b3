// The users' load: request rate, share of reads (and of searches, with a search index), and
// fan-out (partitions one read or one write touches), each applied as a setLoad command; plus a
// temporary spike. Values shown are the simulation's.
import type { AppState } from '../../store/appStore';
import { selectActions } from '../../store/selectors';
import { useApp } from '../../store/context';
import { RangeField } from '../controls/RangeField';
import { ShareField } from './ShareField';
import { SpikeForm } from './SpikeForm';
import '../controls/fields.css';

const loadOf = (s: AppState) => s.frame?.load ?? s.scenario.clients;
const selectRate = (s: AppState) => loadOf(s).rateRps;
const percent = (share: number) => Math.round(share * 1000) / 10;
const selectReadPercent = (s: AppState) => percent(loadOf(s).readShare);
/** Searches come out of the part that is not reads; the sim refuses reads + searches over 100%. */
const selectSearchPercent = (s: AppState) => percent(loadOf(s).searchShare ?? 0);
const selectHasIndex = (s: AppState) => s.scenario.index !== undefined;
const selectFanOut = (s: AppState) => loadOf(s).fanOut;
const selectWriteFanOut = (s: AppState) => loadOf(s).writeFanOut;
/** The slider reaches four times the scenario's own rate; the number box goes further. */
const selectRateSliderMax = (s: AppState) => Math.max(100, s.scenario.clients.rateRps * 4);

function sliderStep(max: number): number {
  return 10 ** Math.max(0, Math.floor(Math.log10(max / 100)));
}

export function LoadPanel() {
  const actions = useApp(selectActions);
  const rateRps = useApp(selectRate);
  const readPercent = useApp(selectReadPercent);
  const hasIndex = useApp(selectHasIndex);
  const searchPercent = useApp(selectSearchPercent);
  const fanOut = useApp(selectFanOut);
  const writeFanOut = useApp(selectWriteFanOut);
  const rateMax = useApp(selectRateSliderMax);
  return (
    <div className="load-panel">
      <fieldset className="form-group">
        <legend>Steady load</legend>
        <RangeField
          label="Request rate (requests per second)"
          value={rateRps}
          min={0}
          max={1e6}
          sliderMin={0}
          sliderMax={rateMax}
          step={sliderStep(rateMax)}
          onCommit={(v) => actions.apply({ type: 'setLoad', rateRps: v }, `Load ${v} req/s`)}
        />
        <ShareField
          label={`Reads (% of requests; the rest are ${hasIndex ? 'searches and writes' : 'writes'})`}
          percent={readPercent}
          onCommit={(v) => actions.apply({ type: 'setLoad', readShare: v / 100 }, `Reads ${v}%`)}
        />
        {hasIndex && (
          <ShareField
            label="Searches (% of requests, served by the search index)"
            hint="Taken from the writes: reads and searches together may be at most 100%."
            percent={searchPercent}
            onCommit={(v) => actions.apply({ type: 'setLoad', searchShare: v / 100 }, `Searches ${v}%`)}
          />
        )}
        <RangeField
          label="Fan-out (partitions each read touches)"
          value={fanOut}
          integer
          min={1}
          max={200}
          sliderMin={1}
          sliderMax={200}
          step={1}
          onCommit={(v) => actions.apply({ type: 'setLoad', fanOut: v }, `Fan-out ${v}`)}
        />
        <RangeField
          label="Write fan-out (partitions each write touches)"
          value={writeFanOut}
          integer
          min={1}
          max={200}
          sliderMin={1}
          sliderMax={200}
          step={1}
          onCommit={(v) => actions.apply({ type: 'setLoad', writeFanOut: v }, `Write fan-out ${v}`)}
        />
      </fieldset>
      <SpikeForm />
    </div>
  );
}
