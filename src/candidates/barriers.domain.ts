// Peripheral barriers ("freins périphériques"): the 8 `frein_peripherique` themes of
// the Carnet de bord referential (data/reference/carnet-de-bord-thematiques.json,
// checked by barriers.domain.test.ts). Pure, shared with the web.
export const barriers = [
  { code: "logement", label: "Logement" },
  { code: "difficulte_administrative", label: "Difficultés administratives" },
  { code: "difficulte_financiere", label: "Difficultés financières" },
  { code: "mobilite", label: "Mobilité" },
  { code: "sante", label: "Santé" },
  { code: "contraintes_familiales", label: "Contraintes familiales" },
  { code: "maitrise_langue", label: "Maîtrise de la langue française" },
  { code: "numerique", label: "Numérique" },
] as const;

export type BarrierCode = (typeof barriers)[number]["code"];
export const barrierCodes = barriers.map((b) => b.code) as [BarrierCode, ...BarrierCode[]];
export const barrierLabel = (code: string): string => barriers.find((b) => b.code === code)?.label ?? code;
