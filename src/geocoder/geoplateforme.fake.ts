// Local fake of the Géoplateforme geocoder for tests (127.0.0.1, random port):
// follows the documented contract of /search and /search/csv/, answers from a
// small in-memory table, enforces the CSV row/size limits and returns 429
// above the request rate. Tests never reach the internet.
import multipart from "@fastify/multipart";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import Fastify from "fastify";
import { foldText } from "./address-normaliser.ts";
import type { MatchType } from "./geocoder.types.ts";

export type FakeAddress = { label: string; lon: number; lat: number; type: MatchType; score: number; citycode: string; postcode: string; city: string };
export type FakeGeoplateforme = { baseUrl: string; requests: { search: number; csv: number; refused: number }; close(): Promise<void> };
export type FakeOptions = { addresses: FakeAddress[]; maxRows?: number; maxBytes?: number; requestsPerSecond?: number };

const resultColumns = ["latitude", "longitude", "result_label", "result_score", "result_type", "result_id", "result_housenumber", "result_name",
  "result_postcode", "result_city", "result_citycode", "result_status"];

export const startGeoplateformeFake = async (opts: FakeOptions): Promise<FakeGeoplateforme> => {
  const maxRows = opts.maxRows ?? 200_000;
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  const rate = opts.requestsPerSecond ?? 50;
  const requests = { search: 0, csv: 0, refused: 0 };
  const recent: number[] = [];
  /** An address matches when every word of its label (without the city) is in the query. */
  const find = (q: string): FakeAddress | undefined => {
    const words = new Set(foldText(q).split(" "));
    return opts.addresses.find((a) => foldText(a.label.replace(new RegExp(`${a.postcode}.*$`), "")).split(" ").every((w) => words.has(w)));
  };

  const app = Fastify({ logger: false });
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 50 } });
  app.addHook("onRequest", async (_request, reply) => {
    const now = Date.now();
    while (recent.length && recent[0] <= now - 1000) recent.shift();
    if (recent.length >= rate) {
      requests.refused++;
      return reply.code(429).header("retry-after", "1").send({ code: 429, message: "Too many requests" });
    }
    recent.push(now);
  });

  app.get("/search", async (request, reply) => {
    requests.search++;
    const { q, limit } = request.query as { q?: string; limit?: string };
    if (!q || q.trim().length < 3) return reply.code(400).send({ code: 400, message: "q must contain at least 3 chars" });
    const hit = find(q);
    const features = hit && Number(limit ?? 5) > 0 ? [{
      type: "Feature", geometry: { type: "Point", coordinates: [hit.lon, hit.lat] },
      properties: { label: hit.label, score: hit.score, type: hit.type, citycode: hit.citycode, postcode: hit.postcode, city: hit.city },
    }] : [];
    return { type: "FeatureCollection", version: "draft", features, query: q };
  });

  app.post("/search/csv/", async (request, reply) => {
    requests.csv++;
    const columns: string[] = [];
    let data: Buffer | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === "file" && part.fieldname === "data") data = await part.toBuffer();
        else if (part.type === "field" && part.fieldname === "columns") columns.push(String(part.value));
      }
    } catch {
      return reply.code(413).send({ code: 413, message: "File too large" });
    }
    if (!data) return reply.code(400).send({ code: 400, message: "Missing file" });
    const rows = parse(data, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
    if (rows.length > maxRows) return reply.code(413).send({ code: 413, message: `Too many rows (max ${maxRows})` });
    const header = Object.keys(rows[0] ?? {});
    const missing = columns.find((c) => !header.includes(c));
    if (missing) return reply.code(400).send({ code: 400, message: `Cannot found column '${missing}'` });
    const out = rows.map((row) => {
      const hit = find((columns.length ? columns : header).map((c) => row[c] ?? "").join(" "));
      return {
        ...row, latitude: hit?.lat ?? "", longitude: hit?.lon ?? "", result_label: hit?.label ?? "", result_score: hit?.score ?? "",
        result_type: hit?.type ?? "", result_id: "", result_housenumber: "", result_name: "", result_postcode: hit?.postcode ?? "",
        result_city: hit?.city ?? "", result_citycode: hit?.citycode ?? "", result_status: hit ? "ok" : "not-found",
      };
    });
    return reply.header("content-type", "text/csv; charset=utf-8").send(stringify(out, { header: true, columns: [...header, ...resultColumns] }));
  });

  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return { baseUrl: address, requests, close: () => app.close() };
};
