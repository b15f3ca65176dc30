import { describe, expect, it } from 'vitest';
import { imageStatusTone } from '@/features/images/api/image-status';

describe('imageStatusTone', () => {
  it.each([
    ['active', 'good'],
    ['importing', 'info'],
    ['deactivated', 'warn'],
    ['killed', 'bad'],
    ['pending_delete', 'bad'],
    ['something-new', 'neutral'],
  ])('%s → %s', (status, tone) => expect(imageStatusTone(status)).toBe(tone));
});
