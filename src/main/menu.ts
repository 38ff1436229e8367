import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc';

// The application menu as data: every command the renderer handles has an item and an accelerator.

/** `devTools: false` in packaged builds, where the developer tools are disabled. */
export function buildMenuTemplate(send: (command: MenuCommand) => void, isMac: boolean, options: { devTools: boolean } = { devTools: true }): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        item('New dossier', 'new-dossier', 'CmdOrCtrl+N'),
        item('Import dossier…', 'import-dossier', 'CmdOrCtrl+O'),
        item('Export dossier…', 'export-dossier', 'CmdOrCtrl+E'),
        { type: 'separator' },
        item('Back up workspace…', 'backup-workspace', 'CmdOrCtrl+Shift+B'),
        item('Restore workspace…', 'restore-workspace', 'CmdOrCtrl+Shift+R'),
        { type: 'separator' },
        item('Print to PDF…', 'print-to-pdf', 'CmdOrCtrl+P'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        item('Dossier library', 'go-library', 'CmdOrCtrl+L'),
        { type: 'separator' },
        { role: 'reload' },
        ...(options.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return isMac ? [{ role: 'appMenu' }, ...template] : template;
}
