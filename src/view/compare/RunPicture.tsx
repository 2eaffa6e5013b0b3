// One run's cluster as it stands at the moment compared: the lab's own picture, drawn still (no
// buttons, menus or zoom), with a sentence saying the same in words. Two of them side by side show
// what the one policy change did to the cluster itself, not only to the figures.
import { useMemo } from 'react';
import type { Frame, Topology } from '../../sim/index';
import { ClusterDrawing } from '../topology/ClusterDrawing';
import { layoutTopology } from '../topology/layout';
import { diskOffsets, frontDetailsOf, nodeViewsOf } from '../topology/nodeState';
import { placedKey } from '../topology/presentLayout';
import { bandWordsOf } from '../topology/pipelineKinds';
import { clusterSummary } from './clusterSummary';

interface RunPictureProps {
  readonly run: 'a' | 'b';
  readonly label: string;
  readonly topology: Topology;
  readonly frame: Frame;
}

export function RunPicture({ run, label, topology, frame }: RunPictureProps) {
  // Only the nodes present at that moment get a place (absent consumer slots take no room).
  const placed = placedKey(topology, frame);
  const layout = useMemo(() => layoutTopology(topology, placed || undefined), [topology, placed]);
  const bandWords = useMemo(() => bandWordsOf(frame), [frame]);
  const views = useMemo(() => nodeViewsOf(topology, frame, diskOffsets(topology)), [topology, frame]);
  const details = useMemo(() => frontDetailsOf(topology, frame), [topology, frame]);
  return (
    <figure className={`run-picture topology topology-${layout.mode}`} data-run={run}>
      <figcaption>
        <strong>{label}</strong> {clusterSummary(topology, frame)}
      </figcaption>
      <svg className="run-picture-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} aria-hidden="true">
        <ClusterDrawing
          layout={layout}
          views={views}
          details={details}
          links={frame.links}
          rates={null}
          bandWords={bandWords}
        />
      </svg>
    </figure>
  );
}
