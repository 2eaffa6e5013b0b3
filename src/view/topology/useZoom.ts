// Zoom and pan of the cluster picture with d3-zoom. The transform is view-only state. Plain
// wheel scrolling keeps scrolling the page; Ctrl/Cmd + wheel (or a trackpad pinch) zooms, so the
// picture never traps the page scroll. Buttons give keyboard users the same moves.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

export const MAX_ZOOM = 8;

export interface ZoomControls {
  readonly transform: ZoomTransform;
  zoomBy(factor: number): void;
  reset(): void;
}

export function useZoom(svgRef: RefObject<SVGSVGElement | null>, width: number, height: number): ZoomControls {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const behavior = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .translateExtent([
        [0, 0],
        [width, height],
      ])
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => setTransform(event.transform));
    behavior.current = z;
    const selection = select(svg);
    // No double-click zoom: two quick clicks on a node mean "open its menu", not "zoom in".
    selection.call(z).on('dblclick.zoom', null);
    return () => {
      selection.on('.zoom', null);
      behavior.current = null;
    };
  }, [svgRef, width, height]);

  const zoomBy = useCallback(
    (factor: number) => {
      const svg = svgRef.current;
      if (svg && behavior.current) behavior.current.scaleBy(select(svg), factor);
    },
    [svgRef],
  );
  const reset = useCallback(() => {
    const svg = svgRef.current;
    if (svg && behavior.current) behavior.current.transform(select(svg), zoomIdentity);
  }, [svgRef]);
  return { transform, zoomBy, reset };
}
