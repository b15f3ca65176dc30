import { z } from 'zod';
import { resolveAgainstBase } from '@/config/base-path';

// Read at start-up from config.json next to index.html, so one static bundle serves any cloud.
// URLs in it may be absolute (https://…), absolute paths (/keystone/v3) or relative to the
// app's base (keystone/v3: /keystone/v3 at the root, /loupe/keystone/v3 under /loupe/).
export const endpointRewriteSchema = z.object({
  /** A catalog URL prefix, e.g. "http://127.0.0.1:19292". */
  from: z.string().min(1),
  /** What replaces it, e.g. "glance" (relative to the app) or "/glance" for a same-origin proxy. */
  to: z.string(),
});

export const runtimeConfigSchema = z.object({
  keystoneUrl: z
    .string()
    .min(1, 'keystoneUrl is required')
    .refine((value) => !/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:\/\//i.test(value), 'keystoneUrl must be an http(s) URL or a path'),
  defaultDomain: z.string().min(1).default('Default'),
  region: z.string().min(1).nullable().default(null),
  endpointRewrites: z.array(endpointRewriteSchema).default([]),
  /** Shown on the login page, e.g. the cloud's name. */
  cloudName: z.string().default('OpenStack'),
  /** A hint printed under the login form (the local stack lists its demo users). */
  loginHint: z.string().optional(),
});

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Checks a config.json and resolves its relative URLs against the app's base (document.baseURI). */
export function parseRuntimeConfig(raw: unknown, baseUri: string): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const config = parsed.data;
  return {
    ...config,
    keystoneUrl: resolveAgainstBase(config.keystoneUrl, baseUri),
    endpointRewrites: config.endpointRewrites.map((rule) => ({ ...rule, to: resolveAgainstBase(rule.to, baseUri) })),
  };
}

export async function loadRuntimeConfig(baseUri = document.baseURI): Promise<RuntimeConfig> {
  const url = new URL('config.json', baseUri).pathname;
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new ConfigError(`Could not fetch ${url}. Is the server that hosts Loupe running?`);
  }
  if (!response.ok) throw new ConfigError(`${url} answered ${response.status}. Deploy a config.json next to index.html.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ConfigError(`${url} is not valid JSON.`);
  }
  return parseRuntimeConfig(body, baseUri);
}

/** Applies the first matching rewrite rule to a catalog endpoint URL. */
export function rewriteEndpoint(url: string, rules: readonly { from: string; to: string }[]): string {
  const trimmed = url.replace(/\/+$/, '');
  for (const rule of rules) {
    const from = rule.from.replace(/\/+$/, '');
    if (trimmed === from || trimmed.startsWith(`${from}/`)) return `${rule.to.replace(/\/+$/, '')}${trimmed.slice(from.length)}`;
  }
  return trimmed;
}

let current: RuntimeConfig | undefined;
export function setRuntimeConfig(config: RuntimeConfig): void {
  current = config;
}
export function getRuntimeConfig(): RuntimeConfig {
  if (!current) throw new ConfigError('Runtime configuration was used before it was loaded.');
  return current;
}
