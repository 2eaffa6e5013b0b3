import { describe, expect, it } from 'vitest';
import { hostMessageSchema, MAX_RESIZE_HEIGHT_PX, resizeMessage } from './hostMessages';

describe('the resize message', () => {
  it('asks for a whole number of CSS pixels, rounded up so nothing is cut off', () => {
    expect(resizeMessage(612.2)).toEqual({ type: 'faultline:resize', height: 613 });
    expect(resizeMessage(640)).toEqual({ type: 'faultline:resize', height: 640 });
  });

  it('stays within its bounds whatever the layout measured', () => {
    expect(resizeMessage(0).height).toBe(1);
    expect(resizeMessage(-5).height).toBe(1);
    expect(resizeMessage(Number.NaN).height).toBe(1);
    expect(resizeMessage(Number.POSITIVE_INFINITY).height).toBe(1);
    expect(resizeMessage(1e9).height).toBe(MAX_RESIZE_HEIGHT_PX);
  });

  it("is the lab's message only: a host that sends it is not obeyed", () => {
    expect(hostMessageSchema.safeParse({ type: 'faultline:resize', height: 500 }).success).toBe(false);
  });
});
