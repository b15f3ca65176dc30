import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Menu, MenuItem, MenuLink, nextIndex } from '@/components/ui/menu';
import { Popover } from '@/components/ui/popover';

afterEach(cleanup);

function renderMenus(onSelect = vi.fn()) {
  render(
    <MemoryRouter>
      <button type="button">Before</button>
      <Menu label="Actions for one" trigger="⋯">
        <MenuLink to="/images/1?edit=1">Edit</MenuLink>
        <MenuItem onSelect={() => onSelect('download')}>Download</MenuItem>
        <MenuItem onSelect={() => onSelect('deactivate')}>Deactivate…</MenuItem>
        <MenuItem danger onSelect={() => onSelect('delete')}>
          Delete…
        </MenuItem>
      </Menu>
      <Menu label="Actions for two" trigger="⋯">
        <MenuItem onSelect={() => onSelect('two')}>Hide</MenuItem>
      </Menu>
      <Popover label="Columns">
        <label>
          <input type="checkbox" /> Size
        </label>
        <label>
          <input type="checkbox" /> Tags
        </label>
      </Popover>
      <button type="button">Outside</button>
    </MemoryRouter>,
  );
  return onSelect;
}

const button = (name: string) => screen.getByRole('button', { name });
const focused = () => document.activeElement?.textContent?.trim();
const key = (key: string, options: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key, ...options });

describe('nextIndex', () => {
  it.each([
    ['ArrowDown', 0, 4, 1],
    ['ArrowDown', 3, 4, 0],
    ['ArrowUp', 0, 4, 3],
    ['ArrowUp', 2, 4, 1],
    ['ArrowDown', -1, 4, 0],
    ['ArrowUp', -1, 4, 3],
    ['Home', 2, 4, 0],
    ['End', 0, 4, 3],
    ['Enter', 0, 4, undefined],
    ['ArrowDown', -1, 0, undefined],
  ])('%s from %i of %i goes to %s', (pressed, current, count, expected) => {
    expect(nextIndex(pressed, current, count)).toBe(expected);
  });
});

describe('Menu', () => {
  it('is a menu button that moves focus to the first item when it opens', () => {
    renderMenus();
    const trigger = button('Actions for one');
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('menu')).toBeNull();
    fireEvent.click(trigger);
    const menu = screen.getByRole('menu', { name: 'Actions for one' });
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id);
    // Rendered at the end of <body>, outside any scroll container, with fixed positioning.
    expect(menu.parentElement).toBe(document.body);
    expect(menu.className).toMatch(/\bfixed\b/);
    expect(focused()).toBe('Edit');
  });

  it('moves between items with the arrows (wrapping), Home, End and a first letter', () => {
    renderMenus();
    fireEvent.click(button('Actions for one'));
    key('ArrowDown');
    expect(focused()).toBe('Download');
    key('ArrowUp');
    key('ArrowUp');
    expect(focused()).toBe('Delete…');
    key('ArrowDown');
    expect(focused()).toBe('Edit');
    key('End');
    expect(focused()).toBe('Delete…');
    key('Home');
    expect(focused()).toBe('Edit');
    key('d');
    expect(focused()).toBe('Download');
    key('d');
    expect(focused()).toBe('Deactivate…');
  });

  it('opens on ArrowUp at the last item and on ArrowDown at the first', () => {
    renderMenus();
    button('Actions for one').focus();
    key('ArrowUp');
    expect(focused()).toBe('Delete…');
    key('Escape');
    key('ArrowDown');
    expect(focused()).toBe('Edit');
  });

  it('closes on Esc and returns focus to its button', () => {
    renderMenus();
    const trigger = button('Actions for one');
    fireEvent.click(trigger);
    key('ArrowDown');
    key('Escape');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
  });

  it('closes on a press outside it, but not on a press inside it', () => {
    renderMenus();
    fireEvent.click(button('Actions for one'));
    fireEvent.pointerDown(screen.getByRole('menuitem', { name: 'Download' }));
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.pointerDown(button('Outside'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on Tab', () => {
    renderMenus();
    const trigger = button('Actions for one');
    fireEvent.click(trigger);
    key('Tab');
    expect(screen.queryByRole('menu')).toBeNull();
    // Focus is back on the button, from where the browser's Tab moves on.
    expect(document.activeElement).toBe(trigger);
  });

  it('runs the chosen item, closes and puts focus back on the button', () => {
    const onSelect = renderMenus();
    const trigger = button('Actions for one');
    fireEvent.click(trigger);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Deactivate…' }));
    expect(onSelect).toHaveBeenCalledWith('deactivate');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('toggles closed when its button is pressed again', () => {
    renderMenus();
    const trigger = button('Actions for one');
    fireEvent.click(trigger);
    fireEvent.pointerDown(trigger);
    fireEvent.click(trigger);
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('keeps one menu or popover open at a time, even when opened from the keyboard', () => {
    renderMenus();
    fireEvent.click(button('Actions for one'));
    // Keyboard opening presses nothing outside: the one-open rule alone closes the first.
    act(() => button('Actions for two').focus());
    key('ArrowDown');
    expect(screen.getAllByRole('menu').map((menu) => menu.getAttribute('aria-label'))).toEqual(['Actions for two']);
    expect(button('Actions for one').getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button('Columns'));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Columns' })).toBeTruthy();
    fireEvent.click(button('Actions for one'));
    expect(screen.queryByRole('dialog', { name: 'Columns' })).toBeNull();
    expect(screen.getAllByRole('menu')).toHaveLength(1);
  });

  it('closes when a scroll moves its button, not when the button stays put', () => {
    renderMenus();
    const trigger = button('Actions for one');
    fireEvent.click(trigger);
    fireEvent.scroll(document);
    expect(screen.getByRole('menu')).toBeTruthy();
    vi.spyOn(trigger, 'getBoundingClientRect').mockReturnValue(DOMRect.fromRect({ x: 0, y: -40, width: 24, height: 24 }));
    fireEvent.scroll(document);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('Popover', () => {
  it('moves focus into the panel, and Esc closes it with focus back on its button', () => {
    renderMenus();
    const trigger = button('Columns');
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Size' }));
    key('Escape');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('stays open while its controls are used, and closes on a press outside', () => {
    renderMenus();
    fireEvent.click(button('Columns'));
    const size = screen.getByRole('checkbox', { name: 'Size' });
    fireEvent.pointerDown(size);
    fireEvent.click(size);
    expect(screen.getByRole('dialog', { name: 'Columns' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes when Tab leaves its last control, and stays open while Tab moves inside it', () => {
    renderMenus();
    const trigger = button('Columns');
    fireEvent.click(trigger);
    key('Tab');
    expect(screen.getByRole('dialog')).toBeTruthy();
    act(() => screen.getByRole('checkbox', { name: 'Tags' }).focus());
    key('Tab');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });
});
