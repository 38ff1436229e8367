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
  it('adds the app menu on macOS only', () => {
    expect(buildMenuTemplate(vi.fn(), true)[0]).toEqual({ role: 'appMenu' });
    expect(buildMenuTemplate(vi.fn(), false)[0]?.label).toBe('File');
  });
});
