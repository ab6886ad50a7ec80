import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { keygenAsync } from '@noble/ed25519';
import { toHex } from '../../renderer/src/core/packs/sha256';

/**
 * The publisher's Ed25519 key files (content/README.md, "Building and checking a pack"). A key is
 * written as its 32 raw bytes in 64 lowercase hex digits and a newline: short enough to read out
 * or paste into the app's list of trusted publishers, and the same bytes the signature library
 * takes. Keys made with OpenSSL (`openssl genpkey -algorithm ed25519`, PEM) are read too.
 */

/** A key file that could not be used, with a sentence saying why. */
export class KeyFileError extends Error {}

const HEX_KEY = /^[0-9a-fA-F]{64}$/;

/** The files `keygen` wrote. */
export interface WrittenKeyPair {
  secretKeyFile: string;
  publicKeyFile: string;
  publicKeyHex: string;
}

/**
 * Writes a new key pair to `<prefix>.key` (secret, readable by its owner only) and `<prefix>.pub`.
 * Refuses to overwrite either: losing a secret key means packs can no longer be signed as before.
 */
export async function writeKeyPair(prefix: string): Promise<WrittenKeyPair> {
  const { secretKey, publicKey } = await keygenAsync();
  const secretKeyFile = `${prefix}.key`;
  const publicKeyFile = `${prefix}.pub`;
  for (const file of [secretKeyFile, publicKeyFile]) {
    if (await exists(file))
      throw new KeyFileError(`${file} already exists; keep it, or choose another prefix`);
  }
  // Mode on create, then chmod: the create mode is masked by the umask, chmod is not.
  await writeFile(secretKeyFile, `${toHex(secretKey)}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(secretKeyFile, 0o600);
  const publicKeyHex = toHex(publicKey);
  await writeFile(publicKeyFile, `${publicKeyHex}\n`, { flag: 'wx' });
  return { secretKeyFile, publicKeyFile, publicKeyHex };
}

/** The 32-byte secret key in `file` (hex, or an OpenSSL PEM private key). */
export async function readSecretKey(file: string): Promise<Uint8Array> {
  return readKey(file, 'secret', (pem) => createPrivateKey(pem), 'd');
}

/** The 32-byte public key in `file` (hex, or an OpenSSL PEM public key). */
export async function readPublicKey(file: string): Promise<Uint8Array> {
  return readKey(file, 'public', (pem) => createPublicKey(pem), 'x');
}

/** True when the secret key file can be read by others than its owner (POSIX only). */
export async function isReadableByOthers(file: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  return ((await stat(file)).mode & 0o077) !== 0;
}

async function readKey(
  file: string,
  kind: 'secret' | 'public',
  parsePem: (pem: string) => KeyObject,
  jwkField: 'd' | 'x',
): Promise<Uint8Array> {
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    throw new KeyFileError(`${file}: cannot read the ${kind} key (${describe(error)})`);
  }
  if (HEX_KEY.test(text)) return Uint8Array.from(Buffer.from(text, 'hex'));
  if (text.startsWith('-----BEGIN')) {
    try {
      const key = parsePem(text);
      const raw =
        key.asymmetricKeyType === 'ed25519' ? key.export({ format: 'jwk' })[jwkField] : undefined;
      if (raw !== undefined) return Uint8Array.from(Buffer.from(raw, 'base64url'));
    } catch {
      // Falls through to the message below: the PEM is not a key of the expected kind.
    }
    throw new KeyFileError(`${file}: not an Ed25519 ${kind} key in PEM form`);
  }
  throw new KeyFileError(
    `${file}: not an Ed25519 ${kind} key; expected 64 hex digits (as pack:keygen writes) or a PEM key`,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : String(error);
}
