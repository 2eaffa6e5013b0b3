// The height an embedded lab needs to show everything without scrolling inside its frame: the
// height of its content, measured with a ResizeObserver and reported at most once per animation
// frame (a chart redrawing sixty times a second must not flood the host with messages), and only
// when it changed.
export function watchNeededHeight(
  target: Element,
  onHeight: (heightPx: number) => void,
  win: Window = window,
): () => void {
  const Observer = (win as Window & { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
  if (!Observer) return () => {};
  let frame = 0;
  let last = -1;
  const measure = () => {
    frame = 0;
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    onHeight(height);
  };
  const observer = new Observer(() => {
    if (frame === 0) frame = win.requestAnimationFrame(measure);
  });
  observer.observe(target);
  return () => {
    observer.disconnect();
    if (frame !== 0) win.cancelAnimationFrame(frame);
  };
}
