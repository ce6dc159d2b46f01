// The demo territory of Paris Nord-Est: a Cité de l'emploi, ten employers
// (three SIAE, six companies, one public employer), three prescribers and
// one account per role. Every name is fictitious ("démo"); every SIRET is
// valid (Luhn) and starts with 99.
import { sites } from "./demo.addresses.ts";
import { type DemoAccount, demoEmail, type DemoOrganisation, demoSiret } from "./demo.domain.ts";

const site = (arrondissement: number) => sites[arrondissement - 1]!;

export const demoOrganisations: readonly DemoOrganisation[] = [
  { key: "cite", kind: "cite_emploi", name: "Cité de l'emploi Paris Nord-Est (démo)", siret: demoSiret(1), site: site(19) },

  { key: "aci", kind: "ACI", name: "Les Jardins du Canal — chantier d'insertion (démo)", siret: demoSiret(2), site: site(19) },
  { key: "ei", kind: "EI", name: "Recyclerie de la Chapelle (démo)", siret: demoSiret(3), site: site(18) },
  { key: "etti", kind: "ETTI", name: "Intérim Solidaire Belleville (démo)", siret: demoSiret(4), site: site(20) },
  { key: "boulangerie", kind: "entreprise", name: "Boulangerie Fictive du Faubourg (démo)", siret: demoSiret(5), site: site(10) },
  { key: "logistique", kind: "entreprise", name: "Logistique Imaginaire Paris Nord (démo)", siret: demoSiret(6), site: site(17) },
  { key: "hotel", kind: "entreprise", name: "Hôtel Exemple de la Gare (démo)", siret: demoSiret(7), site: site(9) },
  { key: "proprete", kind: "entreprise", name: "Propreté Modèle & Fils (démo)", siret: demoSiret(8), site: site(11) },
  { key: "supermarche", kind: "entreprise", name: "Supermarché Démo Flandre (démo)", siret: demoSiret(9), site: site(13) },
  { key: "creches", kind: "entreprise", name: "Crèches Exemplaires (démo)", siret: demoSiret(10), site: site(14) },
  { key: "hopital", kind: "employeur_public", name: "Centre hospitalier Exemple (démo)", siret: demoSiret(11), site: site(12) },

  { key: "ft", kind: "FT", name: "France Travail Paris 19e — agence de démonstration", siret: demoSiret(12), authorised: true, site: site(19) },
  { key: "ml", kind: "ML", name: "Mission locale de Paris — antenne Nord-Est (démo)", siret: demoSiret(13), authorised: true, site: site(18) },
  { key: "plie", kind: "PLIE", name: "PLIE Paris Nord-Est (démo, habilitation en attente)", siret: demoSiret(14), authorised: false, site: site(20) },
];

export const employerKeys = demoOrganisations.filter((o) => !["cite", "ft", "ml", "plie"].includes(o.key)).map((o) => o.key);
export const prescriberKeys = ["ft", "ml", "plie"] as const;

const employerAdmins: DemoAccount[] = [
  ["aci", "Nadia Benali", "Encadrante technique, administratrice de l'ACI"],
  ["ei", "Julien Moreau", "Directeur de l'EI"],
  ["etti", "Fatou Diallo", "Chargée de recrutement de l'ETTI"],
  ["boulangerie", "Pierre Lefèvre", "Gérant d'une entreprise"],
  ["logistique", "Sandrine Martin", "Responsable RH d'une entreprise"],
  ["hotel", "Karim Haddad", "Directeur d'hôtel"],
  ["proprete", "Isabelle Petit", "Responsable d'agence"],
  ["supermarche", "Thomas Nguyen", "Directeur de magasin"],
  ["creches", "Claire Dubois", "Directrice des ressources humaines"],
  ["hopital", "Hélène Garnier", "Responsable du recrutement d'un employeur public"],
].map(([key, name, role]) => ({ email: demoEmail(`employeur.${key}`), name: name!, kind: "professional", membership: { organisation: key!, role: "admin" }, role: role! }));

export const demoAccounts: readonly DemoAccount[] = [
  { email: demoEmail("admin"), name: "Administration Tremplin (démo)", kind: "admin", role: "Administrateur de la plateforme (valide les habilitations)" },
  { email: demoEmail("cite"), name: "Samia Kaci", kind: "professional", membership: { organisation: "cite", role: "admin" }, role: "Cheffe de projet de la Cité de l'emploi (administratrice)" },
  { email: demoEmail("cite.membre"), name: "Louis Bernard", kind: "professional", membership: { organisation: "cite", role: "member" }, role: "Chargé de mission de la Cité de l'emploi (membre)" },
  ...employerAdmins,
  { email: demoEmail("employeur.aci.membre"), name: "Marc Lambert", kind: "professional", membership: { organisation: "aci", role: "member" }, role: "Accompagnateur socioprofessionnel de l'ACI (membre)" },
  { email: demoEmail("prescripteur.ft"), name: "Aïcha Traoré", kind: "professional", membership: { organisation: "ft", role: "admin" }, role: "Directrice d'agence France Travail (prescriptrice habilitée, administratrice)" },
  { email: demoEmail("prescripteur.ft.conseiller"), name: "Youssef El Amrani", kind: "professional", membership: { organisation: "ft", role: "member" }, role: "Conseiller France Travail (prescripteur habilité, membre)" },
  { email: demoEmail("prescripteur.ml"), name: "Émilie Rousseau", kind: "professional", membership: { organisation: "ml", role: "admin" }, role: "Conseillère de mission locale (prescriptrice habilitée)" },
  { email: demoEmail("prescripteur.plie"), name: "Olivier Fontaine", kind: "professional", membership: { organisation: "plie", role: "admin" }, role: "Référent PLIE (orienteur tant que l'habilitation attend)" },
  { email: demoEmail("professionnel"), name: "Camille Renaud", kind: "professional", role: "Professionnel sans organisation (peut en créer une)" },
  { email: demoEmail("candidat"), name: "Mamadou Sow", kind: "candidate", role: "Candidat avec son propre compte" },
];

/** ROME 4.0 appellations (code OGR) each employer recruits for: the offers, and what the candidates look for. */
export const jobsByEmployer: Readonly<Record<string, readonly string[]>> = {
  aci: ["16384", "16068", "488643", "17515"], // maraîcher, jardinier d'espaces verts, entretien des espaces verts, ouvrier paysagiste
  ei: ["10638", "38506", "16361"], // tri des déchets, tri DEEE, manutentionnaire
  etti: ["17993", "11679", "16361", "10573"], // préparateur de commandes, cariste, manutentionnaire, propreté et hygiène
  boulangerie: ["11573", "20560"], // boulanger, vendeur en boulangerie-pâtisserie
  logistique: ["17993", "11679", "16276"], // préparateur de commandes, cariste, magasinier
  hotel: ["18325", "20500", "17846", "12756"], // réceptionniste, valet / femme de chambre, plongeur, commis de cuisine
  proprete: ["10571", "10573"], // propreté de locaux, propreté et hygiène
  supermarche: ["14769", "11640"], // employé de libre-service, caissier
  creches: ["11448", "404261"], // auxiliaire de puériculture, restauration collective
  hopital: ["10698", "10891", "10372"], // agent de service hospitalier, aide-soignant, agent d'accueil
};

export const firstNames = [
  "Aminata", "Bilal", "Chloé", "Dylan", "Élodie", "Farid", "Grace", "Hugo", "Inès", "Jordan", "Kenza", "Lucas", "Mariam", "Nathan",
  "Océane", "Paul", "Rokia", "Samir", "Tiphaine", "Ulysse", "Vanessa", "Walid", "Yasmine", "Zoé", "Abdoulaye", "Binta", "Cédric",
  "Djeneba", "Enzo", "Fatoumata", "Gabriel", "Hawa", "Ibrahim", "Jade", "Kevin", "Leïla", "Moussa", "Nour", "Oumar", "Priscilla",
];
export const lastNames = [
  "Bah", "Camara", "Diallo", "Durand", "Fofana", "Girard", "Haddad", "Keita", "Laurent", "Martinez", "Mendy", "Ndiaye", "Ouattara",
  "Perrin", "Rahmani", "Sylla", "Touré", "Vidal", "Bensaïd", "Cissé", "Da Silva", "Fernandes", "Gomez", "Koné", "Lopez", "Morel",
  "Nguyen", "Petitjean", "Roux", "Sanchez", "Traoré", "Yilmaz", "Zerrouki", "Barry", "Coulibaly", "Dembélé",
];
