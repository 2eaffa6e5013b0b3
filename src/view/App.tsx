// Page layout only; every feature lives in its own folder and reads the store itself.
import { ErrorBanner } from './common/ErrorBanner';
import { ErrorBoundary } from './common/ErrorBoundary';
import { LiveRegion } from './common/LiveRegion';
import { Panel } from './common/Panel';
import { LatencyHistogram } from './charts/LatencyHistogram';
import { TimeSeriesCharts } from './charts/TimeSeriesCharts';
import { HelpDialog } from './controls/HelpDialog';
import { KeyboardShortcuts } from './controls/KeyboardShortcuts';
import { CatchUpProgress } from './controls/CatchUpProgress';
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
        <ErrorBoundary what="The lab's buttons" part="header-buttons">
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
        </ErrorBoundary>
        <ErrorBoundary what="The playback controls" part="playback">
          <PlaybackBar />
        </ErrorBoundary>
      </header>
      <ErrorBoundary what="The error message" part="error-banner">
        <ErrorBanner />
      </ErrorBoundary>
      <ErrorBoundary what="The replay progress" part="progress">
        <CatchUpProgress />
      </ErrorBoundary>
      <main className={inLesson ? 'lab-main with-lesson' : 'lab-main'}>
        {inLesson && (
          <div className="lab-lesson">
            <ErrorBoundary what="The lesson" part="lesson">
              <LessonPanel />
            </ErrorBoundary>
          </div>
        )}
        <div className="lab-left">
          <Panel title="Cluster" className="topology-panel" quietTitle what="The cluster picture">
            <TopologyView />
          </Panel>
          {shows('inspector') && (
            <Panel title="Inspector" className="inspector-panel" what="The inspector">
              <NodeInspector />
            </Panel>
          )}
        </div>
        <div className="lab-right">
          <Panel title="Reliability" className="headline-panel" quietTitle what="The reliability figures">
            <HeadlineMetrics />
          </Panel>
          {shows('charts') && (
            <Panel title="Over time" className="charts-panel">
              <ErrorBoundary what="The charts" part="charts">
                <TimeSeriesCharts />
              </ErrorBoundary>
              {/* A lesson owns its run: scrubbing or comparing would pull it from under the step. */}
              {!inLesson && (
                <ErrorBoundary what="The timeline" part="timeline">
                  <Timeline />
                </ErrorBoundary>
              )}
              {!inLesson && !display.embed && (
                <ErrorBoundary what="The Compare button" part="compare-button">
                  <CompareButton />
                </ErrorBoundary>
              )}
            </Panel>
          )}
          {shows('histogram') && (
            <Panel title="Latency distribution" className="histogram-panel" what="The latency distribution">
              <LatencyHistogram />
            </Panel>
          )}
        </div>
        <div className="lab-bottom">
          {offered(only, 'faults') && shows('faults') && (
            <Panel title="Cluster faults" what="The cluster faults">
              <ClusterFaultsPanel />
            </Panel>
          )}
          {offered(only, 'load') && shows('load') && (
            <Panel title="Load" what="The load settings">
              <LoadPanel />
            </Panel>
          )}
          {offered(only, 'policy') && shows('policy') && (
            <Panel title="Policy" what="The policy settings">
              <PolicyPanel />
            </Panel>
          )}
          {shows('log') && (
            <Panel title="Event log" className="event-log-panel" what="The event log">
              <EventLog />
            </Panel>
          )}
        </div>
      </main>
      <HelpDialog />
      <LessonPicker />
      <ErrorBoundary what="The keyboard shortcuts" part="shortcuts">
        <KeyboardShortcuts />
        <LiveRegion />
      </ErrorBoundary>
    </div>
  );
}
