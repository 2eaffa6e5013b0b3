import { describe, expect, it } from 'vitest';
import { getLesson } from '../lessons/catalog/index';
import { parseDisplayOptions } from './displayOptions';

describe('display options', () => {
  it('default to the full lab', () => {
    const { options, problems } = parseDisplayOptions('');
    expect(options).toMatchObject({
      embed: false,
      speed: null,
      autoplay: false,
      host: null,
      lesson: null,
      theme: null,
    });
    expect([...options.hidden]).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('read embed mode, hidden panels, speed, autoplay, host and a starting lesson step', () => {
    const { options, problems } = parseDisplayOptions(
      '?embed&hide=log,policy&speed=10&autoplay=1&host=https://notes.example.org&lesson=disks-at-scale&step=3',
    );
    expect(problems).toEqual([]);
    expect(options.embed).toBe(true);
    expect([...options.hidden]).toEqual(['log', 'policy']);
    expect(options.speed).toBe(10);
    expect(options.autoplay).toBe(true);
    expect(options.host).toBe('https://notes.example.org');
    expect(options.lesson).toEqual({ id: 'disks-at-scale', stepIndex: 2 });
  });

  it('hide the editing panels in an embed unless told otherwise', () => {
    expect([...parseDisplayOptions('?embed').options.hidden].sort()).toEqual([
      'faults',
      'inspector',
      'load',
      'log',
      'policy',
    ]);
    expect([...parseDisplayOptions('?embed&hide=').options.hidden]).toEqual([]);
  });

  it('drop bad values with a message naming them', () => {
    const { options, problems } = parseDisplayOptions('?speed=3&hide=log,nope&host=https://a.example/path&theme=blue');
    expect(options.speed).toBeNull();
    expect(options.host).toBeNull();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/"hide" is "log,nope"; it must list panels from: inspector, charts/);
    expect(problems.join(' ')).toMatch(/"speed" is "3"; it must be one of/);
    expect(problems.join(' ')).toMatch(/"host" is "https:\/\/a.example\/path"; it must be an origin/);
    expect(problems.join(' ')).toMatch(/"theme" is "blue"; it must be light, dark or projector/);
  });

  const SPEED_RULE = 'must be one of 0.25, 0.5, 1, 2, 5, 10, 50, 100, 1000 (times real time), so it was ignored.';

  it.each(['abc', '', '-0', '1e308', 'Infinity', '0x10', 'NaN'])('name "speed" and its allowed values for %j', (v) => {
    const { options, problems } = parseDisplayOptions(`?speed=${v}`);
    expect(options.speed).toBeNull();
    expect(problems).toEqual([`The page option "speed" is ${JSON.stringify(v)}; it ${SPEED_RULE}`]);
  });

  it.each(['light', 'dark', 'projector'] as const)('read theme=%s', (theme) => {
    const { options, problems } = parseDisplayOptions(`?theme=${theme}`);
    expect(problems).toEqual([]);
    expect(options.theme).toBe(theme);
  });

  it.each(['Dark', 'high-contrast', ' dark'])('name the three themes for theme=%j', (v) => {
    const { options, problems } = parseDisplayOptions(`?theme=${encodeURIComponent(v)}`);
    expect(options.theme).toBeNull();
    expect(problems).toEqual([
      `The page option "theme" is ${JSON.stringify(v)}; it must be light, dark or projector, so it was ignored.`,
    ]);
  });

  it('say how many steps the lesson has when the step is past its end', () => {
    const lesson = getLesson('disks-at-scale');
    const { options, problems } = parseDisplayOptions('?lesson=disks-at-scale&step=100');
    expect(problems).toEqual([
      `The page option "step" is "100", but the lesson "${lesson?.title}" has ${lesson?.steps.length} steps; it opens at step 1.`,
    ]);
    expect(options.lesson).toEqual({ id: 'disks-at-scale', stepIndex: 0 });
  });

  it.each(['1.5', '', '-0', '0', '1e308', 'two'])('say a step counts from 1 for %j', (v) => {
    const { problems } = parseDisplayOptions(`?lesson=disks-at-scale&step=${v}`);
    expect(problems).toEqual([
      `The page option "step" is ${JSON.stringify(v)}; it must be a whole number of a lesson step, counting from 1, so it was ignored.`,
    ]);
  });

  it('name every other bad option and what it allows', () => {
    const { problems } = parseDisplayOptions(`?embed=yes&autoplay=2&lesson=X&theme=&host=&step=3`);
    expect(problems).toEqual([
      'The page option "embed" is "yes"; it must be empty, 1, true, 0 or false, so it was ignored.',
      'The page option "autoplay" is "2"; it must be empty, 1, true, 0 or false, so it was ignored.',
      'The page option "theme" is ""; it must be light, dark or projector, so it was ignored.',
      'The page option "host" is ""; it must be an origin such as https://notes.example.org (scheme, host and port only), so it was ignored.',
      'The page option "lesson" is "X"; it must be a lesson id such as disks-at-scale, so it was ignored.',
      'The page option "step" only works together with "lesson", so it was ignored.',
    ]);
  });

  it('cut a very long value short in its message', () => {
    const { problems } = parseDisplayOptions(`?theme=${'x'.repeat(5000)}`);
    expect(problems[0]).toBe(
      `The page option "theme" is "${'x'.repeat(40)}…"; it must be light, dark or projector, so it was ignored.`,
    );
  });
});
