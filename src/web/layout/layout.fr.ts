// UI text of the layout (header, footer, navigation, skip links, generic pages).
export const layoutText = {
  brandTop: ["République", "Française"],
  serviceTitle: "Tremplin",
  serviceTagline: "Recrutement inclusif dans les territoires",
  homeLinkTitle: "Accueil — Tremplin",
  nav: { home: "Accueil", verifyAddress: "Vérifier une adresse", scoreQpv: "Score QPV", api: "API" },
  apiLinkTitle: "Documentation de l'API (ouvre la page OpenAPI)",
  skipLinks: { content: "Contenu", menu: "Menu", footer: "Pied de page" },
  footerDescription:
    "Tremplin est un logiciel libre pour le recrutement inclusif dans les territoires. Les calculs se font sur la machine qui l'héberge, avec les données géographiques officielles.",
  license: "Sauf mention contraire, le code de Tremplin est publié sous licence AGPL-3.0-or-later.",
  titleSuffix: "Tremplin",
  notFound: {
    title: "Page introuvable",
    lead: "La page demandée n'existe pas ou a été déplacée.",
    back: "Revenir à l'accueil",
  },
  loading: "Chargement…",
} as const;

/** document.title for a page: "Page — Tremplin". */
export const pageTitle = (page: string) => `${page} — ${layoutText.titleSuffix}`;
