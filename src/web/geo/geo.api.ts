// Calls to the geography API, validated by its contract.
import {
  communeOutlineResponseSchema,
  geoRoutes,
  locateResponseSchema,
  perimetersResponseSchema,
} from "../../geo/geo.contract.ts";
import { fillPath, getJson, withQuery } from "../api/client.ts";

export type LocateInput = { address?: string; lat?: number; lon?: number; date?: string };

export const locate = (input: LocateInput, signal?: AbortSignal) =>
  getJson(withQuery(geoRoutes.locate.url, input), locateResponseSchema, signal);

export const fetchPerimeters = (bbox: readonly [number, number, number, number], millesime: 2015 | 2024, signal?: AbortSignal) =>
  getJson(withQuery(geoRoutes.perimeters.url, { bbox: bbox.map((n) => n.toFixed(6)).join(","), millesime }), perimetersResponseSchema, signal);

export const fetchCommuneOutline = (code: string, signal?: AbortSignal) =>
  getJson(fillPath(geoRoutes.communeOutline.url, { code }), communeOutlineResponseSchema, signal);
