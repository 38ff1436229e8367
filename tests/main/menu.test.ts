import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from '../../src/main/menu';
import { menuCommands } from '../../src/shared/ipc';

vi.mock('electron', () => ({}));

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('has one item with a unique accelerator for every menu command, and each sends its command', () => {
    const send = vi.fn();
    const items = flatten(buildMenuTemplate(send, false)).filter((item) => item.click);
    expect(items).toHaveLength(menuCommands.length);
    const accelerators = items.map((item) => item.accelerator);
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const item of items) (item.click as () => void)();
    expect(send.mock.calls.map((call) => call[0]).sort()).toEqual([...menuCommands].sort());
  });
  it('offers the developer tools only where they are enabled (not in packaged builds)', () => {
    const roles = (devTools: boolean) => flatten(buildMenuTemplate(vi.fn(), false, { devTools })).map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
  });
  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate(vi.fn(), true)[0]).toEqual({ role: 'appMenu' });
    expect(buildMenuTemplate(vi.fn(), false)[0]?.label).toBe('File');
  });
});
