// Error catalogue of job offers.
import { defineErrors } from "../server/errors.ts";

export const offersError = defineErrors({
  "offer.not_found": { status: 404, message: () => "Offre introuvable." },
  "offer.unknown_appellation": {
    status: 400,
    message: () => "Métier inconnu : choisissez une appellation dans la liste du ROME 4.0.",
  },
  "offer.contract_type_not_allowed": {
    status: 400,
    message: (p) => `Le type de contrat « ${String(p.label)} » n'est pas possible pour une structure « ${String(p.kind)} ». Types possibles : ${String(p.allowed)}.`,
  },
  "offer.not_an_employer": { status: 400, message: () => "Seule une organisation employeuse publie des offres." },
  "offer.unknown_commune": { status: 400, message: (p) => `Commune inconnue (code INSEE ${String(p.code)}).` },
  "offer.address_not_found": { status: 400, message: (p) => `Adresse non localisée : ${String(p.reason)}. Vérifiez-la ou indiquez seulement la commune.` },
  "offer.commune_not_located": {
    status: 400,
    message: (p) => `Nous ne connaissons pas la position de la commune ${String(p.code)} : cherchez autour d'une commune dont les adresses sont importées, ou d'un point (lat, lon).`,
  },
  "offer.already_closed": { status: 409, message: () => "Cette offre est déjà fermée." },
  "offer.already_open": { status: 409, message: () => "Cette offre est déjà ouverte." },
  "offer.closed": { status: 409, message: () => "Cette offre est fermée : rouvrez-la pour la confirmer." },
});
