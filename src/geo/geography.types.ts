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
  const time = date.getTime();
  return { qpv: time < QPV_2024_FROM ? 2015 : 2024, rural: time < FRR_FROM ? "zrr" : "frr" };
};

/** Midnight UTC of the first days of the 2024 QPV and of the FRR (dates are compared as UTC calendar days). */
const QPV_2024_FROM = Date.UTC(2024, 0, 1);
const FRR_FROM = Date.UTC(2024, 6, 1);

export type DatasetInfo = { millesime: string; source: string; rowCount: number; importedAt: string };

/** Loaded once in memory from the database (see geography.ts): every lookup is synchronous. */
export type Geography = {
  /** Membership of a point of commune `citycode` at `date` (the geography in force that day). */
  classify(lon: number, lat: number, citycode: string, date: Date): Membership;
  /** Fast path: the QPV of that millésime containing the point, or null. */
  qpvAt(lon: number, lat: number, millesime: QpvMillesime): QpvRef | null;
  /** Whether any QPV of that millésime lies (partly) in the commune (arrondissement codes accepted). */
  communeHasQpv(citycode: string, millesime: QpvMillesime): boolean;
  /** Rural class of a commune under a scheme, or null when not classified / unknown. */
  ruralClass(citycode: string, scheme: RuralScheme): RuralRef | null;
  datasets: { qpv: Record<QpvMillesime, DatasetInfo | null>; zrr: DatasetInfo | null; frr: DatasetInfo | null };
};
