// Pending invitations of the organisation (revocable) and the form to invite a colleague by e-mail. Admins only.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { type FormEvent, useState } from "react";
import type { invitationSchema } from "../../organisations/organisations.contract.ts";
import type { z } from "../../shared/zod.ts";
import { errorMessage } from "../api/client.ts";
import { ErrorSummary, fieldState } from "../forms/forms.tsx";
import { useFormSubmit } from "../forms/useFormSubmit.ts";
import { formatDate } from "../shared-format.ts";
import { invite, revokeInvitation } from "./accounts.api.ts";
import { type Feedback, FeedbackMessage } from "./MembersSection.tsx";
import { inviteErrors } from "./organisation-form.domain.ts";
import { organisationsText } from "./organisations.fr.ts";

export type Invitation = z.infer<typeof invitationSchema>;

const t = organisationsText;
const inviteFields = { email: "invite-email" };

const InviteForm = ({ organisationId, onInvited }: { organisationId: string; onInvited: (invitation: Invitation) => void }) => {
  const [values, setValues] = useState({ email: "", role: "member" as "member" | "admin" });
  const [sent, setSent] = useState<string | null>(null);
  const { errors, busy, attempt, summary, submit: submitForm } = useFormSubmit(inviteFields);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSent(null);
    return submitForm(event, {
      validate: () => inviteErrors(values),
      send: async () => {
        const invitation = await invite(organisationId, { email: values.email.trim(), role: values.role });
        onInvited(invitation);
        setSent(t.invite.sent(invitation.email));
        setValues({ email: "", role: "member" });
      },
    });
  };

  return (
    <section aria-labelledby="organisation-invite" className="fr-mt-6w">
      <h2 id="organisation-invite" className="fr-h4">{t.invite.title}</h2>
      <p>{t.invite.lead}</p>
      <FeedbackMessage feedback={sent ? { severity: "success", message: sent } : null} />
      <ErrorSummary errors={summary} attempt={attempt} />
      <form onSubmit={submit} noValidate className="fr-col-12 fr-col-md-8">
        <Input
          label={t.invite.email}
          hintText={t.invite.emailHint}
          {...fieldState(errors.email)}
          nativeInputProps={{ id: inviteFields.email, name: "email", type: "email", autoComplete: "off", required: true, value: values.email, onChange: (e) => setValues((v) => ({ ...v, email: e.target.value })) }}
        />
        <RadioButtons
          legend={t.invite.role}
          name="role"
          orientation="horizontal"
          {...fieldState(errors.role)}
          options={(["member", "admin"] as const).map((role) => ({
            label: t.roles[role],
            hintText: t.invite.roleHints[role],
            nativeInputProps: { value: role, checked: values.role === role, onChange: () => setValues((v) => ({ ...v, role })) },
          }))}
        />
        <Button type="submit" disabled={busy}>{busy ? t.invite.submitting : t.invite.submit}</Button>
      </form>
    </section>
  );
};

export const InvitationsSection = ({
  organisationId,
  invitations,
  setInvitations,
}: {
  organisationId: string;
  invitations: Invitation[];
  setInvitations: (update: (list: Invitation[]) => Invitation[]) => void;
}) => {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const revoke = async (invitation: Invitation) => {
    setBusy(true);
    setFeedback(null);
    try {
      await revokeInvitation(organisationId, invitation.id);
      setInvitations((list) => list.filter((i) => i.id !== invitation.id));
      setFeedback({ severity: "success", message: t.invitations.revoked(invitation.email) });
    } catch (error) {
      setFeedback({ severity: "error", message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="organisation-invitations" className="fr-mt-6w">
        <h2 id="organisation-invitations" className="fr-h4">{t.invitations.title}</h2>
        <FeedbackMessage feedback={feedback} />
        {invitations.length === 0 ? (
          <p>{t.invitations.none}</p>
        ) : (
          <div className="fr-table fr-table--no-caption">
            <table data-testid="organisation-invitations">
              <caption>{t.invitations.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.invitations.email}</th>
                  <th scope="col">{t.invitations.role}</th>
                  <th scope="col">{t.invitations.expires}</th>
                  <th scope="col">{t.mine.actions}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row">{invitation.email}</th>
                    <td>{t.roles[invitation.role]}</td>
                    <td>{formatDate(invitation.expiresAt)}</td>
                    <td>
                      <Button size="small" priority="tertiary" disabled={busy} onClick={() => void revoke(invitation)}>
                        {t.invitations.revoke}<span className="fr-sr-only"> ({invitation.email})</span>
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InviteForm organisationId={organisationId} onInvited={(invitation) => setInvitations((list) => [invitation, ...list.filter((i) => i.email !== invitation.email)])} />
    </>
  );
};
