import type { Diagnostic } from 'vscode-languageserver-types';
import { PublishDiagnosticsNotification, RAL } from 'vscode-languageserver/node';

type Encoder = RAL['applicationJson']['encoder'];
type Message = Parameters<Encoder['encode']>[0];

/**
 * The JSON of each diagnostic published, with the comma that goes before it, by diagnostic. The
 * validator publishes the very same diagnostic object again for a finding a keystroke did not
 * touch (see `diagnosticsOf`), so only what changed is serialized again.
 */
const encoded = new WeakMap<Diagnostic, Buffer>();

function encodedDiagnostic(diagnostic: Diagnostic): Buffer {
  let json = encoded.get(diagnostic);
  if (!json) encoded.set(diagnostic, (json = Buffer.from(`,${asciiJson(diagnostic)}`, 'latin1')));
  return json;
}

/**
 * JSON.stringify's text with every character beyond ASCII written as a `\uXXXX` escape (each
 * half of a surrogate pair on its own, as JSON allows): the same value to any JSON reader. A
 * message of only ASCII is decoded several times faster by the client: one "…" among the
 * megabyte of a large file's diagnostics made Node decode all of it as two-byte text (3–4 ms
 * instead of 0.7 ms per publication in the test client).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CLOSE = Buffer.from(']}}', 'latin1');

/**
 * A publishDiagnostics notification as JSON, built from the JSON of its diagnostics (each kept
 * from the last time it was sent); the same value as JSON.stringify makes, in ASCII only.
 */
export function encodePublishDiagnostics(message: { params: { diagnostics: Diagnostic[] } }): Buffer {
  const { params, ...envelope } = message;
  const { diagnostics, ...fields } = params;
  const start = `${asciiJson(envelope).slice(0, -1)},"params":${asciiJson(fields).slice(0, -1)}${Object.keys(fields).length > 0 ? ',' : ''}"diagnostics":[`;
  const parts: Uint8Array[] = [Buffer.from(start, 'latin1')];
  let length = parts[0].byteLength + CLOSE.length - (diagnostics.length > 0 ? 1 : 0);
  diagnostics.forEach((diagnostic, i) => {
    const json = encodedDiagnostic(diagnostic);
    // The first diagnostic follows "[" with no comma.
    parts.push(i === 0 ? json.subarray(1) : json);
    length += json.length;
  });
  parts.push(CLOSE);
  return Buffer.concat(parts, length);
}

function isPublishDiagnostics(message: Message): message is Message & { params: { diagnostics: Diagnostic[] } } {
  const { method, params } = message as { method?: unknown; params?: { diagnostics?: unknown } };
  return method === PublishDiagnosticsNotification.method && Array.isArray(params?.diagnostics);
}

/**
 * Makes the JSON encoder of stream transports (stdio, socket, pipe) build each publishDiagnostics
 * notification from the JSON of the diagnostics it sent before: a keystroke in a large file then
 * serializes the few diagnostics it changed instead of thousands. Over Node IPC (VS Code's
 * transport) Node serializes each message itself, so this does not apply there. Call it before
 * the connection is created: each transport takes the encoder when it is made.
 */
export function reuseDiagnosticsJson(): void {
  const ral = RAL();
  const json = ral.applicationJson;
  const encoder: Encoder = {
    name: json.encoder.name,
    encode: (message, options) => {
      if (options.charset !== 'utf-8' || !isPublishDiagnostics(message)) return json.encoder.encode(message, options);
      try {
        return Promise.resolve(encodePublishDiagnostics(message));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  RAL.install({ ...ral, applicationJson: { ...json, encoder } });
}
