// UI text of the "Vérifier une adresse" page.
import type { z } from "zod";
import type { matchTypeSchema } from "../../geo/geo.contract.ts";

export const matchTypeLabels: Record<z.infer<typeof matchTypeSchema>, string> = {
  housenumber: "numéro",
  street: "voie",
  locality: "lieu-dit",
  municipality: "commune",
};

export const ruralSchemeLabels = {
  frr: "France ruralités revitalisation (FRR)",
  zrr: "Zone de revitalisation rurale (ZRR)",
} as const;

export const geoText = {
  title: "Vérifier une adresse",
  lead:
    "Indiquez une adresse postale ou des coordonnées : Tremplin dit si le point est dans un quartier prioritaire de la politique de la ville (QPV) et si la commune est classée en zone rurale (FRR, ou ZRR avant le 1er juillet 2024).",
  privacy: "L'adresse est traitée sur ce serveur, avec la base d'adresses locale, et n'est pas conservée.",
  form: {
    legend: "Que voulez-vous vérifier ?",
    modeAddress: "Une adresse postale",
    modeCoordinates: "Des coordonnées (latitude et longitude)",
    address: "Adresse",
    addressHint: "Numéro, voie, code postal et commune. Exemple : 20 avenue de Ségur 75007 Paris",
    lat: "Latitude",
    latHint: "En degrés décimaux, entre -90 et 90. Exemple : 48,8566",
    lon: "Longitude",
    lonHint: "En degrés décimaux, entre -180 et 180. Exemple : 2,3522",
    date: "Mesurer à la date du (facultatif)",
    dateHint: "Par défaut, aujourd'hui. Avant 2024, les QPV de 2015 et les ZRR s'appliquent.",
    submit: "Vérifier",
    submitting: "Vérification en cours…",
    errors: {
      address: "Saisissez une adresse d'au moins 3 caractères.",
      lat: "Saisissez une latitude entre -90 et 90, par exemple 48,8566.",
      lon: "Saisissez une longitude entre -180 et 180, par exemple 2,3522.",
      date: "Saisissez une date valide.",
    },
  },
  result: {
    heading: "Résultat",
    notFoundTitle: "Adresse non localisée",
    address: "Adresse reconnue",
    matchType: "Localisée au niveau",
    score: "Score de géocodage",
    scoreValue: (score: string, meters: string) => `${score} sur 1 (précision d'environ ${meters} m)`,
    coordinates: "Coordonnées",
    commune: "Commune (code INSEE)",
    postcode: "Code postal",
    qpv: "Quartier prioritaire (QPV)",
    qpvValue: (name: string, code: string, millesime: number) => `${name} (${code}), périmètres ${millesime}`,
    outsideQpv: (millesime: number) => `Hors QPV (périmètres ${millesime})`,
    boundaryDistance: "Distance à la limite de périmètre QPV la plus proche",
    meters: (meters: string) => `${meters} m`,
    rural: "Zonage rural",
    notClassified: (scheme: string) => `Commune non classée (${scheme})`,
    measuredOn: "Mesuré à la date du",
    badgeQpv: "En QPV",
    badgeOutsideQpv: "Hors QPV",
    badgeUncertain: "Résultat incertain",
    uncertainTitle: "Ce résultat pourrait changer",
    uncertainLead: "La précision du géocodage ne permet pas d'être sûr de l'appartenance au QPV :",
    uncertainPointLead: "Le point est trop près d'une limite pour être sûr de l'appartenance au QPV :",
    pointTitle: (coordinates: string) => `Point ${coordinates}`,
  },
  map: {
    heading: "Carte",
    loading: "Chargement de la carte…",
    unavailable: "La carte ne peut pas s'afficher dans ce navigateur. Toutes les informations sont données dans le résultat ci-dessus.",
    alternative:
      "La carte reprend le résultat ci-dessus : elle montre le point localisé, les périmètres QPV alentour et le contour de la commune. Elle n'apporte pas d'autre information.",
    legendPoint: "Point localisé",
    legendQpv: "Périmètre QPV contenant le point",
    legendOtherQpv: "Autres périmètres QPV à proximité",
    legendCommune: (name: string, approximate: boolean) => `Contour de la commune ${name}${approximate ? " (contour approximatif)" : ""}`,
    perimetersCount: (count: number, millesime: number) =>
      count === 0 ? `Aucun périmètre QPV ${millesime} dans un rayon d'environ 1,5 km.` : `${count} périmètre${count > 1 ? "s" : ""} QPV ${millesime} dans un rayon d'environ 1,5 km.`,
    sources: "Sources : périmètres QPV de l'ANCT, contour approximatif de la commune tracé autour de ses adresses de la Base Adresse Nationale, sans fond de carte.",
    zoomIn: "Zoomer",
    zoomOut: "Dézoomer",
  },
} as const;
