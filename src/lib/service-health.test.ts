import { describe, expect, it } from 'vitest';
import { noteServiceAnswer, serviceHealth } from '@/lib/service-health';

describe('service health', () => {
  it('marks a service down on no answer or a gateway error, and up again on any other answer', () => {
    noteServiceAnswer('glance', 200);
    expect(serviceHealth().glance).toBeUndefined();
    noteServiceAnswer('glance', 0);
    const since = serviceHealth().glance?.since;
    expect(since).toBeInstanceOf(Date);
    // Still down: the first failure's time is kept.
    noteServiceAnswer('glance', 503);
    expect(serviceHealth().glance?.since).toBe(since);
    expect(serviceHealth().keystone).toBeUndefined();
    // A refusal is an answer: the service is up.
    noteServiceAnswer('glance', 404);
    expect(serviceHealth().glance).toBeUndefined();
    noteServiceAnswer('keystone', 502);
    expect(serviceHealth().keystone).toBeDefined();
    noteServiceAnswer('keystone', 201);
    expect(serviceHealth()).toEqual({ glance: undefined, keystone: undefined });
  });
});
