// Page layout only; every feature lives in its own folder and reads the store itself. On a laptop
// or projector the lab is one screen (layout/layout.css): the header, the picture with its live
// chart, and a rail with the figures and the tabs of controls; a lesson takes a column of its own.
import { ErrorBanner } from './common/ErrorBanner';
import { ErrorBoundary } from './common/ErrorBoundary';
import { LiveRegion } from './common/LiveRegion';
import { Panel } from './common/Panel';
import { SkipLink } from './a11y/SkipLink';
import { LiveStrip } from './charts/LiveStrip';
import { HelpDialog } from './controls/HelpDialog';
import { KeyboardShortcuts } from './controls/KeyboardShortcuts';
import { CatchUpProgress } from './controls/CatchUpProgress';
import { TopologyView } from './topology/TopologyView';
import { useLesson } from './lessons/lessonContext';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonPicker } from './lessons/LessonPicker';
import type { PanelId } from '../share/displayOptions';
import { useDisplay } from './share/displayContext';
import { FirstVisit } from './tour/FirstVisit';
import { SweepDialog } from './sweep/SweepDialog';
import { LabHeader } from './layout/LabHeader';
import { Rail } from './layout/Rail';
import './layout/layout.css';

export function App() {
  const inLesson = useLesson((s) => s.lessonId !== null);
  const display = useDisplay();
  const shows = (panel: PanelId) => !display.hidden.has(panel);
  const context = { inLesson, embed: display.embed, shows };
  return (
    <div className={display.embed ? 'lab is-embed' : 'lab'}>
      <SkipLink />
      <LabHeader embed={display.embed} />
      <ErrorBoundary what="The error message" part="error-banner">
        <ErrorBanner />
      </ErrorBoundary>
      <ErrorBoundary what="The replay progress" part="progress">
        <CatchUpProgress />
      </ErrorBoundary>
      <main className={inLesson ? 'lab-main has-lesson' : 'lab-main'}>
        {inLesson && (
          <div className="lab-lesson">
            <ErrorBoundary what="The lesson" part="lesson">
              <LessonPanel />
            </ErrorBoundary>
          </div>
        )}
        <div className="lab-stage">
          <Panel title="Cluster" className="topology-panel" quietTitle what="The cluster picture">
            <TopologyView />
          </Panel>
          <ErrorBoundary what="The live chart" part="live-strip">
            <LiveStrip />
          </ErrorBoundary>
        </div>
        <Rail context={context} />
      </main>
      <HelpDialog />
      <LessonPicker />
      {!display.embed && <SweepDialog />}
      <FirstVisit />
      <ErrorBoundary what="The keyboard shortcuts" part="shortcuts">
        <KeyboardShortcuts />
        <LiveRegion />
      </ErrorBoundary>
    </div>
  );
}
