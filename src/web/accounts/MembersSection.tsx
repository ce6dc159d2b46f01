// Members of the organisation: roles; admins change roles and remove members, anyone may leave.
// The API decides (it keeps the last admin) and its French message is shown next to the table.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import type { memberSchema } from "../../organisations/organisations.contract.ts";
import type { z } from "../../shared/zod.ts";
import { errorMessage } from "../api/client.ts";
import { formatDate } from "../shared-format.ts";
import { changeRole, removeMember } from "./accounts.api.ts";
import { memberActions } from "./organisation-form.domain.ts";
import { organisationsText } from "./organisations.fr.ts";

export type Member = z.infer<typeof memberSchema>;
export type Feedback = { severity: "success" | "error"; message: string } | null;

const t = organisationsText.mine;
const roles = organisationsText.roles;

/** A success or error message after an action (the DSFR alert is itself a live region: status or alert). */
export const FeedbackMessage = ({ feedback }: { feedback: Feedback }) =>
  feedback && <Alert className="fr-mb-3w" severity={feedback.severity} small description={feedback.message} />;

/** The member's name for screen readers, so that each row's buttons are told apart. */
const Who = ({ name }: { name: string }) => <span className="fr-sr-only"> ({name})</span>;

export const MembersSection = ({
  organisation,
  members,
  me,
  onChanged,
  onLeft,
}: {
  organisation: { id: string; name: string };
  members: Member[];
  me: { userId: string; admin: boolean };
  onChanged: () => Promise<void>;
  onLeft: () => Promise<void>;
}) => {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<void>, done: string, after: () => Promise<void> = onChanged) => {
    setBusy(key);
    setFeedback(null);
    try {
      await action();
      await after();
      setFeedback({ severity: "success", message: done });
    } catch (error) {
      setFeedback({ severity: "error", message: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  };

  const setRole = (member: Member, role: "member" | "admin") =>
    run(`${member.userId}-role`, () => changeRole(organisation.id, member.userId, role), t.roleChanged(member.name, roles[role]));
  const remove = (member: Member) => {
    if (!window.confirm(t.confirmRemove(member.name))) return;
    void run(`${member.userId}-remove`, () => removeMember(organisation.id, member.userId), t.removed(member.name));
  };
  const leave = (member: Member) => {
    if (!window.confirm(t.confirmLeave(organisation.name))) return;
    void run(`${member.userId}-leave`, () => removeMember(organisation.id, member.userId), t.left(organisation.name), onLeft);
  };

  return (
    <section aria-labelledby="organisation-members" className="fr-mt-6w">
      <h2 id="organisation-members" className="fr-h4">{t.members}</h2>
      <FeedbackMessage feedback={feedback} />
      <div className="fr-table fr-table--no-caption">
        <table data-testid="organisation-members">
          <caption>{t.membersCaption(organisation.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.memberName}</th>
              <th scope="col">{t.memberEmail}</th>
              <th scope="col">{t.memberRole}</th>
              <th scope="col">{t.memberSince}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const actions = memberActions(member, me);
              const self = member.userId === me.userId;
              return (
                <tr key={member.userId}>
                  <th scope="row">
                    {member.name} {self && <span className="fr-text--sm">{t.you}</span>}
                  </th>
                  <td>{member.email}</td>
                  <td>{roles[member.role]}</td>
                  <td>{formatDate(member.since)}</td>
                  <td>
                    <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg">
                      {actions.promote && (
                        <li>
                          <Button size="small" priority="secondary" disabled={busy !== null} onClick={() => void setRole(member, "admin")}>{t.promote}<Who name={member.name} /></Button>
                        </li>
                      )}
                      {actions.demote && (
                        <li>
                          <Button size="small" priority="secondary" disabled={busy !== null} onClick={() => void setRole(member, "member")}>{t.demote}<Who name={member.name} /></Button>
                        </li>
                      )}
                      {actions.remove && (
                        <li>
                          <Button size="small" priority="tertiary" disabled={busy !== null} onClick={() => remove(member)}>{t.remove}<Who name={member.name} /></Button>
                        </li>
                      )}
                      {actions.leave && (
                        <li>
                          <Button size="small" priority="tertiary" disabled={busy !== null} onClick={() => leave(member)}>{t.leave}</Button>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};
