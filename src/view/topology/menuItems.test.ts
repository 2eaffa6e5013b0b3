// A lesson step that offers only some actions narrows the menus to them.
import { describe, expect, it } from 'vitest';
import { restrictMenu, type MenuModel } from './menuItems';

const model: MenuModel = {
  title: 'db-1, storage node',
  entries: [
    { label: 'Crash node', command: { type: 'crashNode', nodeId: 'db-1' } },
    {
      label: 'Slow down',
      submenu: [{ label: 'Slow down 2x', command: { type: 'slowNode', nodeId: 'db-1', factor: 2 } }],
    },
    { label: 'Fail disk 0', command: { type: 'failDisk', nodeId: 'db-1', disk: 0 } },
  ],
  group: {
    label: '2 selected',
    entries: [
      { label: 'Partition group from the rest', command: { type: 'partitionGroup', nodeIds: ['db-1', 'db-2'] } },
      { label: 'Clear selection', clearSelection: true },
    ],
  },
};

describe('restrictMenu', () => {
  it('offers everything outside a lesson', () => {
    expect(restrictMenu(model, null)).toBe(model);
  });

  it('keeps only the offered commands, dropping empty submenus and groups', () => {
    const only = restrictMenu(model, ['failDisk']);
    expect(only.entries.map((e) => e.label)).toEqual(['Fail disk 0']);
    expect(only.group).toBeUndefined();
    expect(restrictMenu(model, ['slowNode', 'partitionGroup']).entries.map((e) => e.label)).toEqual(['Slow down']);
    expect(restrictMenu(model, ['partitionGroup']).group?.entries.map((e) => e.label)).toEqual([
      'Partition group from the rest',
      'Clear selection',
    ]);
  });

  it('says so when a menu has nothing for this step', () => {
    expect(restrictMenu(model, ['healLink']).entries).toEqual([
      { label: 'Not part of this lesson step', disabled: true },
    ]);
  });
});
