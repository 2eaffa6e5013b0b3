// The policies a user can change while the simulation runs: replication and quorums, client
// timeouts and retries, the load balancer, and the cache when there is one. Each change is one
// command (setPolicy, or setCache for the cache); with room to scale, the autoscaler and
// machine sizes (setAutoscaler, scaleUp); with a log and a search index, their policies
// (setLog, setIndexMode).
import { BalancerFields } from './BalancerFields';
import { CacheFields } from './CacheFields';
import { IndexModeField } from './IndexModeField';
import { LogFields } from './LogFields';
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
      <LogFields />
      <IndexModeField />
      <ScalingFields />
    </div>
  );
}
