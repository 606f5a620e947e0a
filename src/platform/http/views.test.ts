import { describe, expect, it } from 'vitest';
import { platformViews, viewEnvironmentFor } from './views.ts';

describe('the view environment', () => {
  it('is made once per list of folders, so a second app in the process finds its templates compiled', () => {
    const first = viewEnvironmentFor([platformViews]);
    const page = first.getTemplate('pages/errors/forbidden.njk');
    const again = viewEnvironmentFor([platformViews]);
    expect(again).toBe(first);
    expect(again.getTemplate('pages/errors/forbidden.njk')).toBe(page);
  });

  it('is another for other folders', () => {
    expect(viewEnvironmentFor([])).not.toBe(viewEnvironmentFor([platformViews]));
  });
});
