import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// What scripts/stack.sh wrote after seeding the local Keystone + Glance.
export interface SeedUser {
  name: string;
  password: string;
  id?: string;
}
export interface Seed {
  keystone_url: string;
  glance_url: string;
  users: Record<string, SeedUser>;
  projects: Record<string, string>;
  application_credential: { id: string; secret: string; user?: string; project?: string };
  images: Record<string, string>;
  [key: string]: unknown;
}

let cached: Seed | undefined;
export function seed(): Seed {
  cached ??= JSON.parse(readFileSync(resolve(process.cwd(), '.stack/seed.json'), 'utf8')) as Seed;
  return cached;
}

export function password(user: string): string {
  return seed().users[user]?.password ?? `${user}-secret`;
}

/** A unique, recognisable name for data a test creates. */
export function uniqueName(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
