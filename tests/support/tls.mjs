// @ts-check
/**
 * A self-signed certificate made at run time (never committed) for the local HTTPS fakes.
 * Chromium is started with --ignore-certificate-errors, so only the names matter to humans.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @returns {{ key: string, cert: string }} */
export function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'ingroup-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=ingroup-privacy-test',
        '-addext',
        'subjectAltName=DNS:*.amocrm.ru,DNS:*.amocrm.com,DNS:*.kommo.com,DNS:api.ingru.ru,DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } catch (error) {
    throw new Error('Could not make a test certificate with openssl (is the openssl package installed?)', {
      cause: error,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
