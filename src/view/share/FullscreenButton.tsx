// Full screen for an embedded lab (the iframe must allow it: `allow="fullscreen"`).
import { useEffect, useState } from 'react';

export function FullscreenButton() {
  const [full, setFull] = useState(false);
  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => void (full ? document.exitFullscreen() : document.documentElement.requestFullscreen());
  return (
    <button type="button" onClick={toggle}>
      {full ? 'Exit full screen' : 'Full screen'}
    </button>
  );
}
