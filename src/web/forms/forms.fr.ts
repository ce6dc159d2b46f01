// UI text of the shared form helpers.
export const formsText = {
  summaryTitle: (count: number) => (count > 1 ? `Le formulaire contient ${count} erreurs` : "Le formulaire contient une erreur"),
  summaryLead: "Corrigez les champs suivants :",
  showPassword: "Afficher le mot de passe",
} as const;
