// The Share dialog's Export section: the metrics per second (CSV), the event log (JSON) and the
// pictures (SVG and PNG), every file named for the run and the moment it shows (exportFileName),
// so two exports of the same moment get the same name. Chart pictures are built from the run's
// data (chartPicture.ts), so they are offered whether or not the Charts tab is open.
import { windowsCsv } from '../../share/exportCsv';
import { eventLinesJson } from '../../share/exportEvents';
import { exportFileName, type ExportName } from '../../share/fileNames';
import type { AppState } from '../../store/appState';
import { useAppStore } from '../../store/context';
import { CAUSE_WORDS, marksFromEvents } from '../charts/chartMarks';
import { lineOf } from '../eventlog/logLines';
import { chartViewOf } from '../charts/chartView';
import { chartPictureSvg, type PictureDocument } from './chartPicture';
import type { MarkInput } from './chartPictureMarks';
import type { CaptionInput } from './chartPictureParts';
import { CHART_PICTURES } from './chartPictureSpecs';
import { downloadBlob, downloadText } from './download';
import { clusterPictureSvg, findClusterSvg, svgToPng } from './exportPicture';

/** The run and moment the dialog was opened at: what every exported file belongs to. */
export type ExportMoment = CaptionInput;

/** A file's name for this run and moment. */
export function fileName(moment: ExportMoment, what: string, ext: ExportName['ext']): string {
  return exportFileName({ scenarioId: moment.scenarioId, seed: moment.seed, timeMs: moment.atMs, what, ext });
}

/** Every event the lab keeps, in the same words and columns as the event log's own export. */
function allEventsJson(s: AppState, moment: ExportMoment): string {
  const from = { scenarioId: moment.scenarioId, seed: moment.seed, timeMs: moment.atMs, filter: 'all events' };
  return eventLinesJson(s.events.map(lineOf), from);
}

/** The charts' marks as a picture lists them: what happened, its kind and who set it off. */
function pictureMarks(s: AppState): MarkInput[] {
  return marksFromEvents(s.events).map((m) => ({
    timeMs: m.timeMs,
    label: `${m.kind}: ${m.text} (${CAUSE_WORDS[m.cause]})`,
  }));
}

interface Picture {
  readonly what: string;
  readonly label: string;
  /** Drawn when asked for, from the state then: null if the picture is no longer on the page. */
  readonly draw: (s: AppState, caption: CaptionInput, spanS: number) => PictureDocument | null;
}

const CHARTS: readonly Picture[] = CHART_PICTURES.map(({ kind, title }) => ({
  what: kind,
  label: title,
  draw: (s, caption, spanS) =>
    chartPictureSvg({ ...caption, kind, windows: s.windows, marks: pictureMarks(s), slo: s.scenario.slo, spanS }),
}));

const CLUSTER: Picture = {
  what: 'cluster',
  label: 'Cluster',
  draw: (_s, caption) => {
    const svg = findClusterSvg();
    return svg ? clusterPictureSvg(svg, caption) : null;
  },
};

interface ExportSectionProps {
  readonly moment: ExportMoment;
  readonly onStatus: (text: string) => void;
}

export function ExportSection({ moment, onStatus }: ExportSectionProps) {
  const store = useAppStore();
  // The cluster is offered when it is drawn; the charts always, from the run's data.
  const offered = findClusterSvg() ? [CLUSTER, ...CHARTS] : CHARTS;

  const save = (picture: Picture, ext: 'svg' | 'png') => {
    // The span the page's charts show (their picker), so the picture covers the same seconds.
    const svg = picture.draw(store.getState(), moment, chartViewOf(store).getState().spanS);
    if (!svg) return onStatus(`The ${picture.label} picture is not drawn now.`);
    const name = fileName(moment, picture.what, ext);
    if (ext === 'svg') return downloadText(name, svg.text, 'image/svg+xml');
    svgToPng(svg)
      .then((png) => downloadBlob(name, png))
      .catch(() => onStatus(`The ${picture.label} picture could not be turned into a PNG.`));
  };

  return (
    <>
      <h3 className="share-subtitle">Export</h3>
      <div className="share-files">
        <button
          type="button"
          onClick={() =>
            downloadText(fileName(moment, 'metrics', 'csv'), windowsCsv(store.getState().windows), 'text/csv')
          }
        >
          Metrics per second (CSV)
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              fileName(moment, 'events', 'json'),
              allEventsJson(store.getState(), moment),
              'application/json',
            )
          }
        >
          Event log (JSON)
        </button>
      </div>
      <ul className="share-pictures">
        {offered.map((picture) => (
          <li key={picture.what}>
            <span>{picture.label}</span>
            <button type="button" onClick={() => save(picture, 'svg')}>
              {picture.label} (SVG)
            </button>
            <button type="button" onClick={() => save(picture, 'png')}>
              {picture.label} (PNG)
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
