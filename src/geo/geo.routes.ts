// HTTP binding of the geography: check one address or point, perimeters for the
// map, commune outlines. The address of a request is never stored nor logged.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Geocoder } from "../geocoder/geocoder.types.ts";
import { geocodeFailureLabels } from "../geocoder/geocoder.types.ts";
import type { Database } from "../server/db.ts";
import { z } from "../shared/zod.ts";
import { assessCertainty, assessPointCertainty } from "./certainty.ts";
import {
  communeHitSchema,
  communeOutlineResponseSchema,
  communeSearchQuerySchema,
  geoRoutes,
  type LocateResponse,
  locateQuerySchema,
  locateResponseSchema,
  perimetersQuerySchema,
  perimetersResponseSchema,
} from "./geo.contract.ts";
import { geoError } from "./geo.errors.ts";
import { searchCommunes } from "./commune-search.queries.ts";
import { type Bbox, perimetersInBbox } from "./geography.ts";
import { type Geography, geographyAt } from "./geography.types.ts";
import { nearestAddressAt } from "./nearest-address.queries.ts";

export type GeoRouteDeps = { db: Database; geography: Geography; geocoder: Geocoder };

/** Perimeters sent for one map view, at most. */
export const PERIMETERS_LIMIT = 500;

const outlineParams = z.object({ code: z.string().regex(/^[0-9][0-9AB][0-9]{3}$/, "code INSEE attendu (5 caractères)") });

export const registerGeoRoutes = (scope: FastifyInstance, deps: GeoRouteDeps): void => {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { db, geography, geocoder } = deps;

  app.get(
    geoRoutes.locate.url,
    { schema: { summary: "Vérifier une adresse ou un point : QPV, FRR/ZRR, certitude", querystring: locateQuerySchema, response: { 200: locateResponseSchema } } },
    async (request): Promise<LocateResponse> => {
      const query = request.query;
      const date = query.date ?? new Date().toISOString().slice(0, 10);
      const at = new Date(`${date}T00:00:00Z`);
      const inForce = geographyAt(at);
      const base = { date, geography: inForce };

      if (query.address !== undefined) {
        const result = await geocoder.geocode({ full: query.address });
        if (!result.ok) {
          // Not located: the answer is unknown, hence uncertain; the commune may still be known.
          return {
            ...base,
            geocoding: null,
            failure: { reason: result.reason, message: geocodeFailureLabels[result.reason] },
            qpv: null,
            rural: result.citycode ? geography.ruralClass(result.citycode, inForce.rural) : null,
            uncertain: true,
            uncertaintyReasons: [],
            qpvBoundaryDistanceM: null,
          };
        }
        const membership = geography.classify(result.lon, result.lat, result.citycode, at);
        const certainty = assessCertainty(result, membership, geography.communeHasQpv(result.citycode, inForce.qpv));
        const { label, score, matchType, lat, lon, citycode, postcode, precisionM } = result;
        return {
          ...base,
          geocoding: { label, score, matchType, lat, lon, citycode, postcode, precisionM },
          failure: null,
          qpv: membership.qpv,
          rural: membership.rural,
          uncertain: certainty.uncertain,
          uncertaintyReasons: certainty.reasons,
          qpvBoundaryDistanceM: membership.qpvBoundaryDistanceM,
        };
      }

      // Coordinates taken as they are: the commune is that of the nearest address, if any is close.
      const lon = query.lon!;
      const lat = query.lat!;
      const nearest = await nearestAddressAt(db, lon, lat);
      const membership = geography.classify(lon, lat, nearest?.citycode ?? "", at);
      const certainty = assessPointCertainty(membership);
      return {
        ...base,
        geocoding: null,
        failure: null,
        qpv: membership.qpv,
        rural: nearest ? membership.rural : null,
        uncertain: certainty.uncertain,
        uncertaintyReasons: certainty.reasons,
        qpvBoundaryDistanceM: membership.qpvBoundaryDistanceM,
      };
    },
  );

  app.get(
    geoRoutes.perimeters.url,
    { schema: { summary: "Périmètres QPV d'une emprise (GeoJSON)", querystring: perimetersQuerySchema, response: { 200: perimetersResponseSchema } } },
    async (request) => {
      const bbox = request.query.bbox.split(",").map(Number) as Bbox;
      if (bbox[0] > bbox[2] || bbox[1] > bbox[3]) throw geoError("geo.bad_bbox", { bbox: request.query.bbox });
      return perimetersInBbox(db, bbox, request.query.millesime, PERIMETERS_LIMIT);
    },
  );

  app.get(
    geoRoutes.communes.url,
    {
      schema: {
        summary: "Recherche de communes par nom ou code postal (communes et arrondissements municipaux du COG)",
        querystring: communeSearchQuerySchema,
        response: { 200: z.array(communeHitSchema) },
      },
    },
    async (request) => searchCommunes(db, request.query.q, request.query.limit),
  );

  app.get(
    geoRoutes.communeOutline.url,
    { schema: { summary: "Contour approché d'une commune (enveloppe de ses adresses)", params: outlineParams, response: { 200: communeOutlineResponseSchema } } },
    async (request) => {
      const { code } = request.params;
      const row = await db.selectFrom("ban_communes").select(["code_insee", "nom", "outline"]).where("code_insee", "=", code).executeTakeFirst();
      if (!row || row.outline.length < 3) throw geoError("geo.outline_not_found", { code });
      const ring = row.outline;
      const [first, last] = [ring[0]!, ring[ring.length - 1]!];
      const closed = first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
      return {
        type: "Feature" as const,
        properties: { code: row.code_insee, name: row.nom, approximate: true },
        geometry: { type: "Polygon", coordinates: [closed] },
      };
    },
  );
};
