// The header: one row at laptop, projector and embed sizes, whose height never changes while the
// lab runs (Play and Pause share one width, the clock has a fixed box). The run's scenario and
// seed are in the rail's Setup tab, which leaves room for the demo tools (HeaderExtras).
import { ErrorBoundary } from '../common/ErrorBoundary';
import { PlaybackBar } from '../controls/PlaybackBar';
import { HeaderExtras } from '../header/HeaderExtras';
import { LessonsButton } from '../lessons/LessonsButton';
import { FullscreenButton } from '../share/FullscreenButton';
import { OpenFullLab } from '../share/OpenFullLab';
import { ShareButton } from '../share/ShareButton';
import { useApp } from '../../store/context';
import { selectActions } from '../../store/selectors';

function HelpButton() {
  const actions = useApp(selectActions);
  return (
    <button
      type="button"
      className="help-button"
      onClick={() => actions.setHelpOpen(true)}
      aria-keyshortcuts="?"
      aria-haspopup="dialog"
    >
      Help <kbd aria-hidden="true">?</kbd>
    </button>
  );
}

export function LabHeader({ embed }: { readonly embed: boolean }) {
  return (
    <header className="lab-header">
      <h1 className="lab-title">Faultline</h1>
      <ErrorBoundary what="The lab's buttons" part="header-buttons">
        <div className="lab-header-links">
          {embed ? (
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
        </div>
      </ErrorBoundary>
      <ErrorBoundary what="The playback controls" part="playback">
        <PlaybackBar />
      </ErrorBoundary>
      <div className="lab-header-end">
        <ErrorBoundary what="The demo tools" part="header-extras">
          <HeaderExtras />
        </ErrorBoundary>
        <HelpButton />
      </div>
    </header>
  );
}
