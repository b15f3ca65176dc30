// Which hashes Loupe can compute, under the names Glance uses. Glance's `os_hash_algo` is a
// Python hashlib name from its `hashing_algorithm` option (sha512 by default); `checksum` is
// always md5. Names only: the hashing code (hash-wasm) lives in the worker's chunk.

export const HASH_ALGORITHMS = [
  'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512', 'blake2b', 'blake2s',
] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

/** The cloud's default when nothing says otherwise (Glance's `hashing_algorithm` default). */
export const DEFAULT_OS_HASH_ALGO: HashAlgorithm = 'sha512';

/** Glance's algorithm name ("SHA512", "sha3-256", "blake2b") as one Loupe can compute, or undefined. */
export function toHashAlgorithm(name: string | null | undefined): HashAlgorithm | undefined {
  if (!name) return undefined;
  const normalised = name.trim().toLowerCase().replace(/-/g, '_');
  return (HASH_ALGORITHMS as readonly string[]).includes(normalised) ? (normalised as HashAlgorithm) : undefined;
}

export type HashValues = Partial<Record<HashAlgorithm, string>>;

