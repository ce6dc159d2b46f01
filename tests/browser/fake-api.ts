// Fake Tremplin API for the browser tests while the real routes are being written: serves dist/web and answers
// the geo and Score QPV routes with canned data validated by the contracts. Not used in production.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyReply, type FastifyRequest } from "fastify";
import { geoRoutes, perimetersQuerySchema, perimetersResponseSchema } from "../../src/geo/geo.contract.ts";
import {
  type ColumnMapping,
  type ScoreJob,
  columnMappingSchema,
  inspectionSchema,
  scoreJobSchema,
  scoreQpvRoutes,
  storedReportSchema,
} from "../../src/score-qpv/score-qpv.contract.ts";
import { cannedLocations, cannedReport, communeOutline, notFoundLocation } from "./fake-api.canned.ts";

const repo = resolve(import.meta.dirname, "../..");
export const webDist = resolve(repo, "dist/web");

type Perimeter = { type: "Feature"; properties: { code: string; name: string; millesime: number }; geometry: { type: string; coordinates: unknown[] } };

/** Paris QPV 2024 perimeters from the data shipped in the repository. */
const loadParisPerimeters = (): Perimeter[] => {
  const raw = JSON.parse(gunzipSync(readFileSync(resolve(repo, "data/qpv/qpv_2024_france_wgs84.geojson.gz"))).toString("utf8"));
  return raw.features
    .filter((f: { properties: { code_qp: string } }) => f.properties.code_qp.startsWith("QN075"))
    .map((f: { properties: { code_qp: string; lib_qp: string }; geometry: Perimeter["geometry"] }) => ({
      type: "Feature",
      properties: { code: f.properties.code_qp, name: f.properties.lib_qp, millesime: 2024 },
      geometry: f.geometry,
    }));
};

const featureBbox = (geometry: Perimeter["geometry"]) => {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (node: unknown): void => {
    if (Array.isArray(node) && typeof node[0] === "number") {
      box[0] = Math.min(box[0], node[0]); box[1] = Math.min(box[1], node[1] as number);
      box[2] = Math.max(box[2], node[0]); box[3] = Math.max(box[3], node[1] as number);
    } else if (Array.isArray(node)) node.forEach(visit);
  };
  visit(geometry.coordinates);
  return box;
};

const fail = (reply: FastifyReply, status: number, code: string, message: string) => reply.code(status).send({ code, message });

type Upload = { file: Buffer | null; fileName: string; fields: Record<string, string> };
const readUpload = async (request: FastifyRequest): Promise<Upload> => {
  const upload: Upload = { file: null, fileName: "", fields: {} };
  for await (const part of request.parts()) {
    if (part.type === "file") {
      upload.file = await part.toBuffer();
      upload.fileName = part.filename;
    } else upload.fields[part.fieldname] = String(part.value);
  }
  return upload;
};

/** Just enough CSV reading for the fake: UTF-8, first line = headers, `;` or `,`. */
const readCsv = (buffer: Buffer) => {
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const delimiter = (lines[0]?.split(";").length ?? 0) >= (lines[0]?.split(",").length ?? 0) ? ";" : ",";
  return { delimiter, rows: lines.map((line) => line.split(delimiter).map((cell) => cell.trim())) };
};

const guesses: [keyof ColumnMapping, RegExp][] = [
  ["address", /^adresse$/i], ["street", /voie/i], ["complement", /compl/i], ["postcode", /^(cp|code postal)$/i],
  ["city", /^(ville|commune)$/i], ["lat", /^lat/i], ["lon", /^(lon|lng)/i], ["hireDate", /date/i],
  ["contractType", /contrat/i], ["establishment", /(établissement|etablissement|site)/i],
];

const inspect = (fileName: string, buffer: Buffer, sheet: string | undefined) => {
  if (/\.xlsx$/i.test(fileName)) {
    const sheets = ["Lisez-moi", "Embauches"];
    return inspectionSchema.parse({
      fileName, format: "xlsx", encoding: null, delimiter: null, sheets, sheet: sheet ?? "Embauches", headerLine: 3,
      columns: [
        { index: 0, header: "Col A", samples: ["2 rue de Tanger 75019 Paris"] },
        { index: 1, header: "Col B", samples: ["15/03/2024"] },
      ],
      mapping: {}, needsMapping: true, warnings: ["2 lignes de titre ignorées au-dessus des en-têtes."],
    });
  }
  const { delimiter, rows } = readCsv(buffer);
  const [headers = [], ...data] = rows;
  const mapping: ColumnMapping = {};
  headers.forEach((header, index) => {
    const guess = guesses.find(([field, pattern]) => mapping[field] === undefined && pattern.test(header));
    if (guess) mapping[guess[0]] = index;
  });
  const locatable = mapping.address !== undefined || mapping.street !== undefined || (mapping.lat !== undefined && mapping.lon !== undefined);
  return inspectionSchema.parse({
    fileName, format: "csv", encoding: "utf-8", delimiter, sheets: [], sheet: null, headerLine: 1,
    columns: headers.map((header, index) => ({ index, header, samples: data.slice(0, 3).map((r) => r[index] ?? "").filter(Boolean) })),
    mapping, needsMapping: !locatable, warnings: [],
  });
};

export type FakeApi = { baseUrl: string; close: () => Promise<void> };

/** Starts the fake on `port` (0 = any free port). Jobs advance by a quarter at each poll. */
export const startFakeApi = async (port = 0): Promise<FakeApi> => {
  if (!existsSync(resolve(webDist, "index.html"))) {
    throw new Error(`dist/web/index.html est absent : construisez d'abord l'interface (npm run build:web).`);
  }
  const perimeters = loadParisPerimeters().map((feature) => ({ feature, bbox: featureBbox(feature.geometry) }));
  const jobs = new Map<string, { job: ScoreJob; rows: number }>();
  const reports = new Map<string, ReturnType<typeof storedReportSchema.parse>>();

  const app = Fastify({ logger: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024 } });

  app.get(geoRoutes.locate.url, async (request, reply) => {
    const query = request.query as Record<string, string>;
    const date = query.date ?? "2025-01-15";
    if (query.address !== undefined) {
      if (query.address.trim().length < 3) return fail(reply, 400, "validation_error", "Saisissez une adresse d'au moins 3 caractères.");
      const canned = cannedLocations.find((c) => c.match.test(query.address.trim()));
      return canned ? { ...canned.answer, date } : notFoundLocation(date);
    }
    if (query.lat === undefined || query.lon === undefined) return fail(reply, 400, "validation_error", "Indiquez une adresse (address) ou des coordonnées (lat et lon).");
    const nearest = cannedLocations.find((c) => Math.abs(c.answer.geocoding!.lat - Number(query.lat)) < 0.0005 && Math.abs(c.answer.geocoding!.lon - Number(query.lon)) < 0.0005);
    return nearest ? { ...nearest.answer, date } : notFoundLocation(date);
  });

  app.get(geoRoutes.perimeters.url, async (request, reply) => {
    const parsed = perimetersQuerySchema.safeParse(request.query);
    if (!parsed.success) return fail(reply, 400, "validation_error", "bbox attendu : minLon,minLat,maxLon,maxLat");
    const [minLon, minLat, maxLon, maxLat] = parsed.data.bbox.split(",").map(Number);
    const features = parsed.data.millesime !== 2024 ? [] : perimeters
      .filter(({ bbox }) => bbox[0] <= maxLon && bbox[2] >= minLon && bbox[1] <= maxLat && bbox[3] >= minLat)
      .map(({ feature }) => feature);
    return perimetersResponseSchema.parse({ type: "FeatureCollection", features });
  });

  app.get<{ Params: { code: string } }>(geoRoutes.communeOutline.url, async (request, reply) =>
    communeOutline(request.params.code) ?? fail(reply, 404, "geo.commune_not_found", `Commune ${request.params.code} inconnue.`));

  app.post(scoreQpvRoutes.inspect.url, async (request, reply) => {
    const upload = await readUpload(request);
    if (!upload.file || upload.file.length === 0) return fail(reply, 400, "score_qpv.empty_file", "Le fichier est vide.");
    return inspect(upload.fileName, upload.file, upload.fields.sheet);
  });

  app.post(scoreQpvRoutes.createJob.url, async (request, reply) => {
    const upload = await readUpload(request);
    if (!upload.file || upload.file.length === 0) return fail(reply, 400, "score_qpv.empty_file", "Le fichier est vide.");
    const mapping = columnMappingSchema.safeParse(JSON.parse(upload.fields.mapping ?? "{}"));
    if (!mapping.success) return fail(reply, 400, "score_qpv.invalid_mapping", "La correspondance des colonnes est invalide.");
    const rows = /\.xlsx$/i.test(upload.fileName) ? 40 : Math.max(readCsv(upload.file).rows.length - 1, 3);
    const job = scoreJobSchema.parse({ id: randomUUID(), status: "pending", progress: { done: 0, total: rows }, reportId: null, error: null });
    jobs.set(job.id, { job, rows });
    return reply.code(202).send(job);
  });

  app.get<{ Params: { id: string } }>(scoreQpvRoutes.job.url, async (request, reply) => {
    const entry = jobs.get(request.params.id);
    if (!entry) return fail(reply, 404, "jobs.not_found", "Calcul introuvable.");
    const done = Math.min(entry.job.progress.done + Math.ceil(entry.rows / 4), entry.rows);
    let reportId: string | null = null;
    if (done === entry.rows) {
      reportId = randomUUID();
      reports.set(reportId, storedReportSchema.parse({ id: reportId, createdAt: "2025-01-15T10:30:00.000Z", report: cannedReport(entry.rows) }));
    }
    entry.job = scoreJobSchema.parse({ ...entry.job, status: reportId ? "succeeded" : "running", progress: { done, total: entry.rows }, reportId });
    return entry.job;
  });

  app.get<{ Params: { id: string } }>(scoreQpvRoutes.report.url, async (request, reply) =>
    reports.get(request.params.id) ?? fail(reply, 404, "score_qpv.report_not_found", "Ce rapport n'existe pas ou a été supprimé."));

  app.get<{ Params: { id: string; format: string } }>(scoreQpvRoutes.reportFile.url, async (request, reply) => {
    const stored = reports.get(request.params.id);
    if (!stored) return fail(reply, 404, "score_qpv.report_not_found", "Ce rapport n'existe pas ou a été supprimé.");
    const share = `${((stored.report.qpv.share ?? 0) * 100).toFixed(1)} %`;
    const files: Record<string, [string, string]> = {
      csv: ["text/csv; charset=utf-8", `indicateur;valeur\npart_qpv;${share}\n`],
      md: ["text/markdown; charset=utf-8", `# Score QPV\n\nPart des embauches en QPV : ${share}\n`],
      pdf: ["application/pdf", "%PDF-1.4\n% rapport factice du serveur de test\n%%EOF\n"],
    };
    const file = files[request.params.format];
    if (!file) return fail(reply, 404, "not_found", "Format inconnu.");
    return reply.type(file[0]).header("content-disposition", `attachment; filename="score-qpv.${request.params.format}"`).send(file[1]);
  });

  await app.register(fastifyStatic, { root: webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.method === "GET" && !request.url.startsWith("/api/")) return reply.sendFile("index.html");
    return fail(reply, 404, "not_found", `Aucune ressource à l'adresse ${request.url.split("?")[0]}.`);
  });

  const address = await app.listen({ port, host: "127.0.0.1" });
  return { baseUrl: address, close: () => app.close() };
};

// `node tests/browser/fake-api.ts [port]`: run the fake by hand to look at the pages.
if (import.meta.main) {
  const api = await startFakeApi(Number(process.argv[2] ?? 3100));
  console.log(`Fake API on ${api.baseUrl}`);
}
