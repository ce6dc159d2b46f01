// Commune search for place pickers (offers, profiles): by postcode or by name,
// accent- and case-insensitive, on the communes table of the COG (trigram index
// on the normalised name, GIN index on the postcodes). Current communes and
// municipal arrondissements only: those are the codes places are recorded with.
import { sql } from "kysely";
import { normaliseCityName } from "../geocoder/address-normaliser.ts";
import type { Executor } from "../server/transaction.ts";

export type CommuneHit = { code: string; nom: string; departement: string; codesPostaux: string[]; arrondissement: boolean };

const searchable = ["commune-actuelle", "arrondissement-municipal"] as const;

/** Up to `limit` communes matching `q`: a postcode (or its first digits), else the start of a name, then similar names. */
export const searchCommunes = async (db: Executor, q: string, limit: number): Promise<CommuneHit[]> => {
  const text = q.trim();
  const base = db
    .selectFrom("communes")
    .select(["code_insee", "nom", "departement", "codes_postaux", "type"])
    .where("type", "in", searchable);
  let rows;
  if (/^\d{2,5}$/.test(text)) {
    // Arrondissements first: "75011" is the 11th arrondissement before being one of Paris's postcodes.
    rows = await base
      .where(text.length === 5 ? sql<boolean>`codes_postaux @> array[${text}]::text[]` : sql<boolean>`exists (select 1 from unnest(codes_postaux) p where p like ${`${text}%`})`)
      .orderBy(sql`type = 'arrondissement-municipal'`, "desc")
      .orderBy("population", (ob) => ob.desc().nullsLast())
      .orderBy("code_insee")
      .limit(limit)
      .execute();
  } else {
    const norm = normaliseCityName(text);
    if (norm.length < 2) return [];
    const prefix = `${norm.replace(/[\\%_]/g, "\\$&")}%`;
    rows = await base
      .where((eb) => eb.or([eb("name_norm", "like", prefix), sql<boolean>`name_norm % ${norm}`]))
      .orderBy(sql`name_norm like ${prefix}`, "desc")
      .orderBy(sql`similarity(name_norm, ${norm})`, "desc")
      .orderBy("population", (ob) => ob.desc().nullsLast())
      .orderBy("code_insee")
      .limit(limit)
      .execute();
  }
  return rows.map((r) => ({ code: r.code_insee, nom: r.nom, departement: r.departement, codesPostaux: r.codes_postaux, arrondissement: r.type === "arrondissement-municipal" }));
};
