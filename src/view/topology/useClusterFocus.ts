// The cluster picture as one Tab stop (a roving tabindex): the node or link focused last keeps
// tabindex 0 and every other one has -1, so Tab goes past the whole picture in one press (the
// 500-node cluster had 502 stops) and comes back to where the learner was. Keys move focus inside.
import { useCallback, useRef, useState } from 'react';
import type { Topology } from '../../sim/index';
import type { Move } from './clusterKeys';
import { moveFromLink, moveFromNode, type FocusTarget } from './clusterNavigation';
import type { TopologyLayout } from './layout';

export interface ClusterFocus {
  /** The id of the node or link that is the picture's Tab stop. */
  readonly tabStop: string;
  onFocusItem(id: string): void;
  onNodeMove(index: number, move: Move): void;
  onLinkMove(index: number, move: Move): void;
}

export function useClusterFocus(
  topology: Topology,
  layout: TopologyLayout,
  focusItem: (target: FocusTarget) => void,
): ClusterFocus {
  const [tabStop, setTabStop] = useState(() => layout.nodes[0]?.id ?? '');
  // The node a link was reached from by L, so the next L (or ↑ ↓) goes on round that node.
  const origin = useRef<number | null>(null);
  const go = useCallback(
    (target: FocusTarget | null) => {
      if (!target) return;
      origin.current = target.kind === 'link' ? target.origin : null;
      focusItem(target);
    },
    [focusItem],
  );
  const onFocusItem = useCallback((id: string) => setTabStop(id), []);
  const onNodeMove = useCallback(
    (index: number, move: Move) => go(moveFromNode(layout, topology, index, move)),
    [go, layout, topology],
  );
  const onLinkMove = useCallback(
    (index: number, move: Move) => go(moveFromLink(layout, topology, index, origin.current, move)),
    [go, layout, topology],
  );
  return { tabStop, onFocusItem, onNodeMove, onLinkMove };
}
