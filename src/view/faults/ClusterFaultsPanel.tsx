// Faults that belong to no single node or link: a bad configuration rolled out to the app
// servers, poison requests, and random hardware failures. (Per-node faults are in the topology's menus.)
import { HardwareFaultsForm } from './HardwareFaultsForm';
import { PoisonForm } from './PoisonForm';
import { RolloutForm } from './RolloutForm';
import '../controls/fields.css';

export function ClusterFaultsPanel() {
  return (
    <div className="cluster-faults">
      <RolloutForm />
      <PoisonForm />
      <HardwareFaultsForm />
    </div>
  );
}
