// Pure rules of "Mon compte": the checks of the change-password form, before asking the server.
import { accountsText } from "./accounts.fr.ts";
import { newPasswordErrors } from "./password-reset.domain.ts";

export type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmation: string };

/** Same rules as POST /api/v1/auth/password (changePasswordBodySchema): the current password, then the reset page's rules. */
export const changePasswordErrors = (values: ChangePasswordValues): Record<string, string> => {
  const errors: Record<string, string> = {};
  if (!values.currentPassword) errors.currentPassword = accountsText.myAccount.missingCurrent;
  const fresh = newPasswordErrors({ password: values.newPassword, confirmation: values.confirmation });
  if (fresh.password) errors.newPassword = fresh.password;
  if (fresh.confirmation) errors.confirmation = fresh.confirmation;
  return errors;
};
