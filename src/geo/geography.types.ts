// The official geographies a point is measured against, chosen by date.

export type QpvMillesime = 2015 | 2024;
export type RuralScheme = "zrr" | "frr";

export type QpvRef = { code: string; name: string; millesime: QpvMillesime };

export type RuralRef = {
  scheme: RuralScheme;
  /** Official class code, e.g. "C"/"P" (ZRR) or "frr_socle"/"frr_plus"/"frr_beneficiaire"… */
  class: string;
  /** Official French label, e.g. "FRR+" or "Classée en ZRR". */
  label: string;
};

export type Membership = {
  qpv: QpvRef | null;
  /** null when the commune is not classified (or unknown). */
  rural: RuralRef | null;
  /** Distance in metres from the point to the nearest QPV boundary of that millésime, if one is within 1 km. */
  qpvBoundaryDistanceM: number | null;
  geography: { qpv: QpvMillesime; rural: RuralScheme };
};

/** QPV 2015 before 1 Jan 2024, QPV 2024 from then; ZRR before 1 Jul 2024, FRR from then. */
export const geographyAt = (date: Date): { qpv: QpvMillesime; rural: RuralScheme } => {
  const iso = date.toISOString().slice(0, 10);
  return { qpv: iso < "2024-01-01" ? 2015 : 2024, rural: iso < "2024-07-01" ? "zrr" : "frr" };
};
