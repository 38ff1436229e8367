// @vitest-environment jsdom
// A screen drawn anew (a change of display language re-mounts every screen) keeps what the user chose and ran.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRetainedState } from '../../src/renderer/ui/retained-state';

function Counter({ id }: { id: string }) {
  const [count, setCount] = useRetainedState(`test.${id}`, 0);
  return (
    <button type="button" data-testid={id} onClick={() => setCount((c) => c + 1)}>
      {count}
    </button>
  );
}

afterEach(cleanup);

describe('retained state', () => {
  it('survives a re-mount, per key, and starts from the initial value for a new key', () => {
    const first = render(<Counter id="a" />);
    fireEvent.click(screen.getByTestId('a'));
    fireEvent.click(screen.getByTestId('a'));
    expect(screen.getByTestId('a').textContent).toBe('2');
    first.unmount();
    render(<Counter id="a" />);
    expect(screen.getByTestId('a').textContent).toBe('2');
    cleanup();
    render(<Counter id="b" />);
    expect(screen.getByTestId('b').textContent).toBe('0');
  });
});
