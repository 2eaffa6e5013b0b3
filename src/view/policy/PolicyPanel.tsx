// The policies a user can change while the simulation runs: replication and quorums, client
// timeouts and retries, and the load balancer. Each change is one setPolicy command.
import { BalancerFields } from './BalancerFields';
import { ReplicationFields } from './ReplicationFields';
import { RetryFields } from './RetryFields';
import '../controls/fields.css';

export function PolicyPanel() {
  return (
    <div className="policy-panel">
      <ReplicationFields />
      <RetryFields />
      <BalancerFields />
    </div>
  );
}
