// Each consumer group's size with "−" and "+" (addConsumer, removeConsumer), beside the zoom
// buttons so the picture loses no height to another row. At a limit a button stays focusable and
// says why when pressed, as the tiers' do; absent consumer slots are the room these count.
import type { Frame, Topology } from '../../sim/index';
import { groupAnnounceOf, groupControlsOf } from './groupControls';
import { CountedControls } from './TierControls';

export function GroupControls({ topology, frame }: { topology: Topology; frame: Frame | null }) {
  return (
    <CountedControls
      controls={frame ? groupControlsOf(topology, frame) : []}
      announce={groupAnnounceOf}
      className="tier-controls group-controls"
    />
  );
}
