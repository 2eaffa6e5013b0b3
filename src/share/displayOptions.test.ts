import { describe, expect, it } from 'vitest';
import { parseDisplayOptions } from './displayOptions';

describe('display options', () => {
  it('default to the full lab', () => {
    const { options, problems } = parseDisplayOptions('');
    expect(options).toMatchObject({ embed: false, speed: null, autoplay: false, host: null, lesson: null });
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
    const { options, problems } = parseDisplayOptions('?speed=3&hide=log,nope&host=https://a.example/path&theme=dark');
    expect(options.speed).toBeNull();
    expect(options.host).toBeNull();
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/"hide" names an unknown panel/);
    expect(problems.join(' ')).toMatch(/"speed" must be one of/);
    expect(problems.join(' ')).toMatch(/"host" must be an origin/);
    expect(problems.join(' ')).toMatch(/"theme" must be "light"/);
  });
});
