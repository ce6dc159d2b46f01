// Whether a QPV answer could change within the geocoding precision. Pure.
import type { GeocodeMatch } from "../geocoder/geocoder.types.ts";
import type { Membership } from "./geography.types.ts";

export type UncertaintyReason = "low_score" | "imprecise_match" | "near_boundary";
export type Certainty = { uncertain: boolean; reasons: UncertaintyReason[] };

/** Geocoding score under which les emplois asks for a check. */
export const LOW_SCORE = 0.8;
/** A point this close to a QPV boundary is uncertain even with an exact match. */
export const NEAR_BOUNDARY_M = 30;
/** Membership.qpvBoundaryDistanceM is only known within this radius (see geography.ts). */
const BOUNDARY_KNOWN_WITHIN_M = 1000;

export const assessCertainty = (match: GeocodeMatch, membership: Membership, communeHasQpv: boolean): Certainty => {
  const reasons: UncertaintyReason[] = [];
  if (match.score < LOW_SCORE) reasons.push("low_score");
  if (match.matchType !== "housenumber" && qpvWithinPrecision(match, membership, communeHasQpv)) reasons.push("imprecise_match");
  if (isNearBoundary(membership, Math.max(NEAR_BOUNDARY_M, match.precisionM))) reasons.push("near_boundary");
  return { uncertain: reasons.length > 0, reasons };
};

/** For coordinates given as they are (no geocoding): only the distance to a boundary matters. */
export const assessPointCertainty = (membership: Membership): Certainty =>
  isNearBoundary(membership, NEAR_BOUNDARY_M) ? { uncertain: true, reasons: ["near_boundary"] } : { uncertain: false, reasons: [] };

const isNearBoundary = (membership: Membership, radiusM: number) =>
  membership.qpvBoundaryDistanceM !== null && membership.qpvBoundaryDistanceM < radiusM;

/** A QPV lies within the precision radius: the point is in one, or a boundary is that close. */
const qpvWithinPrecision = (match: GeocodeMatch, membership: Membership, communeHasQpv: boolean): boolean => {
  if (match.matchType === "municipality") return communeHasQpv;
  if (membership.qpv !== null) return true;
  if (membership.qpvBoundaryDistanceM !== null) return membership.qpvBoundaryDistanceM <= match.precisionM;
  // No boundary within the known radius: only a wider precision can reach a QPV of the commune.
  return match.precisionM > BOUNDARY_KNOWN_WITHIN_M && communeHasQpv;
};
