// The cluster sweep's manifests (deploy/k8s) against the Kubernetes API's own schemas, their
// settings against each other, and the image's Dockerfile against what `npm run sweep` imports.
// deployRun.test.ts runs the pods' scripts.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Job } from 'kubernetes-models/batch/v1/Job';
import type { IJobSpec as JobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import { describe, expect, it } from 'vitest';
import {
  copySources,
  DOCKERFILE,
  dockerIgnores,
  dockerInstructions,
  execForm,
  importClosure,
  ROOT,
} from './deployCheck';
import {
  container,
  envValues,
  experimentJson,
  K8S,
  mountedVolume,
  podSpec,
  readManifests,
  sweepManifests,
} from './deployManifests';
import { loadInput } from './simInput';

interface Validating {
  validate(): void;
}
const MODELS: Record<string, new (data: never) => Validating> = {
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'batch/v1/Job': Job,
};

/** Throws the schema's complaint (e.g. "data/spec/parallelism must be integer"), or returns the kind. */
function validate(doc: unknown): string {
  const { apiVersion, kind } = doc as { apiVersion?: string; kind?: string };
  const key = `${apiVersion}/${kind}`;
  const Model = MODELS[key];
  if (!Model) throw new Error(`no schema for ${key}`);
  new Model(doc as never).validate();
  return key;
}

const manifestFiles = readdirSync(K8S).filter((name) => name.endsWith('.yaml') && name !== 'kustomization.yaml');
const { sweep, merge, pvc, configMap } = sweepManifests();
const sweepSpec = sweep.spec as JobSpec;

describe('deploy/k8s manifests', () => {
  it('are each valid against the Kubernetes schema for their kind', () => {
    const kinds = manifestFiles.flatMap((file) => readManifests(join(K8S, file)).map(validate));
    expect(kinds.sort()).toEqual(['batch/v1/Job', 'batch/v1/Job', 'v1/ConfigMap', 'v1/PersistentVolumeClaim']);
  });

  it('are rejected when broken: a misspelled completionMode, parallelism as a string, no containers', () => {
    const broken = (changes: Record<string, unknown>) => () =>
      validate({ ...sweep, spec: { ...sweep.spec, ...changes } });
    expect(broken({ completionMode: 'Indexd' })).toThrow(/completionMode must be equal to one of/);
    expect(broken({ parallelism: '100' })).toThrow(/parallelism must be integer/);
    expect(broken({ template: { spec: { restartPolicy: 'Never' } } })).toThrow(
      /must have required property containers/,
    );
    expect(() => validate({ ...pvc, spec: { ...pvc.spec, accessModes: 'ReadWriteMany' } })).toThrow(/must be array/);
  });

  it('the kustomization applies the volume, the experiment and the sweep; the merge comes after', () => {
    const [kustomization] = readManifests(join(K8S, 'kustomization.yaml')) as [{ resources: string[] }];
    expect(kustomization.resources.sort()).toEqual(manifestFiles.filter((f) => f !== 'merge-job.yaml').sort());
  });

  it('the sweep is an Indexed Job of SHARDS pods, each with the whole seed range and its CPU limit as workers', () => {
    expect(sweepSpec.completionMode).toBe('Indexed');
    expect(String(sweepSpec.completions)).toBe(envValues(sweep).SHARDS);
    expect(sweepSpec.parallelism).toBeLessThanOrEqual(sweepSpec.completions as number);
    expect(envValues(sweep).SEEDS).toMatch(/^\d+-\d+$/);
    const workers = container(sweep).env?.find((e) => e.name === 'WORKERS');
    expect(workers?.valueFrom?.resourceFieldRef).toMatchObject({ containerName: 'sweep', resource: 'limits.cpu' });
    const { requests, limits } = container(sweep).resources ?? {};
    expect(requests).toEqual(limits);
    // Exit 2 is bad input: that index fails at once, and with it the Job.
    expect(sweepSpec.podFailurePolicy?.rules[0]).toMatchObject({
      action: 'FailIndex',
      onExitCodes: { containerName: 'sweep', operator: 'In', values: [2] },
    });
    expect(podSpec(sweep).restartPolicy).toBe('Never');
  });

  it('the merge reads the folder the sweep writes, with the same shard count, image and volume', () => {
    expect(envValues(merge).SHARDS).toBe(envValues(sweep).SHARDS);
    expect(envValues(merge).RESULTS).toBe(envValues(sweep).RESULTS);
    expect(container(merge).image).toBe(container(sweep).image);
    expect(container(sweep).command).toEqual(['/app/deploy/run-shard.sh']);
    expect(container(merge).command).toEqual(['/app/deploy/merge.sh']);
    for (const job of [sweep, merge]) {
      const { volume, mountPath } = mountedVolume(job, 'persistentVolumeClaim');
      expect(volume.persistentVolumeClaim?.claimName).toBe(pvc.metadata?.name);
      expect(envValues(job).RESULTS?.startsWith(`${mountPath}/`)).toBe(true);
      // The image's user (node, uid 1000) owns what it writes on the volume.
      expect(podSpec(job).securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
    }
    expect(pvc.spec?.accessModes).toEqual(['ReadWriteMany']);
  });

  it("the sweep's experiment is the ConfigMap's experiment.json, which the CLI reads", () => {
    const { volume, mountPath } = mountedVolume(sweep, 'configMap');
    expect(volume.configMap?.name).toBe(configMap.metadata?.name);
    expect(envValues(sweep).EXPERIMENT).toBe(`${mountPath}/experiment.json`);
    const dir = mkdtempSync(join(tmpdir(), 'faultline-deploy-'));
    try {
      writeFileSync(join(dir, 'experiment.json'), experimentJson(configMap));
      expect(loadInput(join(dir, 'experiment.json')).scenario.hardwareFaults.enabled).toBe(true);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('deploy/Dockerfile', () => {
  const instructions = dockerInstructions(readFileSync(DOCKERFILE, 'utf8'));
  const ignoreFile = readFileSync(join(ROOT, 'deploy/Dockerfile.dockerignore'), 'utf8');
  const sources = instructions.filter((i) => i.keyword === 'COPY').flatMap(copySources);
  const inImage = (path: string) =>
    sources.some((source) => path === source || path.startsWith(`${source}/`)) && !dockerIgnores(ignoreFile, path);

  it('copies sources that exist and are in the build context; its entry point is the pod script', () => {
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(join(ROOT, source)), source).toBe(true);
      expect(dockerIgnores(ignoreFile, source), source).toBe(false);
    }
    const entry = instructions.find((i) => i.keyword === 'ENTRYPOINT') as (typeof instructions)[number];
    expect(execForm(entry)).toEqual(['/app/deploy/run-shard.sh']);
    expect(inImage('deploy/run-shard.sh') && inImage('deploy/merge.sh')).toBe(true);
    expect(instructions.find((i) => i.keyword === 'WORKDIR')?.args).toBe('/app');
    expect(instructions.findLast((i) => i.keyword === 'USER')?.args).toBe('node');
    expect(dockerIgnores(ignoreFile, 'src/sim/index.test.ts')).toBe(true);
    expect(dockerIgnores(ignoreFile, 'node_modules/zod/package.json')).toBe(true);
  });

  it('holds every file `npm run sweep` imports, and every package it imports is a runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const entry = /tsx (\S+)/.exec(pkg.scripts.sweep)?.[1] as string;
    expect(entry).toBe('scripts/sweep.ts');
    const closure = importClosure([entry]);
    expect(closure.unresolved).toEqual([]);
    expect(closure.files.filter((file) => !inImage(file))).toEqual([]);
    // The image installs dependencies only (npm ci --omit=dev), and tsx beside them.
    const runtime = new Set([...Object.keys(pkg.dependencies), 'tsx']);
    expect(closure.packages.filter((name) => !runtime.has(name))).toEqual([]);
  });
});
