// The committed JSON Schemas in docs/ must be exactly what `npm run schema` generates, so the
// documented scenario format cannot drift from the zod schema the simulation validates with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtInScenarios,
  createSimulation,
  getBuiltInScenario,
  parseCommand,
  parseScenario,
  scenarioSchema,
  type Scenario,
} from '../src/sim/index';
import { DOCS_DIR, findStaleSchemas, generateSchemas } from './schema';

const generated = generateSchemas();
const FILES = ['scenario.schema.json', 'command.schema.json'];

describe('generated JSON Schemas', () => {
  it('are the two documented files', () => {
    expect(Object.keys(generated).sort()).toEqual([...FILES].sort());
  });

  it.each(FILES)('docs/%s on disk equals the generated text (run `npm run schema` if not)', (name) => {
    expect(readFileSync(join(DOCS_DIR, name), 'utf8')).toBe(generated[name]);
  });

  it('are deterministic: 2-space JSON with a trailing newline, the same on every call', () => {
    expect(generateSchemas()).toEqual(generated);
    for (const text of Object.values(generated)) {
      expect(text.endsWith('}\n')).toBe(true);
      expect(`${JSON.stringify(JSON.parse(text), null, 2)}\n`).toBe(text);
    }
  });

  it('describe a strict scenario object', () => {
    const json = JSON.parse(generated['scenario.schema.json'] as string) as Record<string, unknown>;
    expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(json.additionalProperties).toBe(false);
    // Every top-level section is required except the optional tiers (cache, scaling), which old files lack.
    const shape: Record<string, { safeParse(v: unknown): { success: boolean } }> = scenarioSchema.shape;
    const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
    expect(json.required).toEqual(required);
    expect(required).not.toContain('cache');
    expect(Object.keys(json.properties as object)).toEqual(Object.keys(shape));
  });
});

describe('findStaleSchemas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-schema-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports missing and edited files, and nothing once they match', () => {
    expect(findStaleSchemas(dir).sort()).toEqual([...FILES].sort());
    for (const [name, text] of Object.entries(generated)) writeFileSync(join(dir, name), text);
    expect(findStaleSchemas(dir)).toEqual([]);
    writeFileSync(
      join(dir, 'command.schema.json'),
      (generated['command.schema.json'] as string).replace('"oneOf"', '"anyOf"'),
    );
    expect(findStaleSchemas(dir)).toEqual(['command.schema.json']);
  });

  it('`npm run schema -- --check` passes on the committed docs', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/schema.ts', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toContain('up to date');
  }, 30_000);
});

describe('scenarioSchema (zod) is strict', () => {
  const base = getBuiltInScenario('default') as Scenario;

  it.each(builtInScenarios.map((s) => [s.id, s] as const))('accepts the built-in scenario %s', (_id, scenario) => {
    expect(scenarioSchema.safeParse(scenario).success).toBe(true);
  });

  it('rejects an unknown top-level key, naming it', () => {
    const result = scenarioSchema.safeParse({ ...base, colour: 'blue' });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.code).toBe('unrecognized_keys');
    expect(issue?.path).toEqual([]);
    expect(issue?.message).toContain('colour');
  });

  it('rejects an unknown nested key with its path', () => {
    const result = scenarioSchema.safeParse({
      ...base,
      policy: { ...base.policy, retry: { ...base.policy.retry, backoff: 2 } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys');
    expect(result.error?.issues[0]?.path).toEqual(['policy', 'retry']);
  });
});

describe('docs/scenario-format.md examples', () => {
  const markdown = readFileSync(join(DOCS_DIR, 'scenario-format.md'), 'utf8');
  const blocks = [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as unknown);

  it('the example scenario is valid and builds a simulation', () => {
    const example = blocks.find((b) => !Array.isArray(b));
    const parsed = parseScenario(example);
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (parsed.ok) expect(() => createSimulation(parsed.value, 1)).not.toThrow();
  });

  it('the example commands are valid and apply to the example scenario', () => {
    const commands = blocks.find((b) => Array.isArray(b)) as unknown[];
    expect(commands.length).toBeGreaterThan(0);
    const sim = createSimulation(getBuiltInScenario('default') as Scenario, 1);
    for (const command of commands) {
      const parsed = parseCommand(command);
      expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      expect(sim.apply(command)).toEqual({ ok: true });
    }
  });
});
