// Page layout only; every feature lives in its own folder and reads the store itself.
import { ErrorBanner } from './common/ErrorBanner';
import { LiveRegion } from './common/LiveRegion';
import { Panel } from './common/Panel';
import { LatencyHistogram } from './charts/LatencyHistogram';
import { TimeSeriesCharts } from './charts/TimeSeriesCharts';
import { HelpDialog } from './controls/HelpDialog';
import { KeyboardShortcuts } from './controls/KeyboardShortcuts';
import { PlaybackBar } from './controls/PlaybackBar';
import { ClusterFaultsPanel } from './faults/ClusterFaultsPanel';
import { LoadPanel } from './load/LoadPanel';
import { EventLog } from './metrics/EventLog';
import { HeadlineMetrics } from './metrics/HeadlineMetrics';
import { PolicyPanel } from './policy/PolicyPanel';
import { NodeInspector } from './topology/NodeInspector';
import { TopologyView } from './topology/TopologyView';
import { selectOnlyControls } from '../store/lessonStore';
import { useLesson } from './lessons/lessonContext';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonPicker } from './lessons/LessonPicker';
import { LessonsButton } from './lessons/LessonsButton';
import { ShareButton } from './share/ShareButton';
import { Timeline } from './timeline/Timeline';
import { CompareButton } from './compare/CompareButton';
import type { PanelId } from '../share/displayOptions';
import { useDisplay } from './share/displayContext';
import { FullscreenButton } from './share/FullscreenButton';
import { OpenFullLab } from './share/OpenFullLab';

/** A lesson step may offer only some panels, to keep the learner on its point. */
const offered = (only: readonly string[] | null, panel: string) => only === null || only.includes(panel);

export function App() {
  const inLesson = useLesson((s) => s.lessonId !== null);
  const only = useLesson(selectOnlyControls);
  const display = useDisplay();
  const shows = (panel: PanelId) => !display.hidden.has(panel);
  return (
    <div className={display.embed ? 'lab is-embed' : 'lab'}>
      <header className="lab-header">
        <h1 className="lab-title">Faultline</h1>
        {display.embed ? (
          <>
            <OpenFullLab />
            <FullscreenButton />
          </>
        ) : (
          <>
            <LessonsButton />
            <ShareButton />
          </>
        )}
        <PlaybackBar />
      </header>
      <ErrorBanner />
      <main className={inLesson ? 'lab-main with-lesson' : 'lab-main'}>
        {inLesson && (
          <div className="lab-lesson">
            <LessonPanel />
          </div>
        )}
        <div className="lab-left">
          <Panel title="Cluster" className="topology-panel" quietTitle>
            <TopologyView />
          </Panel>
          {shows('inspector') && (
            <Panel title="Inspector" className="inspector-panel">
              <NodeInspector />
            </Panel>
          )}
        </div>
        <div className="lab-right">
          <Panel title="Reliability" className="headline-panel" quietTitle>
            <HeadlineMetrics />
          </Panel>
          {shows('charts') && (
            <Panel title="Over time" className="charts-panel">
              <TimeSeriesCharts />
              {/* A lesson owns its run: scrubbing or comparing would pull it from under the step. */}
              {!inLesson && <Timeline />}
              {!inLesson && !display.embed && <CompareButton />}
            </Panel>
          )}
          {shows('histogram') && (
            <Panel title="Latency distribution" className="histogram-panel">
              <LatencyHistogram />
            </Panel>
          )}
        </div>
        <div className="lab-bottom">
          {offered(only, 'faults') && shows('faults') && (
            <Panel title="Cluster faults">
              <ClusterFaultsPanel />
            </Panel>
          )}
          {offered(only, 'load') && shows('load') && (
            <Panel title="Load">
              <LoadPanel />
            </Panel>
          )}
          {offered(only, 'policy') && shows('policy') && (
            <Panel title="Policy">
              <PolicyPanel />
            </Panel>
          )}
          {shows('log') && (
            <Panel title="Event log" className="event-log-panel">
              <EventLog />
            </Panel>
          )}
        </div>
      </main>
      <HelpDialog />
      <LessonPicker />
      <KeyboardShortcuts />
      <LiveRegion />
    </div>
  );
}
