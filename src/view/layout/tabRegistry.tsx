// The tabs of the rail beside the cluster picture, as data: one entry per tab, so a new tab (a
// request trace, say) is one entry here, not a new branch in the layout. The order is the order on
// screen: the controls a teacher reaches for first, then what they read, then the run's setup.
import type { ReactNode } from 'react';
import type { PanelId } from '../../share/displayOptions';
import { LatencyHistogram } from '../charts/LatencyHistogram';
import { TimeSeriesCharts } from '../charts/TimeSeriesCharts';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Panel } from '../common/Panel';
import { CompareButton } from '../compare/CompareButton';
import { RunSetup } from '../controls/RunSetup';
import { ClusterFaultsPanel } from '../faults/ClusterFaultsPanel';
import { LoadPanel } from '../load/LoadPanel';
import { EventLog } from '../metrics/EventLog';
import { ForkNotice } from '../timeline/ForkNotice';
import { PolicyPanel } from '../policy/PolicyPanel';
import { Timeline } from '../timeline/Timeline';
import { NodeInspector } from '../topology/NodeInspector';
import { TraceView } from '../trace/TraceView';
import { SweepButton } from '../sweep/SweepButton';

/** What a tab's content may depend on besides the store. */
export interface RailContext {
  readonly inLesson: boolean;
  readonly embed: boolean;
  /** Whether a display panel is shown (`?hide=` and the embed's defaults take some away). */
  readonly shows: (panel: PanelId) => boolean;
}

export interface RailTab {
  /** Stable id, also used in element ids (`rail-tab-<id>`). */
  readonly id: string;
  /** The tab's name on screen and for assistive technology. */
  readonly label: string;
  /** The display panels it holds: it is offered while any of them is shown. Empty: always shown. */
  readonly panels: readonly PanelId[];
  /** A control a lesson step can withhold (its `only` list names the panel). */
  readonly lessonControl: boolean;
  /** Left out of an embedded lab: an embed shows one experiment, not a way to pick another. */
  readonly fullLabOnly?: boolean;
  readonly render: (context: RailContext) => ReactNode;
}

/** Inside a tab the tab names the panel, so the panel's own heading is for screen readers only. */
export const RAIL_TABS: readonly RailTab[] = [
  {
    id: 'faults',
    label: 'Faults',
    panels: ['faults'],
    lessonControl: true,
    render: () => (
      <Panel title="Cluster faults" className="rail-panel" quietTitle what="The cluster faults">
        <ClusterFaultsPanel />
      </Panel>
    ),
  },
  {
    id: 'load',
    label: 'Load',
    panels: ['load'],
    lessonControl: true,
    render: () => (
      <Panel title="Load" className="rail-panel" quietTitle what="The load settings">
        <LoadPanel />
      </Panel>
    ),
  },
  {
    id: 'policy',
    label: 'Policy',
    panels: ['policy'],
    lessonControl: true,
    render: () => (
      <Panel title="Policy" className="rail-panel" quietTitle what="The policy settings">
        <PolicyPanel />
      </Panel>
    ),
  },
  {
    id: 'charts',
    label: 'Charts',
    panels: ['charts', 'histogram'],
    lessonControl: false,
    render: ({ shows, inLesson, embed }) => (
      <>
        {shows('charts') && (
          <Panel title="Over time" className="rail-panel charts-panel" quietTitle>
            <ErrorBoundary what="The charts" part="charts">
              <TimeSeriesCharts />
            </ErrorBoundary>
            {/* A lesson owns its run: scrubbing or comparing would pull it from under the step. */}
            {!inLesson && (
              <ErrorBoundary what="The timeline" part="timeline">
                <Timeline />
                <ForkNotice />
              </ErrorBoundary>
            )}
            {!inLesson && !embed && (
              <ErrorBoundary what="The Compare button" part="compare-button">
                <CompareButton />
              </ErrorBoundary>
            )}
            {!inLesson && !embed && (
              <ErrorBoundary what="The Run many seeds button" part="sweep-button">
                <SweepButton />
              </ErrorBoundary>
            )}
          </Panel>
        )}
        {shows('histogram') && (
          <Panel title="Latency distribution" className="rail-panel histogram-panel" what="The latency distribution">
            <LatencyHistogram />
          </Panel>
        )}
      </>
    ),
  },
  {
    id: 'log',
    label: 'Log',
    panels: ['log'],
    lessonControl: false,
    render: () => (
      <Panel title="Event log" className="rail-panel event-log-panel" quietTitle what="The event log">
        <EventLog />
      </Panel>
    ),
  },
  {
    id: 'inspector',
    label: 'Inspector',
    panels: ['inspector'],
    lessonControl: false,
    render: () => (
      <Panel title="Inspector" className="rail-panel inspector-panel" quietTitle what="The inspector">
        <NodeInspector />
      </Panel>
    ),
  },
  {
    id: 'trace',
    label: 'Trace',
    panels: [],
    lessonControl: false,
    render: () => (
      <Panel title="Trace a request" className="rail-panel trace-panel" quietTitle what="The request trace">
        <TraceView />
      </Panel>
    ),
  },
  {
    id: 'setup',
    label: 'Setup',
    panels: [],
    lessonControl: false,
    fullLabOnly: true,
    render: () => (
      <Panel title="Run setup" className="rail-panel setup-panel" quietTitle what="The run setup">
        <RunSetup />
      </Panel>
    ),
  },
];

/** The tabs on offer: a hidden panel's tab goes, and so does a control the lesson step withholds. */
export function offeredTabs(
  context: RailContext,
  onlyControls: readonly string[] | null,
  tabs: readonly RailTab[] = RAIL_TABS,
): readonly RailTab[] {
  return tabs.filter((tab) => {
    if (tab.fullLabOnly && context.embed) return false;
    if (tab.panels.length > 0 && !tab.panels.some(context.shows)) return false;
    if (!tab.lessonControl || onlyControls === null) return true;
    return tab.panels.some((panel) => onlyControls.includes(panel));
  });
}
