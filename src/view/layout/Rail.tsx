// The column beside the picture: the headline figures, always in view, and under them the tabs
// of controls and views. On a phone the tabs fold into a "Controls" drawer that opens below the
// figures, in the page's flow, so it never covers them while the run plays.
import { useState } from 'react';
import { Panel } from '../common/Panel';
import { useLesson } from '../lessons/lessonContext';
import { HeadlineMetrics } from '../metrics/HeadlineMetrics';
import { selectOnlyControls } from '../../store/lessonStore';
import { offeredTabs, type RailContext } from './tabRegistry';
import { RailTabs } from './RailTabs';

export function Rail({ context }: { readonly context: RailContext }) {
  const only = useLesson(selectOnlyControls);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const tabs = offeredTabs(context, only);
  return (
    <div className="lab-rail">
      <Panel title="Reliability" className="headline-panel" quietTitle what="The reliability figures">
        <HeadlineMetrics />
      </Panel>
      {tabs.length > 0 && (
        <div className="rail-drawer" data-open={drawerOpen || undefined}>
          <button
            type="button"
            className="rail-drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="rail-drawer-body"
            onClick={() => setDrawerOpen(!drawerOpen)}
          >
            <span aria-hidden="true" className="rail-drawer-icon">
              {drawerOpen ? '▾' : '▸'}
            </span>
            Controls
          </button>
          <div className="rail-drawer-body" id="rail-drawer-body">
            <RailTabs tabs={tabs} context={context} onlyControls={only} />
          </div>
        </div>
      )}
    </div>
  );
}
