// The cluster picture as a standalone SVG (a copy of the drawing on the page with its styles
// inlined, since the page's CSS does not travel with the file, framed by a title and the run's
// caption), and any exported picture as a PNG at twice its size for a projector or slide.
import { themeRootOf } from '../theme/useTheme';
import type { PictureDocument } from './chartPicture';
import { captionBlock, captionSentence, PAD, svgDocument, titleBlock, type CaptionInput } from './chartPictureParts';

/** The styles that decide how our SVG looks. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
  'paint-order',
  'stroke-linejoin',
  'stroke-linecap',
] as const;

/** The width of every exported picture; the cluster drawing is scaled to fit it. */
const WIDTH = 960;
/** A tall drawing (a phone's) is scaled down to this height at most. */
const MAX_DRAWING_HEIGHT = 900;

/** The cluster picture on the page, if it is drawn. */
export function findClusterSvg(root: ParentNode = document): SVGSVGElement | null {
  return root.querySelector<SVGSVGElement>('svg.topology-svg');
}

/**
 * Runs `read` with the lab in its light theme if it shows the dark one: a picture for a slide or
 * a printout is dark on white. The swap and the swap back happen in one task, before any paint,
 * so the page never shows it.
 */
function inLightTheme<T>(element: Element, read: () => T): T {
  const root = themeRootOf(element);
  const theme = root?.dataset.theme;
  if (!root || theme !== 'dark') return read();
  root.dataset.theme = 'light';
  try {
    return read();
  } finally {
    root.dataset.theme = theme;
  }
}

/** A copy of `source` with every element's computed style written inline and no classes. */
function inlinedCopy(source: SVGSVGElement): SVGSVGElement {
  const clone = source.cloneNode(true) as SVGSVGElement;
  const from = [source, ...source.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((element, i) => {
    const target = to[i] as Element;
    const style = getComputedStyle(element);
    const inline = STYLE_PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
    // Through the CSSOM: the lab's Content-Security-Policy blocks style="…" set as an attribute.
    (target as SVGElement).style.cssText = inline;
    target.removeAttribute('class');
  });
  return clone;
}

/** The cluster picture as a standalone SVG document: title, the drawing, and the caption. */
export function clusterPictureSvg(source: SVGSVGElement, caption: CaptionInput): PictureDocument {
  const { clone, background } = inLightTheme(source, () => ({
    clone: inlinedCopy(source),
    background: getComputedStyle(source).getPropertyValue('--panel').trim() || '#ffffff',
  }));
  // The drawing's own proportions (its viewBox), not its box on the page, which may be letterboxed.
  const box = source.getBoundingClientRect();
  const view = source.viewBox.baseVal;
  const hasView = Boolean(source.getAttribute('viewBox')) && view.width > 0 && view.height > 0;
  const sourceWidth = Math.max(1, hasView ? view.width : box.width);
  const sourceHeight = Math.max(1, hasView ? view.height : box.height);
  if (!hasView) clone.setAttribute('viewBox', `0 0 ${sourceWidth} ${sourceHeight}`);
  const scale = Math.min((WIDTH - 2 * PAD) / sourceWidth, MAX_DRAWING_HEIGHT / sourceHeight);
  const width = Math.round(sourceWidth * scale);
  const height = Math.round(sourceHeight * scale);
  const time = `t = ${(caption.atMs / 1000).toFixed(1)} s`;
  const head = titleBlock('Cluster', `${time} · ${caption.scenarioName} · as the lab drew it`);
  clone.setAttribute('x', String(Math.round((WIDTH - width) / 2)));
  clone.setAttribute('y', String(head.height));
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const drawing = new XMLSerializer().serializeToString(clone);
  const backdrop = `<rect x="${(WIDTH - width) / 2}" y="${head.height}" width="${width}" height="${height}" fill="${background}"/>`;
  const foot = captionBlock(head.height + height + 12, WIDTH, caption);
  const total = head.height + height + 12 + foot.height;
  return {
    text: svgDocument({
      width: WIDTH,
      height: total,
      title: `Cluster, ${time}`,
      description: `The cluster as the lab drew it. ${captionSentence(caption)}`,
      link: caption.link,
      body: head.markup + backdrop + drawing + foot.markup,
    }),
    width: WIDTH,
    height: total,
  };
}

/** The SVG drawn at twice its size into a PNG, for a projector or a slide. */
export async function svgToPng(svg: PictureDocument, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
