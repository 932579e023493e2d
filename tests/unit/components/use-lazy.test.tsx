import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { useLazy } from '@/components/common/use-lazy';

function Probe({ load, wanted }: { load: () => Promise<{ word: string }>; wanted: boolean }): preact.JSX.Element {
  const lazy = useLazy(load, wanted);
  return (
    <p>
      {lazy.status === 'ready'
        ? lazy.value.word
        : lazy.status === 'error'
          ? `error: ${lazy.error.message}`
          : lazy.status}
    </p>
  );
}

describe('useLazy', () => {
  it('loads nothing until wanted, then once, however often the page renders', async () => {
    const load = vi.fn(async () => ({ word: 'composer' }));
    const { rerender } = render(<Probe load={load} wanted={false} />);
    expect(screen.getByText('idle')).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
    rerender(<Probe load={load} wanted />);
    await waitFor(() => expect(screen.getByText('composer')).toBeTruthy());
    rerender(<Probe load={load} wanted={false} />);
    rerender(<Probe load={load} wanted />);
    expect(screen.getByText('composer')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says why a load failed', async () => {
    render(<Probe load={() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))} wanted />);
    await waitFor(() => expect(screen.getByText('error: Failed to fetch dynamically imported module')).toBeTruthy());
  });
});
