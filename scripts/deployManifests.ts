// The cluster sweep's manifests under deploy/k8s, read as the Kubernetes API's own types, and the
// fields the deploy tests compare: a pod's container, environment and mounts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './deployCheck';

export const K8S = join(ROOT, 'deploy/k8s');

/** Every YAML document of a file, as plain data; a YAML error is thrown, naming the file. */
export function readManifests(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    return doc.toJS() as unknown;
  });
}

export interface SweepManifests {
  readonly sweep: IJob;
  readonly merge: IJob;
  readonly pvc: IPersistentVolumeClaim;
  readonly configMap: IConfigMap;
}

/** The first document of each manifest file (each holds one). */
export function sweepManifests(): SweepManifests {
  const first = (file: string) => readManifests(join(K8S, file))[0];
  return {
    sweep: first('sweep-job.yaml') as IJob,
    merge: first('merge-job.yaml') as IJob,
    pvc: first('sweep-pvc.yaml') as IPersistentVolumeClaim,
    configMap: first('experiment-configmap.yaml') as IConfigMap,
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the manifest has no ${what}`);
  return value;
}

export function podSpec(job: IJob): IPodSpec {
  return required(job.spec?.template.spec, `pod spec in ${job.metadata?.name}`);
}

/** The pod's one container. */
export function container(job: IJob): IContainer {
  return required(podSpec(job).containers[0], `container in ${job.metadata?.name}`);
}

/** The container's environment given as values (not those taken from elsewhere, as WORKERS is). */
export function envValues(job: IJob): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of container(job).env ?? [])
    if (variable.value !== undefined) values[variable.name] = variable.value;
  return values;
}

/** The pod's volume of a sort (configMap, persistentVolumeClaim, …) and where the container mounts it. */
export function mountedVolume(job: IJob, sort: keyof IVolume): { volume: IVolume; mountPath: string } {
  const volume = required(
    podSpec(job).volumes?.find((v) => v[sort] !== undefined),
    `${sort} volume in ${job.metadata?.name}`,
  );
  const mount = required(
    container(job).volumeMounts?.find((m) => m.name === volume.name),
    `mount of ${volume.name} in ${job.metadata?.name}`,
  );
  return { volume, mountPath: mount.mountPath };
}

/** The experiment file the ConfigMap holds. */
export function experimentJson(configMap: IConfigMap): string {
  return required(configMap.data?.['experiment.json'], 'experiment.json in the ConfigMap');
}
