// @vitest-environment jsdom
// The menu button pattern: Enter/Space/ArrowDown open on the first item, ArrowUp on the last, arrows wrap, Home and
// End jump, disabled items are skipped, Escape closes and returns the focus to the button, a choice closes and acts.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MenuButton } from '../../../src/renderer/ui/menu-button';

function renderMenu(onSelect = vi.fn()) {
  render(
    <MenuButton
      label="More actions for Trial"
      content="More actions"
      testId="more"
      choices={[
        { label: 'Duplicate', onSelect: () => onSelect('duplicate'), testId: 'duplicate' },
        { label: 'Archive', onSelect: () => onSelect('archive'), disabled: true },
        { label: 'Delete', onSelect: () => onSelect('delete'), testId: 'delete', danger: true },
      ]}
    />,
  );
  return onSelect;
}

const button = () => screen.getByTestId('more');
const focusedText = () => document.activeElement?.textContent;

describe('MenuButton', () => {
  afterEach(cleanup);

  it('is a labelled, collapsed menu button until opened', () => {
    renderMenu();
    expect(button().getAttribute('aria-haspopup')).toBe('menu');
    expect(button().getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByRole('button', { name: 'More actions for Trial' })).toBe(button());
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('ArrowDown opens on the first item; arrows move and wrap over the disabled one; Home, End; Escape closes and returns focus', () => {
    renderMenu();
    button().focus();
    fireEvent.keyDown(button(), { key: 'ArrowDown' });
    const menu = screen.getByRole('menu', { name: 'More actions for Trial' });
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect(button().getAttribute('aria-controls')).toBe(menu.id);
    expect(focusedText()).toBe('Duplicate');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedText()).toBe('Delete');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(focusedText()).toBe('Duplicate');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(focusedText()).toBe('Delete');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(focusedText()).toBe('Duplicate');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(focusedText()).toBe('Delete');
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('ArrowUp opens on the last item; the items are no tab stops of their own', () => {
    renderMenu();
    button().focus();
    fireEvent.keyDown(button(), { key: 'ArrowUp' });
    expect(focusedText()).toBe('Delete');
    for (const item of screen.getAllByRole('menuitem')) expect(item.tabIndex).toBe(-1);
  });

  it('Enter or Space (a click) opens it; a choice closes it, returns focus and acts', () => {
    const onSelect = renderMenu();
    button().focus();
    fireEvent.click(button());
    expect(focusedText()).toBe('Duplicate');
    act(() => screen.getByTestId('delete').click());
    expect(onSelect).toHaveBeenCalledWith('delete');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button());
  });

  it('a click outside closes it', () => {
    renderMenu();
    fireEvent.click(button());
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
