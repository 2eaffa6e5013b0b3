// The policies a user can change while the simulation runs: replication and quorums, client
// timeouts and retries, the load balancer, and the cache when there is one. Each change is one
// command (setPolicy, or setCache for the cache); with room to scale, the autoscaler and
// machine sizes (setAutoscaler, scaleUp).
import { BalancerFields } from './BalancerFields';
import { CacheFields } from './CacheFields';
import { StorageQueueField } from './StorageQueueField';
import { ReplicationFields } from './ReplicationFields';
import { ScalingFields } from './ScalingFields';
import { RetryFields } from './RetryFields';
import '../controls/fields.css';

export function PolicyPanel() {
  return (
    <div className="policy-panel">
      <ReplicationFields />
      <RetryFields />
      <BalancerFields />
      <CacheFields />
      <StorageQueueField />
      <ScalingFields />
    </div>
  );
}
