import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/** A request body the bot will not read: wrong type (415), too large (413) or not JSON (400). */
export class BodyError extends AppError<'BODY_REFUSED'> {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super('BODY_REFUSED', message);
  }
}

/**
 * Reads a JSON request body into memory, and nothing else: `application/json` only (no forms, no multipart, so
 * nothing is ever written to disk), no `Content-Encoding` (a small compressed body cannot inflate into gigabytes),
 * and at most `limit` bytes, counted as they arrive. This runs before authentication, so it must cost an anonymous
 * caller no more than `limit` bytes of memory.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const encoding = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
  if (encoding !== 'identity')
    throw new BodyError(415, 'Content-Encoding is not accepted: send the JSON uncompressed.');
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new BodyError(415, 'Only application/json is accepted.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyError(413, `The body is larger than ${limit} bytes.`);

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyError(413, `The body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new BodyError(400, 'The body is not valid JSON.');
  }
}
