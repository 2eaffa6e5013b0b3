import { describe, expect, it } from 'vitest';
import { watchNeededHeight } from './neededHeight';

/** A window with a hand-driven ResizeObserver and animation frames. */
function fakeWindow() {
  const frames: (() => void)[] = [];
  let notify = () => {};
  const win = {
    ResizeObserver: class {
      constructor(callback: () => void) {
        notify = callback;
      }
      observe() {}
      disconnect() {
        notify = () => {};
      }
    },
    requestAnimationFrame: (task: () => void) => frames.push(task),
    cancelAnimationFrame: () => (frames.length = 0),
  } as unknown as Window;
  const runFrames = () => frames.splice(0).forEach((task) => task());
  return { win, resize: () => notify(), runFrames };
}

describe('watchNeededHeight', () => {
  it('reports once per animation frame, only when the height changed', () => {
    let height = 600.4;
    const target = { getBoundingClientRect: () => ({ height }) } as Element;
    const { win, resize, runFrames } = fakeWindow();
    const told: number[] = [];
    const stop = watchNeededHeight(target, (h) => told.push(h), win);
    resize();
    resize();
    resize();
    runFrames();
    expect(told).toEqual([601]);
    resize();
    runFrames();
    expect(told).toEqual([601]);
    height = 720;
    resize();
    runFrames();
    expect(told).toEqual([601, 720]);
    stop();
    height = 800;
    resize();
    runFrames();
    expect(told).toEqual([601, 720]);
  });

  it('does nothing where there is no ResizeObserver', () => {
    const stop = watchNeededHeight({} as Element, () => {}, {} as Window);
    expect(stop).toBeTypeOf('function');
  });
});
