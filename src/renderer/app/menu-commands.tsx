import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { MenuCommand } from '../../shared/ipc';
import { usePlatform } from '../platform/platform-context';

// Menu commands from the host (Electron's menu) and keyboard shortcuts, delivered to whichever screen listens.

type Listener = (command: MenuCommand) => boolean;
const CommandContext = createContext<Set<Listener> | null>(null);

/** Keyboard shortcuts that work in the browser too (the browser keeps Ctrl+N/O/P for itself). */
export function shortcutCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): MenuCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || !event.altKey) return null;
  switch (event.key.toLowerCase()) {
    case 'n':
      return 'new-dossier';
    case 'i':
      return 'import-dossier';
    case 'e':
      return 'export-dossier';
    case 'l':
      return 'go-library';
    default:
      return null;
  }
}

export function MenuCommandProvider({ children }: { children: ReactNode }) {
  const platform = usePlatform();
  const [listeners] = useState(() => new Set<Listener>());
  useEffect(() => {
    // The newest listener (the screen on top) gets the command first.
    const dispatch = (command: MenuCommand) => {
      for (const listener of [...listeners].reverse()) if (listener(command)) return;
    };
    const unsubscribe = platform.onMenuCommand(dispatch);
    const onKey = (event: KeyboardEvent) => {
      const command = shortcutCommand(event);
      if (command) {
        event.preventDefault();
        dispatch(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', onKey);
    };
  }, [platform, listeners]);
  return <CommandContext.Provider value={listeners}>{children}</CommandContext.Provider>;
}

/** Handles menu commands while the component is mounted; return true when the command was handled. */
export function useMenuCommand(handler: Listener): void {
  const listeners = useContext(CommandContext);
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!listeners) return;
    const listener: Listener = (command) => ref.current(command);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [listeners]);
}
