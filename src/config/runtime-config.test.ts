import { describe, expect, it } from 'vitest';
import { ConfigError, parseRuntimeConfig, rewriteEndpoint } from '@/config/runtime-config';

describe('parseRuntimeConfig', () => {
  it('fills defaults', () => {
    expect(parseRuntimeConfig({ keystoneUrl: '/keystone/v3' })).toEqual({
      keystoneUrl: '/keystone/v3',
      defaultDomain: 'Default',
      region: null,
      endpointRewrites: [],
      cloudName: 'OpenStack',
    });
  });
  it('explains what is wrong, field by field', () => {
    expect(() => parseRuntimeConfig({ keystoneUrl: 'keystone', endpointRewrites: [{ to: '/x' }] })).toThrow(ConfigError);
    try {
      parseRuntimeConfig({ keystoneUrl: 'keystone', endpointRewrites: [{ to: '/x' }] });
    } catch (error) {
      expect((error as Error).message).toMatch(/keystoneUrl: keystoneUrl must be an http\(s\) URL/);
      expect((error as Error).message).toMatch(/endpointRewrites\.0\.from/);
    }
  });
  it('rejects a missing file body', () => {
    expect(() => parseRuntimeConfig(null)).toThrow(ConfigError);
  });
});

describe('rewriteEndpoint', () => {
  const rules = [{ from: 'http://127.0.0.1:19292', to: '/glance' }, { from: 'https://cloud.example/image/', to: '/img' }];
  it('maps a catalog URL prefix to the proxy path', () => {
    expect(rewriteEndpoint('http://127.0.0.1:19292', rules)).toBe('/glance');
    expect(rewriteEndpoint('http://127.0.0.1:19292/', rules)).toBe('/glance');
    expect(rewriteEndpoint('https://cloud.example/image/v2', rules)).toBe('/img/v2');
  });
  it('does not match a longer host or port', () => {
    expect(rewriteEndpoint('http://127.0.0.1:192920', rules)).toBe('http://127.0.0.1:192920');
  });
  it('leaves unmatched URLs alone', () => {
    expect(rewriteEndpoint('https://other.example/', rules)).toBe('https://other.example');
  });
});
