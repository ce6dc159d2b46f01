// UI text of the shared form helpers.
export const formsText = {
  summaryTitle: (count: number) => (count > 1 ? `Le formulaire contient ${count} erreurs` : "Le formulaire contient une erreur"),
  summaryLead: "Corrigez les champs suivants :",
  showPassword: "Afficher le mot de passe",
  codePicker: {
    add: (label: string) => `Ajouter « ${label} »`,
    remove: (label: string) => `Retirer « ${label} »`,
    noResult: "Aucun résultat",
    results: (count: number) => `${count} résultat${count > 1 ? "s" : ""}`,
  },
} as const;
