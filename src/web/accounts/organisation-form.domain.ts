// Pure rules of the organisation screens: kinds offered in the creation form, SIRET and form checks
// (mirroring the server's), the actions offered on a member, the return path of "choose an organisation".
import {
  adminOnlyPrescriberKinds,
  checkSiret,
  employerKinds,
  normaliseSiret,
  operatorKinds,
  type OrganisationFamily,
  prescriberKinds,
} from "../../organisations/organisations.domain.ts";
import { looksLikeEmail } from "./password-reset.domain.ts";
import { organisationsText as t } from "./organisations.fr.ts";

export type KindOption = { value: string; label: string };
export type KindGroup = { family: OrganisationFamily; label: string; options: KindOption[] };

const options = (kinds: Record<string, string>, excluded: readonly string[] = []): KindOption[] =>
  Object.entries(kinds)
    .filter(([value]) => !excluded.includes(value))
    .map(([value, label]) => ({ value, label }));

/** Kinds grouped by family, labels of the API; the kinds reserved to platform admins are left out for others. */
export const kindGroups = (platformAdmin = false): KindGroup[] => [
  { family: "employer", label: t.families.employer, options: options(employerKinds) },
  { family: "prescriber", label: t.families.prescriber, options: options(prescriberKinds, platformAdmin ? [] : adminOnlyPrescriberKinds) },
  { family: "operator", label: t.families.operator, options: options(operatorKinds) },
];

/** The French message of a SIRET the server would refuse, or undefined (same rules: 14 digits, Luhn, La Poste). */
export const siretError = (input: string): string | undefined => {
  if (!input.trim()) return t.create.missingSiret;
  const verdict = checkSiret(input);
  if (verdict === "not_14_digits") return t.create.siretNot14;
  if (verdict === "bad_checksum") return t.create.siretChecksum;
  return undefined;
};

/** "12345678901234" → "123 456 789 01234" (SIREN by groups of 3, then the establishment number). */
export const formatSiret = (siret: string): string => {
  const digits = normaliseSiret(siret);
  return /^\d{14}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}` : siret;
};

export type OrganisationValues = { kind: string; name: string; siret: string };

export const organisationErrors = (values: OrganisationValues, platformAdmin = false): Record<string, string> => {
  const errors: Record<string, string> = {};
  const known = kindGroups(platformAdmin).some((group) => group.options.some((o) => o.value === values.kind));
  if (!values.kind) errors.kind = t.create.missingKind;
  else if (!known) errors.kind = t.create.unknownKind;
  if (!values.name.trim()) errors.name = t.create.missingName;
  else if (values.name.trim().length > 200) errors.name = t.create.longName;
  const siret = siretError(values.siret);
  if (siret) errors.siret = siret;
  return errors;
};

export const inviteErrors = (values: { email: string }): Record<string, string> => {
  const email = values.email.trim();
  if (!email) return { email: t.invite.missingEmail };
  if (!looksLikeEmail(email) || email.length > 254) return { email: t.invite.badEmail };
  return {};
};

export type MemberActions = { promote: boolean; demote: boolean; remove: boolean; leave: boolean };

/**
 * What the person may try on a member's row: admins change roles and remove others; anyone may leave.
 * The API keeps the last admin (and answers a French error), so these are offers, not guarantees.
 */
export const memberActions = (member: { userId: string; role: "member" | "admin" }, me: { userId: string; admin: boolean }): MemberActions => {
  const self = member.userId === me.userId;
  return {
    promote: me.admin && member.role === "member",
    demote: me.admin && member.role === "admin",
    remove: me.admin && !self,
    leave: self,
  };
};
