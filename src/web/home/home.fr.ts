// UI text of the home page.
export const homeText = {
  title: "Accueil",
  heading: "Tremplin, le recrutement inclusif dans les territoires",
  lead:
    "Tremplin aide les entreprises, les conseillers et les territoires à recruter davantage dans les quartiers prioritaires de la politique de la ville (QPV) et les communes rurales. Le logiciel est libre et fonctionne sur votre propre serveur.",
  missionsHeading: "Quatre missions",
  available: "Disponible",
  upcoming: "À venir",
  missions: [
    {
      key: "mesurer",
      title: "Mesurer",
      desc: "Calculer, de façon anonyme, la part de vos embauches qui habitent en QPV ou en zone rurale (Score QPV), et vérifier une adresse.",
      available: true,
    },
    {
      key: "accompagner",
      title: "Accompagner",
      desc: "Repérer les talents prêts à l'emploi, organiser les bilans de compétences et l'orientation vers les métiers qui recrutent.",
      available: false,
    },
    {
      key: "mettre-en-relation",
      title: "Mettre en relation",
      desc: "Rassembler les offres d'emploi et organiser des rencontres ciblées entre candidats et employeurs du territoire.",
      available: false,
    },
    {
      key: "piloter",
      title: "Piloter",
      desc: "Suivre dans le temps les recrutements inclusifs d'un territoire et des organisations qui s'y engagent.",
      available: false,
    },
  ],
  startHeading: "Commencer",
  scoreQpvLink: "Calculer le Score QPV d'un fichier d'embauches",
  verifyLink: "Vérifier une adresse",
  honesty: "Aujourd'hui, seule la mission « Mesurer » est disponible. Les autres sont en préparation.",
} as const;
