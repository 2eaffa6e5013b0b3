import { describe, expect, it } from 'vitest';
import { defaultWithCache } from './cacheTestScenario';
import { createSimulation, getBuiltInScenario, type Topology } from '../../sim/index';
import { layoutTopology, neighbourOf, type NodeBox, type TopologyLayout } from './layout';

function topologyOf(id: string): Topology {
  const scenario = getBuiltInScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  return createSimulation(scenario, 1).topology();
}

function inside(layout: TopologyLayout, box: NodeBox): boolean {
  return (
    box.cx - box.width / 2 >= 0 &&
    box.cy - box.height / 2 >= 0 &&
    box.cx + box.width / 2 <= layout.width &&
    box.cy + box.height / 2 <= layout.height
  );
}

function overlap(a: NodeBox, b: NodeBox): boolean {
  return Math.abs(a.cx - b.cx) * 2 < a.width + b.width && Math.abs(a.cy - b.cy) * 2 < a.height + b.height;
}

/** The default scenario with a cache tier of two nodes and room for a third: the data system's shape in small. */
function withCache(): Topology {
  const { cache, ...base } = defaultWithCache('with-cache');
  const scenario = { ...base, id: 'with-cache', cache, scaling: { maxCacheNodes: 3, provisioningMs: 5000 } };
  return createSimulation(scenario, 1).topology();
}

describe.each(['default', 'single-server', 'large', 'with cache'])('layout of the %s scenario', (id) => {
  const topology = id === 'with cache' ? withCache() : topologyOf(id);
  const layout = layoutTopology(topology);

  it('places every node once, at a finite position inside the viewBox', () => {
    expect(Number.isFinite(layout.width) && Number.isFinite(layout.height)).toBe(true);
    expect(layout.nodes.map((n) => n.index).sort((a, b) => a - b)).toEqual(topology.nodes.map((_, i) => i));
    for (const box of layout.nodes) {
      expect(Number.isFinite(box.cx) && Number.isFinite(box.cy), box.id).toBe(true);
      expect(inside(layout, box), box.id).toBe(true);
    }
  });

  it('draws each rack as a band that contains its nodes', () => {
    expect(layout.racks.map((r) => r.id)).toEqual(topology.racks);
    for (const box of layout.nodes) {
      // In a big cluster the cache tier is a grid above the racks; in a small one, in its rack.
      if (box.kind === 'clients' || (box.kind === 'cache' && layout.mode === 'compact')) continue;
      const rack = layout.racks.find((r) => r.id === box.rack);
      expect(rack, box.id).toBeDefined();
      if (!rack) continue;
      expect(box.cx - box.width / 2 >= rack.x && box.cx + box.width / 2 <= rack.x + rack.width, box.id).toBe(true);
      expect(box.cy - box.height / 2 >= rack.y && box.cy + box.height / 2 <= rack.y + rack.height, box.id).toBe(true);
    }
  });

  it('keeps nodes apart and tiers in order from left to right', () => {
    const sorted = [...layout.nodes].sort((a, b) => a.cx - b.cx);
    const widest = Math.max(...sorted.map((n) => n.width));
    const clashes: string[] = [];
    sorted.forEach((a, i) => {
      // Sorted by x: once a node is further right than any box could reach, none after it overlaps.
      for (let j = i + 1; j < sorted.length && (sorted[j] as NodeBox).cx - a.cx < (a.width + widest) / 2; j++) {
        if (overlap(a, sorted[j] as NodeBox)) clashes.push(`${a.id} / ${sorted[j]?.id}`);
      }
    });
    expect(clashes).toEqual([]);
    const rightmost = (kind: NodeBox['kind']) =>
      Math.max(...layout.nodes.filter((n) => n.kind === kind).map((n) => n.cx));
    const leftmost = (kind: NodeBox['kind']) =>
      Math.min(...layout.nodes.filter((n) => n.kind === kind).map((n) => n.cx));
    expect(rightmost('clients')).toBeLessThan(leftmost('loadBalancer'));
    expect(rightmost('loadBalancer')).toBeLessThan(leftmost('app'));
    expect(rightmost('app')).toBeLessThan(leftmost('storage'));
    if (topology.cache) {
      expect(rightmost('app')).toBeLessThan(leftmost('cache'));
      expect(rightmost('cache')).toBeLessThan(leftmost('storage'));
    }
  });

  it('gives every link finite ends, drawn one by one or inside exactly one bundle', () => {
    const counted = new Uint8Array(topology.links.length);
    for (const line of layout.links) counted[line.index]! += 1;
    for (const bundle of layout.bundles) for (const l of bundle.links) counted[l]! += 1;
    expect(counted.every((c) => c === 1)).toBe(true);
    for (const p of [...layout.links, ...layout.bundles]) {
      expect([p.x1, p.y1, p.x2, p.y2].every(Number.isFinite)).toBe(true);
      expect(p.x1).toBeLessThan(p.x2);
    }
  });
});

describe('big clusters', () => {
  it('draw glyphs and one bundle per pair of racks, not one path per link', () => {
    const topology = topologyOf('large');
    const layout = layoutTopology(topology);
    const racks = topology.racks.length;
    expect(layout.mode).toBe('compact');
    expect(topology.links.length).toBeGreaterThan(50_000);
    expect(layout.links.map((l) => l.id)).toEqual(['clients~lb']);
    expect(layout.bundles.length).toBe(racks * racks + racks);
    expect(layout.nodes.filter((n) => n.kind === 'app' || n.kind === 'storage').every((n) => n.glyph)).toBe(true);
  });

  it('small clusters draw every link and labelled boxes', () => {
    const layout = layoutTopology(topologyOf('default'));
    expect(layout.mode).toBe('detailed');
    expect(layout.bundles).toEqual([]);
    expect(layout.links.map((l) => l.id)).toContain('lb~app-2');
    expect(layout.nodes.some((n) => n.glyph)).toBe(false);
  });
});

describe('a cache tier', () => {
  const topology = withCache();
  const layout = layoutTopology(topology);

  it('sits in a column between app servers and storage, each node in its rack, headed "Cache"', () => {
    const cache = layout.nodes.filter((n) => n.kind === 'cache');
    expect(cache.map((n) => n.id)).toEqual(['cache-1', 'cache-2', 'cache-3']);
    const band = layout.cacheBand;
    expect(band).not.toBeNull();
    if (!band) return;
    const firstRack = layout.racks[0];
    const lastRack = layout.racks[layout.racks.length - 1];
    expect(band.y).toBe(firstRack?.y);
    expect(band.y + band.height).toBe((lastRack?.y ?? 0) + (lastRack?.height ?? 0));
    for (const n of cache) {
      expect(n.cx - n.width / 2).toBeGreaterThanOrEqual(band.x);
      expect(n.cx + n.width / 2).toBeLessThanOrEqual(band.x + band.width);
    }
    expect(layout.tiers.map((t) => t.label)).toEqual(['Users', 'Load balancer', 'App servers', 'Cache', 'Storage']);
  });

  it('keeps the handles of the app-to-storage curves clear of the cache column', () => {
    const band = layout.cacheBand;
    const mesh = layout.links.filter((l) => l.id.includes('db-') && l.id.startsWith('app-'));
    expect(mesh.length).toBeGreaterThan(0);
    for (const line of mesh) expect(line.handle?.x ?? 0, line.id).toBeGreaterThan((band?.x ?? 0) + (band?.width ?? 0));
  });

  it('grows no taller than the same racks without a cache', () => {
    const without = layoutTopology(topologyOf('default'));
    expect(layout.height).toBeLessThanOrEqual(without.height + 1);
  });

  it('draws a compact grid with one bundle per app rack to the cache in a big cluster', async () => {
    const { layoutCompact } = await import('./layoutCompact');
    const compact = layoutCompact(topology);
    const toCache = compact.bundles.filter((b) => b.id.endsWith('~cache'));
    expect(toCache.length).toBe(topology.racks.length);
    expect(compact.cacheBand).not.toBeNull();
    for (const b of toCache) expect(b.x1).toBeLessThan(b.x2);
  });
});

describe('arrow-key neighbours', () => {
  const layout = layoutTopology(topologyOf('default'));
  const byId = (id: string) => layout.nodes.find((n) => n.id === id) as NodeBox;

  it('moves right through the tiers and stops at the edge', () => {
    expect(neighbourOf(layout, byId('clients').index, 'right')?.id).toBe('lb');
    expect(neighbourOf(layout, byId('lb').index, 'right')?.kind).toBe('app');
    expect(neighbourOf(layout, byId('clients').index, 'left')).toBeNull();
  });

  it('moves down within a column', () => {
    const next = neighbourOf(layout, byId('app-1').index, 'down');
    expect(next?.kind).toBe('app');
    expect(next?.cy).toBeGreaterThan(byId('app-1').cy);
  });
});
