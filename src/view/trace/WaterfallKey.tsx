// What the waterfall's marks mean, in words beside a sample of each (the patterns, not only colours).
const KEYS = [
  { kind: 'hop', text: 'a message on a link' },
  { kind: 'queued', text: 'waiting in a queue' },
  { kind: 'served', text: 'served' },
  { kind: 'disk', text: "a replica's disk" },
  { kind: 'timeout', text: 'timed out' },
  { kind: 'backoff', text: 'backoff before a retry' },
  { kind: 'lost', text: '× lost' },
] as const;

export function WaterfallKey() {
  return (
    <ul className="waterfall-key" aria-label="What the bars mean">
      {KEYS.map((key) => (
        <li key={key.kind}>
          {key.kind !== 'lost' && (
            <span aria-hidden="true" className={`waterfall-swatch waterfall-swatch-${key.kind}`} />
          )}
          {key.text}
        </li>
      ))}
    </ul>
  );
}
