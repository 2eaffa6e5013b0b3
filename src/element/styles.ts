// The lab's CSS, carried inside the module and adopted by the page once, as a constructed style
// sheet rather than a <style> element, so a host page's Content-Security-Policy needs no
// 'unsafe-inline' for styles. Every rule is scoped to
// `faultline-lab`, so the host page keeps its own body, headings and fonts: the app's `:root`,
// `html` and `body` rules become rules for the element itself, all others apply only inside it.
import appCss from '../view/app.css?inline';
import labCss from '../view/lab.css?inline';

/** The sheet each document has adopted, so several elements on one page share one. */
const adopted = new WeakMap<Document, CSSStyleSheet>();
const TAG = 'faultline-lab';

// Order as in the app: app.css and lab.css first (main.tsx), then the components' own files.
const componentCss = import.meta.glob<string>('../view/**/*.css', { query: '?inline', eager: true, import: 'default' });
const SOURCES = [
  appCss,
  labCss,
  ...Object.entries(componentCss)
    .filter(([path]) => !path.endsWith('/view/app.css') && !path.endsWith('/view/lab.css'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, css]) => css),
];

// The embed's "Open in Faultline" link and Full screen button act on the page's own address and
// document, which here are the host page's, not the lab's: hidden until the view can aim them.
const ELEMENT_CSS = `
${TAG} { display: block; position: relative; }
${TAG}[data-page-height] > .faultline-lab-content { height: 100%; overflow: auto; }
${TAG} .lab-header-links > .open-full-lab, ${TAG} .lab-header-links > .open-full-lab + button { display: none; }
`;

export function injectStyles(doc: Document = document): void {
  if (adopted.has(doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync([ELEMENT_CSS, ...SOURCES.map(scopeCss)].join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  adopted.set(doc, sheet);
}

/** Rewrites one stylesheet's selectors, using the browser's own CSS parser. */
function scopeCss(css: string): string {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  scopeRules(sheet.cssRules);
  return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
}

function scopeRules(rules: CSSRuleList): void {
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule) rule.selectorText = scopeSelectorList(rule.selectorText);
    // @media, @supports, @layer and the like hold style rules of their own; @keyframes does not.
    else if (rule instanceof CSSGroupingRule) scopeRules(rule.cssRules);
  }
}

function scopeSelectorList(list: string): string {
  return splitTopLevel(list)
    .map((selector) => {
      const page = /^(:root|html|body)(?![\w-])/.exec(selector);
      if (page) return TAG + selector.slice(page[0].length);
      return `${TAG} ${selector}`;
    })
    .join(', ');
}

/** Splits at commas outside parentheses (`:is(a, b)` stays whole). */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  return parts;
}
