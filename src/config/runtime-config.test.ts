import { describe, expect, it } from 'vitest';
import { basePathOf } from '@/config/base-path';
import { ConfigError, parseRuntimeConfig, rewriteEndpoint } from '@/config/runtime-config';

const ROOT = 'https://loupe.example/';
const SUB_PATH = 'https://example.org/tools/loupe/';

describe('parseRuntimeConfig', () => {
  it('fills defaults', () => {
    expect(parseRuntimeConfig({ keystoneUrl: '/keystone/v3' }, ROOT)).toEqual({
      keystoneUrl: '/keystone/v3',
      defaultDomain: 'Default',
      region: null,
      endpointRewrites: [],
      cloudName: 'OpenStack',
    });
  });
  it('explains what is wrong, field by field', () => {
    expect(() => parseRuntimeConfig({ keystoneUrl: 'ftp://keystone', endpointRewrites: [{ to: '/x' }] }, ROOT)).toThrow(ConfigError);
    try {
      parseRuntimeConfig({ keystoneUrl: 'ftp://keystone', endpointRewrites: [{ to: '/x' }] }, ROOT);
    } catch (error) {
      expect((error as Error).message).toMatch(/keystoneUrl: keystoneUrl must be an http\(s\) URL/);
      expect((error as Error).message).toMatch(/endpointRewrites\.0\.from/);
    }
  });
  it('rejects a missing file body', () => {
    expect(() => parseRuntimeConfig(null, ROOT)).toThrow(ConfigError);
  });
  it('resolves relative URLs against the base the app is served under; absolute ones stay', () => {
    const config = { keystoneUrl: 'keystone/v3', endpointRewrites: [{ from: 'http://glance:9292', to: 'glance' }, { from: 'http://b', to: '/b/' }, { from: 'http://c', to: 'https://c.example/' }] };
    expect(parseRuntimeConfig(config, ROOT)).toMatchObject({ keystoneUrl: '/keystone/v3', endpointRewrites: [{ to: '/glance' }, { to: '/b' }, { to: 'https://c.example' }] });
    expect(parseRuntimeConfig(config, SUB_PATH)).toMatchObject({ keystoneUrl: '/tools/loupe/keystone/v3', endpointRewrites: [{ to: '/tools/loupe/glance' }, { to: '/b' }, { to: 'https://c.example' }] });
    expect(parseRuntimeConfig({ keystoneUrl: 'https://keystone.example:5000/v3/' }, SUB_PATH).keystoneUrl).toBe('https://keystone.example:5000/v3');
  });
});

describe('basePathOf', () => {
  it('is empty at the root and the prefix without its slash under a sub-path', () => {
    expect(basePathOf(ROOT)).toBe('');
    expect(basePathOf(SUB_PATH)).toBe('/tools/loupe');
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
