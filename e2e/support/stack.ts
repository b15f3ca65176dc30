import { existsSync, readFileSync } from 'node:fs';
import { test } from '@playwright/test';
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

/**
 * The stack folder of the running test's project (metadata.stack in playwright.config.ts:
 * .stack-multi for *.multi.spec.ts), or .stack outside a test.
 */
function stackDir(): string {
  let dir: unknown;
  try {
    dir = test.info().project.metadata.stack;
  } catch {
    // not inside a test or hook
  }
  return typeof dir === 'string' ? dir : '.stack';
}

const cached = new Map<string, Seed>();
export function seed(): Seed {
  const dir = stackDir();
  let found = cached.get(dir);
  if (!found) {
    const file = resolve(process.cwd(), dir, 'seed.json');
    if (!existsSync(file)) {
      const up = dir === '.stack' ? 'npm run stack -- up' : 'npm run stack -- up --multi';
      throw new Error(`${file} is missing: the stack these tests run against is not set up. Run \`${up}\`.`);
    }
    found = JSON.parse(readFileSync(file, 'utf8')) as Seed;
    cached.set(dir, found);
  }
  return found;
}

export function password(user: string): string {
  return seed().users[user]?.password ?? `${user}-secret`;
}

/** A unique, recognisable name for data a test creates. */
export function uniqueName(prefix: string): string {
  return `e2e-${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}
