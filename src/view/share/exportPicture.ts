// Pictures of the cluster and the charts as standalone SVG (styles inlined, since the page's CSS
// does not travel with the file; the experiment's link in the SVG metadata) and as PNG.

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

export interface Picture {
  readonly name: string;
  readonly label: string;
  readonly svg: SVGSVGElement;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'chart'
  );
}

/** The pictures on the page now: the cluster and every chart. */
export function findPictures(root: ParentNode = document): Picture[] {
  const pictures: Picture[] = [];
  const cluster = root.querySelector<SVGSVGElement>('svg.topology-svg');
  if (cluster) pictures.push({ name: 'cluster', label: 'Cluster', svg: cluster });
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg.chart')) {
    const label = (svg.getAttribute('aria-label') ?? 'Chart').split(/ over | per second|[.,]/)[0]?.trim() ?? 'Chart';
    pictures.push({ name: slug(label), label, svg });
  }
  return pictures;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A standalone SVG document of a picture, with the experiment's link in its metadata. */
export function pictureSvg(picture: Picture, link: string): { text: string; width: number; height: number } {
  const source = picture.svg;
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
  const box = source.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const viewBox = clone.viewBox.baseVal;
  // The theme's panel colour behind the inlined colours: a dark theme's light text stays readable.
  const panel = getComputedStyle(source).getPropertyValue('--panel').trim() || '#ffffff';
  const meta = `<title>Faultline: ${escapeXml(picture.label)}</title><metadata><experiment xmlns="https://faultline.dev/experiment" href="${escapeXml(link)}">${escapeXml(link)}</experiment></metadata><rect x="${viewBox.x}" y="${viewBox.y}" width="${viewBox.width}" height="${viewBox.height}" fill="${escapeXml(panel)}"/>`;
  const markup = new XMLSerializer().serializeToString(clone);
  const at = markup.indexOf('>') + 1;
  return {
    text: `<?xml version="1.0" encoding="UTF-8"?>\n${markup.slice(0, at)}${meta}${markup.slice(at)}`,
    width,
    height,
  };
}

/** The SVG drawn at twice its size into a PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
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
