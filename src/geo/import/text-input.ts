// Reads an official reference file as text, chunk by chunk: gzip detected by its
// magic bytes, UTF-8 (with or without BOM) or Windows-1252 detected on the first bytes.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import iconv from "iconv-lite";

export type TextEncodingName = "utf8" | "win1252";

const SNIFF_BYTES = 64 * 1024;

const isGzip = async (filePath: string): Promise<boolean> => {
  const handle = await open(filePath, "r");
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
};

/** UTF-8 unless the sample holds a byte sequence that is not valid UTF-8 (then Windows-1252). */
export const sniffEncoding = (sample: Uint8Array): TextEncodingName => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return "utf8";
  } catch {
    return "win1252";
  }
};

export const openBytes = async (filePath: string): Promise<Readable> => {
  const raw = createReadStream(filePath, { highWaterMark: 256 * 1024 });
  return (await isGzip(filePath)) ? raw.pipe(createGunzip()) : raw;
};

/** Decoded text chunks of the (possibly gzipped) file; a UTF-8 BOM is dropped. */
export async function* readTextChunks(filePath: string): AsyncGenerator<string> {
  const bytes = await openBytes(filePath);
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    if (!decoder) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength < SNIFF_BYTES) continue;
      const head = Buffer.concat(pending);
      pending = [];
      decoder = iconv.getDecoder(sniffEncoding(head), { stripBOM: true });
      const text = decoder.write(head);
      if (text) yield text;
      continue;
    }
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  if (!decoder) {
    const head = Buffer.concat(pending);
    decoder = iconv.getDecoder(sniffEncoding(head), { stripBOM: true });
    const text = decoder.write(head);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}
