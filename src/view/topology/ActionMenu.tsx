// The action menu next to a node, link or selected group (WAI-ARIA menu pattern): focus moves to
// the first item on open, arrow keys move, Right/Enter open "Slow down", Left/Escape go back,
// Escape or Tab closes and returns focus to what opened it. A click outside closes it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { MenuEntry, MenuModel } from './menuItems';
import './actionMenu.css';

interface ActionMenuProps {
  readonly model: MenuModel;
  /** CSS selector of the element the menu belongs to, inside the same positioned container. */
  readonly anchor: string;
  onChoose(entry: MenuEntry): void;
  onClose(returnFocus: boolean): void;
}

const ITEMS =
  ':scope > [role="menuitem"], :scope > [role="none"] > [role="menuitem"], :scope > [role="group"] > [role="menuitem"]';

function ownItems(menu: Element): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>(ITEMS)];
}

function focusFirst(menu: HTMLElement | null) {
  if (menu) ownItems(menu)[0]?.focus();
}

/** A stable ref callback (so it runs once, on mount, not on every live re-render): opens the
 * submenu on the left if it would leave the window on the right, and focuses its first item. */
function focusSubmenu(wrapper: HTMLDivElement | null) {
  if (!wrapper) return;
  if (wrapper.getBoundingClientRect().right > document.documentElement.clientWidth)
    wrapper.classList.add('menu-submenu-left');
  focusFirst(wrapper.querySelector<HTMLElement>('[role="menu"]'));
}

/** Puts the menu beside its anchor: on the right, else on the left, else just below it. */
function place(root: HTMLElement, anchorSelector: string) {
  const container = root.offsetParent ?? root.parentElement;
  const anchor = container?.querySelector(anchorSelector);
  if (!container || !anchor) return;
  const box = container.getBoundingClientRect();
  const a = anchor.getBoundingClientRect();
  const width = root.offsetWidth;
  const right = a.right - box.left + 8;
  const left = a.left - box.left - width - 8;
  let x = right;
  let y = a.top - box.top;
  if (right + width > box.width) {
    x = left >= 0 ? left : Math.min(Math.max(0, a.left - box.left), box.width - width);
    if (left < 0) y = a.bottom - box.top + 6;
  }
  root.style.left = `${Math.max(0, x)}px`;
  root.style.top = `${Math.max(0, y)}px`;
}

interface MenuListProps {
  readonly entries: readonly MenuEntry[];
  readonly label: string;
  readonly group?: MenuModel['group'];
  onChoose(entry: MenuEntry): void;
  onExit(key: 'Escape' | 'Tab' | 'ArrowLeft'): void;
}

function MenuList({ entries, label, group, onChoose, onExit }: MenuListProps) {
  const [open, setOpen] = useState<number | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = ownItems(event.currentTarget);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    const entry = at >= 0 ? entries[at] : undefined;
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(at + 1),
      ArrowUp: () => move(at - 1),
      Home: () => move(0),
      End: () => move(items.length - 1),
      ArrowRight: () => entry?.submenu && setOpen(at),
      Escape: () => onExit('Escape'),
      Tab: () => onExit('Tab'),
      ArrowLeft: () => onExit('ArrowLeft'),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    action();
  };
  const closeSubmenu = useCallback(
    (key: 'Escape' | 'Tab' | 'ArrowLeft') => {
      if (key === 'Tab') return onExit('Tab');
      const parent = ownItems(listRef.current as HTMLDivElement)[open ?? 0];
      setOpen(null);
      parent?.focus();
    },
    [onExit, open],
  );
  const item = (entry: MenuEntry, i: number) => (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      key={entry.label}
      aria-disabled={entry.disabled || undefined}
      aria-haspopup={entry.submenu ? 'menu' : undefined}
      aria-expanded={entry.submenu ? open === i : undefined}
      onClick={() => {
        if (entry.disabled) return;
        if (entry.submenu) setOpen(open === i ? null : i);
        else onChoose(entry);
      }}
    >
      {entry.label}
      {entry.submenu && <span aria-hidden="true"> ▸</span>}
    </button>
  );
  return (
    <div className="menu-list" role="menu" aria-label={label} tabIndex={-1} ref={listRef} onKeyDown={onKeyDown}>
      {entries.map((entry, i) =>
        entry.submenu ? (
          <div role="none" className="menu-branch" key={entry.label}>
            {item(entry, i)}
            {open === i && (
              <div className="menu-submenu" ref={focusSubmenu}>
                <MenuList entries={entry.submenu} label={entry.label} onChoose={onChoose} onExit={closeSubmenu} />
              </div>
            )}
          </div>
        ) : (
          item(entry, i)
        ),
      )}
      {group && (
        <div role="group" className="menu-group" aria-label={group.label}>
          <div className="menu-caption" aria-hidden="true">
            {group.label}
          </div>
          {group.entries.map((entry, i) => item(entry, entries.length + i))}
        </div>
      )}
    </div>
  );
}

export function ActionMenu({ model, anchor, onChoose, onClose }: ActionMenuProps) {
  const rootRef = useRef<HTMLDivElement | null>(null);
  const setRoot = useCallback(
    (el: HTMLDivElement | null) => {
      rootRef.current = el;
      if (!el) return;
      place(el, anchor);
      focusFirst(el.querySelector<HTMLElement>('[role="menu"]'));
    },
    [anchor],
  );
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);
  const onExit = useCallback((key: 'Escape' | 'Tab' | 'ArrowLeft') => key !== 'ArrowLeft' && onClose(true), [onClose]);
  return (
    <div className="action-menu" ref={setRoot}>
      <p className="menu-title" aria-hidden="true">
        {model.title}
      </p>
      <MenuList
        entries={model.entries}
        group={model.group}
        label={`Actions for ${model.title}`}
        onChoose={onChoose}
        onExit={onExit}
      />
    </div>
  );
}
