// The event log's exports: units in the header, oldest first, times at the run's resolution,
// formulas defused, and only the lines given (the log passes its filtered lines).
import { describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, eventLinesCsv, eventLinesJson, type ExportedLine } from './exportEvents';

/** A small CSV reader (quoted cells, doubled quotes, empty cells). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/\r\n$/, '')
    .split('\r\n')
    .map((row) => {
      const cells: string[] = [];
      let i = 0;
      while (i <= row.length) {
        if (row[i] === '"') {
          let cell = '';
          i++;
          while (i < row.length && !(row[i] === '"' && row[i + 1] !== '"')) {
            cell += row[i] === '"' ? '"' : row[i];
            i += row[i] === '"' ? 2 : 1;
          }
          cells.push(cell);
          i += 2; // closing quote and comma
        } else {
          const end = row.indexOf(',', i);
          cells.push(row.slice(i, end < 0 ? row.length : end));
          i = end < 0 ? row.length + 1 : end + 1;
        }
      }
      return cells;
    });
}

const LINES: readonly ExportedLine[] = [
  {
    timeMs: 5299.999999999999,
    kind: 'fault',
    cause: 'user',
    nodes: ['db-3'],
    text: 'db-3 crashed',
    type: 'nodeCrashed',
    detail: 'crashed by hand',
    seq: 4,
  },
  {
    timeMs: 1000,
    kind: 'lesson',
    cause: 'lesson',
    nodes: [],
    text: 'Lesson step 1 began: "Watch"',
    type: 'lessonStep',
    detail: 'step:watch',
    seq: null,
  },
  {
    timeMs: 2000,
    kind: 'fault',
    cause: 'auto',
    nodes: ['app-1', 'db-2'],
    text: '=HYPERLINK("http://evil")',
    type: 'linkPartitioned',
    detail: '+1, @cmd',
    seq: 2,
  },
];

describe('event log exports', () => {
  it('writes CSV with units in its column names, oldest first, seconds at the run resolution', () => {
    const rows = parseCsv(eventLinesCsv(LINES));
    expect(rows[0]).toEqual([...EVENT_COLUMNS]);
    expect(rows[0]?.[0]).toBe('time_s');
    expect(rows.slice(1).map((r) => r[0])).toEqual(['1', '2', '5.3']);
    expect(rows[3]).toEqual(['5.3', 'fault', 'user', 'db-3', 'db-3 crashed', 'nodeCrashed', 'crashed by hand', '4']);
    expect(rows[1]?.[7]).toBe(''); // a lesson step has no seq
    expect(rows[1]?.[4]).toBe('Lesson step 1 began: "Watch"');
    expect(rows.every((r) => r.length === EVENT_COLUMNS.length)).toBe(true);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    const csv = eventLinesCsv(LINES);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'+1, @cmd"`);
    const row = parseCsv(csv)[2] ?? [];
    expect(row[3]).toBe('app-1 db-2');
    expect(row.slice(1).every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
  });

  it('writes JSON that says where it comes from, with the same lines and names', () => {
    const from = { scenarioId: 'large', seed: 7, timeMs: 12_345.6, filter: 'faults, about db-3' };
    const parsed = JSON.parse(eventLinesJson(LINES, from)) as {
      scenario: string;
      seed: number;
      shown_at_s: number;
      filter: string;
      count: number;
      events: Record<string, unknown>[];
    };
    expect(parsed).toMatchObject({ scenario: 'large', seed: 7, shown_at_s: 12.3456, filter: 'faults, about db-3' });
    expect(parsed.count).toBe(3);
    expect(parsed.events.map((e) => e.time_s)).toEqual([1, 2, 5.3]);
    expect(Object.keys(parsed.events[0] ?? {})).toEqual([...EVENT_COLUMNS]);
    expect(parsed.events[2]).toMatchObject({ node: 'db-3', text: 'db-3 crashed', seq: 4 });
  });

  it('exports an empty list as a header alone', () => {
    expect(eventLinesCsv([])).toBe(`${EVENT_COLUMNS.join(',')}\r\n`);
  });
});
