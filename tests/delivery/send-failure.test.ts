import { describe, expect, it } from 'vitest';
import { classifySendFailure } from '../../src/delivery/index.js';
import {
  LineApiError,
  LineBadRequestError,
  LineNetworkError,
  QuotaExceededError,
  RateLimitError,
} from '../../src/line/index.js';

describe('classifySendFailure', () => {
  it('sorts the errors the LINE sender throws', () => {
    expect(classifySendFailure(new RateLimitError('multicast', 'Too Many Requests'))).toEqual({
      kind: 'rate-limited',
      httpStatus: 429,
      lineMessage: 'Too Many Requests',
    });
    expect(
      classifySendFailure(
        new QuotaExceededError('multicast', 'You have reached your monthly limit.'),
      ),
    ).toMatchObject({ kind: 'quota' });
    expect(classifySendFailure(new LineApiError('multicast', 503, 'unavailable'))).toEqual({
      kind: 'transient',
      reason: 'server-error',
      httpStatus: 503,
      lineMessage: 'unavailable',
    });
    expect(classifySendFailure(new LineNetworkError('multicast', 'timeout', true))).toEqual({
      kind: 'transient',
      reason: 'network',
    });
    expect(
      classifySendFailure(new LineApiError('multicast', 400, 'The request body has 1 error(s)')),
    ).toEqual({
      kind: 'rejected',
      httpStatus: 400,
      lineMessage: 'The request body has 1 error(s)',
    });
    expect(
      classifySendFailure(new LineBadRequestError('a multicast goes to 1-500 users')),
    ).toMatchObject({
      kind: 'rejected',
      lineMessage: 'a multicast goes to 1-500 users',
    });
  });

  it('treats anything unknown as network trouble (retried, never silently dropped)', () => {
    expect(classifySendFailure(new Error('socket hang up'))).toEqual({
      kind: 'transient',
      reason: 'network',
    });
    expect(classifySendFailure('weird')).toEqual({ kind: 'transient', reason: 'network' });
  });
});
