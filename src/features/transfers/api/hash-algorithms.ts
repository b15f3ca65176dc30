// hash-wasm (WebAssembly) hashers for the algorithms of hash-names.ts; this module runs inside
// the hash worker (and in unit tests).
import {
  createBLAKE2b,
  createBLAKE2s,
  createMD5,
  createSHA1,
  createSHA224,
  createSHA256,
  createSHA3,
  createSHA384,
  createSHA512,
  type IHasher,
} from 'hash-wasm';
import type { HashAlgorithm, HashValues } from '@/features/transfers/api/hash-names';

/** A fresh incremental hasher for one algorithm (hashlib's blake2b/blake2s are 512/256-bit). */
export function createAlgorithmHasher(algorithm: HashAlgorithm): Promise<IHasher> {
  switch (algorithm) {
    case 'md5': return createMD5();
    case 'sha1': return createSHA1();
    case 'sha224': return createSHA224();
    case 'sha256': return createSHA256();
    case 'sha384': return createSHA384();
    case 'sha512': return createSHA512();
    case 'sha3_224': return createSHA3(224);
    case 'sha3_256': return createSHA3(256);
    case 'sha3_384': return createSHA3(384);
    case 'sha3_512': return createSHA3(512);
    case 'blake2b': return createBLAKE2b(512);
    case 'blake2s': return createBLAKE2s(256);
  }
}

/** Several hashes over one stream of bytes: each chunk is fed to every hasher. */
export interface HashSession {
  update(data: Uint8Array): void;
  digest(): HashValues;
}

export async function createHashSession(algorithms: readonly HashAlgorithm[]): Promise<HashSession> {
  const unique = [...new Set(algorithms)];
  const hashers = await Promise.all(unique.map(async (algorithm) => [algorithm, await createAlgorithmHasher(algorithm)] as const));
  for (const [, hasher] of hashers) hasher.init();
  return {
    update(data) {
      for (const [, hasher] of hashers) hasher.update(data);
    },
    digest() {
      const values: HashValues = {};
      for (const [algorithm, hasher] of hashers) values[algorithm] = hasher.digest('hex');
      return values;
    },
  };
}
